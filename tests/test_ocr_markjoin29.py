"""Short words broken by a stray mark (``repair.candidates.ocr_markjoin``, session 29)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_markjoin
from repair.candidates.ocr_markjoin import applies, mark_join_candidates, readings
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.test_ocr_wide import NEWSPAPER


@pytest.mark.parametrize(
    ("left", "sep", "right", "word"),
    [
        ("w", "-", "as", "was"),  # a one-letter piece: glyph_join's pieces have two or more
        ("a", "-", "nount", "amount"),  # a piece and a glyph confusion ("n" for "m")
        ("S", "-", "ervlce", "service"),
    ],
)
def test_a_short_word_broken_by_a_mark_has_its_reading(
    left: str, sep: str, right: str, word: str
) -> None:
    assert applies(left, sep, right)
    assert word in [w for w, _cost in readings(left, sep, right)]


def test_readings_are_few_cheap_and_common() -> None:
    got = readings("t", "-", "ourt")
    assert 0 < len(got) <= ocr_markjoin.READINGS
    assert "court" in [w for w, _ in got]
    costs = [c for _, c in got]
    assert costs == sorted(costs)
    assert all(c <= ocr_markjoin.COST_PER_GLYPH * len("t-ourt") for c in costs)


@pytest.mark.parametrize(
    ("left", "sep", "right"),
    [
        ("e", "-", "mail"),  # a compound: a known right piece of three letters or more
        ("x", "-", "ray"),
        ("to", "-", "day"),
        ("Botany", "-", "road"),  # a known left piece of four letters or more
        ("co", "-", "op"),  # two known pieces
        ("e", ".", "g"),  # an abbreviation
        ("a", ".", "m"),
        ("T", ".", "umlev"),  # an initial that lost its space
        ("U", "-", "S"),  # capitals
        ("Com", "-", "nittee"),  # glyph_join's own case
        ("II", ",", "known"),  # a space lost after a comma: "Frederick II,known" (not "Unknown")
        ("him", ".", "The"),
    ],
)
def test_compounds_abbreviations_and_initials_do_not_apply(left: str, sep: str, right: str) -> None:
    assert not applies(left, sep, right)


def test_candidates_skip_quotes_spaces_and_taken_spans() -> None:
    toks = tokenize("he w-as there")
    found = mark_join_candidates(toks, frozenset())
    assert [(c.replacement, c.start, c.end) for c in found][:1] == [("was", 3, 7)]
    assert mark_join_candidates(toks, frozenset({(3, 7)})) == []
    assert mark_join_candidates(tokenize("he w'as there"), frozenset()) == []
    assert mark_join_candidates(tokenize("he w- as there"), frozenset()) == []
    # a piece of a longer printed run ("first-class" printed "Ilr3t-clnss"): digits touch it
    assert mark_join_candidates(tokenize("he 3w-as there"), frozenset()) == []
    assert mark_join_candidates(tokenize("he w-as3 there"), frozenset()) == []


def test_a_heavy_page_reads_a_short_broken_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace("and ho was plcased", "and ho w-as plcased")
    assert "he was pleased" in repair_text(text).text
    monkeypatch.setattr(ocr_markjoin, "MARK_JOIN", False)
    assert "w-as" in repair_text(text).text


def test_clean_text_keeps_its_compounds_and_abbreviations() -> None:
    text = (
        "She sent an e-mail about the x-ray, i.e. the co-op's new T-shirt, at 9 a.m. "
        "today; the U.S. office was told to re-do it."
    )
    assert repair_text(text).text == text


def test_a_reading_keeps_the_printed_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markjoin, "COST_PER_GLYPH", 2.5)
    monkeypatch.setattr(ocr_markjoin, "KEEP_LETTERS", True)  # off by default (session 36)
    readings.cache_clear()
    try:
        got = [w for w, _ in readings("John", "^", "n")]
        assert "john" not in got and "johnson" in got  # "John^n": the n is a letter
        monkeypatch.setattr(ocr_markjoin, "KEEP_LETTERS", False)
        readings.cache_clear()
        assert "john" in [w for w, _ in readings("John", "^", "n")]
    finally:
        readings.cache_clear()


def test_long_words_without_a_clear_reading_only_when_switched_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not applies("Com", "-", "nittee")  # glyph_join's case
    monkeypatch.setattr(ocr_markjoin, "LONG_WORDS", True)
    assert applies("Com", "-", "nittee")


def test_a_shorter_reading_is_proposed_by_default() -> None:
    """Session 36: ``KEEP_LETTERS`` is off ("John^n" is "John" in the SMH gold)."""
    assert not ocr_markjoin.KEEP_LETTERS
    readings.cache_clear()
    try:
        assert "john" in [w for w, _ in readings("John", "^", "n")]
        assert "lie" in [w for w, _ in readings("lvi", ".", "o")]
    finally:
        readings.cache_clear()
