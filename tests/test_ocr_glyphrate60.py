"""Session 60 (ocrproxy, issue 12): a page's own keep rate of a speck glyph its marks table
never learned (:mod:`repair.candidates.ocr_glyphrate`, ``GLYPH_KEEP_RATE``).  A page that
prints "«" where no English mark stands (between letters, at the head of a non-word) reads
its "«" glued to a complete word ("building«") as a letter more cheaply; a page that prints
"«" only at words' edges (quotes) does not."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_glued, ocr_glyphrate, ocr_reach
from repair.tokenize import tokenize
from tests.test_ocr_speck51 import ROWS as SPECK51_ROWS

#: A table whose only junk mark is "~" (so "«" is read through its pool), kept after a
#: word about as often as read as a letter; "." and "," are punctuation.
#: (``test_ocr_speck51``'s table with a "," row.)
ROWS = (*SPECK51_ROWS, (",", "trail:a_", "keep", "300"))

#: A garbled page that prints "«" inside words and before non-words, and once on a word.
SPECK_PAGE = (
    "The new building« were put up by gover«nment men, and «ith them the peo«ple came.\n"
    "They said «aid that the hou«e was sold, and the wor«men left the town.\n"
)
#: A page that prints "«" only as quotation marks at words' edges.
QUOTE_PAGE = (
    "He said «hello» and «thanks» to the men, and «goodbye» when the building« was sold.\n"
    "The people came, and the men left the town.\n"
)


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> ocr_glued.MarkModel:
    monkeypatch.setattr(ocr_glued, "UNSEEN_JUNK", True)
    monkeypatch.setattr(ocr_glued, "UNSEEN_WORD_LETTERS", True)
    monkeypatch.setattr(ocr_reach, "EDGE_LETTERS", True)
    base = ocr_glued.MarkModel(ROWS)
    monkeypatch.setattr(ocr_glued, "mark_model", lambda: base)
    ocr_glued._PAGE_MODELS.clear()
    ocr_glued.chunk_readings.cache_clear()
    yield base
    ocr_glued._PAGE_MODELS.clear()
    ocr_glued.chunk_readings.cache_clear()


def _cost(text: str, chunk: str, reading: str) -> float | None:
    """The cost of ``reading`` of ``chunk`` among the page's glued-mark candidates."""
    toks = tokenize(text)
    start = text.index(chunk)
    for c in ocr_glued.glued_candidates(toks, heavy=True):
        if c.start == start and c.replacement == reading:
            return float(c.features["cost"])
    return None


def test_a_speck_page_reads_its_glyph_on_a_word_as_a_letter_more_cheaply_only_with_the_flag(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glyphrate, "GLYPH_KEEP_RATE", False)
    off = _cost(SPECK_PAGE, "building«", "buildings")
    monkeypatch.setattr(ocr_glyphrate, "GLYPH_KEEP_RATE", True)
    ocr_glued._PAGE_MODELS.clear()
    ocr_glued.chunk_readings.cache_clear()
    on = _cost(SPECK_PAGE, "building«", "buildings")
    assert off is not None and on is not None
    shift = ocr_glued.page_model(tokenize(SPECK_PAGE)).glyph_shifts["«"]  # type: ignore[union-attr]
    assert shift > 2.0
    assert on == pytest.approx(off - shift)


def test_a_page_that_prints_the_glyph_as_quotes_keeps_the_table_odds(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    monkeypatch.setattr(ocr_glyphrate, "GLYPH_KEEP_RATE", True)
    page = ocr_glued.page_model(tokenize(QUOTE_PAGE))
    assert page is None or not page.glyph_shifts
    real = ocr_glyphrate.real_marks(model.by_mark)
    assert real == frozenset(".,")
    chunks = [c for c in QUOTE_PAGE.split() if not c.isalnum()]
    assert ocr_glyphrate.page_keep_shifts(chunks, real) == {}


def test_the_shift_reads_only_a_glyph_on_a_complete_word(
    monkeypatch: pytest.MonkeyPatch, model: ocr_glued.MarkModel
) -> None:
    page = model.with_rows(())
    page.glyph_shifts = {"«": 3.0}
    ocr_glued.chunk_readings.cache_clear()
    plain = dict((t, c) for t, c, _ in ocr_glued.chunk_readings("building«", " ", model))
    shifted = dict((t, c) for t, c, _ in ocr_glued.chunk_readings("building«", " ", page))
    assert shifted["buildings"] == pytest.approx(plain["buildings"] - 3.0)
    # not a garbled run ("wa«": no word as printed), not a two-letter word ("of«")
    for chunk in ("wa«", "of«", "gover«nment"):
        assert ocr_glued.chunk_readings(chunk, " ", model) == ocr_glued.chunk_readings(
            chunk, " ", page
        )


def test_the_page_noise_floor() -> None:
    # the glyph lands inside words no more often than the page's own commas do: no shift
    noisy = ["v,ill", "th,e", "sa,id", "gover«nment", "wa«", "the«", "and«", "was,", "the,"]
    assert ocr_glyphrate.page_keep_shifts(noisy, frozenset(","), lambda ch: ch == "«") == {}
    clean = ["was,", "the,", "and,", "gover«nment", "«ith", "peo«ple", "the«"]
    shift = ocr_glyphrate.page_keep_shifts(clean, frozenset(","), lambda ch: ch == "«")
    assert 0 < shift["«"] <= ocr_glyphrate.MAX_SHIFT
