"""benchmarks/spin_other_top.py: where the gold original of an other-top row stands, and the
re-rank's top-1 under document terms (issue 11, session 53)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
ot = pytest.importorskip("spin_other_top")

FIRST = [("job", 2.0, 0.5), ("task", 1.5, 0.1), ("work", 1.0, -0.5)]


def test_where_classes() -> None:
    assert ot.where("Work", FIRST, (), (), ()) == ("first_choices", "rank 3")
    assert ot.where("work", None, ("work",), (), ()) == ("no_first_row", "-")
    assert ot.where("work", FIRST[:1], ("work",), (), ()) == ("reverse_only", "row not replaced")
    assert ot.where("work", FIRST[:1], (), ("work",), [("labor", 0.3, ())]) == (
        "wide_only", "other proposed",
    )  # fmt: skip
    assert ot.where("work", FIRST[:1], ("work",), (), [("labor", 0.3, [("work", 1.0, 0.0)])]) == (
        "reverse_only", "in second choices",
    )  # fmt: skip
    assert ot.where("work", FIRST[:1], (), (), [("work", 0.45, ())]) == (
        "other_list", "proposed p 0.4-0.5",
    )  # fmt: skip


def test_top1_reads_the_window_and_positive_gains() -> None:
    r = ot.Row([1.0, 0.5, -9.0], [1.0, 1.0, 1.0], {"t": [0.0, 1.0, 20.0]}, gold=2)
    assert ot.top1([r], {}) == (0, 0)
    assert ot.top1([r], {"t": 1.0}) == (0, 0)  # the gold is outside the window
    assert ot.top1([r], {"t": 1.0}, window=20.0) == (1, 0)
    neg = ot.Row([1.0, 0.5], [1.0, -1.0], {"t": [0.0, 5.0]}, gold=1)
    assert ot.top1([neg], {"t": 1.0}) == (0, 0)  # a candidate with no LM gain is never read
    unspun = ot.Row([1.0, 0.5], [1.0, 1.0], {"t": [0.0, 1.0]}, unspun=True)
    assert ot.top1([unspun], {"t": 1.0}) == (0, 1)
