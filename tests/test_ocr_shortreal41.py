"""Short real words beside a number or a quoted word (issue 12, session 41):
:data:`repair.candidates.ocr_shortreal.MARKED_NEIGHBOURS`."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_shortreal
from repair.candidates.ocr_shortreal import short_nonword_candidates, short_real_candidates
from repair.tokenize import tokenize


def _at(text: str, word: str) -> tuple[list, int]:
    toks = tokenize(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


def _read(text: str, word: str) -> list[str]:
    toks, i = _at(text, word)
    return [c.replacement for c in short_real_candidates(toks, i, [], heavy=True)]


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortreal, "MARKED_NEIGHBOURS", True)


def test_off_by_default_a_number_beside_the_print_stops_the_reading() -> None:
    assert ocr_shortreal.MARKED_NEIGHBOURS is False
    assert _read("improved, and roi 10 minutes kept up", "roi") == []


def test_a_number_after_the_print_is_a_neighbour(marked: None) -> None:
    assert "for" in _read("improved, and roi 10 minutes kept up", "roi")


def test_a_number_before_the_print_is_a_neighbour(marked: None) -> None:
    assert "the" in _read("on page 10 tie use of it", "tie")


def test_an_opening_quote_glued_to_a_word_after_the_print(marked: None) -> None:
    # "tie'" is a known form, but a quote joins nothing: no split piece
    assert "the" in _read("passed, and\ntie 'additional memorandum would", "tie")


def test_no_reading_next_to_an_initial_an_edge_or_a_lone_mark(marked: None) -> None:
    assert _read("of the J ant Stock Banking", "ant") == []
    assert _read("tie 10 of the hall", "tie") == []
    assert _read("and tie ' of the hall", "tie") == []
    assert _read("and tie - of the hall", "tie") == []


def test_still_no_split_piece_with_a_word_on_the_other_side(marked: None) -> None:
    # "be fore": "before" is a word the splits join, a number after it or not
    assert ocr_shortreal.short_real_readings("fore")
    assert _read("it was be fore 10 o'clock", "fore") == []


def test_non_words_have_their_own_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    toks, i = _at("and onb 10 of the best", "onb")
    feats = {"finding": "nonword", "orig": ["onb"]}
    monkeypatch.setattr(ocr_shortreal, "MARKED_NEIGHBOURS", True)
    assert short_nonword_candidates(toks, i, [], feats) == []
    monkeypatch.setattr(ocr_shortreal, "MARKED_NEIGHBOURS_NONWORDS", True)
    assert "one" in [c.replacement for c in short_nonword_candidates(toks, i, [], feats)]
