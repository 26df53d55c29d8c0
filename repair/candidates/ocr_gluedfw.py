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
from repair.score.ocr_price import channel_cost, channel_cost_upto

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
#: Margin (nats) asked of a two-word reading of a token no one-word reading reads
#: (session 24: "thejanalysis"; beside one, THRESHOLD: "agatnit" is "against", not
#: "again it"); None: THRESHOLD.
ALONE_THRESHOLD: float | None = 3.0

# session 24 (issue 12, branch ocrglue24): the two sides priced by the channel
#: A printed function word of four glyphs is read up to three plain edits away, by its
#: channel price ("tlio" is "the": "li" for "h", "o" for "e") ...
CHANNEL_FW = True
FW_LONG_MAX_EDITS = 3
#: ... at most this dear.
FW_LONG_MAX_COST = 4.0
#: The word side: this many readings (each at its own channel price, never capped), so
#: the language model chooses between "the come" and "the colony" with both sides.
TAIL_READINGS = 2
#: Far and long readings of the word side at their own price (False: capped at
#: WORD_MAX_COST, session 15's price).
TRUE_PRICE = True
#: The space between the two printed as one glyph ("thejanalysis", "thoJFlnanco"): its
#: cost (nats; None: not read).  Off (lead, session 24): on the 1 M-word speed text it read
#: "theircraft" as "the aircraft"; tests set it to 3.0.  On again (session 41, ocrseg41):
#: that reading comes from a plain cut ("the" + "ircraft"), not the glyph
#: (:data:`PLAIN_SPLIT_GUARD`).
SPACE_GLYPH_COST: float | None = 3.0
#: The cost the reading was built and measured with (``SPACE_GLYPH_COST`` when on).
SPACE_GLYPH_ON = 3.0
#: Tokens with an inner capital ("thoJFlnanco", "itbopLrution"), read in lower case.
#: Off (lead, session 24) with the space glyph: without it "thoJFlnanco" reads "they Finance".
#: On again with it (session 41).
INNER_CAPITAL = True
#: Switch (issue 12, session 41): a token that splits with no edit into two words a
#: correction may produce ("theircraft": their + craft) gets no reading here: the plain
#: split (:func:`repair.score.ocr_channel.split_candidates`) reads it with no misread
#: glyph, and a function word read through the channel beside it ("the aircraft") asks
#: one more error than the print shows.  Off (session 41): nothing on SMH dev, and on the
#: 300 k-word OCR audit text it refuses three right readings ("madcit" made it, "jctsand"
#: jets and, "thenprime" the prime) and no wrong one; "theircraft" is read "the aircraft"
#: with the space glyph off too (a plain cut: "the" + "ircraft"), so the glyph does not
#: wait for it.
PLAIN_SPLIT_GUARD = False
#: Letters each piece of such a split has at least.
PLAIN_SPLIT_MIN = 2
#: With the guard: still read the token at the plain split's own cut, a piece read through
#: the channel ("lastend": last + "end" read "and"); only readings that move the cut
#: ("the aircraft") or read a glyph as the space are refused.
PLAIN_SPLIT_SAME_CUT = True
#: Switch (issue 12, session 41): two function words run together, the word side read as
#: a function word too ("ontho": on the), in tokens of :data:`FW_PAIR_MIN_LEN` letters or
#: more; the word side's own readings stay as they are for pieces of
#: :data:`WORD_MIN_LEN` letters or more.
FW_PAIRS = True
FW_PAIR_MIN_LEN = 5


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


@lru_cache(maxsize=64)
def _words_near_length(words: tuple[str, ...], n: int) -> tuple[str, ...]:
    """``words`` of ``n`` letters, one more or one fewer, in their order (the length test
    of :func:`_fw_reading`, made once per length: issue 14, session 38)."""
    return tuple(w for w in words if abs(len(w) - n) <= 1)


#: Switch: :func:`_fw_reading` prices a function word with
#: :func:`repair.score.ocr_price.channel_cost_upto` up to the lower of the cap and the
#: cheapest so far (a word above that bound is never taken; below it the cost is the same
#: float), not in full (issue 14, session 40).
FW_PRICE_UPTO = True


@lru_cache(maxsize=8_192)
def _fw_reading(piece: str) -> tuple[str, float] | None:
    """The cheapest function word ``piece`` is a print of (words more plain edits away
    than :data:`FW_MAX_EDITS` are not priced: no cheap row of the table spans three
    glyphs, and a short piece with two glyphs wrong is any short word)."""
    from rapidfuzz.distance import Levenshtein

    low = piece.lower()
    edits = FW_MAX_EDITS if len(low) > 3 else 1
    if CHANNEL_FW and len(low) > 3:
        edits = FW_LONG_MAX_EDITS
    most = FW_LONG_MAX_COST if CHANNEL_FW and len(low) > 3 else FW_MAX_COST
    best: tuple[str, float] | None = None
    for w in _words_near_length(function_words(), len(low)):
        if Levenshtein.distance(low, w, score_cutoff=edits) > edits:
            continue
        if w == low:
            c = 0.0
        elif FW_PRICE_UPTO:  # priced only as far as it can still be taken (issue 14)
            c = channel_cost_upto(piece, w, most if best is None else min(most, best[1]))
        else:
            c = channel_cost(piece, w)
        if c <= most and (best is None or c < best[1]):
            best = (w, c)
    return best


def _word_reading(piece: str) -> tuple[str, float] | None:
    """``piece`` as a word: as printed, or its cheapest reading within the bounds."""
    found = _word_readings(piece)
    return found[0] if found else None


@lru_cache(maxsize=8_192)
def _word_readings(piece: str, far: bool = True) -> tuple[tuple[str, float], ...]:
    """``piece`` as a word: as printed, or its cheapest readings within the bounds
    (one, or :data:`TAIL_READINGS` under :data:`TRUE_PRICE`); the far and long searches
    only if ``far``."""
    if len(piece) < WORD_MIN_LEN or not piece.isalpha():
        return ()
    if is_target(piece.lower()):
        return ((piece.lower(), 0.0),)
    keep = TAIL_READINGS if TRUE_PRICE else 1
    out: list[tuple[str, float]] = []
    for c in correction_candidates(piece):
        if c.cost <= WORD_MAX_COST and is_target(c.text.lower()):
            out.append((c.text.lower(), c.cost))
            if len(out) >= keep:
                return tuple(out)
    if out or not far:
        return tuple(out)
    from repair.candidates.ocr_far import far_readings
    from repair.candidates.ocr_farlong import long_reading

    for c in far_readings(piece) or long_reading(piece):
        out.append((c.text, c.cost if TRUE_PRICE else min(c.cost, WORD_MAX_COST)))
        if len(out) >= keep:
            break
    return tuple(out)


def applies(token: str, reason: str) -> bool:
    """Whether a heavy page's finding ``token`` (detector ``reason``) is read here: a
    lower-case non-word, or (:data:`INNER_CAPITAL`) one with an inner capital."""
    if not GLUED_FW:
        return False
    if reason == "nonword":
        return token.islower()
    return INNER_CAPITAL and reason == "inner_capital" and token[:1].islower()


def threshold_for(one_word_costs: list[float]) -> float | None:
    """The margin a two-word reading asks (:data:`ALONE_THRESHOLD` when the token has no
    one-word reading, the costs ``one_word_costs``)."""
    if one_word_costs or ALONE_THRESHOLD is None:
        return THRESHOLD
    return ALONE_THRESHOLD


def gated_readings(
    token: str, one_word_costs: list[float]
) -> tuple[tuple[tuple[str, str], float], ...]:
    """:func:`glued_readings` of ``token`` unless a one-word reading (its costs
    ``one_word_costs``) is cheap (:data:`GATE_COST`) or near (:data:`ONE_WORD_EDGE`)."""
    best = min(one_word_costs, default=99.0)
    if best <= GATE_COST:
        return ()
    return tuple(r for r in glued_readings(token) if r[1] + ONE_WORD_EDGE < best)


def plain_cuts(low: str) -> tuple[int, ...]:
    """The cuts of ``low`` into two pieces of :data:`PLAIN_SPLIT_MIN` letters or more
    that are both words a correction may produce (the head's length at each)."""
    return tuple(
        k
        for k in range(PLAIN_SPLIT_MIN, len(low) - PLAIN_SPLIT_MIN + 1)
        if is_target(low[:k]) and is_target(low[k:])
    )


@lru_cache(maxsize=4_096)
def glued_readings(token: str) -> tuple[tuple[tuple[str, str], float], ...]:
    """Two-word readings (function word and word, in printed order) of ``token`` with
    their costs, cheapest first (lower case; the caller sets the case)."""
    shortest = min(MIN_LEN, FW_PAIR_MIN_LEN) if FW_PAIRS else MIN_LEN
    if len(token) < shortest or not token.isalpha():
        return ()
    plain = plain_cuts(token.lower()) if PLAIN_SPLIT_GUARD else ()
    if plain and not PLAIN_SPLIT_SAME_CUT:
        return ()
    out: dict[tuple[str, str], float] = {}
    cuts = [(token[:k], token[k:], True, SPACE_COST) for k in range(1, FUNCTION_MAX_LEN + 2)]
    cuts += [(token[-k:], token[:-k], False, SPACE_COST) for k in range(1, FUNCTION_MAX_LEN + 2)]
    if SPACE_GLYPH_COST is not None:  # "thejanalysis": the space printed as a glyph
        n = FUNCTION_MAX_LEN + 2
        # not where the glyph ends or starts a word as printed on either side ("trapsof":
        # "traps of"; "memberfor": "member for", not "member" + "or")
        cuts += [
            (token[:k], token[k + 1 :], True, SPACE_GLYPH_COST)
            for k in range(2, n)
            if not is_target(token[k:].lower()) and not is_target(token[: k + 1].lower())
        ]
        cuts += [
            (token[-k:], token[: -k - 1], False, SPACE_GLYPH_COST)
            for k in range(2, n)
            if not is_target(token[:-k].lower()) and not is_target(token[-k - 1 :].lower())
        ]
    for head, tail, fw_first, space in cuts:
        if plain and (space != SPACE_COST or len(head if fw_first else tail) not in plain):
            continue  # the print splits plainly elsewhere ("theircraft": their craft)
        fw = _fw_reading(head)
        if fw is None:
            continue
        # a space read as a glyph: no far search of the rest (issue 14: ~4 ms a token)
        words = _word_readings(tail, space == SPACE_COST) if len(token) >= MIN_LEN else ()
        if FW_PAIRS and len(tail) < WORD_MIN_LEN and space == SPACE_COST:
            pair = _fw_reading(tail) if tail.isalpha() and len(tail) >= 2 else None
            words = (pair,) if pair is not None else ()  # "ontho": on + "tho" (the)
        for word in words:
            if word[1] + fw[1] == 0.0 and space == SPACE_COST:
                continue  # both sides as printed: the plain split's job
            text = word[0]
            if INNER_CAPITAL and tail[:1].isupper() and fw_first:
                text = text[:1].upper() + text[1:]  # "forNowcastle": "for Newcastle"
            parts = (fw[0], text) if fw_first else (text, fw[0])
            cost = space + fw[1] + word[1]
            if cost < out.get(parts, 99.0):
                out[parts] = cost
    ranked = sorted(out.items(), key=lambda x: x[1])
    return tuple(ranked[:MAX_READINGS])
