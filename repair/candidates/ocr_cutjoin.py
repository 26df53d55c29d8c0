"""A word the page prints whole, cut in two by a space and a stray mark, a glyph misread
inside: "Coin- |⏎mittee" on a page of "Committee" x8, "Nea« castle" beside "Newcastle" x4
(issue 12, session 55).

The page join (:mod:`repair.candidates.ocr_pagejoin`) reads two pieces one space or one
line break apart; the speck joins of :mod:`repair.candidates.ocr_line_join` join pieces
around a line-end speck only as printed ("Com⏎| mission"), and the mark joins
(:mod:`repair.candidates.ocr_glyphjoin`, :mod:`repair.candidates.ocr_markjoin`) read a
mark with no space beside it.  A cut of a space *and* a stray mark with a misread glyph
in a piece falls between them: each piece is read alone ("Coin" stays a word, "mittee"
becomes "mattes") and the page's own word is never proposed.

Here two whole printed pieces (letters only, the right one in lower case) with a *cut*
between them -- spaces with at most one line break, and one or two stray marks
(:data:`CUT_MARKS`, or a hyphen glued to the left piece before one of them) -- are read
as one printed string.  The joined letters (:data:`MIN_LEN` or more) are compared with the
page's words, as the page join does (:func:`repair.candidates.ocr_pagejoin._best`: a word
the page prints at least ``ocr_pagejoin.MIN_COUNT`` times, a known word or a listed name,
the same first letter, at most ``ocr_pagejoin.MAX_EDITS`` plain edits, priced by the
learned channel within ``ocr_pagejoin.MAX_COST`` nats).  The cheapest goes to the context
model at that price plus the spacing cost and :data:`MARK_COST` a mark, less the page's
support (``log`` of its count, at most ``ocr_pagejoin.MAX_BONUS``).  A join the printed
letters already make (the price 0) is the speck join's, not proposed again.  Only on
garbled pages that are not old print (the hook in :mod:`repair.candidates.ocr`).  No
pairs are listed: the page's counts and the learned table's costs decide.

>>> from collections import Counter
>>> from repair.tokenize import tokenize
>>> text = "The Committee met. By-Laws Coin- |\\nmittee. The Committee rose."
>>> toks = tokenize(text)
>>> counts = Counter(t.text for t in toks if t.kind == "word")
>>> [(text[c.start:c.end], c.replacement) for c in cut_join_candidates(toks, counts)]
[('Coin- |\\nmittee', 'Committee')]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import partial

from repair.candidates import ocr_pagejoin
from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_spacejoin import _glued
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (module doc).  Off -> on (benchmarks/RESULTS.md, "Session 55, ocrjoin"): SMH dev
#: 4,262 / 6,948 -> 4,259 / 6,943 tokens / chars (2 words right, 0 wrong), proxy dev
#: (ICDAR-only tables) 4,811 -> 4,807; test unchanged; audit, census, light, ICDAR identical.
CUT_JOIN = True
#: Stray marks a cut may hold (no sentence mark: "Nea« castle", "Com⏎| mission").
CUT_MARKS = frozenset("|«»¡¦\\")
#: Most stray marks in a cut (a hyphen glued to the left piece counts as one).
MAX_MARKS = 2
#: Fewest letters of the joined pieces.
MIN_LEN = 5
#: A page word shorter than the joined letters only when the right piece is no word this
#: common (Zipf) of its own.
SHORTER_PIECE_ZIPF = 4.0
#: Cost (nats) of each mark of the cut, read as a speck the print lacks.
MARK_COST = 0.5
#: Margin (nats) the join asks in context.
THRESHOLD = 0.0


def _cut(toks: list[Token], i: int) -> int | None:
    """The index of the right piece when a cut (module doc) follows the word ``toks[i]``,
    else ``None``."""
    n = len(toks)
    j = i + 1
    marks = breaks = spaces = 0
    if j < n and toks[j].text == "-" and toks[j].start == toks[i].end:
        marks, j = 1, j + 1  # "Coin- |": a line-end hyphen before the speck
    hyphen = marks
    while j < n and toks[j].kind in ("space", "punct"):
        t = toks[j]
        if t.kind == "space":
            if t.text.strip():
                return None
            breaks += t.text.count("\n")
            spaces += 1
        elif t.text in CUT_MARKS:
            marks += 1
        else:
            return None
        j += 1
    if j >= n or toks[j].kind != "word" or not spaces or breaks > 1:
        return None
    if not (hyphen < marks <= MAX_MARKS):
        return None  # a plain cut is the page join's; a hyphen alone the line join's
    return j


def _best(
    left: str,
    right: str,
    joined: str,
    words: Mapping[str, list[tuple[str, int]]],
    lows: Mapping[str, Mapping[int, list[tuple[int, str]]]],
    channel_cost: Callable[[str, str], float],
    near_words: Callable[[str, list[str]], list[tuple[str, float, int]]],
) -> tuple[float, str, int] | None:
    """(cost, page word, its count) of the cheapest page word the joined pieces read as,
    ``None`` when none does: :func:`repair.candidates.ocr_pagejoin._best` with a shorter
    page word allowed (a misread "m" is two glyphs, "in": "Coinmittee") unless the right
    piece is a common word of its own (:data:`SHORTER_PIECE_ZIPF`: "River | as" is no
    "Rivers")."""
    pj = ocr_pagejoin
    if min(zipf(left.lower()), zipf(right.lower())) >= pj.COMMON_PIECES_ZIPF:
        return None  # "in to", "any thing": two words
    low = joined.lower()
    got = words.get(low[0], [])
    by_len = lows.get(low[0], {})
    shorter = zipf(right) < SHORTER_PIECE_ZIPF
    low_size = len(low) - (pj.MAX_EDITS if shorter else 0)
    top = len(low) + pj.MAX_EDITS + 1
    ranked = sorted(x for n in range(low_size, top) for x in by_len.get(n, ()))
    pool, where = [w for _k, w in ranked], [k for k, _w in ranked]
    best: tuple[float, str, int] | None = None
    for k in sorted(where[j] for _wl, _d, j in near_words(low, pool)):
        w, n = got[k]
        wl = w.lower()
        if wl in (left.lower(), right.lower()):
            continue
        c = 0.0 if wl == low else channel_cost(low, wl)
        if c <= pj.MAX_COST and (best is None or c < best[0]):
            best = (c, w, n)
    return best


def cut_join_candidates(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """Joins of two printed pieces across a cut of spaces and stray marks into a word the
    page prints whole (module doc); ``counts``: the page's word counts."""
    if not CUT_JOIN:
        return []
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    from repair.score.ocr_price import channel_cost

    pj = ocr_pagejoin
    cutoff = pj.MAX_EDITS
    near_words = partial(extract, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    words: dict[str, list[tuple[str, int]]] | None = None
    lows: dict[str, dict[int, list[tuple[int, str]]]] = {}
    out: list[Candidate] = []
    for i, a in enumerate(toks):
        if a.kind != "word" or not a.text.isalpha() or i + 2 >= len(toks):
            continue
        if toks[i + 1].kind == "word":
            continue
        k = _cut(toks, i)
        if k is None:
            continue
        b = toks[k]
        left, right = a.text, b.text
        joined = left + right
        if len(joined) < MIN_LEN or not right.isalpha() or not right.islower():
            continue
        if _glued(toks, i - 1, a.start) or _glued(toks, k + 1, b.end):
            continue  # a piece cut from a longer printed string
        if words is None:
            words = pj._page_words(counts)
            lows = {first: pj._by_length(got) for first, got in words.items()}
        if not words:
            return []

        best = _best(left, right, joined, words, lows, channel_cost, near_words)
        if best is None or best[0] == 0.0:
            continue  # none; or the printed letters' own join (the speck join's)
        c, w, n = best
        marks = sum(1 for t in toks[i + 1 : k] if t.kind == "punct")
        text = pj._cased(w, left)
        bonus = min(pj.MAX_BONUS, math.log(n))
        out.append(
            cand(
                a.start, b.end, text, "OCR_JOIN_SPLIT", finding="cut_join",
                orig=[a.text, b.text], alt=[text],
                cost=SPACING_COST + c + MARK_COST * marks - bonus, threshold=THRESHOLD,
                page_join=True,
            )
        )  # fmt: skip
    return out
