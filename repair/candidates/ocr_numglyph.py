"""Numbers the OCR printed as letters, thousands printed with a stop, initials printed as
a digit: read by the number's place on the page (issue 12, session 38).

Every newspaper archive prints figures in the same few places -- a count before its unit
("80 years", "28 dollars 60 cents"), a range ("15 to 16 ditto"), a day after its month
("May 10.") -- and the OCR misreads the figures' glyphs as the letters they look like:
"age of SO years", "IS to 16 ditto", "May IO.".  The number readers of
:mod:`repair.candidates.ocr_numshape` read chunks that mix letters and digits; a chunk of
letters only is left to the word readers, which have no figure to offer.  Here such a
chunk is read as a number when its place says so:

* **letters for a number** (:data:`LETTER_NUMBERS`): a chunk of two to
  :data:`MAX_LETTERS` letters, every one of which the learned confusion table or the
  rendered glyph shapes read as a digit (:func:`repair.candidates.ocr_numshape.glyph_readings`:
  "S" -> 8, "I" / "l" -> 1, "O" -> 0) within :data:`MAX_GLYPH_COST`, standing in a
  number's place: one side of a range whose other side is printed in figures
  ("IS to 16", "12 to IS"), a day after a month name ("May IO."), or before a lower-case
  word the page itself prints after figures elsewhere (its own units: "SO years" on a
  page that prints "14 years"; never a word as common as Zipf :data:`UNIT_MAX_ZIPF`:
  "in", "and"), the chunk not in lower case ("ooil", "illi" are garbled words as often).
  A chunk the page prints more than once is its own form ("ISO", "SOS"); a chunk that
  is a word as printed is kept: a known word in lower case or with one
  capital ("so", "So", "lo"), and an upper-case one on an upper-case line ("IS IT"); an
  upper-case known word among lower-case words ("about SO years") is no word there.
* **thousands with a stop** (:data:`THOUSANDS`): "15.000 chests", "£20.000" -- a stop
  after one to three figures (no leading zero) and before groups of three is a misread
  comma when the groups are all "000" (not "16.125 Canadian dollars", "C$9.625": the
  WSJ's decimals), and the number stands before a word or after a currency sign (not
  "p = 1.000", not "1.000" alone).
* **a stray "1"** (:data:`STRAY_ONES`): a speck read as the figure one between two
  lower-case words ("and we 1 believe", "decide 1 that") -- the language model knows no
  figures, but it knows the word "one": the figure is dropped when the words read
  better without it than with "one" (or the pronoun "I": "if 1 left it") in its place
  by :data:`STRAY_MARGIN` nats, no other
  figure stands near (:data:`STRAY_FIGURE_REACH`: a list of counts, "oils 1 turnips 1
  potatoes"), the word before it is none the page prints before a figure elsewhere (a
  label: "group 1 is young" beside "group 2 is old"), the next word is no ordinal or
  unit suffix ("the 1 st"), on a page with fewer than :data:`STRAY_HABIT` such figures
  (a page that prints many is one whose OCR reads the pronoun "I" as "1": "So stood 1
  alone", "the books 1 have written"; those are the letter readers').
* **an initial printed as a digit** (:data:`DIGIT_INITIALS`, off): "R. 0. McLachlan" -- a
  digit in an initial's place (after an initial or a title, with its own stop, before a
  capitalised word) is read as the capital the learned table reaches
  (:func:`repair.candidates.ocr_initial_glyph.initial_reading`).

The language model knows no figures: these readings take a fixed confidence, as
:mod:`repair.candidates.ocr_money`'s do.  No pairs are listed: the digits come from the
learned table and the glyph shapes, the places from the page's own figures and the
calendar's month names.  Garbled pages only (the caller's gate).

>>> from repair.tokenize import tokenize
>>> page = "He died at the age of SO years; 14 years ago. Common IS to 16 ditto."
>>> [(c.features["printed"], c.replacement) for c in numglyph_candidates(tokenize(page))]
[('SO', '80'), ('IS', '15')]
>>> numglyph_candidates(tokenize("SO IT IS to 16 of them, so it is."))
[]
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Switches (hook in the garbled-page block of ``repair.candidates.ocr._Generator``).
LETTER_NUMBERS = True
THOUSANDS = True
#: OFF: SMH dev +1 token ("R. 0. McLachlan" -> "O"), but ICDAR file 81 prints its "C."
#: initials as "0." four times ("J. 0. Richmond", "S. P. 0. A."): the table's "O" is
#: wrong there, a guess between letters the page gives no evidence for.
DIGIT_INITIALS = False
STRAY_ONES = True
#: A lone "1" between two words is a speck when the language model, reading the figure as
#: "one", likes the words without it by this many nats (SMH dev: 7 specks, no real figure
#: at 4.0; the real figures that reach it stand among other figures, which keep it).
STRAY_MARGIN = 4.0
#: ... and no other figure stands within this many words of it ("1 rood and 1 perch").
STRAY_FIGURE_REACH = 6
#: A page with this many lone "1"s between lower-case words prints "I" as "1" (a habit of
#: its OCR, ICDAR file 81's memoir): none of them is read as a speck.
STRAY_HABIT = 3
#: Largest cost (nats) of one letter's digit reading.
MAX_GLYPH_COST = 6.0
#: Longest chunk of letters read as a number.
MAX_LETTERS = 4
#: Digit readings tried per letter (a range's order or a day's size picks among them).
MAX_DIGIT_READINGS = 2
#: A word the page prints after figures is a unit of a count only below this Zipf.
UNIT_MAX_ZIPF = 6.0
#: Confidence of a reading (the language model cannot judge figures).
CONFIDENCE = 0.7

_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_RANGE = frozenset({"to", "-", "–"})
_CURRENCY = frozenset("£$")
_MATHS = frozenset(".=<>±~≈×/+*")


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names and their abbreviations ("May", "Aug", "Sept") from the calendar."""
    out = set()
    for name in calendar.month_name[1:]:
        out.add(name)
        out.add(name[:3])
    out.add("Sept")
    return frozenset(out)


def _step(toks: list[Token], i: int, step: int) -> int | None:
    """The index of the next non-space token from ``i`` in direction ``step``, across at
    most one space that is no paragraph break, else ``None``."""
    j = i + step
    if 0 <= j < len(toks) and toks[j].kind == "space":
        if toks[j].text.count("\n") > 1:
            return None
        j += step
    return j if 0 <= j < len(toks) else None


@lru_cache(maxsize=1)
def _digitable() -> frozenset[str]:
    """The letters with a digit reading within :data:`MAX_GLYPH_COST`."""
    from repair.candidates.ocr_numshape import glyph_readings

    table, _learned = glyph_readings()
    return frozenset(
        k[0]
        for k, rows in table.items()
        if len(k) == 2 and k[1] == "@" and k[0].isalpha() and rows[0][1] <= MAX_GLYPH_COST
    )


def _readings(chunk: str) -> list[tuple[str, float]]:
    """The digit strings ``chunk``'s letters read as, cheapest first: each letter by the
    digits it reads as within :data:`MAX_GLYPH_COST` (``[]`` when a letter has none)."""
    from itertools import product

    from repair.candidates.ocr_numshape import glyph_readings

    table, _learned = glyph_readings()
    per: list[list[tuple[str, float]]] = []
    for g in chunk:
        rows = [r for r in table.get(g + "@", ()) if r[1] <= MAX_GLYPH_COST]
        if not rows:
            return []
        per.append(rows[:MAX_DIGIT_READINGS])
    out = [("".join(d for d, _ in combo), sum(c for _, c in combo)) for combo in product(*per)]
    return sorted(out, key=lambda x: x[1])


def _is_word_here(toks: list[Token], i: int) -> bool:
    """Whether chunk ``i`` is a word as printed (see the module doc)."""
    from repair.score.ocr_channel import is_known

    text = toks[i].text
    if not is_known(text.lower()):
        return False
    if not text.isupper():
        return True  # "so", "So"
    for step in (-1, 1):  # an upper-case line: "SO IT IS"
        j = _step(toks, i, step)
        if j is not None and toks[j].kind == "word" and len(toks[j].text) > 1:
            if toks[j].text.isupper():
                return True
    return False


def _is_number(tok: Token) -> bool:
    return tok.kind == "number" and tok.text[:1].isdigit()


def _page_units(toks: list[Token]) -> frozenset[str]:
    """The words the page prints right after figures ("14 years", "28 dollars")."""
    from repair.resources.frequency import zipf

    out = set()
    for i, t in enumerate(toks):
        if t.kind != "number" or not t.text.isdigit():
            continue
        j = _step(toks, i, 1)
        if j is not None and j == i + 2 and toks[j].kind == "word":
            w = toks[j].text
            if w.isalpha() and w.islower() and len(w) > 1 and zipf(w) < UNIT_MAX_ZIPF:
                out.add(w)
    return frozenset(out)


def _number_place(
    toks: list[Token], i: int, readings: list[tuple[str, float]], units: frozenset[str]
) -> tuple[str, str] | None:
    """(evidence, value) when chunk ``i`` stands in a number's place, else ``None``: a
    range takes the cheapest reading in the range's order ("IS to 16": 15, not 18), a
    date the cheapest day of a month."""
    nxt = _step(toks, i, 1)
    prv = _step(toks, i, -1)
    if nxt is not None and toks[nxt].text in _RANGE:
        after = _step(toks, nxt, 1)
        if after is not None and _is_number(toks[after]) and toks[after].text.isdigit():
            top = int(toks[after].text)
            for value, _cost in readings:
                if int(value) < top:
                    return "range", value
            return None
    if prv is not None and toks[prv].text in _RANGE:
        before = _step(toks, prv, -1)
        if before is not None and _is_number(toks[before]) and toks[before].text.isdigit():
            low = int(toks[before].text)
            for value, _cost in readings:
                if int(value) > low:
                    return "range", value
            return None
    if prv is not None and toks[prv].text in _months():
        if nxt is None or toks[nxt].kind != "word":
            for value, _cost in readings:
                if 1 <= int(value) <= 31 and value[0] != "0":
                    return "date", value
            return None
    if nxt is not None and nxt == i + 2 and toks[nxt].kind == "word":
        # a unit as printed after figures (lower case: "SO years", not "illi May"), after
        # a chunk in capitals (a lower-case chunk is a garbled word as often: "ooil")
        unit = toks[nxt].text
        if unit.islower() and unit in units and not toks[i].text.islower():
            return "unit", readings[0][0]
    return None


def _letter_numbers(toks: list[Token]) -> list[Candidate]:
    out: list[Candidate] = []
    units: frozenset[str] | None = None
    printed: Counter[str] | None = None
    digitable = _digitable()
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not 2 <= len(text) <= MAX_LETTERS:
            continue
        if not digitable.issuperset(text):
            continue  # a letter with no digit reading ("the", "of"): no number
        readings = _readings(text)
        if not readings or _is_word_here(toks, i):
            continue
        if printed is None:
            printed = Counter(u.text for u in toks if u.kind == "word")
        if printed[text] > 1:
            continue  # a form the page prints again is its own: "ISO", "SOS"
        if units is None:
            units = _page_units(toks)
        found = _number_place(toks, i, readings, units)
        if found is None:
            continue
        place, value = found
        out.append(
            cand(t.start, t.end, value, "OCR_CONFUSION", finding="letter_number",
                 fixed=CONFIDENCE, printed=text, place=place)
        )  # fmt: skip
    return out


def _thousands(toks: list[Token]) -> list[Candidate]:
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "number" or "." not in text or not _THOUSANDS.match(text):
            continue
        if not all(g == "000" for g in text.split(".")[1:]):
            continue  # "16.125 Canadian dollars", "C$9.625": decimals
        nxt, prv = _step(toks, i, 1), _step(toks, i, -1)
        word_after = nxt is not None and nxt == i + 2 and toks[nxt].kind == "word"
        currency = i > 0 and toks[i - 1].text in _CURRENCY
        if not (word_after or currency):
            continue
        if prv is not None and toks[prv].kind == "punct" and toks[prv].text in _MATHS:
            continue  # "p = 1.000", "0.5.000": a decimal
        out.append(
            cand(t.start, t.end, text.replace(".", ","), "OCR_CONFUSION",
                 finding="thousands_stop", fixed=CONFIDENCE, printed=text)
        )  # fmt: skip
    return out


def _digit_initials(toks: list[Token]) -> list[Candidate]:
    from repair.candidates.ocr_initial_glyph import (
        _before_is_initial,
        _stop_then_name,
        initial_reading,
    )

    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if t.kind != "number" or not t.text.isdigit() or len(t.text) > 2:
            continue
        if not (_stop_then_name(toks, i) and _before_is_initial(toks, i)):
            continue
        reading = initial_reading(t.text)
        if reading is None:
            continue
        out.append(
            cand(t.start, t.end, reading[0], "OCR_CONFUSION", finding="digit_initial",
                 fixed=CONFIDENCE, printed=t.text, channel_cost=reading[1])
        )  # fmt: skip
    return out


def _lower_word(tok: Token) -> bool:
    return tok.kind == "word" and tok.text.isalpha() and tok.text.islower()


def _page_labels(toks: list[Token]) -> Counter[str]:
    """How often the page prints each word right before a figure ("group 2", "page 14")."""
    out: Counter[str] = Counter()
    for i, t in enumerate(toks):
        if t.kind == "number" and i >= 2 and toks[i - 1].kind == "space":
            if toks[i - 2].kind == "word":
                out[toks[i - 2].text] += 1
    return out


def _stray_ones(toks: list[Token]) -> list[Candidate]:
    from repair.candidates.ocr_numshape import _UNIT
    from repair.resources.lm import get_lm

    out: list[Candidate] = []
    slots: list[int] = []  # lone "1"s between lower-case words, no figure near
    n = len(toks)
    for i, t in enumerate(toks):
        if t.text != "1" or t.kind != "number" or i < 4 or i + 4 >= n:
            continue
        sp_b, sp_a = toks[i - 1], toks[i + 1]
        if sp_b.kind != "space" or sp_a.kind != "space":
            continue
        if sp_b.text.count("\n") + sp_a.text.count("\n") > 1:
            continue  # a line break at most: no paragraph's edge
        prev, nxt = toks[i - 2], toks[i + 2]
        if not (_lower_word(prev) and _lower_word(nxt)) or _UNIT.fullmatch(nxt.text):
            continue
        lo, hi = max(0, i - 2 * STRAY_FIGURE_REACH), min(n, i + 2 * STRAY_FIGURE_REACH + 1)
        if any(u.kind == "number" for u in toks[lo:i] + toks[i + 1 : hi]):
            continue
        slots.append(i)
    if not slots or len(slots) >= STRAY_HABIT:
        return out
    labels = _page_labels(toks)
    lm = get_lm()
    for i in slots:
        t, sp_b, sp_a = toks[i], toks[i - 1], toks[i + 1]
        prev, nxt = toks[i - 2], toks[i + 2]
        if labels[prev.text] > 1:  # before this figure and another
            continue  # "group 1 is young" on a page that prints "group 2"
        if not (lm.known(prev.text) and lm.known(nxt.text)):
            continue
        p2 = toks[i - 4].text if toks[i - 3].kind == "space" else toks[i - 3].text
        after = toks[i + 4].text if toks[i + 3].kind == "space" else toks[i + 3].text
        h = [p2, prev.text]
        # the figure read as the word "one", and as the letter it looks like ("if 1
        # left it": the pronoun "I", for the letter readers): the better of the two
        keep = max(
            lm.logprob(word, h)
            + lm.logprob(nxt.text, [prev.text, word])
            + lm.logprob(after, [word, nxt.text])
            for word in ("one", "i")
        )
        drop = lm.logprob(nxt.text, h) + lm.logprob(after, [prev.text, nxt.text])
        if drop - keep < STRAY_MARGIN:
            continue
        # the space before goes with it ("we 1 believe" -> "we believe"); at a line's
        # start the space after ("we\n1 believe" -> "we\nbelieve")
        start, end = (sp_b.start, t.end) if "\n" not in sp_b.text else (t.start, sp_a.end)
        out.append(
            cand(start, end, "", "OCR_STRAY_MARK", finding="stray_one",
                 orig=[t.text], alt=[], fixed=CONFIDENCE, lm_margin=round(drop - keep, 2),
                 figure_at=t.start)
        )  # fmt: skip
    return out


def numglyph_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings of figures misread as letters or marks (see the module doc); the caller
    asks only for garbled pages."""
    out: list[Candidate] = []
    if LETTER_NUMBERS:
        out.extend(_letter_numbers(toks))
    if THOUSANDS:
        out.extend(_thousands(toks))
    if DIGIT_INITIALS:
        out.extend(_digit_initials(toks))
    if STRAY_ONES:
        out.extend(_stray_ones(toks))
    from repair.candidates.ocr_ordinalday import ordinal_day_candidates

    out.extend(ordinal_day_candidates(toks))  # "on the Slst December" -> "31st"
    return out
