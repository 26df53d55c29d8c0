"""A word the OCR broke with a stray glyph: "Com-nittee", "diffi-.uit", "trou-ors".

On a heavily garbled page a letter is often printed as a mark ("-", ".", "\\\\", ">")
and the tokenizer then cuts the word in two pieces, neither of which is a word, so
every one-token search reads a piece ("nittee", "uit") and none the word.  Here the
two pieces and the one or two marks between them (no space, no apostrophe: "O'Brien",
"don't") are read as one printed string: the common words (the far search's list)
about as long as the pieces together (one letter shorter to the marks' length plus one
longer, sharing the first or last letter, within :data:`DISTANCE_SHARE` of the length
in plain edits) are priced by the learned channel
(:func:`repair.score.ocr_price.channel_cost`, the marks priced as generic edits), and
the cheapest is proposed only when it costs at most :data:`COST_PER_CHAR` nats a
printed glyph and the next costs :data:`MARGIN` nats more: the relative test of
:mod:`repair.candidates.ocr_farlong`.

Real compounds and abbreviations stay: the pieces together are no known word, and at
a hyphen neither a right piece of three letters nor a piece of four that a dictionary
knows ("co-respondent", "so-called", "Botany-road", "before-mentioned").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from repair.candidates.ocr_rules import join_cand
from repair.score import ocr_nearpool
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Read words broken by stray glyphs (hook in :mod:`repair.candidates.ocr`, heavy pages).
GLYPH_JOIN = True
#: Most marks between the pieces.
MAX_MARKS = 2
#: Shortest piece, and shortest string of both pieces' letters.
MIN_PIECE = 2
MIN_LETTERS = 6
#: Plain edit distance of the retrieval: this share of the letters (at least 2).
DISTANCE_SHARE = 0.4
#: The cheapest reading costs at most this many nats a printed glyph ...
COST_PER_CHAR = 1.5
#: ... and the next one at least this many nats more.
MARGIN = 3.0
#: The cost the scorer sees is capped here (the margin said the rest), and the
#: margin the reading needs in context.
COST_CAP = 5.0
THRESHOLD = -3.0
_QUOTES = frozenset("'’`\"")


def mark_runs(
    toks: list[Token], min_piece: int = 1
) -> Iterator[tuple[int, Token, list[Token], Token]]:
    """``(k, left, marks, right)`` for every alphabetic word token of at least
    ``min_piece`` letters followed by 1 to :data:`MAX_MARKS` punctuation tokens and a
    word token (``toks[k]``, not checked further)."""
    n = len(toks)
    for i, left in enumerate(toks):
        # the next token must be a mark (the loop below finds none otherwise): tested
        # first, as most words are followed by a space (issue 14, session 38)
        if i + 1 >= n or toks[i + 1].kind != "punct":
            continue
        if left.kind != "word" or len(left.text) < min_piece or not left.text.isalpha():
            continue
        k = i + 1
        while k < n and k - i - 1 <= MAX_MARKS and toks[k].kind == "punct":
            k += 1
        marks = toks[i + 1 : k]
        if not marks or k >= n or len(marks) > MAX_MARKS or toks[k].kind != "word":
            continue
        yield i, k, left, marks, toks[k]


def glyph_join_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings of word pieces joined by one or two stray marks (module doc)."""
    if not GLYPH_JOIN:
        return []
    out: list[Candidate] = []
    for _i, _k, left, marks, right in mark_runs(toks, MIN_PIECE):
        sep = "".join(t.text for t in marks)
        if len(sep) > MAX_MARKS or any(ch in _QUOTES or ch.isspace() for ch in sep):
            continue
        if not right.text.isalpha() or len(right.text) < MIN_PIECE:
            continue
        if not _pieces_apply(left.text, sep, right.text):
            continue
        found = glyph_join_reading(left.text, sep, right.text)
        if found is None:
            continue
        word, cost = found
        word = _cased(word, left.text, right.text)
        out.append(
            join_cand(
                left,
                right,
                word,
                finding="glyph_join",
                cost=min(cost, COST_CAP),
                threshold=THRESHOLD,
                glyph_join=True,
            )
        )
    return out


def _pieces_apply(left: str, sep: str, right: str) -> bool:
    letters = (left + right).lower()
    if len(letters) < MIN_LETTERS or is_known(letters):
        return False
    if is_known(left.lower()) and is_known(right.lower()):
        return False  # two words and a mark
    if "-" in sep or (COMMA_WORDS and "," in sep):  # a compound: "co-respondent", "Botany-road"
        # (or, at a comma, a word whose next space the OCR lost: "ticket,inan", "ogy,taking")
        if len(right) >= 3 and is_known(right.lower()):
            return False
        if len(left) >= 4 and is_known(left.lower()):
            return False
        if HYPHEN_HEAD and _word_head(right.lower()):
            return False  # "re-electionas": a compound whose right word lost its space
    return True


#: At a comma as at a hyphen, a known word on either side is a word of its own: the OCR lost
#: the space after the comma ("ticket,inan" is "ticket, in an", not "ticketing";
#: "techno1ogy,taking" is not "overtaking").  Session 37.
COMMA_WORDS = True
#: At a hyphen, a right piece that opens with a known word of :data:`HEAD_MIN` letters or
#: more is a compound whose next space the OCR lost ("re-electionas" is "re-election as",
#: not "reflections"); a stray glyph leaves no such word ("Com-nittee").  Session 36.
HYPHEN_HEAD = True
HEAD_MIN = 5


def _word_head(piece: str) -> bool:
    return any(is_known(piece[:k]) for k in range(len(piece) - 1, HEAD_MIN - 1, -1))


def _cased(word: str, left: str, right: str) -> str:
    if left.isupper() and len(left) > 1 and (right.isupper() or len(right) <= 2):
        return word.upper()
    if left[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=4_096)
def glyph_join_reading(left: str, sep: str, right: str) -> tuple[str, float] | None:
    """(word in lower case, channel cost) that ``left + sep + right`` is a misprint
    of, when one word is clearly the cheapest (module doc), else ``None``."""

    from repair.candidates.ocr_farlong import anchored_words, clear_cheapest
    from repair.score.ocr_price import channel_cost

    low = (left + right).lower()
    printed = left + sep + right
    words = anchored_words(range(len(low) - 1, len(low) + len(sep) + 2), low[0], low[-1])
    cutoff = max(2, int(len(low) * DISTANCE_SHARE))
    hits = ocr_nearpool.extract(low, words, cutoff, None)
    priced = sorted((channel_cost(printed, w), w) for w, _d, _k in hits)
    found = clear_cheapest(priced, len(printed), COST_PER_CHAR, MARGIN)
    if found is None:
        return None
    best, word = found
    return word, round(best, 3)
