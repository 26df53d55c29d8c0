"""benchmarks/seed_table_account.py: the seed table families' account on dev."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
account = pytest.importorskip("seed_table_account")


@pytest.mark.parametrize(
    ("written", "original", "row", "expected"),
    [
        ("in direction of", "toward", None, "multiword"),
        ("lots", "a lot", "plenty", "multiword"),  # the original is two words
        ("round", "about", None, "no_row"),
        ("agency", "company", "office", "row_wrong"),
        ("Costs", "Prices", "prices", "row_right"),  # case is not a difference
    ],
)
def test_reach(written: str, original: str, row: str | None, expected: str) -> None:
    assert account.reach(written, original, row) == expected


def test_outcome_reads_the_pipelines_edits_on_the_span() -> None:
    from repair.types import Edit

    spun = "The agency said so."
    span = (4, 10)
    right = Edit(4, 6, "agency", "company", "spin", 0.9, "SPIN_SYNONYM")
    wrong = Edit(4, 6, "agency", "office", "spin", 0.9, "SPIN_SYNONYM")
    assert account.outcome(spun, span, "company", (right,)) == "right"
    assert account.outcome(spun, span, "company", (wrong,)) == "wrong"
    assert account.outcome(spun, span, "company", ()) == "left"


@pytest.mark.parametrize(
    ("written", "original", "reach", "bar", "prob", "expected"),
    [
        ("folks", "people", "row_right", 2.0, 0.9, "gate_shut"),  # the word gate is shut
        ("folks", "people", "row_right", 0.5, 0.1, "under_bar"),
        ("folks", "people", "row_right", 0.5, 0.7, "over_bar"),
        ("however", "but", "no_row", 0.5, None, "stopword"),  # never read as a word row
        ("cash", "money", "row_wrong", 0.5, None, "gold_not_first"),  # the table holds it
        ("coverage", "policy", "row_wrong", 0.5, None, "gold_unreached"),  # no source does
        ("at the least", "at least", "multiword", 0.5, None, "two_word_original"),
    ],
)
def test_why_names_the_reason_of_a_cell(
    written: str, original: str, reach: str, bar: float, prob: float | None, expected: str
) -> None:
    assert account.why(written, original, reach, bar, prob) == expected


def test_why_reads_the_phrase_table_for_multiword_spans() -> None:
    got = account.why("by no means", "never", "multiword", 0.5, None)
    assert got == "phrase_holds"
    assert account.why("by no means", "seldom", "multiword", 0.5, None) == "phrase_lacks"
