"""The document spin score (``scores.spin``): the spin stage's score joined with the
collocation stage's wordy-paraphrase evidence, recalibrated so 0.5 still means spun."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.detect.spin_document import SPUN_AT, document_score
from tests.test_wordy import PLAIN
from tests.test_wordy import SPUN as PHRASE_SPUN  # the wordy stage's own example pair


def test_score_is_monotone_bounded_and_maps_the_cut_to_one_half() -> None:
    grid = [i / 10 for i in range(11)]
    for c in grid:
        row = [document_score(s, c) for s in grid]
        assert row == sorted(row) and 0.0 <= row[0] and row[-1] <= 1.0
    for s in grid:
        col = [document_score(s, c) for c in grid]
        assert col == sorted(col)
    assert document_score(SPUN_AT, 0.0) == pytest.approx(0.5)
    assert document_score(0.0, 0.0) == 0.0 and document_score(1.0, 0.0) == 1.0


def test_weak_evidence_of_both_kinds_is_not_spun() -> None:
    # the clean-text regime: moderate scores of both stages stay under the threshold
    assert document_score(0.3, 0.3) < 0.5
    assert document_score(0.5, 0.0) < 0.5  # a stage score of 0.5 alone is re-read as weaker


def test_phrase_spun_text_is_reported_spun_without_changing_the_spin_stage() -> None:
    r = repair_text(PHRASE_SPUN, (), RepairConfig())
    parts = r.scores.details["spin_score"]
    assert parts["spin_stage"] < 0.5  # the synonym evidence alone misses it
    assert r.scores.spin >= 0.5
    assert r.scores.spin == pytest.approx(
        document_score(parts["spin_stage"], parts["collocation"]), abs=1e-3
    )
    # the spin stage's edits are what they are without the collocation stage
    alone = repair_text(PHRASE_SPUN, (), RepairConfig(collocation=False))
    assert [e for e in r.edits if e.kind == "spin"] == [e for e in alone.edits if e.kind == "spin"]
    assert "spin_score" not in alone.scores.details


def test_plain_text_is_not_spun() -> None:
    r = repair_text(PLAIN, (), RepairConfig())
    assert r.scores.spin < 0.5 and r.text == PLAIN
