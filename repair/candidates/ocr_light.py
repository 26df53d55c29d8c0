"""Clear errors of lightly garbled text, where the garble gate stays shut.

A page with a handful of OCR errors (an 1897 court opinion with 22 wrong tokens in
thousands, a clipping at 1-3 % CER) does not open the gate
(:func:`repair.detect.ocr.is_garbled`), and before this module only unmistakable
garble ("tbe", "1aw", "shaU") was repaired there.  Its clear errors are repaired too:
a lower-case non-word the page prints once, which the web does not use (Zipf below
:data:`RARE_ZIPF`), which is no old spelling and no word of the period vocabulary,
and which **one cheap learned confusion** reads as a common word ("recentlv" ->
"recently", "aud" is already a garble form).  The language model must want the
reading by a wide margin (:data:`THRESHOLD`), with both neighbours as context.
Clean text keeps its rare words: a name is capitalised, a dialect or foreign word is
used on the web, and a typo is rarely one OCR confusion from a common word *and*
wanted by the context.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import Correction, archaic_form, correction_candidates
from repair.types import Candidate, Token

#: At most this channel cost (nats), one learned confusion.
MAX_COST = 4.5
#: The reading is at least this common (Zipf).
TARGET_ZIPF = 3.0
#: Tokens the web uses this often are rare words, not errors.
RARE_ZIPF = 1.5
#: Margin (nats) the reading needs in context.
THRESHOLD = 2.0
#: A page that prints old spellings (``ocr_oldspell.old_print_page``) keeps the session-5
#: settings: its rare forms are old spellings ("imbraced") more often than garble.
OLD_PAGE_MAX_COST = 3.5
OLD_PAGE_TARGET_ZIPF = 4.0
OLD_PAGE_THRESHOLD = 3.0
#: Shortest token read.
MIN_LEN = 4


def light_candidates(
    tok: Token, counts: Mapping[str, int], reason: str, old_page: bool = False
) -> list[Candidate]:
    """The clear-error reading of one finding of a page the gate keeps shut, if any
    (``old_page``: the page prints old spellings)."""
    max_cost = OLD_PAGE_MAX_COST if old_page else MAX_COST
    target_zipf = OLD_PAGE_TARGET_ZIPF if old_page else TARGET_ZIPF
    threshold = OLD_PAGE_THRESHOLD if old_page else THRESHOLD
    text = tok.text
    if reason == "capitalized_unknown":
        return _capital_glyph(tok, counts)
    if len(text) < MIN_LEN or not _plain_nonword(text, counts, reason):
        return []
    out = []
    for c in correction_candidates(text)[:3]:
        if not c.listed or c.cost > max_cost or len(c.subs) > 1 or not c.text.islower():
            continue  # one learned confusion, and no capital from a misread glyph ("lables")
        if zipf(c.text) < target_zipf:
            continue
        out.append(_reading(tok, c, "light_nonword", threshold))
    return out


def _plain_nonword(text: str, counts: Mapping[str, int], reason: str) -> bool:
    """Whether ``text`` is a lower-case non-word finding printed at most once, rare, not an
    old spelling and no form the n-gram table knows: what the light path reads."""
    if reason != "nonword" or not text.isalpha() or not text.islower():
        return False
    if counts.get(text, 0) > 1 or zipf(text) >= RARE_ZIPF or archaic_form(text):
        return False
    from repair.score.ngrams import get_ngrams

    return not get_ngrams().known(text)


def _reading(tok: Token, c: Correction, finding: str, threshold: float) -> Candidate:
    """The candidate reading ``tok`` as the confusion reading ``c``."""
    return cand(
        tok.start,
        tok.end,
        c.text,
        "OCR_CONFUSION",
        finding=finding,
        orig=[tok.text],
        alt=[c.text],
        cost=c.cost,
        threshold=threshold,
        subs=[list(x) for x in c.subs],
    )


#: A capitalised non-word inside a sentence whose capital is a misread lower-case glyph
#: ("Hke": H for li, "Hmited") is read as the lower-case word.
CAPITAL_GLYPH = True
#: ... one learned confusion at most this cheap (nats), a word of Zipf >= 4.
CAPITAL_GLYPH_MAX_COST = 2.0


def _capital_glyph(tok: Token, counts: Mapping[str, int]) -> list[Candidate]:
    """The lower-case reading of a capitalised token whose capital is a misread glyph."""
    text = tok.text
    if not CAPITAL_GLYPH or len(text) < 3 or not text.isalpha() or not text[1:].islower():
        return []
    if counts.get(text, 0) > 1 or zipf(text.lower()) >= RARE_ZIPF:
        return []
    readings = [
        c
        for c in correction_candidates(text)[:3]
        if c.listed and c.cost <= CAPITAL_GLYPH_MAX_COST and len(c.subs) <= 1
        and c.text.islower() and zipf(c.text) >= OLD_PAGE_TARGET_ZIPF
    ]  # fmt: skip  # the capital itself must read as lower-case letters
    if not readings:
        return []
    # the n-gram table's forms and names only now: loading it costs a clean page
    # ~25 ms and ~7 MB (cold start, issue 14)
    from repair.score.ngrams import get_ngrams

    ng = get_ngrams()
    if ng.known(text) or ng.is_name(text):
        return []
    return [_reading(tok, c, "light_capital_glyph", OLD_PAGE_THRESHOLD) for c in readings]


#: Merged and split words of clean-looking pages are read too (``benchmarks/ocr_light_eval.py
#: --suite``: most clear errors of lightly garbled text the page does not fix).
BOUNDARIES = True
#: A merged token's split ("ofthe", "andwater") costs at most this (``split_candidates``).
MERGE_MAX_COST = 2.5
#: Its parts are at least this common (Zipf).
MERGE_PART_ZIPF = 3.0
#: A split word's join ("wa nt") is a word at least this common.
JOIN_TARGET_ZIPF = 4.0
#: Margin (nats) both need in context.
BOUNDARY_THRESHOLD = 3.0


def light_boundary_candidates(
    toks: list[Token], i: int, counts: Mapping[str, int], reason: str
) -> list[Candidate]:
    """A merged non-word split ("ofthe" -> "of the") or a non-word piece joined with its
    neighbour ("wa nt" -> "want") on a page the gate keeps shut (see :data:`BOUNDARIES`)."""
    from repair.candidates.ocr_spacing import SPACING_COST, joins
    from repair.score.ocr_channel import split_candidates

    tok = toks[i]
    text = tok.text
    if not BOUNDARIES or not _plain_nonword(text, counts, reason):
        return []
    out = []
    if len(text) >= 5:
        for sp in split_candidates(text)[:1]:
            parts = sp.parts
            if len(parts) != 2 or sp.cost > MERGE_MAX_COST:
                continue
            if min(zipf(p) for p in parts) < MERGE_PART_ZIPF:
                continue
            out.append(
                cand(
                    tok.start,
                    tok.end,
                    " ".join(parts),
                    "OCR_SPLIT_MERGED",
                    finding="light_merged",
                    orig=[text],
                    alt=list(parts),
                    cost=SPACING_COST + sp.cost,
                    threshold=BOUNDARY_THRESHOLD,
                )
            )
    for c in joins(toks, i, reason):
        if c.source != "OCR_JOIN_SPLIT" or zipf(c.replacement.lower()) < JOIN_TARGET_ZIPF:
            continue
        c.features["threshold"] = max(BOUNDARY_THRESHOLD, c.features.get("threshold") or 0.0)
        c.features["finding"] = "light_split"
        out.append(c)
    return out
