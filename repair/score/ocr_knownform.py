"""A printed form the frequency list knows is read only through a cheap confusion or
with a clear margin: "Delamare" stays, not "Delaware"; "scuse" stays, not "sense".

A token the OCR vocabulary lacks but the word-frequency list knows (Zipf >= MIN_ZIPF)
is most often a name, a period spelling or a rare word printed right ("Delamare",
"lian", "scuse").  The scorer reads it like any non-word, so a reading the language
model likes enough wins even through a dear confusion ("Delamare" -> "Delaware",
6.5 nats, margin -2.4 over the capitalised threshold of -4).  This gate refuses such a
reading when its channel cost is at least MIN_COST nats and its margin under
MIN_MARGIN: the dear, thin readings of known forms.  Cheap confusions ("Stato" ->
"State", "Hke" -> "like") and clear margins ("Uti" -> "the") pass.  Only one-word
readings by the language model (their evidence carries cost and margin) of the
findings in FINDINGS are gated.  ``NEGATIVE_GATE`` also refuses a dear reading of a
less common known form (Zipf 1.0, 4.5 nats) whose margin is negative.

Measured on the dev sets (session 28, ``benchmarks/ocr_broken.py``; see RESULTS.md):
Zipf 1.0 / cost 4.5 refused 5 broken tokens on SMH dev and 5 on ICDAR 1-80, but with
ICDAR's tables alone (``ocr_xsource.py --train icdar --eval smh-dev``) it lost 4 right
readings of garble ("Balf" -> "Half", "lound" -> "found": +4 tokens); 1.5 / 5.5 refuses
3 and 3 and loses no right reading on the three.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Gate dear, thin readings of forms the frequency list knows (see the module doc).
KNOWN_FORM_GATE = True
#: Zipf frequency from which a printed form counts as known.
MIN_ZIPF = 1.5
#: Channel cost (nats) from which a reading counts as dear.
MIN_COST = 5.5
#: Margin (nats) a dear reading of a known form needs.
MIN_MARGIN = 4.0
#: Also refuse a reading of a form the frequency list knows less well (Zipf at least
#: :data:`NEGATIVE_MIN_ZIPF`) through a dear confusion (at least :data:`NEGATIVE_MIN_COST`
#: nats) when its margin is negative: the model itself prefers the printed form once the
#: channel is paid, and only the garbled page's lowered threshold lets the reading in
#: ("the social communication of neurotypicals" is no "neurological", 5.0 nats, margin
#: -2.0 against -3).  The lower-case side of :data:`repair.score.ocr_capkeep.KNOWN_MARGIN`.
#: Session 49 (ocraudit49): OCR'd modern text audit 103 -> 97 broken (all 6
#: "neurotypicals"), 28,189 fixed both; SMH dev-a 1,925 / 3,132 -> 1,924 / 3,126, dev-b
#: 2,379 / 3,872 -> 2,378 / 3,872, test 5,346 / 8,665 -> 5,346 / 8,662; ICDAR-only proxy
#: 4,995 / 8,245 -> 4,995 / 8,241; ``ocr_broken.py smh --split dev`` 48 -> 47; light
#: suite dev edits on undamaged text 3 / 14 / 88 -> 3 / 13 / 88, recall equal
#: (``python /work/wt/reports49/audit.py 300000``, ``smh_eval.py --split``).
NEGATIVE_GATE = True
#: ... the printed form's Zipf frequency at least ...
NEGATIVE_MIN_ZIPF = 1.0
#: ... the reading's channel cost (nats) at least ...
NEGATIVE_MIN_COST = 4.5
#: ... and its margin below this.
NEGATIVE_MAX_MARGIN = 0.0
#: The reason code of a refusal (counted in ``scores.decisions["ocr"]``).
REASON = "known_form"
#: Detector findings gated: plain non-words and capitalised unknowns (not headline
#: capitals or mixed case, whose glyph garble is the reading's evidence: "HIP" -> "the").
FINDINGS = frozenset({"nonword", "capitalized_unknown"})
#: Candidate sources gated: readings by the language model.
SOURCES = frozenset({"OCR_CONFUSION", "OCR_SPELLING", "OCR_DOC_WORD"})


def refused(source: str, evidence: Mapping[str, Any]) -> bool:
    """Whether an OCR reading from ``source`` with ``evidence`` (the edit's evidence:
    ``finding``, ``original_zipf``, ``confusion_cost``, ``margin``) is refused."""
    if not KNOWN_FORM_GATE or source not in SOURCES:
        return False
    if evidence.get("finding") not in FINDINGS:
        return False
    margin = evidence.get("margin")
    if margin is None or margin >= MIN_MARGIN:
        return False
    zipf, cost = evidence.get("original_zipf", 0.0), evidence.get("confusion_cost", 0.0)
    if zipf >= MIN_ZIPF and cost >= MIN_COST:
        return True
    return (
        NEGATIVE_GATE
        and margin < NEGATIVE_MAX_MARGIN
        and zipf >= NEGATIVE_MIN_ZIPF
        and cost >= NEGATIVE_MIN_COST
    )
