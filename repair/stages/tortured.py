"""The tortured stage: paper-mill phrases ("profound learning") back to the usual term.

detect (:mod:`repair.detect.tortured`: lexicon matches and the document score)
→ candidates (:mod:`repair.candidates.tortured`: ranked replacements fitted to the
text) → score (:mod:`repair.score.tortured`: confidence and evidence).

>>> from repair.document import Document
>>> doc = Document("Counterfeit consciousness and profound learning are popular.")
>>> d = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]
[('Counterfeit consciousness', 'Artificial intelligence'), ('profound', 'deep')]
"""

from __future__ import annotations

from repair.candidates import tortured as _candidates
from repair.detect import tortured as _detect
from repair.document import Document
from repair.score import tortured as _score
from repair.types import Candidate, Detection, Edit


class _Stage:
    name = "tortured"

    def detect(self, doc: Document) -> Detection:
        return _detect.detect(doc)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        return _candidates.candidates(doc, detection)

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        return _score.score(doc, detection, candidates)


STAGE = _Stage()
