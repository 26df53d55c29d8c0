"""One module per kind of damage, each wiring its detect → candidates → score parts.

A stage is any object with a ``name`` and three methods:

* ``detect(doc)`` → :class:`~repair.types.Detection` (suspicious spans and a document score);
* ``candidates(doc, detection)`` → ``list[`` :class:`~repair.types.Candidate` ``]``;
* ``score(doc, detection, candidates)`` → ``list[`` :class:`~repair.types.Edit` ``]``
  (accepted edits on ``doc.text``, each with confidence and evidence).
"""

from __future__ import annotations

from typing import Protocol

from repair.document import Document
from repair.types import Candidate, Detection, Edit


class Stage(Protocol):
    name: str

    def detect(self, doc: Document) -> Detection: ...

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]: ...

    def score(
        self, doc: Document, detection: Detection, candidates: list[Candidate]
    ) -> list[Edit]: ...
