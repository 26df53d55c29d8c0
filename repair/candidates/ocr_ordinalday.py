"""A day's ordinal printed in letters beside a month name (issue 12, session 48).

Court and council reports date their business "on the 31st December", and the OCR reads
the day's figures as the letters they look like: "on the Slst December", "on tho Slat
December".  The chunk is one word token (no figure left in it, so
:mod:`repair.candidates.ocr_numshape` never sees it) and no word: the word readers make
it "first" or leave it.  Here a chunk of one or two glyphs and a two-glyph suffix,
standing right before or after a month name (:mod:`calendar`'s names and their
abbreviations, :func:`repair.candidates.ocr_numglyph._months`; a name broken at a line
end, "De-⏎cember", joined), is read as a day:

* each leading glyph as the digit the learned confusion table or the rendered glyph
  shapes read it as (:func:`repair.candidates.ocr_numshape.glyph_readings`, every reading within
  :data:`repair.candidates.ocr_numglyph.MAX_GLYPH_COST` nats a glyph);
* the day must be a day of a month (1 to 31, no leading zero), and the suffix printed
  must be that day's own ("st" for 31, "th" for 28) or one glyph off it where the table
  reads the printed glyph as the suffix's ("at" -> "st": the table's "a" -> "s");
* the cheapest such reading wins ("Sl" reads 81 before 31; 81 is no day).

The calendar is the evidence: the month name beside it and the day's range.  A chunk
in lower case that is a known word is left alone ("the last December"; a capitalised
"Slat" inside a line is none), as is one the page prints more than once.  The language
model knows no figures: the reading takes a fixed confidence, as
:mod:`repair.candidates.ocr_numglyph`'s do.  Garbled pages only (the caller's gate).

>>> from repair.tokenize import tokenize
>>> page = "by the Council on tho Slat December, and on the Slst De-\\ncember last."
>>> [(c.features["printed"], c.replacement) for c in ordinal_day_candidates(tokenize(page))]
[('Slat', '31st'), ('Slst', '31st')]
>>> ordinal_day_candidates(tokenize("on the last December and the first May"))
[]
"""

from __future__ import annotations

from collections import Counter

from repair.candidates.ocr_numglyph import _months, _step
from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: A chunk of letters with an ordinal's suffix beside a month name read as the day
#: (``numglyph_candidates`` calls it).  ON (session 48, ocrdigit48): SMH dev 4,312 ->
#: 4,308 tokens (7,017 -> 7,011 chars; "on tho Slat December", "the Slst De-⏎cember" ->
#: "31st", dev-b), test unchanged (5,349 / 8,671); audit 150 broken, light suite, clean
#: gate, ICDAR unchanged (``benchmarks/smh_eval.py --split dev``).  OFF: no chunk is read.
ORDINAL_DAYS = True
#: Largest cost (nats) of the suffix glyph read as the day's own ("a" -> "s": 0.9).
SUFFIX_MAX_COST = 3.0
#: Confidence of a reading (the language model cannot judge figures).
CONFIDENCE = 0.7


def ordinal_suffix(day: int) -> str:
    """The suffix English prints after ``day``.

    >>> [ordinal_suffix(d) for d in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'rd', 'st']
    """
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _suffix_cost(printed: str, wanted: str) -> float | None:
    """0 when ``printed`` is ``wanted``; the table's cost of its one differing glyph
    (within :data:`SUFFIX_MAX_COST`); else ``None``."""
    from repair.score.ocr_channel import confusions

    if printed == wanted:
        return 0.0
    diff = [(p, w) for p, w in zip(printed, wanted, strict=True) if p != w]
    if len(diff) != 1:
        return None
    p, w = diff[0]
    costs = [c for d, c in confusions().get(p, ()) if d == w]
    return min(costs) if costs and min(costs) <= SUFFIX_MAX_COST else None


def _month_beside(toks: list[Token], i: int) -> bool:
    """Whether a month name stands right before or after chunk ``i`` (one space between;
    a name broken at a line end after it is joined: "De-⏎cember")."""
    months = _months()
    prv, nxt = _step(toks, i, -1), _step(toks, i, 1)
    if prv is not None and toks[prv].kind == "word" and toks[prv].text in months:
        return True
    if nxt is None or toks[nxt].kind != "word":
        return False
    name = toks[nxt].text
    if name in months:
        return True
    n = len(toks)
    if nxt + 3 < n and toks[nxt + 1].text == "-" and toks[nxt + 2].kind == "space":
        if "\n" in toks[nxt + 2].text and toks[nxt + 3].kind == "word":
            return name + toks[nxt + 3].text in months
    return False


def _readings(core: str) -> list[tuple[str, float]]:
    """Every digit string the glyphs of ``core`` read as, each glyph within
    :data:`repair.candidates.ocr_numglyph.MAX_GLYPH_COST` (the day's range picks)."""
    from itertools import product

    from repair.candidates.ocr_numglyph import MAX_GLYPH_COST
    from repair.candidates.ocr_numshape import glyph_readings

    table, _learned = glyph_readings()
    per = [[r for r in table.get(g + "@", ()) if r[1] <= MAX_GLYPH_COST] for g in core]
    return [("".join(d for d, _ in combo), sum(c for _, c in combo)) for combo in product(*per)]


def _day(chunk: str) -> tuple[str, float] | None:
    """The cheapest day reading of ``chunk`` (module doc), with its cost, or ``None``."""
    core, printed = chunk[:-2], chunk[-2:].lower()
    best: tuple[str, float] | None = None
    for value, cost in _readings(core):
        if value[0] == "0" or not 1 <= int(value) <= 31:
            continue
        wanted = ordinal_suffix(int(value))
        extra = _suffix_cost(printed, wanted)
        if extra is not None and (best is None or cost + extra < best[1]):
            best = (value + wanted, cost + extra)
    return best


def ordinal_day_candidates(toks: list[Token]) -> list[Candidate]:
    """Days printed in letters beside a month name (module doc); garbled pages only."""
    from repair.score.ocr_channel import is_known

    out: list[Candidate] = []
    if not ORDINAL_DAYS:
        return out
    printed: Counter[str] | None = None
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not 3 <= len(text) <= 4 or not text.isalpha():
            continue
        if not _month_beside(toks, i) or (text.islower() and is_known(text)):
            continue
        found = _day(text)
        if found is None:
            continue
        if printed is None:
            printed = Counter(u.text for u in toks if u.kind == "word")
        if printed[text] > 1:
            continue  # a form the page prints again is its own
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="ordinal_day",
                 fixed=CONFIDENCE, printed=text, glyph_cost=round(found[1], 2))
        )  # fmt: skip
    return out
