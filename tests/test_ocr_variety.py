"""A garbled word read in the page's own spelling variety (issue 12, session 65 ocrbrit)."""

from __future__ import annotations

import re

import pytest

from repair.candidates import ocr_variety
from repair.candidates.ocr_variety import move_to_page_variety, page_variety
from repair.types import Candidate, Token


def _words(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), "word") for m in re.finditer(r"[A-Za-z]+", text)]


def _reading(text: str, printed: str, replacement: str) -> Candidate:
    start = text.index(printed)
    return Candidate(start, start + len(printed), replacement, "ocr", "OCR_CONFUSION", {})


BRITISH = "The colour of the centre was organised by the Recognlsanco board."
AMERICAN = "The color of the center was organized by the Recognlsanco board."


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", True)


def test_a_british_page_moves_an_american_reading_to_the_british_form(on: None) -> None:
    cand = _reading(BRITISH, "Recognlsanco", "Recognizance")
    assert page_variety(_words(BRITISH), [cand]) == (3, 0)
    (moved,) = move_to_page_variety(BRITISH, _words(BRITISH), [cand])
    assert moved.replacement == "Recognisance"
    assert "3 British / 0 American" in moved.features["variety"]


def test_the_switch_off_keeps_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", False)
    cand = _reading(BRITISH, "Recognlsanco", "Recognizance")
    assert move_to_page_variety(BRITISH, _words(BRITISH), [cand]) == [cand]


def test_an_american_page_or_a_page_of_neither_keeps_the_reader_s_choice(on: None) -> None:
    cand = _reading(AMERICAN, "Recognlsanco", "Recognizance")
    assert move_to_page_variety(AMERICAN, _words(AMERICAN), [cand])[0].replacement == "Recognizance"
    plain = "The board met at noon about the Recognlsanco."
    cand = _reading(plain, "Recognlsanco", "Recognizance")
    assert move_to_page_variety(plain, _words(plain), [cand]) == [cand]


def test_an_american_page_moves_a_british_reading_and_drops_a_duplicate(on: None) -> None:
    text = "The color of the center was organized by the Labonr party."
    gb = _reading(text, "Labonr", "Labour")
    us = _reading(text, "Labonr", "Labor")
    assert move_to_page_variety(text, _words(text), [gb, us]) == [us]
    (moved,) = move_to_page_variety(text, _words(text), [gb])
    assert moved.replacement == "Labor"


def test_words_the_candidates_touch_do_not_vote_and_printed_words_are_not_moved(on: None) -> None:
    text = "The color of the Recognlsanco colour was organised."
    cand = _reading(text, "Recognlsanco", "Recognizance")
    keep = _reading(text, "color", "color")  # a no-op reading of a printed word
    assert page_variety(_words(text), [cand, keep]) == (2, 0)
    out = move_to_page_variety(text, _words(text), [cand, keep])
    assert [c.replacement for c in out] == ["Recognisance", "color"]


def test_different_words_the_rules_relate_are_no_pair() -> None:
    for british, american in (("prise", "prize"), ("scoured", "scored"), ("amour", "amor")):
        assert ocr_variety._variant(american, True) != british
        assert ocr_variety._variant(british, False) != american
