"""A page's other prints of a real word as evidence on re-reading one of them (issue 12).

The real-word reader (:mod:`repair.candidates.ocr_realword`) decides each print of a
word alone, on the trigram model's two words either side.  When the page prints the same
word again and again and the reader, in each of those other places, keeps it as printed,
the page itself says the word is one this text uses: a lone place whose reading clears
its margin on a context the model knows poorly is more likely that context's fault than
a misprint.  "the now quintessential constitutional" read as "new" (the OCR'd modern
text audit: 7 of its 8 real-word breaks on dev, the page printing "now" 25 times and
keeping it everywhere else), "whose nor thern end extends" read as "and" (the page keeps
16 other "end"), "Cleopatra wore different looks" read as "were" (the light suite's one
wrong real-word edit on undamaged text: 4 other "wore" kept).

A misprint the OCR makes of a word is made over and over on a page ("tho", "bas", "arc"):
its other prints are re-read too, so no evidence is counted against it.  No word pairs are
listed: the evidence is the page's counts and the reader's own decisions there.

The test (:func:`refuses`): the page prints the word (the same lower-case form) at least
:data:`KEPT_MIN` other times left as printed (no reading of the scorer's starts there),
and those are at least :data:`KEPT_SHARE` of its other prints.  Asked (:func:`applies`)
only of one-word readings of a lower-case real word covering the print alone
(``OCR_REALWORD``) that clear their margin by less than :data:`MARGIN_SLACK`, only on
garbled pages (the caller's gate: :func:`repair.score.ocr._realword_guard`).

>>> kept = page_prints(["now", "the", "now", "now", "now", "now"], [0, 4, 8, 12, 16, 20])
>>> refuses(kept, "now", 0, frozenset())
True
>>> refuses(kept, "now", 0, frozenset({8, 12}))  # two of the four others re-read: 50 %
False
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

#: Issue 12 (session 52): a real word's one-word reading is refused where the page keeps
#: the printed word as printed at :data:`KEPT_MIN` or more other places (and at least
#: :data:`KEPT_SHARE` of its other prints).  OCR'd modern text audit dev 9 -> 1 broken
#: (14,368 -> 14,367 fixed), light suite dev 2 % edits on undamaged text 84 -> 83 ("wore"),
#: ICDAR file 81 held-out 82 -> 80 broken; SMH dev 4,287 / 6,974, proxy dev 4,836 / 7,965,
#: census dev unchanged (no SMH edit moves).  Test (read once): audit 63 broken both, fixed
#: 13,817 -> 13,816; SMH, proxy, census, light equal.  benchmarks/RESULTS.md, "Session 52,
#: ocrmodern".
PAGE_KEPT = True
#: Other prints of the word the reader leaves as printed, at least.
KEPT_MIN = 3
#: ... and at least this share of the page's other prints of the word.
KEPT_SHARE = 0.75
#: Only readings whose margin is less than this above their threshold (nats): a reading
#: the context wants strongly ("My clear Mr. Bennet" -> "dear", 5 nats over) is a
#: misprint however often the page prints the word elsewhere.
MARGIN_SLACK = 1.5


def applies(
    orig: str, span: tuple[int, int], margin: float, ev: dict[str, Any], f: dict[str, Any]
) -> bool:
    """Whether the test is asked of a reading (``margin``, the scorer's evidence ``ev``,
    the candidate's features ``f``) of the lower-case print ``orig`` at ``span``: the
    reading covers the print alone (no join) and clears its threshold by less than
    :data:`MARGIN_SLACK`."""
    if not orig.islower() or span[1] - span[0] != len(orig):
        return False
    threshold = ev.get("threshold", f.get("threshold"))
    if threshold is None:
        return False
    return margin - float(threshold) < MARGIN_SLACK


def page_prints(texts: Sequence[str], starts: Sequence[int]) -> dict[str, list[int]]:
    """The start offsets of each lower-case word form the page prints (``texts`` and
    ``starts``: the page's words in order)."""
    out: dict[str, list[int]] = {}
    for text, start in zip(texts, starts, strict=True):
        if text.islower():
            out.setdefault(text, []).append(start)
    return out


def refuses(prints: dict[str, list[int]], orig: str, start: int, reread: Collection[int]) -> bool:
    """Whether the reading of the print ``orig`` at ``start`` is refused: the page's other
    prints of ``orig`` (``prints``, :func:`page_prints`) left as printed, those whose start
    is not in ``reread`` (the starts of the spans the reader re-reads), are at least
    :data:`KEPT_MIN` and at least :data:`KEPT_SHARE` of them."""
    others = [s for s in prints.get(orig, ()) if s != start]
    if len(others) < KEPT_MIN:
        return False
    kept = sum(1 for s in others if s not in reread)
    return kept >= KEPT_MIN and kept >= KEPT_SHARE * len(others)
