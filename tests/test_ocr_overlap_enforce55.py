"""Session 55 (ocrspan): the overlap comparison's verdict holds at equal confidences."""

from __future__ import annotations

import pytest

import repair.score.ocr_overlap as overlap
from repair.score.ocr_overlap import resolve_overlaps
from repair.types import Edit
from repair.write import select_disjoint

TEXT = "the wallet, he said, was the one given t bira by Mr. Coveny in payment"


def _e(orig: str, repl: str, conf: float, cost: float) -> Edit:
    off = TEXT.index(" t bira") + 1 + (2 if orig == "bira" else 0)
    return Edit(off, len(orig), orig, repl, "ocr", conf, "OCR_CONFUSION",
                evidence={"confusion_cost": cost})  # fmt: skip


def _edits() -> list[Edit]:
    # the wider reading first in the list: at equal confidence the pipeline's
    # select_disjoint keeps it (a stable sort), the cluster's own order does not
    return [
        _e("t bira", "third", 0.99, 6.0),
        _e("t", "to", 0.99, 1.0),
        _e("bira", "him", 0.99, 1.0),
    ]


def _kept(edits: list[Edit]) -> list[str]:
    return [e.replacement for e in select_disjoint(resolve_overlaps(TEXT, edits))]


def test_tie_order_alone_keeps_the_wider_reading() -> None:
    assert [e.replacement for e in select_disjoint(_edits())] == ["third"]


def test_enforced_verdict_keeps_the_word_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "ENFORCE", True)
    assert _kept(_edits()) == ["to", "him"]


def test_enforce_off_leaves_the_tie_to_the_list_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlap, "ENFORCE", False)
    assert _kept(_edits()) == ["third"]


def test_enforce_leaves_a_cluster_without_a_tie(monkeypatch: pytest.MonkeyPatch) -> None:
    """No tie: both orders keep the same edits, so nothing is dropped here (the
    pipeline's selection keeps the wider reading the context wants)."""
    monkeypatch.setattr(overlap, "ENFORCE", True)
    text = "she was taken to the motoi cal centre for treatment"
    edits = [
        Edit(21, 9, "motoi cal", "medical", "ocr", 0.9, "R", evidence={"confusion_cost": 1.0}),
        Edit(21, 5, "motoi", "motor", "ocr", 0.6, "R", evidence={"confusion_cost": 1.0}),
        Edit(27, 3, "cal", "car", "ocr", 0.6, "R", evidence={"confusion_cost": 1.0}),
    ]
    assert resolve_overlaps(text, edits) == edits
    assert [e.replacement for e in select_disjoint(resolve_overlaps(text, edits))] == ["medical"]
