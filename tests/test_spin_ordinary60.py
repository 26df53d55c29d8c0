"""Session 60 (spinbot60): the word gate opened by rows with a commoner, better-fitting original."""

from __future__ import annotations

import repair.detect.spin_ordinary as ordinary
import repair.stages.spin as stage
from repair.document import Document
from repair.score.spin_evidence import WordEvidence
from repair.score.spin_model import get_model

TEXT = " ".join(["The pinnacles of the hills were bright."] * 25)  # 175 words


def _rows(n: int) -> list[WordEvidence]:
    return [WordEvidence(i, i + 9, "pinnacles", "tops", 3.0, 1.0, 2.0, 3, 1.0) for i in range(n)]


def test_shipped_setting() -> None:
    assert ordinary.ORDINARY_GATE is False and ordinary.GATE_AT == 0.11


def test_density_counts_commoner_better_fitting_rows_only() -> None:
    weak = WordEvidence(0, 9, "pinnacles", "tops", 1.0, 1.0, 2.0, 3, 1.0)  # gain under 2 nats
    same = WordEvidence(0, 5, "large", "big", 3.0, 1.0, 2.0, 3, 1.0)  # not clearly commoner
    assert ordinary.ordinary_density([weak, same], 200) == 0.0
    assert ordinary.ordinary_density(_rows(30), 200) == 0.15
    assert ordinary.ordinary_density(_rows(15), 50) == 0.1  # short texts count as 150 words


def test_the_gate_opens_only_with_the_flag(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = Document(TEXT)
    gate = get_model().doc_gate
    monkeypatch.setattr(ordinary, "ORDINARY_GATE", False)
    assert not ordinary.opens(0.2)
    monkeypatch.setattr(ordinary, "ORDINARY_GATE", True)
    assert ordinary.opens(0.2) and not ordinary.opens(0.05)
    details = {"model_score": 0.2}
    stage._ordinary_gate(doc, _rows(30), details)
    assert details["model_score"] == gate and details["ordinary_gate"]
    assert details["model_score_own"] == 0.2
    thin = {"model_score": 0.2}
    stage._ordinary_gate(doc, _rows(5), thin)
    assert thin["model_score"] == 0.2 and "ordinary_gate" not in thin
