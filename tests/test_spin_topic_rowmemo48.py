"""``spin_topic.row_topic_gains`` reads a row whose gains are all remembered without
building its context, and gives the floats :func:`topic_gain` gives, row memo full,
partly full or empty (issue 14, session 48)."""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import spin_topic

TEXT = (
    "The bank raised its interest rate on every loan, and the market fell. "
    "Credit grew scarce; the river of money that fed the boom ran dry. "
    "Judges and police said the crime wave in the market was over. "
) * 6
ROWS = [("bank", ["money", "river", "credit", "money"], 4), ("market", ["court", "trial"], 100)]


def _one_by_one(doc: Document) -> list[list[float]]:
    spin_topic._keys.clear()
    return [[spin_topic.topic_gain(doc, w, o, s) for o in row] for w, row, s in ROWS]


def test_rows_equal_the_gains_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    want = _one_by_one(doc)
    assert any(g != 0.0 for row in want for g in row)
    spin_topic._keys.clear()
    assert [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in ROWS] == want  # empty memo
    spin_topic._keys.clear()
    spin_topic.topic_gain(doc, "bank", "river", 4)  # partly remembered
    assert [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in ROWS] == want

    def no_context(*_a: object) -> set[str]:
        raise AssertionError("a remembered row built its context")

    monkeypatch.setattr(spin_topic, "context_keys", no_context)  # all remembered
    assert [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in ROWS] == want
    assert spin_topic.row_topic_gains(doc, "bank", [], 4) == []
    spin_topic._keys.clear()
