"""A word split by the OCR with a misread glyph in one piece: "Com monwialth", "at trscted".

:func:`repair.candidates.ocr_spacing.joins` joins two pieces only when they make a
known word as printed.  Here the joined string is itself read by the learned
confusion model (:func:`repair.score.ocr_channel.correction_candidates`): one cheap
reading (:data:`MAX_COST`) of a common word (:data:`TARGET_ZIPF`) is proposed at the
price of the join plus the confusion, and the two-sided language model decides as for
every candidate (not when the reading is two words of their own, one of them garbled:
"health carc" is "health care").  Only for a non-word finding of a garbled page, joined with a
neighbour across one space on the same line; the neighbour must not be a common word
on its own right (:data:`NEIGHBOUR_MAX_ZIPF`) unless the finding is a lone piece the
dictionary lacks.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import join_cand
from repair.candidates.ocr_spacing import LINE_JOIN_EXTRA, SPACING_COST, line_break_sep
from repair.resources.frequency import zipf
from repair.score.ocr_channel import (
    Correction,
    confusion_variants,
    is_known,
    is_target,
    target_prefixes,
    transfer_case,
)
from repair.types import Candidate, Token

#: Largest confusion cost (nats) of the joined string's reading, and most confusions.
MAX_COST = 3.0
MAX_SUBS = 2
#: The reading is at least this common (Zipf).
TARGET_ZIPF = 3.5
#: A neighbour this common ("and", "the") is a word of its own, not half of one.
NEIGHBOUR_MAX_ZIPF = 6.0
#: A reading that keeps one piece and makes the other a word this common is two words.
WORD_PIECE_ZIPF = 4.0
#: A lone lower-case letter other than "a", "o" is no word of its own: joined with the next
#: piece, shorter strings are read too ("v oto" -> "vote").
LONE_LETTER = True
LONE_MIN_LEN = 4
#: :func:`_two_words` only when the piece kept as printed is a word itself.
KEPT_PIECE_WORD = True
#: ... and at least this common (Zipf; None: any known word).
KEPT_PIECE_ZIPF: float | None = 3.0
#: Margin (nats) the join needs in context.
THRESHOLD = 1.0
#: In heavily garbled pages a joined string no learned confusion reads gets this many far
#: readings (:mod:`repair.candidates.ocr_far`).
FAR = True
FAR_READINGS = 2
#: ... unless a piece is a common word of its own, or one cheap confusion from one.
PIECE_WORD_ZIPF = 5.0
PIECE_WORD_COST = 2.5


#: Issue 12 (session 51): the two pieces must be the outer ends of printed words: a piece
#: glued to a figure or a word on its far side ("the upper 70sto mid 80s": "70", "sto") is
#: part of a printed word the tokens cut at a digit, not half of a split word ("70stood"
#: broke the OCR'd modern text audit's dev half; measured in ``benchmarks/RESULTS.md``,
#: session 51, ocraudit).
WHOLE_PIECES = True


def _glued(toks: list[Token], i: int, step: int) -> bool:
    """Whether token ``i`` touches a word or a figure on its ``step`` side (no space)."""
    o = i + step
    if not 0 <= o < len(toks) or toks[o].kind not in ("word", "number"):
        return False
    return toks[o].end == toks[i].start if step < 0 else toks[o].start == toks[i].end


def garbled_joins(toks: list[Token], i: int, reason: str, heavy: bool = False) -> list[Candidate]:
    """Readings of non-word token ``i`` joined with its left or right neighbour (in a
    heavily garbled page also far readings of the joined string: "foi bidden",
    "tel mination", :mod:`repair.candidates.ocr_far`)."""
    out: list[Candidate] = []
    for j, k in ((i - 2, i), (i, i + 2)):
        if j < 0 or k >= len(toks) or toks[j].kind != "word" or toks[k].kind != "word":
            continue
        line = line_break_sep(toks[j + 1], reason)  # "ac⏎cusod": a lost line-end hyphen
        if toks[j + 1].text != " " and not line:
            continue
        if WHOLE_PIECES and (_glued(toks, j, -1) or _glued(toks, k, 1)):
            continue  # "upper 70sto mid": "sto" is the tail of a printed word, not a piece
        left, right = toks[j].text, toks[k].text
        other = left if k == i else right
        if zipf(other.lower()) >= NEIGHBOUR_MAX_ZIPF or not right.islower():
            continue
        # (a lower-case one: a capital alone is an initial, "M ivor")
        lone = LONE_LETTER and len(left) == 1 and left.islower() and left not in "aio"
        if not (left + right).isalpha() or len(left + right) < (LONE_MIN_LEN if lone else 6):
            continue
        joined = left + right
        if is_target(joined):
            continue  # the plain join (:func:`repair.candidates.ocr_spacing.joins`)
        readings = _readings(joined)[:3]
        far = not readings and heavy and FAR and not _word_alone(left) and not _word_alone(right)
        if far:
            readings = _far_readings(joined)
        for c in readings:
            if zipf(c.text.lower()) < TARGET_ZIPF:
                continue
            if _two_words(c.text.lower(), left.lower(), right.lower()):
                continue  # "health carc" is "health care", not "healthcare"
            if KEEP_WORD_PIECE and _lost_piece(c.text.lower(), left, right):
                continue  # "hcr feet" is not "perfect"
            out.append(
                join_cand(
                    toks[j],
                    toks[k],
                    c.text,
                    finding=reason,
                    cost=SPACING_COST + c.cost + (LINE_JOIN_EXTRA if line else 0.0),
                    threshold=THRESHOLD,
                    subs=[list(x) for x in c.subs],
                    far_join=far,
                )
            )
    return out


#: A lower-case piece that is a word of :data:`KEPT_MIN_LEN` letters or more and at least
#: :data:`KEPT_MIN_ZIPF` must stay whole inside the reading: "hcr feet" is "her feet", not
#: "perfect"; "netw ork fled" not "crafted" (a piece garbled into a real word keeps most of
#: it: "dctci mined" -> "determined").  Session 37, from the OCR'd modern text.
KEEP_WORD_PIECE = True
KEPT_MIN_LEN = 4
KEPT_MIN_ZIPF = 3.0


def _lost_piece(reading: str, left: str, right: str) -> bool:
    """Whether a lower-case word piece of ``left`` / ``right`` is missing from ``reading``."""
    return any(
        len(p) >= KEPT_MIN_LEN and p.islower() and p not in reading and zipf(p) >= KEPT_MIN_ZIPF
        for p in (left, right)
    )


def _far_readings(joined: str) -> list[Correction]:
    """Far readings of a joined string no learned confusion reads (heavy pages)."""
    from repair.candidates.ocr_far import far_readings

    if not joined[1:].islower():
        return []
    return [
        Correction(transfer_case(joined, c.text), c.cost, c.subs, False)
        for c in far_readings(joined)[:FAR_READINGS]
    ]


# a page asks about the same pieces at many places (session 23: the import and the
# confusion look-up were ~2 % of 100 k OCR words); 2,048 answers (~0.2 MB)
#: Answers kept by :func:`_word_alone` (~130 bytes an entry with its key).  Session 53
#: (ocrmemo): the 100 k-word OCR speed text asks 4.6 k distinct pieces (8.5 k calls; misses
#: 5.1 k at 2,048, 4.6 k at 4,096, ~125 us a miss); +0.3 MB once full; kept at 2,048 by the lead.
WORD_ALONE_CACHE = 2_048


@lru_cache(maxsize=WORD_ALONE_CACHE)
def _word_alone(piece: str) -> bool:
    """Whether ``piece`` is, or one cheap confusion reads it as, a common word of its own
    ("tho lato" is "the late", not "tomato"; "wo havo" is "we have", not "weave")."""
    from repair.score.ocr_channel import correction_candidates

    if zipf(piece.lower()) >= PIECE_WORD_ZIPF:
        return True
    return any(
        c.cost <= PIECE_WORD_COST and zipf(c.text.lower()) >= PIECE_WORD_ZIPF
        for c in correction_candidates(piece)[:3]
    )


def _two_words(reading: str, left: str, right: str) -> bool:
    """Whether ``reading`` is one piece as printed plus a common word read from the
    other ("health" + "care" from "health carc", "worth" + "while" from "worth whilo"):
    a compound of two words of their own, one of them garbled, not a split word.  The
    piece kept as printed must be a word itself (:data:`KEPT_PIECE_WORD`): "ro⏎cently" is
    "recently", not "re" + "cently"."""
    kept = KEPT_PIECE_WORD
    if reading.startswith(left) and zipf(reading[len(left) :]) >= WORD_PIECE_ZIPF:
        return not kept or _kept_word(left)
    if reading.endswith(right) and (not kept or _kept_word(right)):
        rest = reading[: len(reading) - len(right)]
        return bool(rest) and zipf(rest) >= WORD_PIECE_ZIPF
    return False


def _kept_word(piece: str) -> bool:
    """Whether ``piece``, kept as printed, is a word of its own: known, and (session 24)
    at least :data:`KEPT_PIECE_ZIPF` common ("foi bidden" is "forbidden": "bidden" is
    too rare a word to stand beside "for")."""
    return is_known(piece) and (KEPT_PIECE_ZIPF is None or zipf(piece.lower()) >= KEPT_PIECE_ZIPF)


@lru_cache(maxsize=8_192)
def _readings(joined: str) -> tuple[Correction, ...]:
    """Target words at most :data:`MAX_COST` / :data:`MAX_SUBS` learned confusions from
    ``joined`` (a bounded search).  Remembered: a long text's windows join the same
    pieces again.  Only target words are kept, so the walk reads only the target words'
    prefixes (:func:`repair.score.ocr_channel.target_prefixes`: the same readings,
    costs, substitutions and order)."""
    found: dict[str, Correction] = {}
    variants = confusion_variants(joined, target_prefixes(), MAX_COST, MAX_SUBS)
    for variant, (cost, subs) in variants.items():
        if not is_target(variant) or (len(variant) > 1 and not variant[1:].islower()):
            continue
        text = variant if variant[:1] != joined[:1] else transfer_case(joined, variant)
        old = found.get(text.lower())
        if old is None or cost < old.cost:
            found[text.lower()] = Correction(text, cost, subs, True)
    return tuple(sorted(found.values(), key=lambda c: (c.cost, -zipf(c.text.lower()))))
