"""A garbled non-word's only reading in reach, taken when it falls just short (issue 12).

The scorer asks of each reading "is it better than the print?" and refuses it when its
margin (context gain minus channel cost) falls short of its rule's threshold.  For a long
lower-case non-word of a garbled page the print itself is no answer: it is garble, and
the question left is whether the channel reaches the right word.  When it reaches exactly
one word that the context nearly accepts, and every other reading of the same print is
far behind, that word is the print's reading ("aluays" -> always at 1.44 nats for a
threshold of 1.5, "runningr" -> running, "amuseiueuts" -> amusements, "dunns" -> during
with "dunes" 5 nats behind).  Two readings that are both near ("contle": centre or
gentle) are left to the threshold: the evidence is the reading's being alone, not its
margin.

:func:`accept_sole` runs after the scorer's last pass (garbled pages only) and puts such
a near miss in its span's group, where no reading was accepted and no edit over an
overlapping span was.  The printed word must be a lower-case non-word of letters of at
least :data:`MIN_LEN` characters, the reading one known word
(:func:`repair.score.ocr_rescue.eligible`); its margin within :data:`SLACK` nats of its
threshold; every other decided reading of the span at least :data:`GAP` nats further
from its own threshold.  Not taken: a far search's or the context's proposal (those are
not the channel's reach from the print), a print the web knows
(:data:`repair.candidates.ocr_backoff.RARE_ZIPF`: "hypos" is a rare word) or the period
n-grams count ("effluence"), a print with a
mark glued to it or cut by a line break (:func:`_alone`), after a foreign function word
(:func:`_foreign`), and anything on an early modern page (:func:`old_print`: "praier",
"chuse" are spellings there).

SMH dev (session 41, ocrchoice41): 12 new edits, 10 right, 2 wrong readings of garble
(none of a right word); dev-a 2,018 -> 2,017 tokens, dev-b 2,511 -> 2,502.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from repair.candidates.ocr_backoff import RARE_ZIPF
from repair.resources.frequency import zipf
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import archaic_form, is_known
from repair.score.ocr_rescue import eligible
from repair.types import Candidate

#: Switch (the scorer reads it).  On (session 41, lead, on the merged main): SMH dev
#: 4,498 -> 4,488 tokens, test 5,468 -> 5,460; light suite dev +17 fixed at 2 %,
#: +1 wrong edit at 1 %.
SOLE = True
#: A word of another language (:func:`repair.score.ocr_foreign.foreign_word`: frequent in
#: a French, Italian, Spanish, German or Portuguese word list and not in English, or among
#: such words) is no garble: no sole reading (session 42, ocrprec42).  Shipped off: no
#: edit changes on SMH dev, ICDAR 1-80 or the light suite; on held-out ICDAR file 81 it
#: keeps English words the OCR printed with accents ("adhérence", "désolation",
#: "éloquence": French forms too): first 300k 10 fewer fixed, 0 fewer broken; the rest
#: ED 4,890 -> 4,897, broken 86 -> 82.
FOREIGN_SOLE = False
#: A print the page repeats and keeps as printed is the page's own term, no garble
#: (issue 12, session 63): no sole reading of a print the page prints at least
#: :data:`TERM_MIN` other times, :data:`TERM_SHARE` of them left as printed (a market
#: report's "picul" x16 read as "meal" twice on the ICDAR-only proxy; a misprint the OCR
#: repeats, "tbe", is read elsewhere too, so its other prints are no evidence).  Proxy dev
#: 4,731 / 7,832 -> 4,729 / 7,824, SMH dev unchanged.  benchmarks/RESULTS.md, "Session 63, ocrnum".
PAGE_TERMS = True
#: Other prints of the word on the page, at least ...
TERM_MIN = 3
#: ... and at least this share of them left as printed (no accepted edit over them).
TERM_SHARE = 0.75
#: Nats the reading's margin may fall short of its threshold.
SLACK = 2.0
#: Nats every other reading of the span must trail the sole reading (margin less threshold).
GAP = 3.0
#: Fewest characters of the printed word.
MIN_LEN = 5

#: What may stand right before / after the printed word (besides white space).
_BEFORE = frozenset("-\"'(“‘")
_AFTER = frozenset("-,.;:!?\"')”’")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_BACK = re.compile(r"([^\W\d_]+)\s*$")


def _printed(c: Candidate) -> str | None:
    orig = c.features.get("orig")
    if not orig or len(orig) != 1:
        return None
    return str(orig[0])


def _shape_ok(word: str, c: Candidate) -> bool:
    """A lower-case word of letters, the whole span (no marks glued on)."""
    return (
        len(word) >= MIN_LEN and word.isalpha() and word.islower() and c.end - c.start == len(word)
    )


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone: no mark glued to it ("r.icolleiicy",
    "aclvun^otl", "ruergoi]": a piece of a wider garbled chunk, whose word ends are
    unsure; a hyphen of a compound and plain punctuation after it are fine), and not one
    half of a word a line break cut without a hyphen ("comuiuni⏎cntlon": the word
    across the break is a lower-case non-word too)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if not (before.isspace() or before in _BEFORE) or not (after.isspace() or after in _AFTER):
        return False
    if after == "\n":
        m = _WORD.match(text, end + 1)
        if m and _garble(m.group()):
            return False
    if before == "\n":
        m = _WORD_BACK.search(text, max(0, start - 64), start - 1)
        if m and _garble(m.group(1)):
            return False
    return True


def _foreign(text: str, start: int) -> bool:
    """Whether a foreign function word stands among the three words before ``start``
    ("Union des républiques socialistes": a foreign phrase, not garble;
    :data:`repair.detect.ocr_language.FOREIGN_FUNCTION`)."""
    from repair.detect.ocr_language import FOREIGN_FUNCTION

    before = _WORD.findall(text[max(0, start - 48) : start])[-3:]
    return any(w.lower() in FOREIGN_FUNCTION for w in before)


def _garble(word: str) -> bool:
    return word.islower() and not is_known(word)


def _foreign_word(word: str, text: str | None, start: int, end: int) -> bool:
    from repair.score.ocr_foreign import foreign_word

    return foreign_word(word, text, start, end)


def old_print(words: list[str]) -> bool:
    """Whether the page spells as early modern print does ("tooke", "praier", "chuse"):
    its non-words are then old spellings as often as garble, and being alone near a word
    is no evidence (the candidate builder's test, :data:`repair.candidates.ocr.OLD_PRINT_SHARE`
    of the words read as old forms)."""
    from repair.candidates.ocr import OLD_PRINT_SHARE

    old = sum(
        1 for w in words if w.isalpha() and w.islower() and not is_known(w) and archaic_form(w)
    )
    return old >= OLD_PRINT_SHARE * max(1, len(words))


class _Spans:
    """Spans (start, end) asked whether any overlaps a query span, in O(log n) a query:
    sorted by start, with the running maximum of the ends (no all-pairs scan, issue 14).

    >>> s = _Spans([(10, 20), (0, 3), (30, 31)])
    >>> s.overlaps(3, 10), s.overlaps(19, 25), s.overlaps(2, 4), s.overlaps(31, 40)
    (False, True, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self.starts = [a for a, _b in pairs]
        self.max_end: list[int] = []
        top = -1
        for _a, b in pairs:
            top = max(top, b)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``(a, b)`` with ``a < end`` and ``start < b`` is held."""
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.max_end[k - 1] > start


def page_term(text: str, word: str, start: int, taken: _Spans) -> bool:
    """Whether the page ``text`` prints ``word`` (the same form, a whole word) at least
    :data:`TERM_MIN` times besides the print at ``start``, and leaves at least
    :data:`TERM_SHARE` of those as printed (no span of ``taken`` over them).

    >>> page = "at 7 dollars per picul. 8 dollars per picul, 9 per picul; 6 per picul."
    >>> page_term(page, "picul", page.rindex("picul"), _Spans([]))
    True
    >>> page_term(page, "picul", page.rindex("picul"), _Spans([(18, 23), (41, 46)]))
    False
    """
    others = [
        m.start()
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text)
        if m.start() != start
    ]
    if len(others) < TERM_MIN:
        return False
    kept = sum(1 for s in others if not taken.overlaps(s, s + len(word)))
    return kept >= TERM_MIN and kept >= TERM_SHARE * len(others)


def accept_sole(
    candidates: list[Candidate],
    memo: Any,
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    text: str | None = None,
    words: list[str] | None = None,
) -> list[tuple[int, int]]:
    """Add each span's sole near-miss reading to ``groups`` (in place); ``memo`` holds the
    last decision of each candidate by index (:class:`repair.score.ocr.DecisionMemo`);
    ``text``: the page (:func:`_alone` is asked of each span when given); ``words``: its
    words (none is taken on an early modern page: :func:`old_print`).
    Returns the spans added."""
    if not SOLE:
        return []
    taken = _Spans(s for s, items in groups.items() if any(m > -100.0 for m, _c, _e in items))
    # the candidate's index, not its decision: the memo builds a decision on each read, and
    # holding them all at once costs ~27 MB on a 100 k-word page (issue 14)
    by_span: dict[tuple[int, int], list[tuple[float, float, Candidate, int]]] = {}
    skip: set[tuple[int, int]] = set()  # spans an accepted or overlapping edit already has
    for k, c in enumerate(candidates):
        span = (c.start, c.end)
        if span in skip:
            continue
        if span in groups or taken.overlaps(c.start, c.end):
            skip.add(span)  # the loop below would pass it over: not held
            continue
        got = memo.get(k)
        if got is None:
            continue
        d = got[2]
        by_span.setdefault(span, []).append((d.margin - d.threshold, d.margin, c, k))
    added: list[tuple[int, int]] = []
    old: bool | None = None
    for span, items in by_span.items():
        if span in groups:
            continue  # a reading was accepted or a fallback stands: not ours
        if taken.overlaps(span[0], span[1]):
            continue  # a wider or narrower edit over the same print
        items.sort(key=lambda x: x[0], reverse=True)
        over, margin, c, k = items[0]
        if over >= 0.0 or over < -SLACK:
            continue
        word = _printed(c)
        if word is None or not _shape_ok(word, c) or not eligible(c):
            continue
        if c.features.get("far") or c.features.get("context"):
            continue  # a far search's or the context's proposal: not the channel's reach
        if zipf(word.lower()) >= RARE_ZIPF or get_ngrams().count(word.lower()) > 0:
            continue  # a print the web or the period n-grams know ("hypos"): a rare word
        if text is not None and (not _alone(text, c.start, c.end) or _foreign(text, c.start)):
            continue
        if FOREIGN_SOLE and _foreign_word(word, text, c.start, c.end):
            continue  # "cortesia", "dure" in "d'amour ne dure": another language's word
        if PAGE_TERMS and text is not None and page_term(text, word, c.start, taken):
            continue  # "picul" x16 on a market page: the page's own word
        if words is not None:
            if old is None:
                old = old_print(words)  # once a page, when a reading is about to be taken
            if old:
                break
        # every other reading far behind; the same word twice (two rules) is one reading
        rest = [x for x in items[1:] if x[2].replacement != c.replacement]
        if rest and rest[0][0] > over - GAP:
            continue
        ev = memo.get(k)[2].evidence
        ev["finding"] = c.features.get("finding")
        ev["sole"] = True
        groups[span] = [(max(margin, -99.0), c, ev)]
        added.append(span)
    return added
