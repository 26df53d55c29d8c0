"""A garbled word glued to a function word: "thorosolutton" (the resolution), "requostof"
(request of), "tlioprosoat" (the present), "forthclr" (for their).

:func:`repair.score.ocr_channel.split_candidates` splits a merged token only into known
words, and the confusion searches read one word; a lost space *and* misread glyphs on
either side fall between them.  On heavily garbled newspaper pages the glued piece is
nearly always one of the commonest words, which a lost space after it (or before it)
joins to its neighbour.

Each cut of the token into a head and a tail is tried with one side a function word
(:func:`function_words`: the words of Zipf >= :data:`FUNCTION_ZIPF`, a frequency list,
not a hand list) read through the learned channel
(:func:`repair.score.ocr_price.channel_cost`, at most :data:`FW_MAX_COST` nats: "tho",
"tlio", "of") and the other side a word: a target word as printed, or its cheapest
reading by the learned confusions (:func:`repair.score.ocr_channel.correction_candidates`,
at most :data:`WORD_MAX_COST` nats), or the far and long searches' reading.  The
cheapest few go to the scorer as two-word readings, at the channel costs plus a space.
"""

from __future__ import annotations

from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score.ocr_channel import correction_candidates, is_target, vocabulary
from repair.score.ocr_price import channel_cost

#: The reading runs (hook in :meth:`repair.candidates.ocr._Generator._token`).
GLUED_FW = True
#: Function words: words at least this common (Zipf) ...
FUNCTION_ZIPF = 6.5
#: ... of two to this many letters ("a" and "I" glue to too much).
FUNCTION_MAX_LEN = 4
#: Plain edits between a printed function word of four glyphs or more and the word
#: (shorter ones: one).
FW_MAX_EDITS = 2
#: A printed function word costs at most this (nats).
FW_MAX_COST = 3.0
#: The other side: at least this many letters ...
WORD_MIN_LEN = 4
#: ... read at most this dear (nats).
WORD_MAX_COST = 6.0
#: Shortest token tried.
MIN_LEN = 6
#: Cost of the lost space (nats).
SPACE_COST = 1.0
#: A token with a one-word reading at most this dear (nats) is not read as two words ...
GATE_COST = 3.0
#: ... nor one whose one-word reading costs less than a two-word one plus this (nats).
ONE_WORD_EDGE = 2.0
#: Margin (nats) the scorer asks of a two-word reading (None: the non-word default).
THRESHOLD: float | None = 4.0
#: Readings kept, cheapest first.
MAX_READINGS = 2


@lru_cache(maxsize=1)
def function_words() -> tuple[str, ...]:
    """The commonest short words (module doc), most common first."""
    from repair.score.ocr_fixedlists import vocabulary_words

    def build() -> tuple[str, ...]:
        words = [
            w
            for w in vocabulary()
            if w.isalpha()
            and w.islower()
            and 2 <= len(w) <= FUNCTION_MAX_LEN
            and zipf(w) >= FUNCTION_ZIPF
        ]
        return tuple(sorted(words, key=lambda w: -zipf(w)))

    name = f"gluedfw-{FUNCTION_MAX_LEN}-{FUNCTION_ZIPF!r}"
    return vocabulary_words(name, __file__, build)


@lru_cache(maxsize=8_192)
def _fw_reading(piece: str) -> tuple[str, float] | None:
    """The cheapest function word ``piece`` is a print of (words more plain edits away
    than :data:`FW_MAX_EDITS` are not priced: no cheap row of the table spans three
    glyphs, and a short piece with two glyphs wrong is any short word)."""
    from rapidfuzz.distance import Levenshtein

    low = piece.lower()
    edits = FW_MAX_EDITS if len(low) > 3 else 1
    best: tuple[str, float] | None = None
    for w in function_words():
        if abs(len(w) - len(low)) > 1 or Levenshtein.distance(low, w, score_cutoff=edits) > edits:
            continue
        c = 0.0 if w == low else channel_cost(piece, w)
        if c <= FW_MAX_COST and (best is None or c < best[1]):
            best = (w, c)
    return best


def _word_reading(piece: str) -> tuple[str, float] | None:
    """``piece`` as a word: as printed, or its cheapest reading within the bounds."""
    if len(piece) < WORD_MIN_LEN or not piece.isalpha():
        return None
    if is_target(piece.lower()):
        return (piece.lower(), 0.0)
    for c in correction_candidates(piece):
        if c.cost <= WORD_MAX_COST and is_target(c.text.lower()):
            return (c.text.lower(), c.cost)
    from repair.candidates.ocr_far import far_readings
    from repair.candidates.ocr_farlong import long_reading

    for c in far_readings(piece) or long_reading(piece):
        return (c.text, min(c.cost, WORD_MAX_COST))
    return None


def gated_readings(
    token: str, one_word_costs: list[float]
) -> tuple[tuple[tuple[str, str], float], ...]:
    """:func:`glued_readings` of ``token`` unless a one-word reading (its costs
    ``one_word_costs``) is cheap (:data:`GATE_COST`) or near (:data:`ONE_WORD_EDGE`)."""
    best = min(one_word_costs, default=99.0)
    if best <= GATE_COST:
        return ()
    return tuple(r for r in glued_readings(token) if r[1] + ONE_WORD_EDGE < best)


@lru_cache(maxsize=4_096)
def glued_readings(token: str) -> tuple[tuple[tuple[str, str], float], ...]:
    """Two-word readings (function word and word, in printed order) of ``token`` with
    their costs, cheapest first (lower case; the caller sets the case)."""
    if len(token) < MIN_LEN or not token.isalpha():
        return ()
    out: dict[tuple[str, str], float] = {}
    for k in range(1, FUNCTION_MAX_LEN + 2):
        for head, tail, fw_first in ((token[:k], token[k:], True), (token[-k:], token[:-k], False)):
            fw = _fw_reading(head)
            if fw is None:
                continue
            word = _word_reading(tail)
            if word is None or word[1] + fw[1] == 0.0:
                continue  # both sides as printed: the plain split's job
            parts = (fw[0], word[0]) if fw_first else (word[0], fw[0])
            cost = SPACE_COST + fw[1] + word[1]
            if cost < out.get(parts, 99.0):
                out[parts] = cost
    ranked = sorted(out.items(), key=lambda x: x[1])
    return tuple(ranked[:MAX_READINGS])
