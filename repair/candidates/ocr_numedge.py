"""A small letter glued to the edge of a figure, read as the digit it stands for when the
figure's slot says it is a number (issue 12, session 63).

"About l8 months ago", "LONDON, Jan. l8.", "who died on November l8, left": the OCR
reads the "1" of a two-figure number as the lower-case "l" it looks like, and the
tokenizer cuts the chunk into a letter and a figure.  :mod:`repair.candidates.ocr_numshape`
reads such a letter at a number's edge only when the learned confusion table prices it
under a fixed number of nats (``EDGE_MAX_COST``): an archive whose table learned its
figures prices "l" -> 1 at 1.4 nats and passes; a table learned elsewhere (book OCR,
few figures) holds the same row dearer (2.3 nats from ICDAR) and the chunk is left as
printed -- the price gate does not carry to an archive the table never saw.  What
carries is the *slot*: a figure's neighbours say it is a number whatever the table's
prices.  Here a chunk of one lower-case letter glued to one to :data:`MAX_FIGURES`
figures (either edge; nothing else glued on, a plain mark after it allowed; a unit's
letter after the figures is the unit: "10s", "4d") is read as the number when

* the confusion table in force *holds* the letter -> digit row (any price up to
  :data:`MAX_GLYPH_COST`; the cheapest held digit is read; a shape tie goes to the
  counted row as :mod:`repair.candidates.ocr_digitprior` orders it), and
* its slot is a number's (:func:`number_slot`): a day right after a month's name or
  its abbreviation ("Jan. l8", "November l8,": the value 1-31), or a count before a
  lower-case word the language model reads as a count's unit -- the model, which
  spells its numbers, likes the chunk read as a number word better than as any common
  word its glyphs make by :data:`MARGIN` nats, *and* the word after it gains at least
  :data:`UNIT_GAIN` nats from a number word before it against the chunk's word forms
  ("l8 months": "eighteen months"; "l8 a list" is "is a list": no count).

No pairs are listed: the digit comes from the learned table, the slot from the calendar's
month names and the language model.  Garbled pages only (the caller's gate); the number
takes a fixed confidence, as the other figure readers' do (the model cannot judge
figures), and replaces any other reading of the chunk.

>>> from repair.tokenize import tokenize
>>> page = tokenize("LONDON, Jan. l8. The fine was 10s and 4d costs.")
>>> [(c.features["printed"], c.replacement) for c in numedge_candidates(page)]
[('l8', '18')]
"""

from __future__ import annotations

from repair.candidates.ocr_numshape import _UNIT
from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Issue 12 (session 63): a lower-case letter glued to a figure read as the digit the
#: table holds for it where the slot says number (a day after a month; a count before
#: the language model's unit).  ICDAR-only proxy dev 4,733 / 7,833 -> 4,731 / 7,832 ("Jan. l8",
#: "About l8 months"); shipped SMH dev unchanged (its table reads them already).
#: benchmarks/RESULTS.md, "Session 63, ocrnum".
EDGE_SLOT = True
#: Figures the letter may be glued to, at most.
MAX_FIGURES = 3
#: The table holds the letter -> digit row at most this dear (nats): the table's rare-row
#: floor and above is no evidence the pair was seen.
MAX_GLYPH_COST = 6.0
#: The number word beats the chunk's common word forms by this many nats (the LM's two
#: words after the chunk, as :mod:`repair.candidates.ocr_numword` scores them).
MARGIN = 4.0
#: ... and the next word gains this much from a number word before it (a count's unit).
UNIT_GAIN = 2.0
#: Confidence of a reading (the language model cannot judge figures).
CONFIDENCE = 0.7

_PLAIN_AFTER = frozenset(".,;:")


def edge_digit(letter: str) -> str | None:
    """The digit the confusion table in force holds for ``letter`` (within
    :data:`MAX_GLYPH_COST`), ordered as :func:`repair.candidates.ocr_numshape.glyph_readings`
    orders its rows; ``None`` when the table holds none."""
    from repair.candidates.ocr_numshape import glyph_readings
    from repair.score.ocr_channel import confusions

    held = {
        d: c for d, c in confusions().get(letter, ()) if len(d) == 1 and d.isdigit()
    }
    if not held or min(held.values()) > MAX_GLYPH_COST:
        return None
    table, _learned = glyph_readings()
    for digit, _cost in table.get(letter + "@", ()):
        if held.get(digit, 99.0) <= MAX_GLYPH_COST:
            return digit
    return min(held, key=lambda d: held[d])


def _step(toks: list[Token], i: int, step: int) -> int | None:
    from repair.candidates.ocr_numglyph import _step as step_of

    return step_of(toks, i, step)


def _month_before(toks: list[Token], first: int) -> bool:
    """Whether a month's name (or its abbreviation, with or without its stop) stands
    right before token ``first``."""
    from repair.candidates.ocr_numglyph import _months

    j = _step(toks, first, -1)
    if j is None:
        return False
    if toks[j].text == "." and j > 0 and toks[j - 1].end == toks[j].start:
        j -= 1
    return toks[j].kind == "word" and toks[j].text in _months()


def _words_around(toks: list[Token], first: int, last: int) -> tuple[str, str, str, str] | None:
    """(word two before, word before, word after, word two after) of the chunk
    ``first..last``: plain words across single spaces (the first two may be marks'
    neighbours: ``""``), else ``None``."""
    out: list[str] = []
    for start, step in ((first, -1), (last, 1)):
        got: list[str] = []
        k = start
        for _ in range(2):
            j = _step(toks, k, step)
            if j is None or toks[j].kind != "word":
                break
            got.append(toks[j].text)
            k = j
        if step == 1 and not got:
            return None
        got += [""] * (2 - len(got))
        out.extend(got if step == 1 else got[::-1])
    p2, prev, nxt, after = out
    if not prev:
        return None
    return p2, prev, nxt, after


def number_slot(toks: list[Token], first: int, last: int, value: str, chunk: str) -> str | None:
    """``"date"`` or ``"count"`` when the chunk ``first..last`` (read as ``value``;
    printed ``chunk``) stands in a number's slot (see the module doc), else ``None``."""
    if _month_before(toks, first):
        return "date" if 1 <= int(value) <= 31 else None
    nxt = last + 1
    if nxt < len(toks) and toks[nxt].kind == "punct":
        return None  # "l8." after no month: a count's unit follows the figure
    ctx = _words_around(toks, first, last)
    if ctx is None:
        return None
    p2, prev, unit, after = ctx
    if not (unit.isalpha() and unit.islower()):
        return None
    from repair.candidates.ocr_numword import _NUMBER_WORDS, _window, word_forms
    from repair.resources.lm import get_lm

    lm = get_lm()
    if not (lm.known(unit) and lm.known(prev.lower())):
        return None
    ctx = (p2.lower(), prev.lower(), unit, after.lower())
    forms = word_forms(chunk)
    figure = max(_window(lm, w, ctx) for w in _NUMBER_WORDS)
    words = max((_window(lm, w, ctx) for w in forms), default=None)
    if words is not None and figure - words < MARGIN:
        return None
    lp = lm.logprob  # type: ignore[attr-defined]
    gain = max(float(lp(unit, [prev.lower(), w])) for w in _NUMBER_WORDS) - max(
        (float(lp(unit, [prev.lower(), w])) for w in forms), default=float(lp(unit, []))
    )
    return "count" if gain >= UNIT_GAIN else None


def numedge_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings of a lower-case letter glued to a figure's edge (see the module doc)."""
    if not EDGE_SLOT:
        return []
    out: list[Candidate] = []
    n = len(toks)
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if a.end != b.start:
            continue
        if a.kind == "number" and b.kind == "word":
            figures, letter, trailing = a.text, b.text, True
        elif a.kind == "word" and b.kind == "number":
            figures, letter, trailing = b.text, a.text, False
        else:
            continue
        if len(letter) != 1 or not letter.islower() or not letter.isalpha():
            continue
        if not figures.isdigit() or len(figures) > MAX_FIGURES:
            continue
        if trailing and _UNIT.fullmatch(letter):
            continue  # "10s", "4d", "5m": a unit, not a figure
        if i > 0 and toks[i - 1].kind != "space":
            continue  # glued to something else on the left
        if i + 2 < n and toks[i + 2].kind != "space":
            after = toks[i + 2]
            if after.text not in _PLAIN_AFTER:
                continue
            if i + 3 < n and toks[i + 3].kind != "space":
                continue
        digit = edge_digit(letter)
        if digit is None:
            continue
        value = figures + digit if trailing else digit + figures
        if value[0] == "0":
            continue
        chunk = a.text + b.text
        place = number_slot(toks, i, i + 1, value, chunk)
        if place is None:
            continue
        out.append(
            cand(a.start, b.end, value, "OCR_CONFUSION", finding="edge_slot",
                 fixed=CONFIDENCE, printed=chunk, place=place)
        )  # fmt: skip
    return out
