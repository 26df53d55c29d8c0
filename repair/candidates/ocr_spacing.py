"""OCR spacing candidates: merged words split ("kingwas"), split words joined ("con crete").

A join of two valid words ("quicks and": "quicks" is "quick" + "s") needs strong
evidence, and none is made when one of them is common ("and"); a split of a valid
word form ("datasets") likewise (:func:`join_threshold`, :data:`JOIN_VALID_THRESHOLD`).

>>> merged_splits("kingwas", False)
[(('king', 'was'), 2.0)]
>>> merged_splits("it'sbeen", False)
[(("it's", 'been'), 1.0)]
>>> join_threshold("quicks", "and", None)
False
"""

from __future__ import annotations

import re

from repair.candidates.ocr_rules import cand, join_cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import (
    is_known,
    is_target,
    is_word_form,
    join_candidate,
    split_candidates,
)
from repair.types import Candidate, Token

#: Cost (nats) of a split ("con crete") or merge ("kingwas") repair, per space.
SPACING_COST = 1.0
#: A word broken at a line end whose hyphen the OCR lost ("com⏎panions", "ac⏎cusod") is
#: joined too, when a piece is no word (a non-word finding): the line break then counts
#: as the space.  Extra cost (nats) of such a join over one inside a line.
LINE_JOIN = True
LINE_JOIN_EXTRA = 0.0


def line_break_sep(sep: Token, reason: str) -> bool:
    """Whether ``sep`` is one line break (no blank line) that a non-word finding's join
    may cross (a lost line-end hyphen)."""
    return (
        LINE_JOIN
        and reason == "nonword"
        and sep.kind == "space"
        and sep.text.count("\n") == 1
        and not sep.text.replace("\n", "").strip(" \t")
    )


#: Margin a join of two real words ("con crete") needs outside garbled documents
#: (unused while joins are gated; kept for ``ocr_realword_min_garble=0``).
SPLIT_PAIR_THRESHOLD_CLEAN = 4.0

#: A join of two valid words ("quicks and", "con crete") needs strong evidence: no
#: part as common as this ("and") ...
JOIN_VALID_MAX_ZIPF = 5.0

#: ... and this margin (nats) at least.
JOIN_VALID_THRESHOLD = 4.0

#: Margin (nats) joining a lone letter to the next word needs ("w hen" -> "when": 23 on
#: SMH dev, "w ould" 22, "w as" 14; "w an" -> "wan" 11.7, "m all" -> "mall" 5.0 are wrong).
LONE_LETTER_JOIN_THRESHOLD = 12.0

#: A capitalised token is split only before a common word ("Trumpsaid", "Giventhe").
CAPITAL_SPLIT_MIN_ZIPF = 4.5

_CAMEL = re.compile(r"([a-z]+|[A-Z][a-z]+)([A-Z][a-z]*|[A-Z]+)")


def join_threshold(left: str, right: str, base: float | None) -> float | None | bool:
    """Threshold for joining ``left right``; ``False``: two valid words, one common."""
    if not (is_word_form(left) and is_word_form(right)):
        return base  # a non-word piece ("conc rete", "busi nesse"): the usual evidence
    if max(zipf(left.lower()), zipf(right.lower())) >= JOIN_VALID_MAX_ZIPF:
        return False
    return max(base if base is not None else JOIN_VALID_THRESHOLD, JOIN_VALID_THRESHOLD)


def _piece_word(piece: str) -> bool:
    """Whether the first piece of a split is a word of its own: a lone letter other than
    "a", "I", "o" is not ("w hen", "v oto": a word split after its first letter)."""
    if len(piece) == 1 and piece.lower() not in "aio":
        return False
    return is_word_form(piece)


def _piece_zipf(piece: str) -> float:
    """Frequency of a piece as a word; a lone letter other than "a", "i", "o" counts as
    none (web counts of "w", "t" are initials and list marks, not words)."""
    return zipf(piece) if _piece_word(piece) else 0.0


def joins(toks: list[Token], i: int, reason: str) -> list[Candidate]:
    """ "con crete": join with a neighbour across one space; "con-tinuous" across a hyphen."""
    out = []
    for j, k in ((i - 2, i), (i, i + 2)):
        if j < 0 or k >= len(toks) or toks[j].kind != "word" or toks[k].kind != "word":
            continue
        sep = toks[j + 1].text
        line = line_break_sep(toks[j + 1], reason)
        if sep not in (" ", "-") and not line:
            continue
        joined = join_candidate(toks[j].text, toks[k].text)
        if not joined or toks[k].text[:1].isupper():
            continue
        threshold = join_threshold(toks[j].text, toks[k].text, None)
        if threshold is False:
            continue  # two valid words, one of them common ("quicks and")
        rule = "OCR_INLINE_HYPHEN" if sep == "-" else "OCR_JOIN_SPLIT"
        out.append(
            cand(
                toks[j].start,
                toks[k].end,
                joined,
                rule,
                finding=reason,
                orig=[toks[j].text, toks[k].text],
                alt=[joined],
                cost=SPACING_COST + (LINE_JOIN_EXTRA if line else 0.0),
                threshold=threshold,
            )
        )
    return out


#: A word glued on after a clitic ("it'sbeen", "don'tknow", "Smith'shouse") is split
#: after the clitic (issue 12, session 36): the glued-mark reader would otherwise read the
#: apostrophe as a speck and the rest as one word ("it sheen").
CLITIC_SPLIT = True
_CLITIC_GLUE = re.compile(r"([^\W\d_]+['’](?:s|t|d|ll|re|ve|m))([a-z]{2,})")
#: The glued word must be this common (Zipf).
CLITIC_RIGHT_ZIPF = 3.0


def splittable(text: str) -> bool:
    """Whether ``text`` is a merged-word form :func:`merged_splits` may split: letters only,
    or a clitic with a word glued on (:data:`CLITIC_SPLIT`)."""
    return text.isalpha() or (CLITIC_SPLIT and _CLITIC_GLUE.fullmatch(text) is not None)


def _clitic_split(text: str) -> tuple[str, str] | None:
    """``("it's", "been")`` for "it'sbeen": the clitic form is a known word (or a possessive
    "'s") and the glued piece a common known word."""
    m = _CLITIC_GLUE.fullmatch(text)
    if not m:
        return None
    left, right = m.group(1), m.group(2)
    norm = left.replace("’", "'")
    if not (norm.lower().endswith("'s") or is_known(norm.lower())):
        return None
    if not is_target(right) or zipf(right) < CLITIC_RIGHT_ZIPF:
        return None
    return left, right


def merged_splits(text: str, capital: bool) -> list[tuple[tuple[str, ...], float]]:
    """Merged words: "kingwas", "Thursdayin", camel case "DonaldTrump", "inBusan", a word
    glued on after a clitic "it'sbeen"."""
    out: list[tuple[tuple[str, ...], float]] = []
    if not text.isalpha():
        glued = _clitic_split(text) if CLITIC_SPLIT else None
        return [(glued, SPACING_COST)] if glued else []
    camel = _CAMEL.fullmatch(text)
    if camel and not is_known(text):
        left, right = camel.group(1), camel.group(2)
        if is_target(left) and (is_target(right) or right[:1].isupper()):
            out.append(((left, right), SPACING_COST))
    for sp in split_candidates(text)[:4]:
        first, last = zipf(sp.parts[0].lower()), zipf(sp.parts[-1].lower())
        if capital and (last < CAPITAL_SPLIT_MIN_ZIPF or first < 3.0):
            continue  # "Green berg": a name split into a rare piece
        if (sp.parts, SPACING_COST) not in out:
            out.append((sp.parts, SPACING_COST + sp.cost))
    return out


def split_pairs(toks: list[Token], flagged: set[int], garbled: bool) -> list[Candidate]:
    """ "con crete": two lower-case words, one of them rare, that make a known word."""
    out = []
    for i in range(len(toks) - 2):
        a, sep, b = toks[i], toks[i + 1], toks[i + 2]
        if a.kind != "word" or b.kind != "word" or sep.text != " ":
            continue
        if a.start in flagged or b.start in flagged or not (a.text + b.text).islower():
            continue
        if min(_piece_zipf(a.text), zipf(b.text)) >= 3.5:
            continue  # a lone letter after a word ("year s") lost its apostrophe
        joined = join_candidate(a.text, b.text)
        base = None if garbled else SPLIT_PAIR_THRESHOLD_CLEAN
        threshold = join_threshold(a.text, b.text, base)
        if not _piece_word(a.text):
            # "w hen", "w ould": strong evidence only ("m all" is "in all")
            threshold = max(base or 0.0, LONE_LETTER_JOIN_THRESHOLD)
        if joined and zipf(joined) >= 3.5 and threshold is not False:
            out.append(
                join_cand(
                    a,
                    b,
                    joined,
                    finding="split_pair",
                    cost=SPACING_COST,
                    threshold=threshold,
                )
            )
    return out
