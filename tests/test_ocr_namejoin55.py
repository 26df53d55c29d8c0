"""Session 55, ocrnamejoin: a name or word cut by a stray space or line break that the page
never prints whole (:mod:`repair.candidates.ocr_namejoin`)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_namejoin
from repair.tokenize import tokenize


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The join switched on (shipped off: results-only, RESULTS.md session 55)."""
    monkeypatch.setattr(ocr_namejoin, "NAME_JOIN", True)


def _joins(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    got = ocr_namejoin.name_join_candidates(toks, counts)
    return sorted({(text[c.start : c.end], c.replacement) for c in got})


def test_exact_join_of_a_fragment_and_a_capitalised_tail() -> None:
    assert _joins("Herbert Coffev T Sgt Kev In John Connollj Gnr") == [("Kev In", "Kevin")]


def test_line_end_cut_read_as_listed_name() -> None:
    text = "the director of tho Zoological Gardens at Prank\nfort-on-the-Maine."
    assert _joins(text) == [("Prank\nfort", "Frankfort")]


def test_garbled_tail_read_as_listed_name() -> None:
    text = "will play at live eighth Hem\nmlngway University winger who toured"
    assert _joins(text) == [("Hem\nmlngway", "Hemmingway")]


@pytest.mark.parametrize(
    "text",
    [
        "In this suit Mary Alice Alexander (formerly",  # two names
        "and Red Indians, and Rose Marie (Miss Gwladys",
        "Kuring-gai Chase, West Head, Kuring-gai",  # a place of two words
        "a brilliant scholastic career. Ho won tho Coutts",  # two-letter head
        "30 a.m. Ho died in the hospital",
        "family was held at Bonni Beach oa Sunday last",  # short tail after a common word
        "What more could be done",  # two common words
        "Mr Pitt said so",
        "to Commemorate a victory",  # a one-letter word is no piece
    ],
)
def test_two_words_stay(text: str) -> None:
    assert _joins(text) == []


def test_pair_the_page_prints_twice_stays() -> None:
    text = "Gardens at Prank fort. Later at Prank fort again."
    assert _joins(text) == []


def test_reading_the_page_prints_is_the_page_joins() -> None:
    text = "Frankfort and Frankfort. The Gardens at Prank\nfort-on-the-Maine."
    assert _joins(text) == []


def test_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_namejoin, "NAME_JOIN", False)
    assert _joins("Herbert Coffev T Sgt Kev In John Connollj Gnr") == []
