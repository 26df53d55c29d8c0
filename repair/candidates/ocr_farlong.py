"""Long garbled words the far search misses: retrieval wide in length and distance, kept
only when the learned channel prefers one word by a clear margin.

:mod:`repair.candidates.ocr_far` retrieves words within 3 plain edits and one letter of
length and keeps those the channel prices under an absolute bound.  Long newspaper
words garbled glyph by glyph fall outside both limits: "attsudatica" (attendance, 5
edits), "rcsuiniitiou" (resumption: "iu" for "m", "ii" for "n"; two letters longer),
"cipcctcd" (expected), "thnranelves" (themselves), "Lioutoniiiit" (lieutenant).  Their
channel cost (13-15 nats: several generic edits) is above the far bound, yet among all
words of about their length the true word is by far the cheapest reading.

This module asks the relative question.  For a long token (:data:`MIN_LEN` letters) the
far search left bare, it retrieves the common words (the far search's list) whose
length is within :data:`SHORTER` letters below and :data:`LONGER` above the token's
(the print is usually longer: one glyph read as two), within a plain edit distance of
half the token's length, sharing its first or last letter; prices every hit with the
learned channel (:func:`repair.score.ocr_price.channel_cost`); and keeps the cheapest
only when it costs at most :data:`COST_PER_CHAR` nats a printed letter and the next
reading costs :data:`MARGIN` nats more.  A long string of letters far from every word
but one is a misprint of that word; a name no list knows is near several words or none.
The reading goes to the usual language-model scorer, at a cost capped at the far
search's bound (the margin, not the absolute cost, says the reading is the only one).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from repair.candidates.ocr_far import _ends, bound, last_not_first
from repair.score import ocr_nearpool
from repair.score.ocr_channel import Correction
from repair.score.ocr_price import cheapest_priced

#: The search runs (hook in :meth:`repair.candidates.ocr._Generator._far`).
FAR_LONG = True
#: Shortest token searched (letters).
MIN_LEN = 7
#: Longest token searched (garbage runs and glued lines).
MAX_LEN = 16
#: Readings this many letters shorter than the token ...
SHORTER = 3
#: ... or longer.
LONGER = 1
#: Plain edit distance of the retrieval: this share of the token's length.
DISTANCE_SHARE = 0.5
#: The cheapest reading costs at most this many nats a printed letter ...
COST_PER_CHAR = 1.5
#: ... and the next one at least this many nats more.
MARGIN = 3.0
#: No reading whose alignment drops this many printed glyphs in a row at the token's
#: start or end (a glued piece, a suffix: "htforward", "rocessionary") ...
END_DROP = 2
#: ... or inside it ("tnterdependent" is not "independent").
INNER_DROP = 3
#: The reading's cost for the scorer is capped at this (nats; None: the far bound).
COST_CAP: float | None = 5.0
#: Only words sharing the token's first or last letter are retrieved.
ANCHORED = True
#: Capitalised tokens are searched too.
CAPITALS = False


def _words(n: int, first: str, last: str) -> list[str]:
    if not ANCHORED:
        from repair.candidates.ocr_far import _by_length

        return [w for k in range(n - SHORTER, n + LONGER + 1) for w in _by_length().get(k, ())]
    return anchored_words(range(n - SHORTER, n + LONGER + 1), first, last)


def anchored_words(lengths: range, first: str, last: str) -> list[str]:
    """The far list's words of these ``lengths`` that begin with ``first`` or end with
    ``last`` (each once)."""
    ends = _ends()
    out: list[str] = []
    for k in lengths:
        out += ends.get((k, "first", first), ())
        out += last_not_first(ends, k, last, first)
    return out


def clear_cheapest(
    priced: list[tuple[float, str]], glyphs: int, per_char: float, margin: float
) -> tuple[float, str] | None:
    """The cheapest of the sorted ``(cost, word)`` readings when it costs at most
    ``per_char`` nats a printed glyph and the next one at least ``margin`` nats more."""
    if not priced:
        return None
    best = priced[0]
    if best[0] > per_char * glyphs:
        return None
    if len(priced) > 1 and priced[1][0] - best[0] < margin:
        return None
    return best


def _drops_a_piece(low: str, word: str) -> bool:
    """Whether reading ``low`` as ``word`` drops a run of printed glyphs (module doc)."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.opcodes(low, word):
        if op.tag != "delete":
            continue
        run = op.src_end - op.src_start
        at_end = op.src_start == 0 or op.src_end == len(low)
        if run >= (END_DROP if at_end else INNER_DROP):
            return True
    return False


def readings_over(token: str, found_costs: list[float]) -> tuple[Correction, ...]:
    """:func:`long_reading` of ``token`` at the cost the scorer sees (capped at
    :data:`COST_CAP`: the margin said the rest), unless a candidate already found
    (``found_costs``) is at most as dear as the reading's own channel cost."""
    cap = COST_CAP if COST_CAP is not None else bound(token)
    return tuple(
        replace(c, cost=min(c.cost, cap))
        for c in long_reading(token)
        if all(f > c.cost for f in found_costs)
    )


@lru_cache(maxsize=4_096)
def long_reading(token: str) -> tuple[Correction, ...]:
    """The one common word ``token`` is a heavy misreading of, or nothing (module doc);
    lower case, the caller sets the case.  Its cost is the channel's (uncapped)."""
    if not (MIN_LEN <= len(token) <= MAX_LEN) or not token.isalpha():
        return ()

    low = token.lower()
    cutoff = int(len(low) * DISTANCE_SHARE)
    words = _words(len(low), low[0], low[-1])
    hits = ocr_nearpool.extract(low, words, cutoff, None)
    # priced as far as ``clear_cheapest`` reads them (the same answer as pricing all)
    near = [(d, w) for w, d, _k in hits if w != low]
    priced = cheapest_priced(token, near, COST_PER_CHAR * len(low), MARGIN)
    found = clear_cheapest(priced, len(low), COST_PER_CHAR, MARGIN)
    if found is None:
        return ()
    best, word = found
    if _drops_a_piece(low, word):
        return ()
    return (Correction(word, round(best, 3), ((token, word),), False),)
