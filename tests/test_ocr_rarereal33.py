"""Rare real words read by the two-sided context (:mod:`repair.candidates.ocr_rarereal`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_rarereal
from repair.candidates.ocr import _period_word
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page

LINE = "Mr Yeatman is nuking efforts to raise the money."


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_rarereal, "RARE_REAL", True)
    monkeypatch.setattr(ocr_rarereal, "KEEP_PERIOD_WORDS", False)


def _readings(text: str) -> set[tuple[str, str]]:
    toks = tokenize(text)
    counts: dict[str, int] = {}
    for t in toks:
        counts[t.text] = counts.get(t.text, 0) + 1
    found = ocr_rarereal.rare_real_candidates(toks, counts, frozenset(), _period_word)
    return {(c.features["orig"][0], c.replacement) for c in found}


def test_shipped_off() -> None:
    assert ocr_rarereal.RARE_REAL is False
    assert _readings(LINE) == set()


def test_a_rare_real_word_is_read_by_its_context(on: None) -> None:
    assert ("nuking", "making") in _readings(LINE)


def test_only_rare_lower_case_words_printed_once(on: None) -> None:
    assert ocr_rarereal.applies("nuking", {"nuking": 1}, _period_word)
    assert not ocr_rarereal.applies("making", {}, _period_word)  # a common word
    assert not ocr_rarereal.applies("nuking", {"nuking": 2}, _period_word)  # the page repeats it
    assert not ocr_rarereal.applies("Nuking", {}, _period_word)  # capitalised
    assert not ocr_rarereal.applies("nuke", {}, _period_word)  # too short


def test_the_period_vocabulary_keeps_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_rarereal, "RARE_REAL", True)
    monkeypatch.setattr(ocr_rarereal, "KEEP_PERIOD_WORDS", True)
    assert _period_word("nuking")
    assert _readings(LINE) == set()


def test_a_rare_word_that_fits_its_context_stays(on: None) -> None:
    assert _readings("The sailors drank and sang a sea shanty on the deck.") == set()


def test_read_in_a_garbled_page(on: None) -> None:
    out = repaired_after_page(LINE)[len(GARBLED) :]
    assert "is making efforts" in out


def test_left_as_printed_when_off() -> None:
    out = repaired_after_page(LINE)[len(GARBLED) :]
    assert "is nuking efforts" in out


def test_a_word_other_readings_reach_is_read_only_over_them(
    on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    toks = tokenize(LINE)
    word = next(t for t in toks if t.text == "nuking")
    covered = frozenset({(word.start, word.end)})
    counts = {t.text: 1 for t in toks}
    assert ocr_rarereal.rare_real_candidates(toks, counts, covered, _period_word) == []
    monkeypatch.setattr(ocr_rarereal, "OVER_READINGS", True)
    found = ocr_rarereal.rare_real_candidates(toks, counts, covered, _period_word)
    assert [c.replacement for c in found] == ["making"]
