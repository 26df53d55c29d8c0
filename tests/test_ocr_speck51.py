"""Session 51 (ocrspeck, issue 12): a speck glyph the marks table never learned, glued to
the start or end of a complete common word, is dropped on the words' evidence
(:data:`repair.candidates.ocr_glued.TRAIL_SPECK_DROP`): the junk pool's odds (ICDAR's
"~" and "!", often kept) left "report*", "by_" and "pride*" as printed on a newspaper
whose specks the table never saw."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued, ocr_reach

#: A table whose only junk mark is "~", kept after a word about as often as dropped (so
#: the pool's odds alone never clear the marks-only bar); "." is punctuation.
ROWS = (
    ("~", "inner:aa", "=l", "20"),
    ("~", "inner:aa", "drop", "4"),
    ("~", "trail:a_", "keep", "6"),
    ("~", "trail:a_", "=s", "3"),
    ("~", "trail:a_", "drop", "5"),
    ("~", "lead:_a", "keep", "6"),
    ("~", "lead:_a", "drop", "5"),
    (".", "trail:a_", "keep", "300"),
    (".", "lead:_a", "drop", "40"),
)


def _readings(chunk: str, model: ocr_glued.MarkModel) -> dict[str, tuple[float, float]]:
    ocr_glued.chunk_readings.cache_clear()
    return {t: (c, thr) for t, c, thr in ocr_glued.chunk_readings(chunk, " ", model=model)}


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> ocr_glued.MarkModel:
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    return ocr_glued.MarkModel(ROWS)


def test_an_unseen_speck_on_a_word_is_dropped_only_with_the_flag(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "TRAIL_SPECK_DROP", False)
    for chunk in ("report*", "by_", "pride*,", "*report"):
        assert chunk.strip("*_,") not in _readings(chunk, model)  # the pool's odds fall short
    monkeypatch.setattr(ocr_glued, "TRAIL_SPECK_DROP", True)
    assert _readings("report*", model)["report"] == (0.0, ocr_glued.TRAIL_SPECK_BAR)
    assert "by" in _readings("by_", model)
    assert "pride," in _readings("pride*,", model)  # a comma after the glyph stays
    assert "report" in _readings("*report", model)  # glued to the word's start
    ocr_glued.chunk_readings.cache_clear()


def test_learned_marks_non_words_and_letters_are_left(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "TRAIL_SPECK_DROP", True)
    assert "report" not in _readings("report~", model)  # "~" is read on its own counts
    assert not ocr_glued._edge_speck_word("t^", model)  # one letter is no word
    assert not ocr_glued._edge_speck_word("rqpxt*", model)  # nor a non-word
    assert not ocr_glued._edge_speck_word("re*port", model)  # inside: the letters decide
    assert not ocr_glued._edge_speck_word("later>", model)  # a typed pair glyph
    assert ocr_glued._edge_speck_word("report*.", model)
    ocr_glued.chunk_readings.cache_clear()


def test_page_votes_from_unambiguous_chunks_only(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glued, "PAGE_VOTE_MIN_CHUNKS", 2)
    chunks = ["\\ith", "\\hich", "ha\\e"]  # with, which: only "w"; "ha\\e": have, hale, ...
    monkeypatch.setattr(ocr_glued, "PAGE_VOTE_UNIQUE", False)
    shared = {r[2] for r in ocr_glued.page_vote_rows(chunks, model)}
    monkeypatch.setattr(ocr_glued, "PAGE_VOTE_UNIQUE", True)
    unique = {r[2] for r in ocr_glued.page_vote_rows(chunks, model)}
    assert unique == {"=w"}
    assert shared > unique  # the ambiguous run shares its vote among its letters
    assert ocr_glued.page_vote_rows(["\\ith", "ha\\e"], model) == []  # one agreeing chunk
