"""Session 44 (ocrxsrc44, issue 12): a speck glyph the marks table never learned ("»"
in a table learned from books alone) is read like the table's junk marks
(:data:`repair.candidates.ocr_glued.UNSEEN_JUNK`), not left as printed."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued, ocr_reach

#: A table whose only junk mark is "~" (a speck read as letters, dropped, never kept);
#: the full stop is punctuation, kept after a word.
ROWS = (
    ("~", "lead:_a", "=w", "12"),
    ("~", "lead:_a", "=s", "4"),
    ("~", "lead:_a", "drop", "6"),
    ("~", "trail:a_", "=s", "9"),
    ("~", "trail:a_", "drop", "5"),
    (".", "trail:a_", "keep", "300"),
    (".", "lead:_a", "drop", "40"),
)


def test_an_unseen_speck_backs_off_to_the_junk_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    model = ocr_glued.MarkModel(ROWS)
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", False)
    assert model.options("»", "lead:_a") == [("»", 0.0)]  # never seen: kept as printed
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    model = ocr_glued.MarkModel(ROWS)
    assert model.unseen_junk("»")
    assert not model.unseen_junk("~")  # learned on its own counts
    assert not model.unseen_junk("#")  # no speck glyph: English prints it
    assert not model.unseen_junk("{")  # typed in pairs
    read = dict(model.options("»", "lead:_a"))
    assert "w" in read and "" in read
    assert read["w"] < read[""]  # the junk marks' letters, in their odds
    assert model.probs("»", "trail:a_")["keep"] < 0.2  # not the full stop's odds
    assert model.letter_counts("»")["w"] == 12


def test_an_unseen_speck_is_rarely_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    model = ocr_glued.MarkModel(ROWS)
    monkeypatch.setattr(ocr_glued, "mark_model", lambda: model)
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    assert ocr_glued._rarely_kept("»")
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", False)
    assert not ocr_glued._rarely_kept("»")


def test_an_unseen_speck_is_read_as_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    model = ocr_glued.MarkModel(ROWS)
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)

    def readings() -> set[str]:
        ocr_glued.chunk_readings.cache_clear()
        return {t for t, _c, _thr in ocr_glued.chunk_readings("»as", model=model)}

    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", False)
    assert "was" not in readings()
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    assert "was" in readings()
    ocr_glued.chunk_readings.cache_clear()
