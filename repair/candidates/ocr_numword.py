"""A short figure in a run of lower-case words read as the common word its glyphs make
(issue 12, session 42).

"Tho following l8 a list of tho soldiers", "although it 13 considered it will be": a
chunk of two or three glyphs holding a figure ("l8", "13"), printed between two
lower-case words, with no figure, money sign or unit anywhere near, is a word when

* each glyph read through the learned confusion table (``ocr_confusions.tsv``, one
  glyph for one, and the glyph shapes ``ocr_numshape`` prices; the case folded:
  "8" -> "S" -> "s", "l" -> "i", "1" -> "I" -> "i")
  makes a lower-case word at least :data:`MIN_ZIPF` common ("is", "in", "on": the
  function words a lost stroke turns into a figure), and
* the language model likes the words around it with that word better, by
  :data:`MARGIN` nats, than with the figure read as any of a few number words (the LM
  knows no digits: "at 950 dollars", "by 6 goals", "over 21 are" keep their figure).

Figures in number context never qualify: a figure within :data:`REACH` chunks (a table,
a column of figures, a date), a money sign or a stop glued on, a unit after it
(``ocr_numshape._UNIT``), a word the page prints before figures elsewhere. The reading
replaces any other reading of the chunk (``ocr_numshape`` reads "l8" as 18). Garbled
pages only (the caller's gate); linear in the page's tokens.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Off: no chunk is read (the A/B switch of ``benchmarks/ocr_ablation.py``). On: SMH
#: dev-a 1,981 -> 1,979 tokens, dev-b and test unchanged (session 42).
DIGIT_WORDS = True
#: The word a figure's glyphs make is at least this common (Zipf).
MIN_ZIPF = 6.0
#: The LM likes the word better than the best number word by this many nats.
MARGIN = 4.0
#: No other figure within this many chunks either side.
REACH = 6
#: Glyph readings dearer than this (nats) are not tried.
MAX_COST = 6.0
#: Confidence of a reading (the LM margin is its evidence).
CONFIDENCE = 0.7
#: Number words the figure is scored as (the best of them stands for the figure).
_NUMBER_WORDS = ("one", "two", "three", "ten", "twelve", "eighteen", "twenty", "fifty", "hundred")
_GLYPHS = frozenset("0123456789lIio")
_MONEY = frozenset("£$/")


@lru_cache(maxsize=64)
def _glyph_letters(glyph: str) -> tuple[str, ...]:
    """Lower-case letters a printed glyph may stand for, by the learned table."""
    from repair.candidates.ocr_numshape import glyph_readings
    from repair.score.ocr_channel import confusions

    out = [glyph] if glyph.isalpha() and glyph.islower() else []
    rows = list(confusions().get(glyph, ())) + list(glyph_readings()[0].get(glyph, ()))
    for dst, cost in rows:
        if len(dst) == 1 and dst.isalpha() and cost <= MAX_COST and dst.lower() not in out:
            out.append(dst.lower())
    return tuple(out)


@lru_cache(maxsize=1024)
def word_forms(chunk: str) -> tuple[str, ...]:
    """Common lower-case words ``chunk``'s glyphs make, glyph for glyph.

    >>> word_forms("l8"), word_forms("950")
    (('is',), ())
    """
    from repair.resources.frequency import zipf

    forms = [""]
    for g in chunk:
        letters = _glyph_letters(g)
        forms = [f + x for f in forms for x in letters]
        if not forms:
            return ()
    return tuple(f for f in dict.fromkeys(forms) if zipf(f) >= MIN_ZIPF)


def _chunks(toks: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, end token, text) of each run of non-space tokens."""
    from repair.candidates.ocr_glued import page_chunks

    return page_chunks(toks)


def _figured(text: str) -> bool:
    """Whether ``text`` holds a digit or a money mark (a letters-only chunk holds neither:
    no letter is a digit, and the marks are no letters; issue 14)."""
    if text.isalpha():
        return False
    return any(c.isdigit() for c in text) or any(c in _MONEY for c in text)


def _lower(text: str) -> bool:
    return text.isalpha() and text.islower()


def _window(lm: object, word: str, ctx: tuple[str, str, str, str]) -> float:
    """Log-probability of ``word`` and the two words after it, in context."""
    p2, prev, nxt, after = ctx
    lp = lm.logprob  # type: ignore[attr-defined]
    return float(lp(word, [p2, prev]) + lp(nxt, [prev, word]) + lp(after, [word, nxt]))


def numword_candidates(toks: list[Token]) -> list[Candidate]:
    """Word readings of short figures in a run of lower-case words (see the module doc)."""
    if not DIGIT_WORDS:
        return []
    from repair.candidates.ocr_numshape import _UNIT
    from repair.resources.lm import get_lm

    chunks = _chunks(toks)
    figured = [_figured(x[2]) for x in chunks]
    out: list[Candidate] = []
    lm = None
    n = len(chunks)
    for k, (a, b, text) in enumerate(chunks):
        if not (2 <= len(text) <= 3) or not figured[k] or k < 2 or k + 2 >= n:
            continue
        if not set(text) <= _GLYPHS:
            continue
        p2, prev, nxt, after = (chunks[k + d][2] for d in (-2, -1, 1, 2))
        if not (_lower(prev) and _lower(nxt)) or _UNIT.fullmatch(nxt):
            continue
        gap_b, gap_a = toks[a - 1].text, toks[b].text
        if gap_b.count("\n") + gap_a.count("\n") > 1:
            continue  # a paragraph's edge
        lo, hi = max(0, k - REACH), min(n, k + REACH + 1)
        if any(figured[j] for j in range(lo, hi) if j != k):
            continue  # a table, a date, a sum: figures keep company
        forms = word_forms(text)
        if not forms:
            continue
        if lm is None:
            lm = get_lm()
        if not (lm.known(prev) and lm.known(nxt)):
            continue
        ctx = (p2.lower(), prev, nxt, after.lower())
        figure = max(_window(lm, w, ctx) for w in _NUMBER_WORDS)
        best = max(forms, key=lambda w: _window(lm, w, ctx))
        margin = _window(lm, best, ctx) - figure
        if margin < MARGIN:
            continue
        start, end = toks[a].start, toks[b - 1].end
        out.append(
            cand(start, end, best, "OCR_CONFUSION", finding="figure_word",
                 orig=[text], alt=[best], fixed=CONFIDENCE, lm_margin=round(margin, 2),
                 printed=text)
        )  # fmt: skip
    return out
