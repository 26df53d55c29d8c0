"""Session 40, ocrreach40: deep reach, words two to four glyph errors away (issue 12).

:mod:`repair.candidates.ocr_deepreach` (off by default) and the character 4-gram
spelling model it weighs a print with (:mod:`repair.score.char_ngrams`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_capswap, ocr_deepreach
from repair.pipeline import repair_text
from repair.score.char_ngrams import ORDER, padded, spelling_cost

PAGE = (
    "Tho prisoner, a youug man of twenty, was bouud ovor in the sum of £20 and ouo "
    "surety\nto keop tho peaco for six mouths. Tho Bench said tbat tho Cvideuco was "
    "clear, and\nthat tho dofendant had beeu warued boforo by tho police. His Worship "
    "addod that be would\nuot bo so lenieut on auothor occasiou, aud tho prisoner loft tho "
    "court with bis fatbor."
)


@pytest.fixture
def deep(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_deepreach, "DEEP_REACH", True)
    ocr_deepreach.deep_reading.cache_clear()
    yield
    ocr_deepreach.deep_reading.cache_clear()


def test_spelling_model_tells_garble_from_words() -> None:
    assert padded("Ab'c!") == "^" * (ORDER - 1) + "ab'c?$"
    for word, garble in (
        ("lismore", "llsmorr"),
        ("minister", "imimstor"),
        ("regiment", "rogmiont"),
    ):
        assert spelling_cost(word) + 5.0 < spelling_cost(garble)
    assert spelling_cost("Lismore") == spelling_cost("lismore")


def test_on_by_default_and_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_deepreach.DEEP_REACH is True
    monkeypatch.setattr(ocr_deepreach, "DEEP_REACH", False)
    assert ocr_deepreach.deep_candidates("Llsmorr") == []
    # session 57's first-glyph reader (ocr_capswap) reads "Cvideuco" too: off here
    monkeypatch.setattr(ocr_capswap, "CAP_SWAP", False)
    assert not any(e.original == "Cvideuco" for e in repair_text(PAGE).edits)


def test_deep_reading(deep: None) -> None:
    got = ocr_deepreach.deep_candidates("Llsmorr", 7)
    assert [(c.start, c.end, c.replacement) for c in got] == [(7, 14, "Lismore")]
    assert got[0].features["threshold"] == ocr_deepreach.THRESHOLD
    assert [c.replacement for c in ocr_deepreach.deep_candidates("cvideuco")] == ["evidence"]


def test_no_reading_of_words_and_shapes(deep: None) -> None:
    assert ocr_deepreach.deep_candidates("Lismore") == []  # a listed name
    assert ocr_deepreach.deep_candidates("evidence") == []  # a word
    assert ocr_deepreach.deep_candidates("LlsMorr") == []  # mixed case
    assert ocr_deepreach.deep_candidates("Lls") == []  # short


def test_capitals_only_with_upper(deep: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_deepreach.deep_candidates("KVOGLE") == []
    monkeypatch.setattr(ocr_deepreach, "UPPER", True)
    assert [c.replacement for c in ocr_deepreach.deep_candidates("KVOGLE")] == ["KYOGLE"]


def test_keep_and_ambiguity_margins(deep: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_deepreach, "KEEP_MARGIN", 40.0)  # the print spells well enough
    assert ocr_deepreach.deep_candidates("Llsmorr") == []
    ocr_deepreach.deep_reading.cache_clear()
    monkeypatch.setattr(ocr_deepreach, "KEEP_MARGIN", 10.0)
    monkeypatch.setattr(ocr_deepreach, "AMBIGUOUS", 30.0)  # every second reading is close
    assert ocr_deepreach.deep_candidates("Llsmorr") == []


def test_deep_reading_in_pipeline(deep: None) -> None:
    edits = repair_text(PAGE).edits
    assert [e.replacement for e in edits if e.original == "Cvideuco"] == ["Evidence"]


def test_no_reading_of_glued_words(deep: None) -> None:
    # "securinga" is "securing a": a glued word, not one misreading (the 100 k-word OCR
    # speed text read it "securing" without this guard)
    assert ocr_deepreach.merged("securinga")
    assert ocr_deepreach.deep_candidates("securinga") == []
    assert ocr_deepreach.deep_candidates("expecteda") == []
    assert not ocr_deepreach.merged("llsmorr")
