"""benchmarks/spin_bands.py and spin_gap.py: the rows under the word bar, the gate's gap."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
spin_bands = pytest.importorskip("spin_bands")
spin_gap = pytest.importorskip("spin_gap")


def test_band_edges_are_inclusive_below() -> None:
    assert spin_bands.band(0.0) == 0
    assert spin_bands.band(0.4) == spin_bands.BANDS.index(0.4)
    assert spin_bands.band(0.3999) == spin_bands.BANDS.index(0.35)
    assert spin_bands.band(1.0) == len(spin_bands.BANDS) - 1


def test_verdict_reads_case_and_unspun_spans() -> None:
    assert spin_bands.verdict("nation", "Nation") == "R"
    assert spin_bands.verdict("land", "country") == "W"
    assert spin_bands.verdict("land", None) == "F"


def test_open_bar_opens_only_a_shut_gate() -> None:
    from repair.score.spin_model import get_model

    model = get_model()
    shut = {"model_score": 0.0}
    sure = {"model_score": 0.999}
    assert spin_gap._shipped_bar(shut) > 1.0
    assert spin_gap._open_bar(shut) == model.word_threshold
    assert spin_gap._open_bar(sure) == spin_gap._shipped_bar(sure) <= model.word_threshold


def test_in_stage_score_rises_with_the_stage_cues() -> None:
    quiet = {"spin_score": {"spin_stage": 0.1}, "spin": {}}
    loud = {"spin_score": {"spin_stage": 0.99}, "spin": {"word_stats": {"p_per_100": 3.0}}}
    assert spin_gap.in_stage_score(quiet) < 0.5 <= spin_gap.in_stage_score(loud)
    family = {"spin_score": {"spin_stage": 0.1}, "spin": {"family_gate": True}}
    assert spin_gap.in_stage_score(family) >= 0.5
