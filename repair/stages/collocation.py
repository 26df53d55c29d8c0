"""The collocation stage: terms written with synonyms ("data agglomerates") back to the term.

It runs after the spin stage, so the spin score is read on the text as written, and
a word the spin stage restored can anchor a term.

detect (:mod:`repair.detect.collocation`: windows that reverse synonyms turn into a
known term) → candidates (:mod:`repair.candidates.collocation`) → decision
(:mod:`repair.score.collocation`).  The document score is the applied restorations
per 1,000 words, squashed (``1 - exp(-rate / 3)``).

>>> from repair.document import Document
>>> doc = Document("We measured the voltaic conductivity of the films.")
>>> d = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, d, STAGE.candidates(doc, d))]
[('voltaic', 'electrical')]
"""

from __future__ import annotations

import math

from repair.candidates import collocation as _candidates
from repair.detect import collocation as _detect
from repair.document import Document
from repair.score import collocation as _score
from repair.types import Candidate, Detection, Edit, Finding

#: Applied restorations per 1,000 words giving score 1 - 1/e.
RATE_SCALE = 3.0


class _Stage:
    name = "collocation"

    def detect(self, doc: Document) -> Detection:
        found = _detect.find(doc)
        if not found:
            return Detection()
        applied = sum(d.applied for d in _score.decide(found))
        n_words = len(doc.words)
        rate = 1000.0 * applied / n_words if n_words else 0.0
        findings = tuple(
            Finding(
                r.tokens[0].start,
                r.tokens[-1].end,
                "collocation",
                "term_window",
                0.0,
                {"restoration": r},
            )
            for r in found
        )
        details = {"windows": len(found), "applied": applied, "per_1000_words": round(rate, 3)}
        return Detection(findings, 1.0 - math.exp(-rate / RATE_SCALE), details)

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        return _candidates.candidates(doc, [f.data["restoration"] for f in detection.findings])

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        return _score.score(candidates)


STAGE = _Stage()
