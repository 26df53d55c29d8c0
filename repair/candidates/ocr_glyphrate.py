"""A page's own keep rate of a speck glyph: is "«" a mark on this page, or a letter?

The marks table (:mod:`repair.candidates.ocr_glued`) prices what a glyph glued to a word
stands for from its training archives; a glyph they never printed ("«", "»", "\\" in a
newspaper, with tables learned from books) is read through the pool of the table's junk
marks, which keeps a glyph at a word's end about as often as it reads it as a letter.
So a speck on a complete word ("building«", "Instruction«") loses to the print's own
word prior and stays printed (the shipped tables, which learned the newspaper's "«",
price "s" ~9 nats under keeping it).

The page itself says which the glyph is.  A typeset mark stands at a word's edge; a
misread letter lands anywhere in a word, so the page shows it *where no English mark
stands*: between two letters ("gover»nment") or at the head of a letter run that is no
word ("»ith", "«aid").  The page's real punctuation (the table's marks seen often and
kept more often than not: ",", ".") lands there too on a garbled page, at the page's
noise rate ε.  Two hypotheses for a glyph the page prints ``n`` times, ``s`` of them at
such a place: it is a mark on this page (each occurrence there with probability ε), or
a speck (with its own rate ρ = s / n).  Their log likelihood ratio

    Λ = s · ln(ρ / ε) + (n − s) · ln((1 − ρ) / (1 − ε))        (0 when ρ <= ε)

is the nats by which the page makes the glyph's keeping less likely than the table
says: the odds of every letter fate against keeping rise by ``min(MAX_SHIFT, WEIGHT ·
Λ)`` (:func:`page_keep_shifts`; :meth:`repair.candidates.ocr_glued.MarkModel.glyph_shift`).
The language model decides each reading as before.  No list of words, no gold: the
rates are the page's own.

>>> shifts = page_keep_shifts(["gover»nment", "»ith", "peo»ple", "building»", "said,"] * 2)
>>> round(shifts["»"], 1)
4.4
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from repair.candidates.ocr_rules import letter_runs
from repair.score.ocr_channel import is_target

#: Read a speck glyph's page keep rate into its letter odds where it is glued to a complete
#: word (:data:`WHERE`).  Issue 12, session 60 (ocrproxy; benchmarks/RESULTS.md): ICDAR-only
#: proxy (``benchmarks/ocr_xsource.py --train icdar --eval smh-dev``) 4,766 / 7,862 ->
#: 4,763 / 7,858 tokens / chars (dev-a 2,131 -> 2,128, dev-b 2,635 both; "building«",
#: "Staple«" read with their "s"); shipped tables SMH dev 4,234 / 6,899 -> 4,234 / 6,898,
#: light suite dev, audit dev, census dev and clean English identical.  Test (read once):
#: proxy 5,665 / 9,204 -> 5,663 / 9,201, SMH 5,331 / 8,640 -> 5,329 / 8,638.  Every letter
#: reading of the glyph (``WHERE "all"``): dev 4,773 / 7,884 (garbled runs read as wild
#: words: "»»itb" -> saith).  ON.
GLYPH_KEEP_RATE = True
#: Nats of the page's log likelihood ratio given to the letter odds (1: all of it).
WEIGHT = 1.0
#: The most nats a page takes off a glyph's keeping.
MAX_SHIFT = 8.0
#: The fates the page's shift makes likelier against keeping (``"letter"``, ``"drop"``,
#: ``"space"``): the reading of a speck as a letter only, by default; a dropped or spaced
#: speck keeps the table's own odds (and its marks-only bars).
FATES: tuple[str, ...] = ("letter",)
#: Where the shift applies: ``"word"``, a glyph glued to the edge of a letter run that is
#: a word as printed ("building«", "«as": the print's word prior is what keeps it);
#: ``"all"``, every reading of the glyph (garbled runs too).
WHERE = "word"
#: ... a word of this many letters at least (as :data:`repair.candidates.ocr_glued.
#: TRAIL_SPECK_DROP` reads a speck on a word: "of«" is "of a" as often as "off").
EDGE_MIN_LEN = 3
#: Real marks: seen this often in the table and kept more often than not (their rate of
#: landing where no mark stands is the page's noise floor ε).
REAL_MIN_COUNT = 10
#: Marks words carry between letters ("well-known", "don't"): neither real-mark noise nor
#: glyphs read here.
WORD_MARKS = frozenset("-'\u2019\u2018\u02bc`\u2010\u2011")
#: A glyph (or real mark) ending a letter run that is no word ("wa«", "Smyth,"): a speck
#: for a lost letter, or a mark after a name.  ``"mark"`` counts such an occurrence as
#: one where a mark stands, ``"speck"`` as one where none does, ``"skip"`` leaves it out
#: of both counts.
TRAIL_NONWORD = "mark"
#: Pseudo-counts of ε's estimate (``(s0 + EPS_PRIOR) / (n0 + 2 * EPS_PRIOR)``): a page with
#: few real marks has no sharp noise floor.
EPS_PRIOR = 1.0


def speck_place(chunk: str, k: int) -> bool:
    """Whether ``chunk[k]`` stands where no English mark stands: between two letters, or
    at the head of a letter run that is no word ("»ith", "«aid"; not "«the").

    >>> [speck_place(c, k) for c, k in (("gover»nment", 5), ("»ith", 0), ("«the", 0), ("was»", 3))]
    [True, True, False, False]
    """
    if 0 < k < len(chunk) - 1 and chunk[k - 1].isalpha() and chunk[k + 1].isalpha():
        return True
    if k > 0 and chunk[k - 1].isalnum():
        return False
    _i, j = letter_runs(chunk, k)
    run = chunk[k + 1 : j]
    return bool(run) and not is_target(run) and not is_target(run.lower())


def trail_nonword(chunk: str, k: int) -> bool:
    """Whether ``chunk[k]`` ends a letter run that is no word ("wa«", "Smyth,").

    >>> [trail_nonword(c, k) for c, k in (("wa«", 2), ("was,", 3), ("«ith", 0))]
    [True, False, False]
    """
    i, _j = letter_runs(chunk, k)
    run = chunk[i:k]
    return bool(run) and not is_target(run) and not is_target(run.lower())


def log_ratio(n: int, s: int, eps: float) -> float:
    """Λ: the log likelihood ratio of "a speck" (its own rate ``s / n`` of standing where
    no mark stands) against "a mark" (the page's noise rate ``eps``); 0 when ``s / n <=
    eps``.

    >>> round(log_ratio(10, 4, 0.03), 2), log_ratio(10, 0, 0.03)
    (7.48, 0.0)
    """
    if n <= 0 or s <= 0:
        return 0.0
    rho = s / n
    if rho <= eps:
        return 0.0
    out = s * math.log(rho / eps)
    if s < n:
        out += (n - s) * math.log((1 - rho) / (1 - eps))
    return max(0.0, out)


def real_marks(by_mark: Mapping[str, Counter[str]]) -> frozenset[str]:
    """The table's real punctuation: marks seen :data:`REAL_MIN_COUNT` times or more and
    kept more often than not (not :data:`WORD_MARKS`)."""
    return frozenset(
        m
        for m, seen in by_mark.items()
        if m not in WORD_MARKS
        and sum(seen.values()) >= REAL_MIN_COUNT
        and seen["keep"] * 2 > sum(seen.values())
    )


def page_keep_shifts(
    chunks: Iterable[str],
    real: frozenset[str] = frozenset(".,"),
    glyph: object = None,
) -> dict[str, float]:
    """``{glyph: nats}``: how much less likely than the table says the page makes keeping
    each speck glyph it prints (:data:`GLYPH_KEEP_RATE`).  ``chunks``: the page's chunks
    with a mark, every occurrence; ``real``: the marks whose misplacements give the page's
    noise floor; ``glyph``: which characters are read (default
    :func:`repair.candidates.ocr_glued.speck_glyph` without typed pairs)."""
    if glyph is None:
        from repair.candidates.ocr_glued import TYPED_PAIRS, speck_glyph

        def glyph(ch: str) -> bool:  # type: ignore[misc]
            return speck_glyph(ch) and ch not in TYPED_PAIRS

    seen: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    n0 = s0 = 0
    for chunk in chunks:
        if not any(ch.isalpha() for ch in chunk):
            continue
        for k, ch in enumerate(chunk):
            if ch.isalnum() or ch.isspace():
                continue
            is_real = ch in real
            if not is_real and not glyph(ch):  # type: ignore[operator]
                continue
            at = speck_place(chunk, k)
            if not at and TRAIL_NONWORD != "mark" and trail_nonword(chunk, k):
                if TRAIL_NONWORD == "skip":
                    continue
                at = True
            if is_real:
                n0 += 1
                s0 += at
            else:
                seen[ch] += 1
                placed[ch] += at
    if not placed:
        return {}
    eps = (s0 + EPS_PRIOR) / (n0 + 2 * EPS_PRIOR)
    out = {}
    for ch in sorted(placed):
        lam = log_ratio(seen[ch], placed[ch], eps)
        if lam > 0:
            out[ch] = min(MAX_SHIFT, WEIGHT * lam)
    return out


def edge_of_word(chunk: str, k: int) -> bool:
    """Whether ``chunk[k]`` is glued to the start or end of a letter run of
    :data:`EDGE_MIN_LEN` letters or more that is a word as printed, with no other letter or
    digit on its own side.

    >>> [edge_of_word(c, k) for c, k in (("building«", 8), ("«the", 0), ("wa«", 2), ("of«", 2))]
    [True, True, False, False]
    """
    before, after = chunk[:k], chunk[k + 1 :]
    i, j = letter_runs(chunk, k)
    if not any(ch.isalnum() for ch in after) and i < k:
        run = chunk[i:k]
        if any(ch.isalnum() for ch in chunk[:i]):
            return False
    elif not any(ch.isalnum() for ch in before) and j > k + 1:
        run = chunk[k + 1 : j]
        if any(ch.isalnum() for ch in chunk[j:]):
            return False
    else:
        return False
    return len(run) >= EDGE_MIN_LEN and (is_target(run) or is_target(run.lower()))


def shift_letters(
    chunk: str, marks: list[int], opts: list[list[tuple[str, float]]], shifts: Mapping[str, float]
) -> None:
    """Make the fates :data:`FATES` of each speck glyph of ``chunk`` the page shifts
    (``shifts``, :func:`page_keep_shifts`) that much cheaper against keeping it, where
    :data:`WHERE` says (``opts``: the fates of ``marks``, as
    :func:`repair.candidates.ocr_glued.chunk_readings` builds them; changed in place)."""
    for n, k in enumerate(marks):
        shift = shifts.get(chunk[k])
        if not shift or (WHERE == "word" and not edge_of_word(chunk, k)):
            continue
        new = []
        for repl, cost in opts[n]:
            fate = "drop" if repl == "" else "space" if repl == " " else "letter"
            if repl != chunk[k] and fate in FATES and (fate != "letter" or repl.isalpha()):
                cost -= shift
            new.append((repl, cost))
        opts[n] = new
