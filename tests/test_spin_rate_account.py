"""benchmarks/spin_rate_account.py: a document's term windows counted by what
``score.collocation.decide`` did with them, and the rate tables (issue 11, session 54)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
acc = pytest.importorskip("spin_rate_account")

from repair import repair_text  # noqa: E402
from repair.score import term_backoff  # noqa: E402
from repair.stages import collocation as stage  # noqa: E402

MILL = (
    "We study how sensor webs can be deployed in remote areas. The nodes measure "
    "temperature and send the results to a base station. Our method reduces the energy "
    "used by each node and extends the lifetime of the network."
)


def test_counting_reads_the_stage_and_restores_it() -> None:
    relax, detect = term_backoff.relax, stage._Stage.detect
    counts: Counter = Counter()
    only = acc.make_config("collocation", False)  # the spin stage would take "webs" first
    with acc.counting(counts):
        out = repair_text(MILL, (), only).text
    assert term_backoff.relax is relax and stage._Stage.detect is detect
    assert out == repair_text(MILL, (), only).text == MILL  # counting changes no output
    assert counts["elig"] == 1 and counts["cw_any"] >= 1 and counts["found"] >= 1
    assert counts["applied"] == 0


def test_report_tables() -> None:
    rows = [
        {"key": "m", "group": "mill", "words": 70, "spin": 0.3, **dict.fromkeys(acc.CUES, 1)},
        {"key": "t", "group": "tortured", "words": 70, "spin": 0.9, **dict.fromkeys(acc.CUES, 0)},
        {"key": "c", "group": "abstract", "words": 70, "spin": 0.1, **dict.fromkeys(acc.CUES, 0)},
        {"key": "s", "group": "short", "words": 100, "spin": 0.2, **dict.fromkeys(acc.CUES, 0)},
    ]
    lines = acc.report(rows)
    assert "| elig | mill | 1.000 | 1.000 | 1.000 | 1.000 |" in lines
    assert "| elig | tortured | 0.500 | 0.500 | 0.500 | 0.500 |" in lines
    assert "| 12 | 1 / 1 | 0 / 1 | 0 / 2 | 0 / 1 | 0 / 1 | 0 / 1 |" in lines
