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

from collections import Counter

from repair.candidates.ocr import ocr_candidates
from repair.detect.ocr import detect_ocr, document_garbled
from repair.detect.ocr_probe import probe_opens, word_readings
from repair.document import Document
from repair.score.ocr import score_candidates
from repair.score.ocr_nested import compose_nested
from repair.score.ocr_overlap import resolve_overlaps
from repair.types import Candidate, Detection, Edit


def _garbled(doc: Document, detection: Detection) -> bool:
    """The garble gate, or the probe's opening of it, as :meth:`_Stage.detect` decided
    (decided again only for a detection made elsewhere)."""
    decided = detection.details.get("garbled")
    if decided is not None:
        return bool(decided)
    if detection.details.get("probe_opened"):
        return True
    return document_garbled(detection, doc.config.ocr_realword_min_garble)


class _Stage:
    name = "ocr"

    def detect(self, doc: Document) -> Detection:
        detection = detect_ocr(doc.text, doc.tokens)
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
        candidates = ocr_candidates(doc, detection, _garbled(doc, detection))
        if detection.details.get("probe_opened"):
            return word_readings(doc.text, candidates)
        return candidates

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        garbled = _garbled(doc, detection)
        decisions: Counter[str] = Counter()
        # a speck removed around a word and the word read: one edit ("thoro_" -> "there")
        edits = compose_nested(score_candidates(doc, candidates, garbled, decisions))
        if decisions:  # reason codes, counted in scores.decisions (repair.decisions)
            detection.details["decisions"] = dict(sorted(decisions.items()))
        # overlapping readings of one stretch: the better reading in context
        return resolve_overlaps(doc.text, edits)


STAGE = _Stage()
