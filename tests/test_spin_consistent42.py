"""Session 42 spingate42: the consistency gate cue (repair.detect.spin_consistent)."""

from __future__ import annotations

import re

import pytest

import repair.detect.spin_consistent as sc
import repair.stages.spin as stage
from repair.score.spin_evidence import WordEvidence


def _row(start: int, written: str, original: str) -> WordEvidence:
    return WordEvidence(start, start + len(written), written, original, 3.0, 1.0, 2.0, 3, 1.0)


def test_counts_a_form_mapped_the_same_way_at_every_place() -> None:
    rows = [_row(0, "folks", "people"), _row(50, "Folks", "people"), _row(90, "assist", "help")]
    words = ["folks", "Folks", "assist"] + ["x"] * 297
    assert sc.consistent_forms(rows, [0.2, 0.3, 0.9], words) == pytest.approx(100 / 300)


def test_original_present_or_mapping_split_or_weak_place_does_not_count() -> None:
    rows = [_row(0, "folks", "people"), _row(50, "folks", "people")]
    words = ["folks", "folks"] + ["x"] * 298
    assert sc.consistent_forms(rows, [0.2, 0.3], [*words, "People"]) == 0.0
    assert sc.consistent_forms([rows[0], _row(50, "folks", "persons")], [0.2, 0.3], words) == 0.0
    assert sc.consistent_forms(rows, [0.2, 0.001], words) == 0.0


def test_gate_needs_both_the_cue_and_the_model_floor() -> None:
    assert sc.opens(sc.GATE_AT, sc.GATE_MIN_MODEL, 0.8)
    assert not sc.opens(sc.GATE_AT - 0.01, 0.5, 0.8)
    assert not sc.opens(5.0, sc.GATE_MIN_MODEL - 0.01, 0.8)


def test_stage_gate_raises_model_score_only_when_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.document import Document

    text = "The folks assist to inform. " * 2 + "Other words here. " * 20
    doc = Document(text)
    rows = [
        _row(m.start(), m.group(), orig)
        for word, orig in (("folks", "people"), ("assist", "help"), ("inform", "tell"))
        for m in re.finditer(word, text)
    ]
    probs = [0.2] * len(rows)
    details = {"model_score": 0.3}
    stage._consistent_gate(doc, rows, probs, details)
    assert details["consistent_gate"] is True
    assert details["model_score"] == stage.get_model().doc_gate
    assert details["model_score_own"] == 0.3
    low = {"model_score": 0.1}
    stage._consistent_gate(doc, rows, probs, low)
    assert low["model_score"] == 0.1 and "consistent_gate" not in low


def test_flag_ships_off() -> None:
    assert stage.CONSISTENT_GATE is False
