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
from repair.score.ocr_channel import archaic_form, correction_candidates
from repair.types import Candidate, Token

#: At most this channel cost (nats), one learned confusion.
MAX_COST = 3.5
#: The reading is at least this common (Zipf).
TARGET_ZIPF = 4.0
#: Tokens the web uses this often are rare words, not errors.
RARE_ZIPF = 1.5
#: Margin (nats) the reading needs in context.
THRESHOLD = 3.0
#: Shortest token read.
MIN_LEN = 4


def light_candidates(tok: Token, counts: Mapping[str, int], reason: str) -> list[Candidate]:
    """The clear-error reading of one finding of a page the gate keeps shut, if any."""
    text = tok.text
    if reason != "nonword" or len(text) < MIN_LEN or not text.isalpha() or not text.islower():
        return []
    if counts.get(text, 0) > 1 or zipf(text) >= RARE_ZIPF or archaic_form(text):
        return []
    from repair.score.ngrams import get_ngrams

    if get_ngrams().known(text):
        return []
    out = []
    for c in correction_candidates(text)[:3]:
        if not c.listed or c.cost > MAX_COST or len(c.subs) > 1 or not c.text.islower():
            continue  # one learned confusion, and no capital from a misread glyph ("lables")
        if zipf(c.text) < TARGET_ZIPF:
            continue
        out.append(
            cand(
                tok.start,
                tok.end,
                c.text,
                "OCR_CONFUSION",
                finding="light_nonword",
                orig=[text],
                alt=[c.text],
                cost=c.cost,
                threshold=THRESHOLD,
                subs=[list(x) for x in c.subs],
            )
        )
    return out
