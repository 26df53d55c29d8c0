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
