"""Document consistency of the OCR channel: a page repeats its own misreadings.

One scanned page is read by one engine from one typeface: when its confident repairs
keep undoing the same glyph confusion ("c" for "e" in "tho", "Chivcrs", "recoived"),
that confusion is likelier on this page than the learned table (averaged over many
pages and fonts, :mod:`repair.score.ocr_channel`) says.  After the first reading of a
garbled page, :func:`document_substitutions` counts the substitutions of the readings
it accepted; :func:`adapt` then lowers the channel cost of every candidate by
:data:`BONUS` nats for each of its substitutions the page used at least
:data:`MIN_USES` times (at most :data:`MAX_BONUS` in all), and the second reading
decides with those costs.  An unsupervised, per-page re-estimate of the channel: no
pairs are listed, and a clean page (gate shut) never gets here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from repair.types import Candidate

#: A substitution is the page's habit once its accepted readings used it this often.
MIN_USES = 3
#: ... and at least this many times per word of the page (a long book is no one page:
#: there every confusion recurs).
MIN_SHARE = 0.01
#: Cost taken off per habitual substitution of a candidate (nats) ...
BONUS = 1.0
#: ... and at most this much in all.
MAX_BONUS = 2.0
#: Whether real-word readings get the bonus too.
REALWORD = True

Groups = Mapping[tuple[int, int], Sequence[tuple[float, Candidate, dict[str, Any]]]]


def document_substitutions(groups: Groups) -> Counter[tuple[str, str]]:
    """Substitutions of the winning reading of each span the first pass accepted."""
    counts: Counter[tuple[str, str]] = Counter()
    for items in groups.values():
        _margin, best, _ev = max(items, key=lambda x: x[0])
        if "fixed" in best.features:
            continue
        for sub in best.features.get("subs", ()):
            counts[(sub[0], sub[1])] += 1
    return counts


def adapt(
    candidates: Sequence[Candidate], counts: Mapping[tuple[str, str], int], words: int
) -> tuple[list[Candidate], set[int]]:
    """The candidates with page-adapted costs, and the indices whose cost changed
    (``words``: the page's word count)."""
    need = max(MIN_USES, MIN_SHARE * words)
    out: list[Candidate] = []
    changed: set[int] = set()
    for k, c in enumerate(candidates):
        f = c.features
        subs = f.get("subs")
        if not subs or "cost" not in f or "fixed" in f:
            out.append(c)
            continue
        if not REALWORD and f.get("orig_known"):
            out.append(c)
            continue
        bonus = sum(BONUS for s in subs if counts.get((s[0], s[1]), 0) >= need)
        bonus = min(bonus, MAX_BONUS)
        if bonus <= 0:
            out.append(c)
            continue
        out.append(replace(c, features={**f, "cost": float(f["cost"]) - bonus}))
        changed.add(k)
    return out, changed
