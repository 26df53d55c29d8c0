"""Overlapping OCR readings of one stretch, decided by the stretch read in context.

The ocr stage decides each span on its own, so one stretch of print can carry two
accepted readings that overlap: a reading of two printed tokens as one word
("auount io" -> "acoustic") and readings of each token ("auount" -> "amount", "io" ->
"to").  The pipeline keeps the most confident of overlapping edits
(:func:`repair.write.select_disjoint`), but each confidence was earned against its own
span's alternatives, not against the other reading of the stretch.

Here each cluster of overlapping edits is read twice: with the edits the confidence
order keeps, and with the other choice for the cluster's longest edit (kept when the
order drops it, dropped when it keeps it; the rest again by confidence).  Each reading
is scored as the language model's log-probability of the stretch's words, with two
words of context on each side, minus the channel cost of its edits
(``confusion_cost``).  The other reading wins only by :data:`MARGIN` nats (more,
:data:`SHORT_MARGIN`, to break up a longer edit the order kept: it is right far more
often than not); then the cluster's edits that clash with it are dropped, so the
pipeline's selection keeps it.

Cost: one sort and a sweep over the edits; a cluster larger than :data:`MAX_CLUSTER`
is left to the confidence order (issue 14: no all-pairs scans).
"""

from __future__ import annotations

import re

from repair.resources.lm import get_lm
from repair.types import Edit

#: Decide overlapping readings by the stretch in context (off: confidence alone).
OVERLAP = True
#: Nats the longer edit's reading must gain over the confidence order's choice.
MARGIN = 0.0
#: Nats the shorter edits' reading must gain to break up a longer edit the order kept.
SHORT_MARGIN = 4.0
#: Clusters of more edits are left to the confidence order.
MAX_CLUSTER = 8
#: Characters of context read on each side of a stretch for its two context words.
_REACH = 60

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


def _greedy(cluster: list[Edit], forced: Edit | None, banned: Edit | None) -> list[Edit]:
    """The edits of ``cluster`` the confidence order keeps, ``forced`` first, without
    ``banned``: the order of :func:`repair.write.select_disjoint`."""
    kept: list[Edit] = [forced] if forced is not None else []
    for e in sorted(cluster, key=lambda x: (-x.confidence, x.offset)):
        if e is forced or e is banned:
            continue
        if all(e.end <= k.offset or k.end <= e.offset for k in kept):
            kept.append(e)
    return kept


def _cost(edits: list[Edit]) -> float:
    total = 0.0
    for e in edits:
        c = e.evidence.get("confusion_cost") if e.evidence else None
        if isinstance(c, (int, float)):
            total += float(c)
    return total


def _score(text: str, start: int, end: int, edits: list[Edit]) -> float:
    """LM log-probability of ``text[start:end]`` with ``edits`` applied, two words of
    context each side, minus the edits' channel cost."""
    body = []
    pos = start
    for e in sorted(edits, key=lambda x: x.offset):
        body.append(text[pos : e.offset])
        body.append(e.replacement)
        pos = e.end
    body.append(text[pos:end])
    before = _WORD.findall(text[max(0, start - _REACH) : start])[-2:]
    after = _WORD.findall(text[end : end + _REACH])[:2]
    words = _WORD.findall("".join(body)) + after
    return get_lm().sequence_logprob(words, before) - _cost(edits)


def _clusters(edits: list[Edit]) -> list[list[int]]:
    """Indices of ``edits`` in groups that overlap (one sort, one sweep)."""
    order = sorted(range(len(edits)), key=lambda m: (edits[m].offset, edits[m].end))
    groups: list[list[int]] = []
    reach = -1
    for m in order:
        e = edits[m]
        if groups and e.offset < reach:
            groups[-1].append(m)
            reach = max(reach, e.end)
        else:
            groups.append([m])
            reach = e.end
    return [g for g in groups if len(g) > 1]


def resolve_overlaps(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits`` without the ones that clash with the better reading of their stretch."""
    if not OVERLAP or len(edits) < 2:
        return edits
    dropped: set[int] = set()
    for group in _clusters(edits):
        if len(group) > MAX_CLUSTER:
            continue
        cluster = [edits[m] for m in group]
        if any(e.length == 0 for e in cluster):
            continue
        longest = max(cluster, key=lambda e: (e.length, e.confidence))
        chosen = _greedy(cluster, None, None)
        if any(e is longest for e in chosen):
            other = _greedy(cluster, None, longest)
            margin = SHORT_MARGIN
        else:
            other = _greedy(cluster, longest, None)
            margin = MARGIN
        start = min(e.offset for e in cluster)
        end = max(e.end for e in cluster)
        if _score(text, start, end, other) > _score(text, start, end, chosen) + margin:
            keep = {id(e) for e in other}
            dropped.update(m for m in group if id(edits[m]) not in keep)
    if not dropped:
        return edits
    return [e for m, e in enumerate(edits) if m not in dropped]
