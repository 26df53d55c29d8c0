"""``benchmarks/spin_source_cover.py``: offline candidate sources measured on seed 000's
pairs, split by the original's family (issue 11, session 25)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("wn")
pytest.importorskip("lemminflect")

import spin_source_cover as ssc  # noqa: E402


def test_pairs_are_one_word_and_split_by_family() -> None:
    pairs = ssc.one_word_pairs()
    assert {h for h, _o, _s in pairs} == {"dev", "test"}
    assert all(" " not in o and s.isalpha() for _h, o, s in pairs)
    assert ("dev", "office", "workplace") in pairs


@pytest.mark.parametrize(
    ("source", "spun", "original", "held"),
    [
        ("Moby reverse", "workplace", "office", True),
        ("Moby reverse", "coverage", "policy", False),  # Moby lists no "coverage" under it
        ("WordNet co-lemmas, any sense", "mentioned", "said", False),
        ("WordNet co-lemmas, any sense", "nations", "countries", True),
        ("tortured_words.tsv (paper-mill habits)", "commerce", "trade", True),
    ],
)
def test_sources_hold_or_miss_the_original(
    source: str, spun: str, original: str, held: bool
) -> None:
    assert bool(ssc.all_lemmas(original) & ssc.SOURCES[source](spun)) is held


def test_measure_counts_cover_and_rank_per_half() -> None:
    pairs = [("dev", "office", "workplace"), ("test", "policy", "coverage")]
    m = ssc.measure(ssc.SOURCES["Moby reverse"], pairs, None)
    assert m["dev"][:2] == (1, 1) and m["test"][:2] == (1, 0)
    # a gap filter above any Zipf difference leaves no candidate
    assert ssc.measure(ssc.SOURCES["Moby reverse"], pairs, 9.0)["dev"][1] == 0
