"""The reverse reading of words the first reading kept no row for
(repair.stages.spin.rowless_reverse_rows); issue 11, session 37 (spinbot37)."""

from __future__ import annotations

import pytest

import repair.stages.spin as spin
from repair.candidates.spin_mobyrev import reverse_originals
from repair.document import Document
from repair.score.spin_evidence import candidates_for

# spinbot (dev) writes "atmospheric" for "light": the written word has no first candidate
LAMP = (
    "She turned on the atmospheric in the kitchen. The atmospheric was too dim to read by, "
    "so he bought a brighter atmospheric bulb."
)


def test_a_rowless_word_has_reverse_originals_only() -> None:
    assert candidates_for("atmospheric") == ()
    assert "light" in reverse_originals("atmospheric")
    d = spin.STAGE.detect(Document(LAMP))
    assert not any(w.written == "atmospheric" for w in d.words)


def test_rowless_rows_restore_a_word_without_first_candidates() -> None:
    doc = Document(LAMP)
    d = spin.STAGE.detect(doc)
    rows = spin.rowless_reverse_rows(doc, d, [], 0.5)
    assert rows and all(c.replacement == "light" for c in rows)
    assert all(doc.text[c.start : c.end] == "atmospheric" for c in rows)
    assert all(c.features["reverse_rowless"] and c.features["word_bar"] == 0.5 for c in rows)
    assert all(c.features["model_probability"] >= 0.5 for c in rows)
    # a word under an edit is not read
    start = rows[0].start
    edit = spin.Edit(start, 11, "atmospheric", "light", "spin", 0.9, "SPIN_SYNONYM", "", {})
    assert all(c.start != start for c in spin.rowless_reverse_rows(doc, d, [edit], 0.5))


def test_rowless_rows_are_decided_at_a_lower_bar_where_given() -> None:
    doc = Document(LAMP)
    d = spin.STAGE.detect(doc)
    rows = spin.rowless_reverse_rows(doc, d, [], 0.5, 0.3)
    assert rows and all(c.features["word_bar"] == 0.3 for c in rows)
    low = spin.rowless_reverse_rows(doc, d, [], 0.2, 0.3)  # never above the document's bar
    assert low and all(c.features["word_bar"] == 0.2 for c in low)
    assert spin.rowless_reverse_rows(doc, d, [], 0.99) == []


def test_the_lower_bar_needs_the_reverse_habit(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(LAMP)
    d = spin.STAGE.detect(doc)
    seen: list[float | None] = []
    monkeypatch.setattr(spin, "REVERSE_ROWLESS", True)
    monkeypatch.setattr(spin, "rowless_reverse_rows", lambda *a: seen.append(a[4]) or [])
    monkeypatch.setattr(spin, "REVERSE_ROWLESS_ROWS", 0)
    spin.reverse_reading(doc, d, [], 0.5)
    monkeypatch.setattr(spin, "REVERSE_ROWLESS_ROWS", 1000)  # a habit the document lacks
    spin.reverse_reading(doc, d, [], 0.5)
    assert seen == [spin.REVERSE_ROWLESS_BAR, None]


def test_the_reverse_reading_adds_them_only_with_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document(LAMP)
    d = spin.STAGE.detect(doc)
    assert not spin.REVERSE_ROWLESS  # shipped: off
    assert not any(c.features.get("reverse_rowless") for c in spin.reverse_reading(doc, d, [], 0.5))
    monkeypatch.setattr(spin, "REVERSE_ROWLESS", True)
    assert any(c.features.get("reverse_rowless") for c in spin.reverse_reading(doc, d, [], 0.5))
    monkeypatch.setattr(spin, "REVERSE_ROWLESS", False)
    assert not any(c.features.get("reverse_rowless") for c in spin.reverse_reading(doc, d, [], 0.5))
