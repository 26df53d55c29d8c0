"""All-capitals words garbled glyph by glyph, read by a clear margin over the common words.

Headings of a heavy newspaper page are set in capitals, and capital glyphs are misread
by their own shapes: "II" for "H", "B" for "R", "V" for "Y" or "U", "U" for "R"
("SBTIIERLAVD" for SUTHERLAND, "TIIKATHE" for THEATRE, "MUSPIIV" for MURPHY, "LIHUAUV"
for LIBRARY).  The far searches (:mod:`repair.candidates.ocr_far`,
:mod:`repair.candidates.ocr_farlong`) leave all-capitals tokens alone (acronyms,
headings), and their retrieval of half the token's length in plain edits misses words
whose every other capital is wrong.

Here an all-capitals non-word (most of its letters capitals, :data:`MIN_LEN` letters
or more: acronyms are short) that the page prints once, that no dictionary or name
list knows and that no other reading reached is compared with the common words (the far
search's list) :data:`SHORTER` letters shorter to :data:`LONGER` longer, within
:data:`DISTANCE_SHARE` of its length in plain edits and sharing its first or last
letter; each hit is priced by the learned channel
(:func:`repair.score.ocr_price.channel_cost`: the table's capital rows apply to the
print as printed), and the cheapest is kept only when it costs at most
:data:`COST_PER_CHAR` nats a printed letter, drops no run of printed glyphs and every
other word costs :data:`MARGIN` nats more: a string of capitals far from every word but
one is that word, a name no list knows is near several or none.  The reading, in
capitals, goes to the language-model scorer at a cost capped at :data:`COST_CAP` and
the far search's threshold.  Heavy pages only (the caller's gate).

>>> caps_far_reading("LIHUAUV")[0], caps_far_reading("TIIKATHE")[0]
('LIBRARY', 'THEATRE')
>>> caps_far_applies("NASDAQ", 1), caps_far_applies("Theatre", 1)
(False, False)
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import word_cand
from repair.score import ocr_nearpool
from repair.score.ocr_channel import is_known, split_candidates, strip_accents
from repair.types import Candidate, Token

#: The readings are built (hook in :meth:`repair.candidates.ocr._Generator._token`).
CAPS_FAR = True
#: Letters a token has at least (acronyms are shorter) ...
MIN_LEN = 6
#: ... and at most (garbage runs, glued headings).
MAX_LEN = 16
#: A word this many letters shorter than the token ...
SHORTER = 3
#: ... or longer is retrieved.
LONGER = 1
#: Plain edit distance of the retrieval: this share of the token's letters.
DISTANCE_SHARE = 0.7
#: The cheapest reading costs at most this many nats a printed letter ...
COST_PER_CHAR = 1.5
#: ... and every other word at least this many nats more.
MARGIN = 3.0
#: The cost the scorer sees is capped at this (nats: the margin said the rest).
COST_CAP = 3.0
#: The scorer's threshold (the far search's).
THRESHOLD = -3.0
#: The reading is also built when the far searches already read the token: they price
#: the same word at its full channel cost against the usual threshold ("TIIKATHE" ->
#: THEATRE at 6.5 nats, margin -2.3: declined), where the clear margin over every other
#: common word is this module's evidence ("MUSPIIV" -> MURPHY likewise).  Session 44
#: (ocrcaps44), alone: SMH dev 4,403 -> 4,401 tokens / 7,174 -> 7,166 chars (dev-a 0,
#: dev-b -2 / -8: both right), test 5,438 -> 5,437 / 8,867 -> 8,865; light suite, ICDAR,
#: gold+noise, clean gate, audit unchanged (``benchmarks/ocr_ablation.py``; RESULTS.md).
OVER_READINGS = True


def _capitals(text: str) -> bool:
    """Whether most of ``text``'s letters are capitals ("SBTIIERLAVD", "CiIAIíGING")."""
    return sum(c.isupper() for c in text) * 2 > len(text)


def caps_far_applies(text: str, count: int) -> bool:
    """Whether ``text`` (printed ``count`` times on its page) is searched (module doc)."""
    if count != 1 or not (MIN_LEN <= len(text) <= MAX_LEN) or not text.isalpha():
        return False
    if not _capitals(text) or not text[:1].isupper():
        return False
    low = text.lower()
    plain = strip_accents(low)
    if is_known(low) or is_known(plain) or split_candidates(plain):
        return False
    from repair.score.ngrams import get_ngrams

    return not get_ngrams().is_name(plain.capitalize())


@lru_cache(maxsize=1_024)
def caps_far_reading(text: str) -> tuple[str, float] | None:
    """The common word (in capitals) ``text`` is a heavy misreading of, and its channel
    cost, or ``None`` (module doc)."""

    from repair.candidates.ocr_farlong import _drops_a_piece, anchored_words, clear_cheapest
    from repair.score.ocr_price import cheapest_priced

    low = strip_accents(text).lower()
    n = len(low)
    if n != len(text) or not low.isalpha():
        return None
    words = anchored_words(range(n - SHORTER, n + LONGER + 1), low[0], low[-1])
    cutoff = int(n * DISTANCE_SHARE)
    hits = ocr_nearpool.extract(low, words, cutoff, None)
    near = [(d, w) for w, d, _k in hits if w != low]
    priced = cheapest_priced(text, near, COST_PER_CHAR * n, MARGIN)
    found = clear_cheapest(priced, n, COST_PER_CHAR, MARGIN)
    if found is None:
        return None
    cost, word = found
    if _drops_a_piece(low, word):
        return None
    return word.upper(), cost


def _glued_piece(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is glued by a mark to a word before it ("COM.VISSIOX": a piece
    of COMMISSION, not a word of its own)."""
    return i >= 2 and toks[i - 1].kind != "space" and toks[i - 2].kind == "word"


def caps_far_candidates(toks: list[Token], i: int, reason: str, count: int) -> list[Candidate]:
    """The reading of all-capitals non-word ``toks[i]`` (of a heavy page, printed
    ``count`` times) as a common word, if one is clear (module doc)."""
    tok = toks[i]
    if not CAPS_FAR or not caps_far_applies(tok.text, count) or _glued_piece(toks, i):
        return []
    found = caps_far_reading(tok.text)
    if found is None:
        return []
    word, cost = found
    return [
        word_cand(
            tok,
            word,
            "OCR_SPELLING",
            finding=reason,
            cost=min(cost, COST_CAP),
            threshold=THRESHOLD,
            far=True,
        )
    ]
