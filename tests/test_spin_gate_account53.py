"""benchmarks/spin_gate_account.py: the document-level cues of a shut spin gate and the
forced-open oracle run (issue 11, session 53 spingate)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
acc = pytest.importorskip("spin_gate_account")


def _row(w: str, o: str, p: float, count: int = 0, left: float = 0.5) -> tuple:
    return (w, o, p, count, 1.0, left, 0.5)


def test_cues_count_one_mapping_repeated_with_the_original_absent() -> None:
    rows = [
        _row("folks", "people", 0.2),
        _row("folks", "people", 0.1),
        _row("query", "question", 0.6),
    ]
    c = acc.cues(rows, 300, 0.3, 0.1)
    per = 100 / 300
    assert c["cons"] == pytest.approx(per)  # folks: two places, one original, absent
    assert c["consmax"] == pytest.approx(per)  # its strongest place 0.2 >= 0.15
    assert c["p50"] == pytest.approx(per)  # query's 0.6
    assert c["both"] == pytest.approx(2 * per)
    assert c["sump"] == pytest.approx(0.9 * per)


def test_cues_drop_printed_originals_mixed_mappings_and_one_sided_fits() -> None:
    printed = [_row("folks", "people", 0.9, count=3), _row("folks", "people", 0.9, count=3)]
    mixed = [_row("folks", "people", 0.9), _row("folks", "persons", 0.9)]
    weak = [_row("folks", "people", 0.1), _row("folks", "people", 0.1)]
    left_only = [_row("folks", "people", 0.9, left=-0.2)]
    assert acc.cues(printed, 100, 0.0, 0.0)["cons"] == 0.0
    assert acc.cues(mixed, 100, 0.0, 0.0)["cons"] == 0.0
    assert acc.cues(weak, 100, 0.0, 0.0)["consmax"] == 0.0
    assert acc.cues(weak, 100, 0.0, 0.0)["cons"] > 0.0
    assert acc.cues(left_only, 100, 0.0, 0.0)["both"] == 0.0


def test_forced_open_run_restores_what_the_shut_gate_keeps() -> None:
    """The oracle run opens the word gate of a document the shipped detection keeps shut,
    and leaves the module flags as it found them."""
    from spin_eval import make_config

    import repair.detect.spin_consistent as consistent
    import repair.stages.spin as stage

    text = (
        "The committee met on Tuesday to discuss the budget for next year. Members said "
        "the plan would need more work before the vote. "
    ) * 3
    config = make_config("spin,tortured,collocation", False)
    before = stage.CONSISTENT_GATE, consistent.GATE_AT, consistent.GATE_MIN_MODEL
    with acc._Seen() as seen:
        rec = acc.record(text, {}, seen, config)
    assert (stage.CONSISTENT_GATE, consistent.GATE_AT, consistent.GATE_MIN_MODEL) == before
    assert rec["shut"] is True
    assert set(rec["cues"]) == set(acc.CUES)
    opened = seen.dets[0].details  # the forced run's detection (the last run)
    assert opened.get("consistent_gate") is True
    assert stage.word_bar(opened) <= 1.0
    assert rec["open_edits"] >= rec["edits"]


def test_auc_ties_half() -> None:
    assert acc.auc([1.0], [1.0]) == 0.5
    assert acc.auc([2.0, 0.0], [1.0]) == 0.5
