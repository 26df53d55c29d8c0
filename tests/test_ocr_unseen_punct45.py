"""Session 45 (ocrxsrc45, issue 12): marks a table never learned.

* :data:`repair.candidates.ocr_glued.UNSEEN_PUNCT`: an ASCII punctuation mark the marks
  table saw fewer than 3 times (a glued "-" or "(" in a table learned from books alone)
  is re-read as a letter through the table's punctuation marks, never dropped;
* :data:`repair.candidates.ocr_glued.UNSEEN_SPECKS`: speck glyphs of other engines
  ("■", "¦", "•", "§") are read like unseen speck glyphs; typed symbols never are.
"""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued
from repair.pipeline import repair_text

#: A table learned from books: "!" a junk mark (read as "l"), the apostrophe and the full
#: stop punctuation (the apostrophe between letters sometimes an "r"); no hyphen.
ROWS = (
    ("!", "inner:aa", "=l", "20"),
    ("!", "trail:a_", "=l", "8"),
    ("!", "trail:a_", "keep", "2"),
    ("'", "inner:aa", "=r", "8"),
    ("'", "inner:aa", "keep", "40"),
    ("'", "trail:a_", "keep", "60"),
    (".", "trail:a_", "keep", "300"),
    (".", "lead:_a", "drop", "40"),
    (".", "inner:aa", "space", "30"),
)


def test_an_unseen_punctuation_mark_is_read_as_a_letter_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT", False)
    model = ocr_glued.MarkModel(ROWS)
    assert model.options("-", "inner:aa") == [("-", 0.0)]  # never seen: kept as printed
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT", True)
    model = ocr_glued.MarkModel(ROWS)
    read = dict(model.options("-", "inner:aa"))
    assert "r" in read  # the punctuation marks' letter, in their odds
    assert "" not in read and " " not in read  # never dropped nor spaced ("to-day")
    assert model.backoff("-") is model.punct_pool()
    assert model.backoff("'") is None  # learned on its own counts
    assert model.backoff("#") is None  # no ASCII punctuation of print


def test_a_compound_s_unseen_hyphen_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT", True)
    model = ocr_glued.MarkModel(ROWS)
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT_COMPOUND", False)
    assert ocr_glued._compound_mark("co-respondent", 2, model) is True
    ocr_glued.chunk_readings.cache_clear()
    assert ocr_glued.chunk_readings("co-respondent", model=model)
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT_COMPOUND", True)
    ocr_glued.chunk_readings.cache_clear()
    assert ocr_glued.chunk_readings("co-respondent", model=model) == []
    assert not ocr_glued._compound_mark("no-il", 2, model)  # no word after it
    ocr_glued.chunk_readings.cache_clear()


def test_a_learned_hyphen_keeps_its_own_fates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT", True)
    model = ocr_glued.MarkModel((*ROWS, ("-", "inner:aa", "space", "5")))
    assert model.backoff("-") is None
    assert " " in dict(model.options("-", "inner:aa"))


def test_other_engines_speck_glyphs_back_off_to_the_junk_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", False)
    model = ocr_glued.MarkModel(ROWS)
    assert not model.unseen_junk("■")
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", True)
    model = ocr_glued.MarkModel(ROWS)
    for glyph in "■▪●¦•§":
        assert model.unseen_junk(glyph), glyph
        assert "l" in dict(model.options(glyph, "trail:a_"))
    for typed in "®©™€£$±×÷°%@#&":
        assert not model.unseen_junk(typed), typed
        assert model.options(typed, "trail:a_") == [(typed, 0.0)]


def test_typed_glyphs_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", True)
    assert ocr_glued.typed_glyph("•Item", 0)
    assert ocr_glued.typed_glyph("§5", 0)
    assert not ocr_glued.typed_glyph("wa■", 2)
    assert not ocr_glued.typed_glyph("•ith", 0)
    assert ocr_glued.real_marks("§12") == frozenset({0})
    toks = ocr_glued.tokenize("Notes:\n•apples here\n•pears there\nwa• so")
    assert ocr_glued.page_typed_glyphs(toks) == frozenset("•")


#: A garbled page (a newspaper's "tho", "aftornoon") for the pipeline to read.
PAGE = (
    "Tho Council met yesterday aftornoon, when tho Mayor presided. It was rosolved that "
    "tho stroet be rcpaired at onco, and tho Town Clerk was instructed to writo to tho "
    "Government on tho subjoct of tho bridge. "
)


def test_a_speck_glyph_is_read_on_a_garbled_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = PAGE + "It was late, and tho ship ¦as gone."
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", False)
    _fresh()
    assert "¦as" in repair_text(text).text
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", True)
    _fresh()
    assert "ship was gone" in repair_text(text).text
    _fresh()


def _fresh() -> None:
    """Forget the marks model's and the readings' memos (a flag changed)."""
    ocr_glued.mark_model.cache_clear()
    ocr_glued.chunk_readings.cache_clear()


def test_typed_symbols_are_never_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", True)
    monkeypatch.setattr(ocr_glued, "UNSEEN_PUNCT", True)
    ocr_glued.chunk_readings.cache_clear()
    lines = (
        "The firm Acme® and Foo™ paid ©2020 rates of €5 ±3 at 30° and 4×2.",
        "•Apples are here",
        "•pears are there",
        "§5 of the act and §12 apply; see §Notes.",
    )
    text = PAGE + "\n" + "\n".join(lines)
    res = repair_text(text)
    for glyph in "®™©€±°×•§":
        assert res.text.count(glyph) == text.count(glyph), glyph
    assert not [e for e in res.edits if any(not ch.isalnum() for ch in e.original.strip())]
    ocr_glued.chunk_readings.cache_clear()
