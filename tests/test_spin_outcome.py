"""The classes of benchmarks/spin_outcome.py: what became of each gold substitution."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
spin_outcome = pytest.importorskip("spin_outcome")


@pytest.mark.parametrize(
    ("written", "gold", "expected"),
    [
        ("managing director", "manager", "multi_reach"),  # a one-word candidate of the span
        ("amygdalus communis", "almond", "multiword"),  # the span has no candidate at all
        ("doing", "making", "stop/short"),
        ("important", "crucial", "common"),  # Zipf >= MAX_WRITTEN_ZIPF
        ("advised", "told", "reached"),
        ("grangers", "farmers", "reached"),  # read as "granger" (unknown to lemminflect)
        ("detestation", "things", "gold_not_in"),
    ],
)
def test_gold_class(written: str, gold: str, expected: str) -> None:
    assert spin_outcome.gold_class(written, gold) == expected


@pytest.mark.parametrize(
    ("written", "gold", "expected"),
    [
        ("commenced", "began", "synset"),  # lemmas of both sides are compared
        ("mumbled", "spoke", "hypernym"),
        ("giant", "large", "similar"),
        ("nationwide", "national", "derivation"),
        ("purple", "table", "none"),
    ],
)
def test_wordnet_relation(written: str, gold: str, expected: str) -> None:
    assert spin_outcome.wordnet_relation(written, gold) == expected


def test_why_missed_splits_by_gate_and_relation() -> None:
    why = spin_outcome._why_missed
    assert why("reached", "troublesome", "difficult", True) == "missed:gate_closed"
    assert why("reached", "troublesome", "difficult", False) == "missed:under_bar"
    assert why("gold_not_in", "giant", "large", False) == "missed:similar"
    assert why("multiword", "for instance", "for example", True) == "missed"
