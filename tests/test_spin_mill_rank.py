"""benchmarks/spin_mill_rank.py: a mill's gold rows by class where the band is open, and the
ranking ceiling (issue 11, session 60)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
rank = pytest.importorskip("spin_mill_rank")


def test_row_class() -> None:
    names, gains = ["keeping", "Memory", "holding"], [9.4, 5.8, -1.0]
    assert rank.row_class("memory", names, gains, "keeping") == "other"
    assert rank.row_class("memory", names, gains, "Memory") == "top"
    assert rank.row_class("holding", names, gains, "keeping") == "absent"  # no positive gain
    assert rank.row_class("recall", names, gains, "keeping") == "absent"


def test_prob_band_reads_the_stage_bars() -> None:
    from repair.stages import spin

    assert rank.prob_band(spin.SCIENCE_BAND_BAR) == "bar"
    assert rank.prob_band(spin.TOPIC_PICK_MIN_PROB) == "topic"
    assert rank.prob_band(0.0) == "low"
