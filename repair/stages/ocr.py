"""The ocr stage: line-end hyphens, split and merged words, glyph confusions.

One stage, three edit kinds: ``hyphenation`` ("conc-⏎rete" -> "concrete"),
``spacing`` ("con crete", "kingwas", "hereof,and") and ``ocr`` ("tbe" -> "the",
"shaU" -> "shall").  Edits are the smallest spans on the text: one token, a
token pair, or one comma.  Casing, punctuation and whitespace around them stay.

The wiring only: detection and the garble gate in :mod:`repair.detect.ocr`,
candidates in :mod:`repair.candidates.ocr` (and its ``ocr_*`` siblings), the
channel model in :mod:`repair.score.ocr_channel`, the decision in context in
:mod:`repair.score.ocr`.  ``RepairConfig.ocr_realword_min_garble``
overrides the gate's garble-score threshold.

>>> from repair.document import Document
>>> doc = Document("Tbe kingwas very glad hereof,and caused the conc-\\nrete to be laid.")
>>> det = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, det, STAGE.candidates(doc, det))]
[('Tbe', 'The'), ('kingwas', 'king was'), (',', ', '), ('conc-\\nrete', 'concrete')]
"""

from __future__ import annotations

import importlib
from collections import Counter
from typing import Any

from repair.detect.ocr import detect_ocr, document_garbled, technical_spans
from repair.detect.ocr_probe import column_print, probe_opens, word_readings
from repair.document import Document
from repair.types import Candidate, Detection, Edit

#: The candidate and scoring functions, imported on first use (:func:`reads_nothing`): a
#: name here is read (and may be replaced, as the benchmarks' recorders do) as a
#: module attribute, ``repair.stages.ocr.score_candidates``.
_LAZY = {
    "ocr_candidates": "repair.candidates.ocr",
    "score_candidates": "repair.score.ocr",
    "compose_nested": "repair.score.ocr_nested",
    "resolve_overlaps": "repair.score.ocr_overlap",
}


def __getattr__(name: str) -> Any:
    """The functions of :data:`_LAZY`, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(importlib.import_module(module), name)
    return value


def _lazy(name: str) -> Any:
    """A :data:`_LAZY` function as this module holds it now (imported on first use)."""
    value = globals().get(name)
    return value if value is not None else __getattr__(name)


def _garbled(doc: Document, detection: Detection) -> bool:
    """The garble gate, or the probe's opening of it, as :meth:`_Stage.detect` decided
    (decided again only for a detection made elsewhere)."""
    decided = detection.details.get("garbled")
    if decided is not None:
        return bool(decided)
    if detection.details.get("probe_opened"):
        return True
    return document_garbled(detection, doc.config.ocr_realword_min_garble)


def reads_nothing(doc: Document, detection: Detection, garbled: bool) -> bool:
    """Whether :func:`repair.candidates.ocr.ocr_candidates` has nothing to read here, known
    without importing it (issue 14, cold start: a small clean text never loads the ~60 OCR
    candidate modules).  True only for a page the gate keeps shut, with no finding, not
    set in a narrow column (:func:`~repair.detect.ocr_probe.column_print`), not reflowed,
    and with no token a clean page's readings start from: a word opening with "I" or "J"
    (``case_candidates``: "and It was") and a "1" (``_digit_i``).  Everything else goes
    to the generator (keep this in step with ``_Generator.candidates``' clean-page path;
    ``tests/test_ocr_lazy.py`` checks the two agree)."""
    if garbled or detection.findings or doc.config.reflow or column_print(doc.text):
        return False
    return not any(
        (t.kind == "word" and t.text[:1] in "IJ") or (t.kind == "number" and t.text == "1")
        for t in doc.tokens
    )


#: The key of :meth:`_Stage.detect`'s technical chunks (:func:`technical_spans`) in the
#: detection's details, which :meth:`_Stage.score` reads and removes (issue 14: read once).
TECH_SPANS = "technical_spans"


class _Stage:
    name = "ocr"

    def detect(self, doc: Document) -> Detection:
        technical = technical_spans(doc.text)
        detection = detect_ocr(doc.text, doc.tokens, technical)
        # the technical chunks again for :meth:`score` (popped there: not a score users read)
        detection.details[TECH_SPANS] = technical[0]
        garbled = document_garbled(detection, doc.config.ocr_realword_min_garble)
        default_gate = doc.config.ocr_realword_min_garble is None
        if not garbled and default_gate and probe_opens(doc.text, doc.tokens, detection):
            # clear readings in context (:mod:`repair.detect.ocr_probe`); a gate set by
            # the caller is left as set
            detection.details["probe_opened"] = garbled = True
        # read by the pipeline: the synonym stages skip an OCR-garbled page
        detection.details["garbled"] = garbled
        return detection

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        garbled = _garbled(doc, detection)
        if reads_nothing(doc, detection, garbled):
            return []
        candidates = _lazy("ocr_candidates")(doc, detection, garbled)
        if detection.details.get("probe_opened"):
            return word_readings(doc.text, candidates)
        return candidates

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        tech_spans = detection.details.pop(TECH_SPANS, None)
        if not candidates:
            return []  # nothing to decide (and the scorer's modules not loaded)
        garbled = _garbled(doc, detection)
        decisions: Counter[str] = Counter()
        # a speck removed around a word and the word read: one edit ("thoro_" -> "there")
        scored = _lazy("score_candidates")(doc, candidates, garbled, decisions)
        edits = _lazy("compose_nested")(scored)
        if decisions:  # reason codes, counted in scores.decisions (repair.decisions)
            detection.details["decisions"] = dict(sorted(decisions.items()))
        # overlapping readings of one stretch: the better reading in context
        edits = _lazy("resolve_overlaps")(doc.text, edits)
        if garbled and edits:
            from repair.candidates.ocr_capcase import recase

            edits = recase(doc.tokens, edits)  # the capital a reading lost (issue 12)
            from repair.candidates import ocr_namereading

            edits = ocr_namereading.recase_names(doc.tokens, edits)  # a name reading (issue 12)
            from repair.candidates import ocr_losthead

            edits = ocr_losthead.restore_heads(doc.tokens, edits)  # a name in pieces (issue 12)
            from repair.candidates import ocr_secondpass

            if ocr_secondpass.SECOND_PASS:  # the real-word readers again, in corrected context
                edits = ocr_secondpass.second_pass(doc, detection, edits, garbled)
            from repair.candidates import ocr_stoppass

            if ocr_stoppass.STOP_PASS:  # lost full stops again, in corrected context
                edits = ocr_stoppass.stop_pass(doc, detection, edits, garbled)
            from repair.score import ocr_lowercap

            if ocr_lowercap.LOWER_KEEP:  # "at Mogil" is no "legal" at a negative margin
                edits = ocr_lowercap.keep_capitals(edits)
        if edits:  # capitalised words the page vouches for (:mod:`repair.score.ocr_capkeep`)
            from repair.score import ocr_capkeep

            edits = ocr_capkeep.keep(doc.text, edits, detection.score)
            from repair.score import ocr_binomial

            if ocr_binomial.BINOMIAL_KEEP:  # "Prosalirus bitis" is no "bit is"
                edits = ocr_binomial.keep_epithets(doc.text, edits)
        if edits:  # URLs, file names, identifiers: technical text, no OCR
            from repair.score import ocr_techkeep

            edits = ocr_techkeep.keep(doc.text, edits, tech_spans)
        return edits


STAGE = _Stage()
