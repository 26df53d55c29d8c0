"""Session 55 (ocrdigit, issue 12): letters read as digits by the table's counts and the
type's shapes, not the table's price (``repair/candidates/ocr_digitprior.py``).

A table learned elsewhere (book OCR) counts "S" -> 8 and "G" -> 6 a few times and prices
them at its rare-row floor: the figure readers then took "S" as 5 (a shape tie) and read
no "G" at a figure's edge.  Each test fails with its flag off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from repair.candidates import ocr_digitprior as dp
from repair.candidates.ocr_money import money_candidates
from repair.candidates.ocr_numshape import number_reading
from repair.candidates.ocr_numslot import numslot_candidates
from repair.score import ocr_table
from repair.score.ocr_table import CONFUSIONS, TABLES, profile_text
from repair.tokenize import tokenize

#: A foreign table: letter -> digit rows counted a few times, priced at the floor.
_ROWS = (
    ("S", "8", "6.50", "4"),
    ("G", "6", "6.50", "1"),
    ("B", "6", "6.50", "1"),
    ("I", "1", "0.30", "9"),
    ("e", "c", "1.00", "50"),
)


@pytest.fixture(autouse=True)
def _fresh_memos() -> Iterator[None]:
    """No reading memo built under a flipped flag outlives its test."""
    yield
    ocr_table._clear_caches()


@pytest.fixture
def foreign_table(tmp_path: Path) -> Iterator[None]:
    path = tmp_path / "foreign.profile"
    path.write_text(profile_text({CONFUSIONS: _ROWS}, ["test table"]), encoding="utf-8")
    assert CONFUSIONS in TABLES
    ocr_table.install(path)
    try:
        yield
    finally:
        ocr_table.install(None)


def _flags(monkeypatch: pytest.MonkeyPatch, **values: bool) -> None:
    for name, value in values.items():
        monkeypatch.setattr(dp, name, value)
    ocr_table._clear_caches()


def test_tie_order_counted_first() -> None:
    rows = (("5", 5.5), ("8", 5.51))
    out = dp.tie_order("S", rows, {"8": 4}, {"5": 0.850, "8": 0.849})
    assert out[0][0] == "8" and out[0][1] <= out[1][1]


def test_tie_order_keeps_a_far_or_cheap_row() -> None:
    # B is most like 8: a counted B -> 6 is no tie
    rows = (("8", 5.15), ("6", 5.96))
    assert dp.tie_order("B", rows, {"6": 1}, {"8": 0.885, "6": 0.804}) == rows
    # a learned price below any shape row decides
    rows = (("5", 0.3), ("8", 5.51))
    assert dp.tie_order("S", rows, {"8": 4}, {"5": 0.850, "8": 0.849}) == rows


def test_counted_alike() -> None:
    # the shipped table counts B -> 6 once, but "B" is most like 8: no reading
    assert dp.counted_alike("B") is None
    assert dp.counted_alike("G") == "6"


def test_number_shape_tie(foreign_table: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _flags(monkeypatch, COUNTED_TIES=True)
    assert number_reading("18S8") == "1888"
    _flags(monkeypatch, COUNTED_TIES=False)
    assert number_reading("18S8") == "1858"


def test_edge_capital(foreign_table: None, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "Orient (s.), 334 tons, Captain Bell; Wentworth (s.), 61G tons, Captain Butt."

    def read() -> list[tuple[str, str]]:
        return [(c.features["printed"], c.replacement) for c in numslot_candidates(tokenize(page))]

    _flags(monkeypatch, COUNTED_EDGE=True)
    assert read() == [("61G", "616")]
    assert dp.edge_digit("B") is None  # most like 8, only B -> 6 counted
    _flags(monkeypatch, COUNTED_EDGE=False)
    assert read() == []


def test_money_glyph(foreign_table: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "was fined 10s and 2s Gd costs"
    _flags(monkeypatch, COUNTED_MONEY=True)
    assert [(c.features["orig"][0], c.replacement) for c in money_candidates(text)] == [
        ("Gd", "6d")
    ]
    _flags(monkeypatch, COUNTED_MONEY=False)
    assert money_candidates(text) == []


def test_shipped_table_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the shipped table (which prices S -> 8 at 0.3) the readings are the same."""
    readings = {}
    for on in (True, False):
        _flags(monkeypatch, COUNTED_TIES=on, COUNTED_EDGE=on, COUNTED_MONEY=on)
        readings[on] = (number_reading("18S8"), number_reading("1S70"))
    assert readings[True] == readings[False] == ("1888", "1870")
