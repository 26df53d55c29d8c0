"""The mojibake stage (placeholder wiring: finds nothing yet; to be replaced by its owner)."""

from __future__ import annotations

from repair.document import Document
from repair.types import Candidate, Detection, Edit


class _Stage:
    name = "mojibake"

    def detect(self, doc: Document) -> Detection:
        return Detection()

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        return []

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        return []


STAGE = _Stage()
