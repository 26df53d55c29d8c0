"""The page's own specks (repair/candidates/ocr_pagemarks.py) counted into the marks model."""

from __future__ import annotations

from repair.candidates import ocr_glued, ocr_pagemarks
from repair.candidates.ocr_pagemarks import page_mark_rows
from repair.tokenize import tokenize


def test_a_mark_splitting_words_on_several_chunks_is_a_speck() -> None:
    rows = page_mark_rows(["gover§nment", "peo§ple", "wo§rk"], min_chunks=3)
    assert {(r[0], r[2]) for r in rows} == {("§", "drop")}


def test_too_few_distinct_chunks_give_no_evidence() -> None:
    # the same chunk twice is one piece of evidence
    assert page_mark_rows(["gover§nment", "gover§nment", "peo§ple"], min_chunks=3) == []


def test_word_marks_and_two_words_are_not_specks() -> None:
    chunks = ["well-known", "co-operation", "ne'er", "it's", "dog§house", "sun§set", "the§cat"]
    assert page_mark_rows(chunks, min_chunks=1) == []


def test_a_mark_read_as_one_letter() -> None:
    rows = page_mark_rows(["bu§lding", "bu§lding", "sta§ion", "ki§chen"], min_chunks=2)
    fates = {r[2] for r in rows}
    assert "=i" in fates and "=t" in fates


def test_page_rows_give_an_unseen_mark_options_without_changing_the_table(
    monkeypatch,  # noqa: ANN001
) -> None:
    # "§" as a mark no table learned: not read as another engine's speck glyph here
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", False)
    ocr_glued.mark_model.cache_clear()
    base = ocr_glued.mark_model()
    assert base.options("§", "inner:aa") == [("§", 0.0)]
    rows = (("§", "inner:aa", "drop", "6"),)
    page = base.with_rows(rows)
    assert ("", 0.0) not in page.options("§", "inner:aa")
    assert any(r == "" for r, _c in page.options("§", "inner:aa"))
    assert base.options("§", "inner:aa") == [("§", 0.0)]


def test_glued_candidates_read_the_page_speck(monkeypatch) -> None:  # noqa: ANN001
    text = "the gover§nment and the peo§ple will wo§rk on the buil§ding"
    monkeypatch.setattr(ocr_glued, "UNSEEN_SPECKS", False)  # "§": a mark no table learned
    ocr_glued.mark_model.cache_clear()
    ocr_glued.chunk_readings.cache_clear()
    monkeypatch.setattr(ocr_pagemarks, "MIN_CHUNKS", 3)
    on = {c.replacement for c in ocr_glued.glued_candidates(tokenize(text))}
    assert {"government", "people", "building"} <= on
    monkeypatch.setattr(ocr_glued, "PAGE_MARKS", False)
    off = {c.replacement for c in ocr_glued.glued_candidates(tokenize(text))}
    assert not off & {"government", "people", "building"}
    ocr_glued.mark_model.cache_clear()
    ocr_glued.chunk_readings.cache_clear()


def test_typeset_apostrophes_are_not_specks() -> None:
    assert page_mark_rows(["we\u2019ve", "they\u2019re", "I\u2019ve"], min_chunks=1) == []
