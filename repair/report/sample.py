"""Hand-built results, for previews of the reports and for their tests.

A report can be looked at (``scripts/screenshot_report.py``) or tested
(``tests/test_report.py``) on edits written by hand, independent of what the
stages find today.  An edit is placed by its phrase and which occurrence of it.

>>> e = hand_edit("a cat, a cat", "cat", 1, "dog", "spin", 0.9, "SPIN_PAIR", "cat->dog")
>>> e.offset, hand_result("a cat, a cat", [e]).text
(9, 'a cat, a dog')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from repair.types import DocScores, Edit, RepairResult
from repair.write import apply_edits


def find_nth(text: str, phrase: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th (0-based) ``phrase`` in ``text``; ValueError if none."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(phrase, pos + 1)
        if pos < 0:
            raise ValueError(f"{phrase!r} #{occurrence} not in the text")
    return pos


def hand_edit(
    text: str,
    phrase: str,
    occurrence: int,
    replacement: str,
    kind: str,
    confidence: float,
    rule: str,
    message: str,
    evidence: Mapping[str, Any] | None = None,
    alternatives: tuple[str, ...] = (),
) -> Edit:
    """The edit replacing occurrence ``occurrence`` of ``phrase`` in ``text``."""
    start = find_nth(text, phrase, occurrence)
    return Edit(
        start,
        len(phrase),
        phrase,
        replacement,
        kind,
        confidence,
        rule,
        message,
        dict(evidence or {}),
        alternatives,
    )


def hand_result(text: str, edits: Sequence[Edit], **scores: Any) -> RepairResult:
    """``text`` with ``edits`` applied; ``scores``: :class:`DocScores` fields besides the counts."""
    edits = sorted(edits, key=lambda e: e.offset)
    kinds: dict[str, int] = {}
    for e in edits:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    doc_scores = DocScores(words=len(text.split()), edits=len(edits), edits_by_kind=kinds, **scores)
    return RepairResult(text, apply_edits(text, edits), tuple(edits), doc_scores)
