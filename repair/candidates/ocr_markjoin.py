"""Short words broken by a stray mark: "w-as", "a-nount", "S-ervlce", "W.hlle" (issue 12).

:mod:`repair.candidates.ocr_glyphjoin` reads a word the OCR cut in two with a stray mark
("Com-nittee") when both pieces have two letters or more, the word six or more, and one
reading is clearly the cheapest.  Short words and one-letter pieces fail those tests,
though newspaper OCR breaks them the same way: "w-as" (was), "t-ourt" (Court), "Ix-en"
(been), "a-nount" (amount), "S-ervlce" (Service).  A short word has many neighbours, so
no reading is *clearly* the cheapest; here the few cheapest common words go to the
context model instead, which picks one or keeps the print.

Nothing is learned from any archive: the readings come from the far list (common words
of about the pieces' length sharing the first or last letter,
:func:`repair.candidates.ocr_farlong.anchored_words`) and are priced by the channel
(:func:`repair.score.ocr_price.channel_cost`, the marks priced as generic edits).

What stays as printed: real compounds and abbreviations ("e-mail", "x-ray", "to-day",
"co-op": at a hyphen a known right piece of three letters or more, a known left piece of
four or more, or two known pieces of two letters or more; "e.g", "U.S", "a.m": letters
around a stop that are both one or two letters, or capitals), initials ("T.umlev": one
capital before a stop) and anything next to a quote or a space.  Only on heavily garbled
pages (the hook in :mod:`repair.candidates.ocr`).
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_dotted import dotted_name
from repair.candidates.ocr_glyphjoin import MAX_MARKS, _cased, _pieces_apply, mark_runs
from repair.candidates.ocr_markglyph import mark_price
from repair.candidates.ocr_ownline import line_bounds
from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Switch (see the module doc).
MARK_JOIN = True
#: Also read the longer words glyph_join's pieces test lets in when glyph_join found no
#: clear reading (its span is not taken): the few cheapest go to the context model.
LONG_WORDS = False
#: Fewest letters of both pieces together.
MIN_LETTERS = 3
#: A reading costs at most this many nats a printed glyph (marks included).  SMH dev,
#: shipped tables / ICDAR's tables (tokens / chars; main 4,753 / 7,606 and 5,930 / 9,225):
#: 1.5: 4,744 / 7,601 and 5,902 / 9,210; 2.0: 4,734 / 7,594 and 5,887 / 9,205; 2.5:
#: 4,724 / 7,590 and 5,866 / 9,202, with more wrong readings of hopeless garble (dev: 2 of
#: 13 applied readings wrong at 1.5, 7 of 19 at 2.0, 11 of 26 at 2.5).
COST_PER_GLYPH = 2.0
#: A reading is a word at least this common (Zipf).
TARGET_ZIPF = 4.0
#: Readings kept (cheapest first).
READINGS = 3
#: Plain edit distance of the retrieval: this share of the letters (at least 2).
DISTANCE_SHARE = 0.4
#: A reading keeps at least as many letters as the pieces hold: the marks are extra glyphs
#: or stand for letters, and the printed letters are not dropped as noise ("John^n" is
#: no "John", "Hal,hi" no "Half").  Off (session 36, ``benchmarks/ocr_ablation.py``): the
#: guard cost SMH dev-a 3 tokens and test 4, dev-b and ICDAR 0 ("John^n" is "John" in the
#: gold, "lvi.o" "lie").
KEEP_LETTERS = False
#: Margin (nats) the reading needs in context.
THRESHOLD = 0.0
#: At a hyphen, a known right piece of three letters or more makes a compound ("e-mail",
#: "to-day") only when the left piece is one letter or known too: "ss-ere" (were),
#: "trt-nth" (trench) are no compounds of "ere" and "nth".
GARBLED_LEFT = False
#: A capital after the mark starts a word of its own unless both pieces are capitals:
#: "Z(Hart" (Roper Hart), "Olli.-D" (Chaff. - D.), "t?ML" are no one word broken by a mark
#: ("S-ervlce", "t-ourt" are).
CASE_BREAK = True
#: A one-letter piece other than "a", "I", "O" is no word in the compound and lost-space
#: rules ("v,ill" is will, not "v" and "ill").  SMH dev: "v,ill" is read, but as "bill"
#: (the alignment has "v," for "w" as two glyphs, which the price does not see).  Off.
LONE_LETTER = False
#: A piece of two or three letters is a word in the compound and lost-space rules only
#: when at least this common (Zipf; ``None``: any known word): "Ix-en" is no "Ix" and "en".
#: SMH dev (with the learned price): 1 right ("Ix-en" -> been), 3 wrong ("ss-ere" -> severe,
#: "r-ven" -> seven, "Mir-lt" -> Merit): off.
PIECE_ZIPF: float | None = None
#: At a hyphen, a left piece of two letters or more and a right piece of three or more
#: that make a known word together are a compound ("co-ordinated", "re-elected").  Only
#: light pages (``LIGHT_PAGES``) showed such a reading on SMH dev; off with it.
COMPOUND_JOINED = False
#: Skip a run whose right piece is followed by more marks and letters with no space
#: ("Mul!i?aa", "lBt*r_»j;a", "Bri.ib.-imj"): a longer garble, not one short word.  SMH dev
#: (channel price): removes 2 readings, both wrong ("r_ief" -> chief, "Bri.ib" -> Brian), but
#: the token count rises 4,699 -> 4,703 (one wrong word scores better than three pieces of
#: garble): off.
LONGER_RUN = False
#: Also read marks on garbled pages that are not heavily garbled ("coa.it", "v,ill" sit on
#: such pages); off: the heavy-page gate alone.  SMH dev (learned price): +3 right ("wh»n",
#: "t?ke", "ha>e"), +2 wrong ("co-ordinated", "Mul!i": the two guards below remove them),
#: but ICDAR file 81 (light pages) gets 15 readings, most of them wrong ("pla.in" -> placing,
#: "goat,a" -> goals, "professed!y" -> profession): held-out CER -49.8 % -> -49.7 %.  Off.
LIGHT_PAGES = False
#: Skip a mark run whose line is hopeless: more than this share of the other words on its
#: printed line are garbled (unknown words, or words touching a mark); ``None``: no guard.
#: SMH dev (learned price): 0.5 drops 2 right readings ("rr->m", "John^n") and 1 wrong;
#: 0.35 (flat 2.0) drops 5 right and 5 wrong: the garble of a line does not tell.  Off.
GARBLED_LINE: float | None = None
_QUOTES = frozenset("'’`\"‘")


def mark_join_candidates(toks: list[Token], taken: frozenset[tuple[int, int]]) -> list[Candidate]:
    """Readings of short words broken by one or two stray marks (module doc); ``taken``:
    the spans other readings already cover (:mod:`repair.candidates.ocr_glyphjoin`'s)."""
    if not MARK_JOIN:
        return []
    out: list[Candidate] = []
    for i, k, left, marks, right in mark_runs(toks):
        if (left.start, right.end) in taken or not right.text.isalpha():
            continue
        if _glued(toks, i - 1) or _glued(toks, k + 1):
            continue  # a piece of a longer run ("Ilr3t-clnss"): not one short word
        if LONGER_RUN and _run_goes_on(toks, k + 1):
            continue  # "Mul!i?aa", "lBt*r_»j": more marks and letters follow
        sep = "".join(t.text for t in marks)
        if len(sep) > MAX_MARKS or any(ch in _QUOTES or ch.isspace() for ch in sep):
            continue
        if not applies(left.text, sep, right.text):
            continue
        if GARBLED_LINE is not None and line_garble(toks, i, k) > GARBLED_LINE:
            continue  # "oil/lit dui,s, und a \\u-<t": no context to read the word by
        for word, cost in readings(left.text, sep, right.text):
            out.append(
                cand(
                    left.start,
                    right.end,
                    _cased(word, left.text, right.text),
                    "OCR_JOIN_SPLIT",
                    finding="mark_join",
                    orig=[left.text, right.text],
                    alt=[word],
                    cost=cost,
                    threshold=THRESHOLD,
                )
            )
    return out


def line_garble(toks: list[Token], i: int, k: int) -> float:
    """The share of the words on the printed line of ``toks[i..k]`` (the run itself left
    out) that are garbled: not known words, or touching a mark inside a run of glyphs."""
    lo, _ = line_bounds(toks, i)
    _, hi = line_bounds(toks, k)
    words = bad = 0
    for j in (*range(lo, i), *range(k + 1, hi + 1)):
        t = toks[j]
        if t.kind != "word":
            continue
        words += 1
        if not is_known(t.text.lower()) or _glued_mark(toks, j - 1) or _glued_mark(toks, j + 1):
            bad += 1
    return bad / words if words else 1.0


def _glued_mark(toks: list[Token], j: int) -> bool:
    """Whether ``toks[j]`` is a mark with a word or digits on both sides ("the»e")."""
    return (
        0 < j < len(toks) - 1
        and toks[j].kind == "punct"
        and toks[j - 1].kind in ("word", "number")
        and toks[j + 1].kind in ("word", "number")
    )


def _run_goes_on(toks: list[Token], j: int) -> bool:
    """Whether marks from ``toks[j]`` on run into a word with no space ("?aa" after
    "Mul!i"): the printed run is longer than the two pieces."""
    n = 0
    while j < len(toks) and toks[j].kind == "punct" and n < MAX_MARKS:
        j, n = j + 1, n + 1
    return n > 0 and j < len(toks) and toks[j].kind in ("word", "number")


def _glued(toks: list[Token], j: int) -> bool:
    """Whether the token at ``j`` (beside the printed run) is a word or digits touching it."""
    return 0 <= j < len(toks) and toks[j].kind not in ("space", "punct")


def applies(left: str, sep: str, right: str) -> bool:
    """Whether ``left + sep + right`` may be one short word broken by stray marks: not
    one :mod:`repair.candidates.ocr_glyphjoin` reads, no compound, abbreviation or
    initial (module doc)."""
    if len(left) + len(right) < MIN_LETTERS:
        return False
    if CASE_BREAK and right[:1].isupper() and not (left.isupper() and right.isupper()):
        return False  # "Z(Hart", "Olli.-D": the capital begins the next word
    if len(left) >= 2 and len(right) >= 2 and len(left) + len(right) >= 6:
        if _pieces_apply(left, sep, right) and not LONG_WORDS:
            return False  # glyph_join's own case (its clear-cheapest test decides)
    known_l, known_r = _known(left), _known(right)
    low = (left + right).lower()
    if "-" in sep:
        left_ok = known_l or len(left) == 1 or not GARBLED_LEFT
        if (len(right) >= 3 and known_r and left_ok) or (len(left) >= 4 and known_l):
            return False  # "e-mail", "to-day", "Botany-road"
        if len(left) >= 2 and len(right) >= 2 and known_l and known_r:
            return False  # "co-op", "re-do"
        if COMPOUND_JOINED and len(left) >= 2 and len(right) >= 3 and is_known(low):
            return False  # "co-ordinated", "re-elected": a word with or without its hyphen
    if any(ch in ".,;:" for ch in sep) and known_l and known_r and len(right) >= 3:
        return False  # a space lost after punctuation between two words: "II,known"
    if sep == "." and dotted_name(left, right):
        return False  # "Node.js", "index.html": a dotted name, no word broken by a speck
    if any(ch in ".," for ch in sep):
        if len(left) <= 2 and len(right) <= 2:
            return False  # "e.g", "i.e", "a.m"
        if len(left) == 1 and left.isupper():
            return False  # an initial that lost its space: "T.umlev"
    if left.isupper() and right.isupper() and len(left) + len(right) <= 4:
        return False  # "U.S", "N-W"
    return True


def _known(piece: str) -> bool:
    """Whether ``piece`` is a known word; with :data:`LONE_LETTER`, a one-letter piece
    only when it is "a", "I" or "O" ("v,ill" is no "v" and "ill"); with
    :data:`PIECE_ZIPF`, a short piece only when it is that common."""
    if LONE_LETTER and len(piece) == 1:
        return piece in "aAIO"
    if PIECE_ZIPF is not None and 1 < len(piece) <= 3:
        return zipf(piece.lower()) >= PIECE_ZIPF
    return is_known(piece.lower())


@lru_cache(maxsize=4_096)
def readings(left: str, sep: str, right: str) -> tuple[tuple[str, float], ...]:
    """The cheapest common words (lower case, channel cost) ``left + sep + right`` may be
    a misprint of: at most :data:`READINGS`, each within :data:`COST_PER_GLYPH`."""

    from repair.candidates.ocr_farlong import anchored_words

    low = (left + right).lower()
    printed = left + sep + right
    lengths = range(max(2, len(low) - 1), len(low) + len(sep) + 2)
    words = anchored_words(lengths, low[0], low[-1])
    cutoff = max(2, int(len(low) * DISTANCE_SHARE))
    hits = ocr_nearpool.extract(low, words, cutoff, None)
    bound = COST_PER_GLYPH * len(printed)
    priced = sorted((mark_price(printed, w), w) for w, _d, _k in hits)
    out: list[tuple[str, float]] = []
    for cost, word in priced:
        if cost > bound or len(out) >= READINGS:
            break
        if KEEP_LETTERS and len(word) < len(low):
            continue
        if zipf(word) >= TARGET_ZIPF:
            out.append((word, round(cost, 3)))
    return tuple(out)
