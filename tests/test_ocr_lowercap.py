"""A capitalised word is not lowered into a plain word at a negative margin
(repair.score.ocr_lowercap)."""

from __future__ import annotations

import pytest

import repair.score.ocr_lowercap as lowercap
from repair.types import Edit


def _edit(original: str, replacement: str, margin: float | None, finding: str) -> Edit:
    evidence: dict[str, object] = {"finding": finding}
    if margin is not None:
        evidence["margin"] = margin
    return Edit(10, len(original), original, replacement, "ocr", 0.5, "OCR_CONFUSION",
                evidence=evidence)  # fmt: skip


def test_a_name_lowered_at_a_negative_margin_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    edits = [_edit("Mogil", "legal", -1.44, "capitalized_unknown")]
    assert lowercap.keep_capitals(edits) == edits  # shipped off
    monkeypatch.setattr(lowercap, "LOWER_KEEP", True)
    assert lowercap.keep_capitals(edits) == []


def test_other_readings_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lowercap, "LOWER_KEEP", True)
    edits = [
        _edit("Bont", "sent", 13.2, "capitalized_unknown"),  # the model wants the word
        _edit("Mortiner", "Martinez", -0.8, "capitalized_unknown"),  # a name's reading
        _edit("Besly", "flashy", -3.9, "nonword"),  # another finding
        _edit("Instructed", "instructed", None, "initial_capital"),  # no margin
    ]
    assert lowercap.keep_capitals(edits) == edits
