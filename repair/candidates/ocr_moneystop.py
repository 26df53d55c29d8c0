"""Lost stops after shillings and pence, read by the page's own habit (session 43,
ocrpunct43; issue 12).

Newspapers of the pound-shilling-pence era print a sum as "5s.", "2s. 6d.", "£1 10s.
6d.": the stop closes the abbreviation of the unit.  The OCR of a faint page loses many of
those stops ("was fined 10s and 5s 6d costs", "each fined 6s , and"), and the page then
prints some sums with the stop and most without.  Where the page prints at least
:data:`MIN_PAGE` sums with the stop inside a sentence (in the text the word readings have
corrected: "10a" read as "10s" counts; a lower-case word, a comma or a pence figure after
the stop: :func:`_inside`), this reader puts the stop back after every other figure of
one to :data:`MAX_DIGITS` digits glued to a unit "s" or "d" that the sentence goes on
after (the same test: a catalogue's "pub. at £6. 6s £3. 13s 6d" is left as it is).  The
page's habit is the evidence, so a page that prints its sums without stops ("10s 6d per
day") is left as it is, and so is every page without such a sum (a decade "the 50s",
"3d printing": no stopped sum on the page).  Only a gap is read: a space after the sum,
which takes the stop; a space before a comma or a semicolon goes with it ("6s , and" ->
"6s., and").  A sum with a mark glued to
it ("5s, per foot": the print's own comma, or the stop misread) or a letter, and a sum at
a paragraph end or the end of the text, are left alone, and so is a figure inside a
decimal or a fraction ("1.5s", "2/6d").

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of the
pages where that pass runs (heavily garbled pages and newspaper columns, not verse), one
linear scan of the tokens.
"""

from __future__ import annotations

import re

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).
MONEY_STOPS = True
#: Sums with their stop the page must print before the others get theirs.
MIN_PAGE = 1
#: Longest figure of a sum (shillings and pence are one to three digits; "1990s" is not).
MAX_DIGITS = 3
#: The units read.
UNITS = frozenset("sd")
#: A sum whose unit glyph the OCR misread, printed with its stop ("4s 10J. costs": pence
#: after shillings, "J" for "d") is the page's habit too (issue 12, session 63): a figure
#: glued to one letter that is no unit, then its stop, right after a sum the page prints
#: whole or right before "costs", counts as a sum with its stop.  The word readers read
#: such a glyph as its unit only where the confusion table holds the pair ("J" -> "d" on
#: the archive's own table); a table learned elsewhere leaves "10J." and the page lost its
#: only evidence.  Proxy dev 4,729 / 7,824 -> 4,706 / 7,805 (21 stops of one court report), SMH
#: dev unchanged.  benchmarks/RESULTS.md, "Session 63, ocrnum".
GLYPH_UNIT_STOPS = True
#: Marks a lost stop goes in front of ("6s, and" -> "6s., and").
BEFORE_MARKS = frozenset(",;)")


def _unit_at(toks: list[Token], i: int) -> bool:
    """Whether tokens ``i`` (a figure) and ``i + 1`` (a unit glued to it) are a sum."""
    num, unit = toks[i], toks[i + 1]
    if num.kind != "number" or not num.text.isdigit() or len(num.text) > MAX_DIGITS:
        return False
    if unit.kind != "word" or unit.text not in UNITS or unit.start != num.end:
        return False
    if i > 0 and toks[i - 1].end == num.start and toks[i - 1].text in "./,-":
        return False  # "1.5s", "2/6d": a part of a larger figure
    return True


def _inside(toks: list[Token], k: int, unit: str) -> bool:
    """Whether token ``k``, after a sum in ``unit`` (and its stop and space, if any),
    continues the sentence: a lower-case word ("5s. and costs", "6d costs"), a comma or a
    semicolon ("5s., and"), or a pence figure after shillings ("2s. 6d.").  A capital,
    a money sign or another shillings figure after a sum ends an entry ("£6. 6s £3. 13s",
    "1s 12s Pugin's Designs": a catalogue's old and new prices), so a stop there is no
    evidence of the page's habit and no gap to read."""
    t = toks[k]
    if t.kind == "word":
        return t.text.islower()
    if t.text in BEFORE_MARKS:
        return True
    if unit == "s" and t.kind == "number" and k + 1 < len(toks):
        return toks[k + 1].text == "d" and toks[k + 1].start == t.end
    return False


def _glyph_unit_stop(toks: list[Token], i: int) -> bool:
    """Whether figure token ``i`` is a sum with its stop whose unit glyph is misread
    (:data:`GLYPH_UNIT_STOPS`): "4s 10J. costs", "and 5s 6a. for"."""
    num, glyph, stop = toks[i], toks[i + 1], toks[i + 2]
    if num.kind != "number" or not num.text.isdigit() or len(num.text) > MAX_DIGITS:
        return False
    if glyph.kind != "word" or len(glyph.text) != 1 or glyph.text in UNITS:
        return False
    if glyph.start != num.end or stop.text != "." or stop.start != glyph.end:
        return False
    if toks[i - 1].kind != "space":
        return False  # "1.5a", "£10J.": a part of a larger figure, or no sum
    k = i + 3
    if k < len(toks) and toks[k].kind == "space":
        k += 1
    if k >= len(toks) or not _inside(toks, k, "d"):
        return False
    if _COSTS.match(toks[k].text):
        return True  # "10J. costs"
    # right after a sum the page prints whole: "4s 10J."
    return i >= 3 and _unit_at(toks, i - 3)


_COSTS = re.compile(r"^costs?$")


def money_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """Stops after the sums of the page that lack one, where the page prints at least
    :data:`MIN_PAGE` sums with it (module doc); ``[]`` when off."""
    if not MONEY_STOPS:
        return []
    from repair.candidates.ocr_rules import cand
    from repair.candidates.ocr_stops import CONFIDENCE

    n = len(toks)
    stopped = 0
    bare: list[int] = []  # index of the unit token of each sum without its stop
    for i in range(n - 1):
        if toks[i].kind != "number" or not _unit_at(toks, i):
            continue
        j = i + 2
        if j >= n:
            continue
        nxt = toks[j]
        if nxt.text == ".":
            k = j + 1
            if k < n and toks[k].kind == "space":
                k += 1
            if k < n and _inside(toks, k, toks[i + 1].text):
                stopped += 1
        elif nxt.kind == "space" and j + 1 < n and _inside(toks, j + 1, toks[i + 1].text):
            bare.append(i + 1)
    if GLYPH_UNIT_STOPS and not stopped and bare:
        stopped = sum(1 for i in range(2, n - 3) if _glyph_unit_stop(toks, i))
    if stopped < MIN_PAGE or not bare:
        return []
    out: list[Candidate] = []
    for u in bare:
        nxt = toks[u + 1]
        if "\n\n" in nxt.text:
            continue  # a paragraph end: a sum closing a heading or a table cell
        after = toks[u + 2] if u + 2 < n else None
        if after is not None and after.text in BEFORE_MARKS and "\n" not in nxt.text:
            start, end, repl = nxt.start, after.end, "." + after.text  # "6s , and"
        else:
            start, end, repl = nxt.start, nxt.end, "." + nxt.text
        out.append(
            cand(
                start,
                end,
                repl,
                "OCR_LOST_STOP",
                finding="money_stop",
                fixed=CONFIDENCE,
                evidence_page_stopped=stopped,
            )
        )
    return out
