"""benchmarks/spin_account_mill.py: the mill's dev losses, the shut gate split by the first
reading's row and each loss placed by the tortured / collocation readers' reach (issue 11,
session 46)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
acc = pytest.importorskip("spin_account_mill")
text = pytest.importorskip("spin_sim.text")

from repair.types import Declined  # noqa: E402


def test_gate_split_by_the_row() -> None:
    shut = ("b:not_read", "gate_shut")
    assert acc.gate_split(shut, "Image", ("image", 0.2)) == ("b:not_read", "gate_shut:gold_top")
    assert acc.gate_split(shut, "image", ("photo", 0.2)) == ("b:not_read", "gate_shut:other_top")
    assert acc.gate_split(shut, "image", None) == ("b:not_read", "gate_shut:no_row")
    assert acc.gate_split(("d:other_top", "row"), "image", None) == ("d:other_top", "row")


def _spun(clean: str, word: str, written: str) -> object:
    a = clean.index(word)
    edit = text.GoldEdit(a, a + len(word), word, written, word)
    return text.SpunDoc("t", "abstract", clean, text.apply_edits(clean, [edit]), (edit,), "mill")


def _reach(s: object, word: str, orig: str, declined: tuple = ()) -> str:
    a = s.spun.index(word)  # type: ignore[attr-defined]
    r = SimpleNamespace(declined=declined)
    return acc.tortured_reach(s, r, (a, a + len(word)), orig, False)  # type: ignore[arg-type]


def test_reach_classes() -> None:
    s = _spun("We train neural networks on images.", "neural", "nervous")
    assert _reach(s, "nervous", "neural").startswith("term:")  # "neural networks" is a term
    d = Declined(s.spun.index("nervous"), 7, "nervous", "collocation", "lm_against")  # type: ignore[attr-defined]
    assert _reach(s, "nervous", "neural", (d,)) == "declined:collocation:lm_against"
    spin_only = Declined(s.spun.index("nervous"), 7, "nervous", "spin", "weak_evidence")  # type: ignore[attr-defined]
    assert not _reach(s, "nervous", "neural", (spin_only,)).startswith("declined")
    s2 = _spun("The results were good.", "good", "fine")
    assert _reach(s2, "fine", "good") == "none"


def test_score_and_probability_bands() -> None:
    assert [acc.score_band(x) for x in (0.5, acc.RAISED, acc.RAISED - 0.01)] == [
        "detected",
        "raised",
        "low",
    ]
    assert acc.prob_band(0.3) == "p>=0.3" and acc.prob_band(0.0) == "p>=0.0"


def test_band_report_counts_rows_of_the_shut_gate_only() -> None:
    from collections import Counter

    bands = Counter(
        {
            ("detected", "b:not_read/gate_shut:gold_top", "p>=0.1"): 1,
            ("detected", "b:not_read/gate_shut:other_top", "p>=0.1"): 3,
            ("detected", "e:restored/COLLOCATION_TERM", ""): 2,
            ("raised", "a:no_candidate/word", ""): 4,
        }
    )
    out = acc.band_report(bands)
    assert "detected 6 (restored 2), raised 4 (restored 0)" in out
    assert "detected p>=0.1: gold on top 1, another on top 3" in out
    assert "raised p>=" not in out
