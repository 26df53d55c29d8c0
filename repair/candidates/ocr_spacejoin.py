"""A word cut by a stray space, a piece garbled: "dol ars" (dollars), "sei en" (seven),
"hoi nets" (hornets), "dosii o" (desire).

:func:`repair.candidates.ocr_garbled_join.garbled_joins` joins a flagged non-word with a
neighbour when neither piece reads as a common word of its own; a cut word whose pieces
are short words, or read as ones ("sei" / "see", "o" / "of"), is left, and so is a pair
neither of whose pieces the detector flagged.  Here every two pieces of a heavily garbled
page separated by one space on the same line, one of them no known word, are joined and
the joined string is read by the far search (:func:`repair.candidates.ocr_far.far_readings`:
common words within a few plain edits, priced by the learned channel).  Each reading
costs the channel's price plus a lost space, and must clear a high margin
(:data:`THRESHOLD`) in context: the two-sided language model decides between the pieces
as printed, their own readings and the joined word.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from repair.candidates.ocr_rules import join_cand
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known, is_target
from repair.types import Candidate, Token

#: The readings run (hook in the heavy-page block of
#: :meth:`repair.candidates.ocr._Generator.candidates`).
#: Off (lead, session 24): on the 1 M-word speed text it joined names and authors' words
#: ("Yas ser Arafat" -> "Passer", "Mal Br ough" -> "Brought", "soya bean" -> "soybean",
#: "ph yllids" -> "phyllis").  On again (session 30) with the guards :data:`KEEP_LETTERS`,
#: :data:`JOINED_ZIPF` and :data:`KEEP_CAPITAL`, which refuse those readings.  SMH dev,
#: shipped tables 4,736 -> 4,713 tokens, ICDAR's tables 5,887 -> 5,872.
SPACE_JOIN = True
#: Shortest joined string (letters).
MIN_LEN = 5
#: The joined word is at least this common (Zipf).
TARGET_ZIPF = 3.0
#: A capitalised first piece keeps its first letter (a name's initial is no misprint
#: here: "B inking" is no "Sinking"; session 30).
KEEP_CAPITAL = True
#: Also join two known pieces ("intro luce", "B inking"), still refused beside a common
#: piece (:data:`PIECE_ZIPF`); the margin in context decides (session 30).  SMH dev
#: 4,713 / 7,563 tokens / chars with it and without: off.
KNOWN_PAIRS = False
#: A one-letter word ("a", "I") is never a piece: on the 1 M-word OCR text the join read
#: "heis a" as "heist", "witli a" as "willis", "a pers" as "papers" (session 30).
LETTER_WORDS = True
_LETTER_WORDS = frozenset("aAI")
#: A piece of two letters or more this common (Zipf) is a word of its own.
PIECE_ZIPF: float | None = 4.0
#: Readings kept per pair, cheapest first.
READINGS = 2
#: A reading costs at most this (nats, the channel's price of the joined string).
MAX_COST = 6.0
#: Margin (nats) a join asks in context.
THRESHOLD = 4.0
#: A reading keeps at least the pieces' letters: the stray space is the extra glyph, the
#: printed letters are misread or lost, not added ("soya bean" is no "soybean", "ph yllids"
#: no "phyllis", "sup portas" no "supports"; session 30, from the 1 M-word OCR text).
KEEP_LETTERS = True
#: The joined string is a listed word of its own at this Zipf or more (a name or a rare
#: word: "Yas ser" is "Yasser", "Br ough" is "Brough"): it is the plain join's, no reading
#: of it here (session 30).  ``None``: off.
JOINED_ZIPF: float | None = 2.5
#: Each piece is a whole printed word: no letter or digit glued to its outer side ("pist0l
#: andball" is no "l andball" -> "handball", "killed f0refusing" no "killed f" -> "killed",
#: "70see mid" no "see mid" -> "steroid"; lead, session 30, from the 1 M-word OCR text).
WHOLE_PIECES = True


def _glued(toks: list[Token], i: int, at: int) -> bool:
    """Whether token ``i`` (if any) touches position ``at`` with a letter or digit."""
    if i < 0 or i >= len(toks):
        return False
    t = toks[i]
    edge = t.text[-1:] if t.end == at else t.text[:1] if t.start == at else ""
    return edge.isalnum()


def _pair_starts(n: int, flagged: Set[int], by_start: Mapping[int, int]) -> list[int]:
    """The indices ``i`` (ascending, ``i < n - 2``) whose pair ``toks[i]``, ``toks[i + 2]``
    holds a flagged token: the only pairs :func:`space_join_candidates` reads."""
    at: set[int] = set()
    for s in flagged:
        k = by_start.get(s)
        if k is not None:
            at.add(k)
            at.add(k - 2)
    return sorted(i for i in at if 0 <= i < n - 2)


#: Only a piece a correction may produce (:func:`repair.score.ocr_channel.is_target`) counts
#: as a common word of its own for :data:`PIECE_ZIPF`: a bound ending or an interjection the
#: frequency list counts ("delnj ed" is "delayed", "ah cady" "already": "ed", "ah" are known
#: forms, never a correction's target).  Issue 12, session 40 (ocrseg40).
PIECE_TARGETS_ONLY = True


def _word_of_its_own(piece: str) -> bool:
    """Whether ``piece`` counts for the :data:`PIECE_ZIPF` guard (:data:`PIECE_TARGETS_ONLY`)."""
    return not PIECE_TARGETS_ONLY or not piece.islower() or is_target(piece)


#: A reading the corpus writes with a capital mid-sentence (a share of at least
#: :data:`NAME_CAPITAL_SHARE`: a place or person) is capitalised even after a lower-case
#: first piece ("bj dnoy" -> "Sydney", not "sydney").  Session 40 (ocrseg40).
NAME_CASE = True
NAME_CAPITAL_SHARE = 0.9


def _capitalised(word: str) -> bool:
    """Whether the corpus writes ``word`` with a capital (:data:`NAME_CAPITAL_SHARE`)."""
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(word)
    return share is not None and share >= NAME_CAPITAL_SHARE


def space_join_candidates(
    toks: list[Token], flagged: Set[int], by_start: Mapping[int, int] | None = None
) -> list[Candidate]:
    """Joined readings of each two same-line pieces with a non-word among them (module doc);
    ``flagged`` are the starts of the detector's findings.  ``by_start``: each token's
    index by its start (then only the pairs beside a flagged token are visited, in the
    same order: the same readings; issue 14, session 38)."""
    from repair.candidates.ocr_far import far_readings

    out: list[Candidate] = []
    n = len(toks)
    visit = range(n - 2) if by_start is None else _pair_starts(n, flagged, by_start)
    for i in visit:
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind != "word" or b.kind != "word" or sep.text != " ":
            continue
        left, right = a.text, b.text
        joined = left + right
        if len(joined) < MIN_LEN or not joined.isalpha() or not right.islower():
            continue
        if not (a.start in flagged or b.start in flagged):
            continue
        if WHOLE_PIECES and (_glued(toks, i - 1, a.start) or _glued(toks, i + 3, b.end)):
            continue  # "pist0l andball": a piece cut from a longer printed string
        if LETTER_WORDS and (left in _LETTER_WORDS or right in _LETTER_WORDS):
            continue  # "heis a" is no "heist", "a pers" no "papers": "a" is a word
        if is_known(left) and is_known(right) and not KNOWN_PAIRS:
            continue
        if PIECE_ZIPF is not None and any(
            len(w) > 1 and zipf(w.lower()) >= PIECE_ZIPF and _word_of_its_own(w)
            for w in (left, right)
        ):
            continue  # "some timo", "even ia": a common word of its own beside garble
        if is_target(joined.lower()):
            continue  # the plain join's
        if JOINED_ZIPF is not None and zipf(joined.lower()) >= JOINED_ZIPF:
            continue  # "Yas ser": a name or word as joined
        for c in far_readings(joined)[:READINGS]:
            if c.cost > MAX_COST or zipf(c.text) < TARGET_ZIPF:
                continue
            if KEEP_CAPITAL and left[:1].isupper() and c.text[:1] != left[:1].lower():
                continue  # "B inking" -> "Sinking"
            if KEEP_LETTERS and len(c.text) < len(joined):
                continue  # "soya bean" -> "soybean": a printed letter dropped
            text = c.text if left[:1].islower() else c.text[:1].upper() + c.text[1:]
            if NAME_CASE and text.islower() and _capitalised(text):
                text = text[:1].upper() + text[1:]  # "bj dnoy" is "Sydney"
            out.append(
                join_cand(
                    a,
                    b,
                    text,
                    finding="nonword",
                    cost=SPACING_COST + c.cost,
                    threshold=THRESHOLD,
                    subs=[list(x) for x in c.subs],
                    space_join=True,
                )
            )
    return out
