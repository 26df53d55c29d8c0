"""Figures read by the slot they stand in: a capital glued to a figure before the page's
unit, a stop glued between a leader or a month and its figure, a count printed as letters
beside a count of the same shape, shillings after pounds (issue 12, session 40).

Newspaper OCR reads the last glyph of a number as the capital it looks like ("93C tons"
for 936, "61G points" for 616, "8S bags" for 88).  :mod:`repair.candidates.ocr_numshape`
reads the letters that mix with figures, but never a capital at a number's edge: "G20",
"4G", "12B" are codes and addresses as often.  What tells the two apart is the slot: a
count stands before its unit, and the page itself shows which words are its units (it
prints them after plain figures elsewhere: "334 tons", "851 points", "102 bags").  So:

* **a capital at a figure's edge** (:data:`EDGE_CAPITALS`): a chunk of one to
  :data:`MAX_FIGURES` figures with one capital before or after them, the capital read as
  the digit the learned confusion table gives it within :data:`EDGE_MAX_COST` nats
  ("G" -> 6, "S" -> 8, "C" -> 6, "I" -> 1), standing right before a lower-case word the
  page prints after plain figures elsewhere (Zipf below
  :data:`repair.candidates.ocr_numglyph.UNIT_MAX_ZIPF`: "tons", not "and"); the chunk is
  printed once on the page (a code recurs: "4G", "4G").
* **a stop glued to a figure** (:data:`GLUED_STOPS`): market tables print leader dots
  before their prices, and the OCR glues the last one to the figure (".12 to 14 per",
  ". .22 to 25 ditto"); a date's day is glued to its month by a speck ("July.17.").  A
  stop glued before one to three figures (no leading zero) that open a range ("N to M",
  M a plain number above N: no decimal ".5 to 1") is a leader: the space goes between;
  a stop between a full month name and a day (1 to 31) is a speck for the space.
* **a count printed as letters beside a count of the same shape**
  (:data:`PARALLEL_COUNTS`): "of these 17 are paupers, and G are pay patients" -- a chunk
  of capitals, each read as a digit within :data:`EDGE_MAX_COST`, between a lower-case
  word and the word a figure just before it is followed by ("17 are" / "G are"); or
  (:data:`PARALLEL_LOWER`) a chunk of two or more lower-case glyphs with an "l" ("and ll
  in the second"), or capitals far from their partner, where the page prints a figure
  before the same two words ("and 43 in the second").  Never a word as common as Zipf
  :data:`PARALLEL_MAX_ZIPF` ("I"), a lone lower-case letter (the pronoun printed "l"),
  or a roman numeral ("ii").
* **shillings after pounds** (:data:`POUND_SHILLINGS`): "pub. at £1. Is 12s" -- "Is" /
  "ls" right after a sum in pounds is "1s" when the page prints its pounds followed by
  plain shillings elsewhere ("£2. 2s"), unless a lower-case word follows (the verb opening
  a question: "£5. Is that too much?").  :mod:`repair.candidates.ocr_money` reads "Is"
  only before pence.

The language model knows no figures: these readings take a fixed confidence, as
:mod:`repair.candidates.ocr_numglyph`'s do.  Nothing is listed: the digits come from the
learned table, the units from the page, the months from :mod:`calendar`.  Garbled pages
only (the caller's gate).

>>> from repair.tokenize import tokenize
>>> page = "Orient (s.), 334 tons, Captain Bell; Wentworth (s.), 93C tons, Captain Butt."
>>> [(c.features["printed"], c.replacement) for c in numslot_candidates(tokenize(page))]
[('93C', '936')]
>>> numslot_candidates(tokenize("Take the 4G network; 5 networks and 12 tons."))
[]
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Switches (hook after the number readings in ``repair.candidates.ocr._Generator``).
EDGE_CAPITALS = True
#: A capital at a figure's edge is also read where no unit follows but the chunk stands
#: among figures (a market or shipping column: "(17286) 8S bags dry 4/4"): at least
#: FIGURE_RUN_MIN figures among the FIGURE_RUN_REACH tokens either side, none of them a
#: code with a letter glued on ("CO2, 4G, 5G, B12 ... the G20" stays).  ON (session 48,
#: ocrdigit48): SMH dev 4,308 -> 4,306 tokens (7,011 -> 7,010 chars; dev-b only), test
#: unchanged with the other two session 48 readers (5,349 / 8,671); audit, light suite,
#: clean gate and ICDAR unchanged (``benchmarks/smh_eval.py --split dev``).
FIGURE_RUNS = True
FIGURE_RUN_REACH = 8
FIGURE_RUN_MIN = 3
#: A chunk of one or two capitals glued after a currency sign ("valued at £G lo'"), each
#: read as a digit within EDGE_MAX_COST, is the sum's figures ("£6").  ON (session 48,
#: ocrdigit48): SMH dev 4,306 -> 4,305 tokens (7,010 -> 7,009 chars), test unchanged;
#: guards unchanged (as FIGURE_RUNS).
CURRENCY_GLYPHS = True
GLUED_STOPS = True
PARALLEL_COUNTS = True
#: OFF: no effect measured -- SMH dev has one "£1989 Is. 8d." (already read by
#: ``ocr_money``, before pence); ICDAR 1-80's catalogue pages ("£1. Is Pugin's", 9 reads)
#: are no garbled pages, where this block runs (files 1-80 fixed 334 either way).
POUND_SHILLINGS = False
#: How many tokens back a count of the same shape is looked for ("17 are paupers, and G
#: are pay patients": 8 tokens).
PARALLEL_REACH = 12
#: Also a lower-case chunk ("and ll in the second" on a page that prints "and 43 in the
#: second"), and an upper-case one far from its partner: when a figure elsewhere on the
#: page is followed by the same two words.
PARALLEL_LOWER = True
#: A chunk that is a word this common as printed ("I") is no count.
PARALLEL_MAX_ZIPF = 6.0
#: Largest learned cost (nats) of the capital's digit reading (the table's "G" -> 6 costs
#: 0.3, "S" -> 8 0.3, "I" -> 1 0.82, "C" -> 6 1.01; "B" -> 8 costs 5.15: a guess).
EDGE_MAX_COST = 2.0
#: Longest run of figures beside the capital.
MAX_FIGURES = 4
#: Confidence of a reading (the language model cannot judge figures).
CONFIDENCE = 0.7

_RANGE = frozenset({"to", "-", "–"})


@lru_cache(maxsize=1)
def _full_months() -> frozenset[str]:
    return frozenset(calendar.month_name[1:])


def _edge_digit(letter: str) -> str | None:
    """The digit the learned table reads ``letter`` as within :data:`EDGE_MAX_COST`."""
    from repair.candidates.ocr_numshape import glyph_readings

    _table, learned = glyph_readings()
    if learned.get(letter, 99.0) > EDGE_MAX_COST:
        from repair.candidates.ocr_digitprior import edge_digit

        return edge_digit(letter)  # counted by the table and alike in type (session 55)
    from repair.score.ocr_channel import confusions

    rows = [(c, d) for d, c in confusions().get(letter, ()) if len(d) == 1 and d.isdigit()]
    return min(rows)[1] if rows else None


@lru_cache(maxsize=1)
def _readable() -> frozenset[str]:
    """The glyphs :func:`_edge_digit` reads as a digit."""
    from repair.candidates.ocr_numshape import glyph_readings

    _table, learned = glyph_readings()
    return frozenset(g for g in learned if _edge_digit(g) is not None)


def _edge_capitals(toks: list[Token]) -> list[Candidate]:
    from repair.candidates.ocr_numglyph import _page_units

    out: list[Candidate] = []
    units: frozenset[str] | None = None
    printed: Counter[str] | None = None
    n = len(toks)
    # only the pairs beside a figure (one scan for the figures: issue 14)
    nums = [k for k, t in enumerate(toks) if t.kind == "number"]
    pairs = sorted({p for k in nums for p in (k - 1, k) if 0 <= p < n - 1})
    for i in pairs:
        a, b = toks[i], toks[i + 1]
        if a.end != b.start:
            continue
        if a.kind == "number" and a.text.isdigit() and b.kind == "word" and len(b.text) == 1:
            figures, letter, trailing = a.text, b.text, True
        elif b.kind == "number" and b.text.isdigit() and a.kind == "word" and len(a.text) == 1:
            figures, letter, trailing = b.text, a.text, False
        else:
            continue
        if not letter.isupper() or len(figures) > MAX_FIGURES:
            continue
        if i > 0 and toks[i - 1].kind != "space":
            continue  # "(B.\\ 210S", "£4G": glued to something else
        text = a.text + b.text
        if units is None:
            units = _page_units(toks)
            printed = Counter(  # every chunk read here has a figure: the pairs beside one
                toks[p].text + toks[p + 1].text for p in pairs if toks[p].end == toks[p + 1].start
            )
        if printed is None or printed[text] > 1:
            continue
        unit = _unit_after(toks, i + 1)  # the unit follows the chunk's last token
        if unit is None or unit not in units:
            if not (FIGURE_RUNS and _among_figures(toks, i, i + 1, nums)):
                continue
            unit = ""
        digit = _edge_digit(letter)
        if digit is None:
            continue
        value = figures + digit if trailing else digit + figures
        if value[0] == "0":
            continue
        out.append(
            cand(a.start, b.end, value, "OCR_CONFUSION", finding="edge_capital",
                 fixed=CONFIDENCE, printed=text, unit=unit)
        )  # fmt: skip
    return out


def _unit_after(toks: list[Token], last: int) -> str | None:
    """The lower-case word right after token ``last`` (a space or one line break
    between), else ``None``."""
    n = len(toks)
    if last + 2 >= n or toks[last + 2].kind != "word":
        return None
    gap = toks[last + 1]
    if gap.kind != "space" or gap.text.strip(" \n") or gap.text.count("\n") > 1:
        return None
    unit = toks[last + 2].text
    return unit if unit.isalpha() and unit.islower() else None


def _among_figures(toks: list[Token], first: int, last: int, nums: list[int]) -> bool:
    """Whether at least :data:`FIGURE_RUN_MIN` figures stand among the
    :data:`FIGURE_RUN_REACH` tokens (no spaces) either side of tokens ``first..last``
    and none of them has a letter glued on (``nums``: the page's figure tokens, in
    order)."""
    n = len(toks)
    lo = first
    for _ in range(FIGURE_RUN_REACH):
        lo -= 1
        while lo >= 0 and toks[lo].kind == "space":
            lo -= 1
    hi = last
    for _ in range(FIGURE_RUN_REACH):
        hi += 1
        while hi < n and toks[hi].kind == "space":
            hi += 1
    count = 0
    for k in nums[bisect_left(nums, max(lo, 0)) : bisect_right(nums, min(hi, n - 1))]:
        if first <= k <= last:
            continue
        if any(_glued_word(toks, k, j) for j in (k - 1, k + 1)):
            return False  # a code beside it ("CO2, 4G, 5G, B12 ... the G20"): codes
        count += 1
    return count >= FIGURE_RUN_MIN


def _glued_word(toks: list[Token], k: int, j: int) -> bool:
    """Whether token ``j`` is a word glued to figure token ``k``."""
    if not 0 <= j < len(toks) or toks[j].kind != "word":
        return False
    return toks[j].end == toks[k].start or toks[k].end == toks[j].start


def _currency_glyphs(toks: list[Token]) -> list[Candidate]:
    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n):
        t = toks[i]
        if toks[i - 1].text not in ("£", "$") or toks[i - 1].end != t.start:
            continue
        if t.kind != "word" or not 1 <= len(t.text) <= 2 or not t.text.isupper():
            continue
        if i + 1 < n and toks[i + 1].kind not in ("space", "punct"):
            continue  # "£4G", "£Gd": more glyphs follow
        digits = [_edge_digit(g) for g in t.text]
        if any(d is None for d in digits) or digits[0] == "0":
            continue
        out.append(
            cand(t.start, t.end, "".join(d for d in digits if d), "OCR_CONFUSION",
                 finding="currency_glyph", fixed=CONFIDENCE, printed=t.text)
        )  # fmt: skip
    return out


def _is_plain_number(tok: Token) -> bool:
    return tok.kind == "number" and tok.text.isdigit()


def _glued_stops(toks: list[Token]) -> list[Candidate]:
    out: list[Candidate] = []
    n = len(toks)
    months = _full_months()
    for i, t in enumerate(toks):
        if t.text != "." or i + 1 >= n or i == 0:
            continue
        fig = toks[i + 1]
        if not _is_plain_number(fig) or len(fig.text) > 3 or fig.text[0] == "0":
            continue
        if i + 2 < n and toks[i + 2].kind not in ("space", "punct"):
            continue
        if i + 2 < n and toks[i + 2].text in (".", ","):
            after_fig = toks[i + 3] if i + 3 < n else None
            if after_fig is not None and after_fig.kind == "number":
                continue  # ".5.000", ".12,500": one number
        prev = toks[i - 1]
        if prev.kind == "word" and prev.text in months:
            if 1 <= int(fig.text) <= 31:  # "July.17." -> "July 17."
                out.append(
                    cand(t.start, t.end, " ", "OCR_STRAY_MARK", finding="month_stop",
                         fixed=CONFIDENCE, orig=[t.text], alt=[], printed=t.text + fig.text)
                )  # fmt: skip
            continue
        if prev.kind != "space" and prev.text != ".":
            continue  # "3.12", "No.12": a decimal or an abbreviation's stop
        # a leader: ".12 to 14" (a range whose top is a plain number above it)
        j = i + 2
        if j < n and toks[j].kind == "space" and "\n" not in toks[j].text:
            j += 1
        if j >= n or toks[j].text not in _RANGE:
            continue
        k = j + 1
        if k < n and toks[k].kind == "space" and toks[k].text.count("\n") <= 1:
            k += 1
        if k >= n or not _is_plain_number(toks[k]):
            continue
        if k + 1 < n and toks[k + 1].text == "." and k + 2 < n and toks[k + 2].kind == "number":
            continue  # "to 1.25": decimals
        if int(toks[k].text) <= int(fig.text):
            continue
        out.append(
            cand(t.start, fig.end, ". " + fig.text, "OCR_SPLIT_MERGED", finding="leader_stop",
                 fixed=CONFIDENCE, printed=t.text + fig.text)
        )  # fmt: skip
    return out


def _continuations(toks: list[Token]) -> frozenset[tuple[str, str]]:
    """The pairs of words the page prints right after a plain figure ("43 in the")."""
    out = set()
    for k in range(len(toks) - 4):
        if _is_plain_number(toks[k]) and toks[k + 1].kind == "space":
            a, sp, b = toks[k + 2], toks[k + 3], toks[k + 4]
            if a.kind == "word" and sp.kind == "space" and b.kind == "word":
                if toks[k + 1].text.count("\n") + sp.text.count("\n") <= 1:
                    out.add((a.text, b.text))
    return frozenset(out)


def _parallel_counts(toks: list[Token]) -> list[Candidate]:
    from repair.resources.frequency import zipf

    out: list[Candidate] = []
    printed: Counter[str] | None = None
    conts: frozenset[tuple[str, str]] | None = None
    n = len(toks)
    readable = _readable()
    # only the short chunks every glyph of which reads as a digit (issue 14)
    chunks = [
        i
        for i, t in enumerate(toks)
        if t.kind == "word" and len(t.text) <= MAX_FIGURES and readable.issuperset(t.text)
    ]
    for i in chunks:
        if not 2 <= i < n - 2:
            continue
        t = toks[i]
        text = t.text
        upper = text.isupper()
        if not (upper or (PARALLEL_LOWER and text.islower() and len(text) > 1 and "l" in text)):
            continue  # "if l would": the pronoun; "ii", "iii": roman numerals
        if toks[i - 1].text != " " or toks[i + 1].text != " ":
            continue
        prev, nxt = toks[i - 2], toks[i + 2]
        if not (prev.kind == "word" and prev.text.islower() and nxt.kind == "word"):
            continue
        if not (nxt.text.isalpha() and nxt.text.islower()):
            continue
        digits = [_edge_digit(g) for g in text]
        if any(d is None for d in digits) or digits[0] == "0":
            continue
        if zipf(text.lower()) >= PARALLEL_MAX_ZIPF:
            continue  # "and I are": the pronoun
        if printed is None:
            printed = Counter(u.text for u in toks if u.kind == "word")
        lo = max(0, i - PARALLEL_REACH)
        near = upper and any(
            _is_plain_number(toks[k]) and toks[k + 1].text == " " and toks[k + 2].text == nxt.text
            for k in range(lo, i - 2)
        )  # a count of the same shape just before it ("17 are")
        if near and printed[text] > 1:
            continue  # a form the page prints again is its own: "ISO"
        if not near:
            if not PARALLEL_LOWER or i + 4 >= n or toks[i + 4].kind != "word":
                continue
            if conts is None:
                conts = _continuations(toks)
            if (nxt.text, toks[i + 4].text) not in conts:
                continue  # nor anywhere a count the same two words follow ("43 in the")
        out.append(
            cand(t.start, t.end, "".join(d for d in digits if d), "OCR_CONFUSION",
                 finding="parallel_count", fixed=CONFIDENCE, printed=text, unit=nxt.text)
        )  # fmt: skip
    return out


#: A sum in pounds, then shillings printed as a plain figure: the page's habit.
_POUNDS_THEN_SHILLINGS = re.compile(r"£ ?\d+\.? +\d{1,2}s\b")
#: A sum in pounds (its figure may be misread too: "£l."), then "Is" / "ls".
_POUNDS_THEN_GLYPH = re.compile(r"£ ?[\dlI]+\.? +([Il])s(?=[.,;:-]?(?:\s|$))")


def _pound_shillings(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    if "£" not in text or not _POUNDS_THEN_SHILLINGS.search(text):
        return out  # the page prints no "£2. 2s": no habit to read "£1. Is" by
    for m in _POUNDS_THEN_GLYPH.finditer(text):
        glyph = m.group(1)
        digit = _edge_digit(glyph)
        if digit is None:
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is not None and nxt.group(1).islower():
            continue  # "£5. Is that too much?": the verb opens a sentence
        start = m.start(1)
        out.append(
            cand(start, start + 2, digit + "s", "OCR_CONFUSION", finding="pound_shillings",
                 fixed=CONFIDENCE, printed=glyph + "s")
        )  # fmt: skip
    return out


_NEXT_WORD = re.compile(r"[.,;:-]?\s+([^\W\d_][\w']*)")


def _text_of(toks: list[Token]) -> str:
    """The text ``toks`` cover, from offset 0 (a page's tokens are contiguous)."""
    return " " * toks[0].start + "".join(t.text for t in toks)


def numslot_candidates(toks: list[Token], text: str | None = None) -> list[Candidate]:
    """Readings of figures by their slot (see the module doc); the caller asks only for
    garbled pages.  ``text`` is the page the tokens cover (rebuilt from them if ``None``)."""
    out: list[Candidate] = []
    if EDGE_CAPITALS:
        out.extend(_edge_capitals(toks))
    if GLUED_STOPS:
        out.extend(_glued_stops(toks))
    if CURRENCY_GLYPHS:
        out.extend(_currency_glyphs(toks))
    if PARALLEL_COUNTS:
        out.extend(_parallel_counts(toks))
    if POUND_SHILLINGS and toks:
        out.extend(_pound_shillings(_text_of(toks) if text is None else text))
    return out
