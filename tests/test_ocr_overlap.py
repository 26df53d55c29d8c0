"""Overlapping OCR readings of one stretch are decided by the stretch in context."""

from __future__ import annotations

import pytest

import repair.score.ocr_overlap as overlap
from repair.score.ocr_overlap import resolve_overlaps
from repair.types import Edit
from repair.write import select_disjoint


def _e(text: str, orig: str, repl: str, conf: float, cost: float = 1.0) -> Edit:
    off = text.index(orig)
    return Edit(off, len(orig), orig, repl, "ocr", conf, "OCR_CONFUSION",
                evidence={"confusion_cost": cost})  # fmt: skip


def _kept(text: str, edits: list[Edit]) -> list[str]:
    return [e.replacement for e in select_disjoint(resolve_overlaps(text, edits))]


TEXT = "he paid the full auount io the bank on Monday"


def test_two_word_readings_beat_a_more_confident_merge() -> None:
    edits = [
        _e(TEXT, "auount io", "acoustic", 0.9),
        _e(TEXT, "auount", "amount", 0.7),
        _e(TEXT, "io", "to", 0.6),
    ]
    assert [e.replacement for e in select_disjoint(edits)] == ["acoustic"]
    assert _kept(TEXT, edits) == ["amount", "to"]


def test_switch_off_keeps_the_confidence_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "OVERLAP", False)
    edits = [
        _e(TEXT, "auount io", "acoustic", 0.9),
        _e(TEXT, "auount", "amount", 0.7),
        _e(TEXT, "io", "to", 0.6),
    ]
    assert _kept(TEXT, edits) == ["acoustic"]


def test_the_confident_reading_stays_when_context_agrees() -> None:
    text = "she was taken to the motoi cal centre for treatment"
    edits = [_e(text, "motoi cal", "medical", 0.9), _e(text, "motoi", "motor", 0.6),
             _e(text, "cal", "car", 0.6)]  # fmt: skip
    assert _kept(text, edits) == ["medical"]


def test_disjoint_edits_untouched() -> None:
    text = "tbe cat sat on tbe mat"
    edits = [Edit(0, 3, "tbe", "the", "ocr", 0.9, "R"), Edit(15, 3, "tbe", "the", "ocr", 0.9, "R")]
    assert resolve_overlaps(text, edits) == edits
