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

Two refinements (session 40, both off: see the flags).  :data:`HYBRID`: when the wider
edit would stand and it keeps a narrower edit's printed word verbatim and whole
("nllowcd-t-vo" -> "nllowcd-two" over "nllowcd" -> "allowed"), a third reading writes
the narrower readings inside it ("allowed-two"), scored the same way (both channel
costs); it replaces the wider edit when it scores higher.  :data:`PAIR_MARGIN`: the
break-up margin when the narrower edits read every word of the wider edit's print
("motoi\\ncal" -> "medical" over "motor" + "car"), instead of :data:`SHORT_MARGIN`.

Cost: one sort and a sweep over the edits; a cluster larger than :data:`MAX_CLUSTER`
is left to the confidence order (issue 14: no all-pairs scans).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from repair.resources.lm import get_lm
from repair.score import ocr_variantlm
from repair.types import Edit

#: Decide overlapping readings by the stretch in context (off: confidence alone).
OVERLAP = True
#: Nats the longer edit's reading must gain over the confidence order's choice.
MARGIN = 0.0
#: Nats the shorter edits' reading must gain to break up a longer edit the order kept.
SHORT_MARGIN = 4.0
#: A kept wider edit that keeps a narrower edit's printed word verbatim (a glued mark or
#: stray piece read around it: "nllowcd-t-vo" -> "nllowcd-two" over "nllowcd" ->
#: "allowed") is also read with the narrower readings written inside it, on the same
#: footing (context LM of the stretch minus both channel costs; session 40).  On (lead,
#: session 40): with PAIR_MARGIN, SMH dev fold B 2,524 -> 2,518 tokens, fold A has no
#: such stretch (no article changes), test 5,498 -> 5,491; no token right -> wrong.
HYBRID = True
#: Nats the wider edit with its narrower readings inside must gain over the wider edit alone.
HYBRID_MARGIN = 0.0
#: The shorter edits' margin instead of :data:`SHORT_MARGIN` when they read every word of
#: the kept wider edit's print ("motoi cal" -> "medical" over "motor" + "car"; session 40;
#: ``None``: off).  On at 1.0 (lead, session 40; see HYBRID).
PAIR_MARGIN: float | None = 1.0
#: Clusters of more edits are left to the confidence order.
MAX_CLUSTER = 8
#: The comparison's verdict is enforced when the confidence order's reading wins too and
#: the pipeline's :func:`repair.write.select_disjoint` would keep other edits of the
#: cluster (it breaks ties of confidence by the edit list's order, the comparison by
#: offset): the cluster's edits outside the verdict are dropped here, so the reading the
#: comparison turned down ("t bira" -> "third" over "t" -> "to" + "bira" -> "him", all at
#: confidence 0.99) does not come back on a tie.  Session 55 (ocrspan; the account:
#: ``benchmarks/smh_span_account.py``).  Off: only the other reading's win drops edits.
#: On: SMH dev 4,262 / 6,948 -> 4,259 / 6,942 (two tie clusters, both read right: "t bira"
#: -> "to him", "n hlp" -> "a"), proxy dev 4,812 / 7,944 -> 4,810 / 7,947 (one knock-on
#: wrong -> wrong change), audit / census / light dev and seeds unchanged.
ENFORCE = True
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


def _tie_swaps(edits: list[Edit], group: list[int], chosen: list[Edit]) -> bool:
    """Whether :func:`repair.write.select_disjoint`, which breaks ties of confidence by
    the edit list's order, would keep another set of the cluster's edits than
    ``chosen`` (the cluster's own order: by offset, then end)."""
    listed = _greedy([edits[m] for m in sorted(group)], None, None)
    return {id(e) for e in listed} != {id(e) for e in chosen}


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
    lm = ocr_variantlm.scorer_lm(get_lm(), overlap=True)  # British spellings (session 57)
    return lm.sequence_logprob(words, before) - _cost(edits)


def _equal_map(original: str, replacement: str) -> dict[int, int]:
    """Position in ``replacement`` of each character of ``original`` an edit keeps."""
    kept: dict[int, int] = {}
    sm = SequenceMatcher(None, original, replacement, autojunk=False)
    for tag, i1, i2, j1, _j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                kept[i1 + k] = j1 + k
    return kept


def _hybrid(outer: Edit, inners: list[Edit]) -> Edit | None:
    """``outer`` with the readings of ``inners`` written in where it keeps their printed
    words verbatim and whole; ``None`` when none is."""
    kept = _equal_map(outer.original, outer.replacement)
    repl = outer.replacement
    spans: list[tuple[int, int, Edit]] = []
    for e in inners:
        if (
            e.length == 0
            or e.offset < outer.offset
            or e.end > outer.end
            or e.length >= outer.length
        ):
            continue
        if e.evidence.get("fallback"):
            continue  # a name's shape or the page's words: no channel cost to weigh
        a, b = e.offset - outer.offset, e.end - outer.offset
        if any(k not in kept for k in range(a, b)):
            continue
        lo, hi = kept[a], kept[b - 1] + 1
        if hi - lo != b - a or repl[lo:hi] != e.original or not e.original.isalpha():
            continue
        if (lo > 0 and repl[lo - 1].isalnum()) or (hi < len(repl) and repl[hi].isalnum()):
            continue  # a piece of a longer word in the wider reading
        if any(lo < y and x < hi for x, y, _e in spans):
            continue
        spans.append((lo, hi, e))
    if not spans:
        return None
    for lo, hi, e in sorted(spans, key=lambda x: -x[0]):
        repl = repl[:lo] + e.replacement + repl[hi:]
    cost = _cost([outer, *(e for _lo, _hi, e in spans)])
    return replace(
        outer,
        replacement=repl,
        confidence=min([outer.confidence, *(e.confidence for _lo, _hi, e in spans)]),
        message=f"OCR: {outer.original!r} -> {repl!r}",
        evidence={
            **outer.evidence,
            "confusion_cost": round(cost, 2),
            "hybrid_of": outer.replacement,
        },
    )


def _reads_every_word(outer: Edit, pieces: list[Edit]) -> bool:
    """Whether ``pieces`` read every word of ``outer``'s print, two words or more."""
    words = [
        (outer.offset + m.start(), outer.offset + m.end()) for m in _WORD.finditer(outer.original)
    ]
    return len(words) >= 2 and all(
        any(e.offset <= a and b <= e.end and e.length < outer.length for e in pieces)
        for a, b in words
    )


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
    swapped: dict[int, Edit] = {}
    for group in _clusters(edits):
        if len(group) > MAX_CLUSTER:
            continue
        cluster = [edits[m] for m in group]
        if any(e.length == 0 for e in cluster):
            continue
        longest = max(cluster, key=lambda e: (e.length, e.confidence))
        chosen = _greedy(cluster, None, None)
        breaking = any(e is longest for e in chosen)
        if breaking:
            other = _greedy(cluster, None, longest)
            margin = SHORT_MARGIN
            if PAIR_MARGIN is not None and _reads_every_word(longest, other):
                margin = PAIR_MARGIN
        else:
            other = _greedy(cluster, longest, None)
            margin = MARGIN
        start = min(e.offset for e in cluster)
        end = max(e.end for e in cluster)
        s_other, s_chosen = _score(text, start, end, other), _score(text, start, end, chosen)
        win, s_win = (other, s_other) if s_other > s_chosen + margin else (chosen, s_chosen)
        if HYBRID and any(e is longest for e in win + chosen):
            # the wider edit with the narrower readings written inside it (``chosen`` or
            # ``other``, whichever drops the wider edit, holds them)
            narrow = other if breaking else chosen
            inner = [e for e in narrow if longest.offset <= e.offset and e.end <= longest.end]
            both = _hybrid(longest, inner)
            if both is not None:
                rest = [e for e in narrow if all(e is not x for x in inner)]
                s_both = _score(text, start, end, [both, *rest])
                if s_both > s_win + HYBRID_MARGIN:
                    swapped[next(m for m in group if edits[m] is longest)] = both
                    keep = {id(e) for e in rest} | {id(longest)}
                    dropped.update(m for m in group if id(edits[m]) not in keep)
                    continue
        if win is other or (ENFORCE and _tie_swaps(edits, group, chosen)):
            keep = {id(e) for e in win}
            dropped.update(m for m in group if id(edits[m]) not in keep)
    if not dropped and not swapped:
        return edits
    return [swapped.get(m, e) for m, e in enumerate(edits) if m not in dropped]
