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


BRITISH = "The colour of the centre was organised by the recognlsanco board."
AMERICAN = "The color of the center was organized by the recognlsanco board."


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", True)


def test_a_british_page_moves_an_american_reading_to_the_british_form(on: None) -> None:
    cand = _reading(BRITISH, "recognlsanco", "recognizance")
    starts, gb, us = page_variety(_words(BRITISH), [cand])
    assert (gb[-1], us[-1]) == (3, 0)
    (moved,) = move_to_page_variety(BRITISH, _words(BRITISH), [cand])
    assert moved.replacement == "recognisance"
    assert "3 British / 0 American" in moved.features["variety"]


def test_the_switch_off_keeps_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", False)
    cand = _reading(BRITISH, "recognlsanco", "recognizance")
    assert move_to_page_variety(BRITISH, _words(BRITISH), [cand]) == [cand]


def test_an_american_page_or_a_page_of_neither_keeps_the_reader_s_choice(on: None) -> None:
    cand = _reading(AMERICAN, "recognlsanco", "recognizance")
    assert move_to_page_variety(AMERICAN, _words(AMERICAN), [cand])[0].replacement == "recognizance"
    plain = "The board met at noon about the recognlsanco."
    cand = _reading(plain, "recognlsanco", "recognizance")
    assert move_to_page_variety(plain, _words(plain), [cand]) == [cand]


def test_an_american_page_moves_a_british_reading_and_drops_a_duplicate(on: None) -> None:
    text = "The color of the center was organized by the labonr party."
    gb = _reading(text, "labonr", "labour")
    us = _reading(text, "labonr", "labor")
    assert move_to_page_variety(text, _words(text), [gb, us]) == [us]
    (moved,) = move_to_page_variety(text, _words(text), [gb])
    assert moved.replacement == "labor"


def test_words_the_candidates_touch_do_not_vote_and_printed_words_are_not_moved(on: None) -> None:
    text = "The color of the recognlsanco colour was organised."
    cand = _reading(text, "recognlsanco", "recognizance")
    keep = _reading(text, "color", "color")  # a no-op reading of a printed word
    _starts, gb, us = page_variety(_words(text), [cand, keep])
    assert (gb[-1], us[-1]) == (2, 0)
    out = move_to_page_variety(text, _words(text), [cand, keep])
    assert [c.replacement for c in out] == ["recognisance", "color"]


def test_different_words_the_rules_relate_are_no_pair() -> None:
    for british, american in (("prise", "prize"), ("scoured", "scored"), ("amour", "amor")):
        assert ocr_variety._variant(american, True) != british
        assert ocr_variety._variant(british, False) != american


def test_a_capitalised_reading_or_a_mixed_neighbourhood_keeps_the_reader_s_choice(on: None) -> None:
    cand = _reading(BRITISH, "recognlsanco", "Recognizance")  # "Labor" may be a name
    assert move_to_page_variety(BRITISH, _words(BRITISH), [cand]) == [cand]
    mixed = "The colour of the center was organised by the recognlsanco board."
    titled = "His Honor said the colour was organised by the recognlsanco board."
    cand = _reading(titled, "recognlsanco", "recognizance")
    assert move_to_page_variety(titled, _words(titled), [cand])[0].replacement == "recognisance"
    cand = _reading(mixed, "recognlsanco", "recognizance")
    assert move_to_page_variety(mixed, _words(mixed), [cand]) == [cand]


def test_only_the_words_near_a_reading_vote(on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_variety, "WINDOW", 5)
    text = "The colour was organised. " + "Then we went home. " * 4 + "A recognlsanco."
    cand = _reading(text, "recognlsanco", "recognizance")
    assert move_to_page_variety(text, _words(text), [cand]) == [cand]
    monkeypatch.setattr(ocr_variety, "WINDOW", 200)
    assert move_to_page_variety(text, _words(text), [cand])[0].replacement == "recognisance"


def test_a_reading_that_only_joins_the_printed_letters_is_not_moved(on: None) -> None:
    text = "The colour of the centre was organised; officials have sign-\naled it."
    cand = _reading(text, "sign-\naled", "signaled")
    assert move_to_page_variety(text, _words(text), [cand]) == [cand]


def test_a_garbled_page_reads_the_british_form_without_the_page_guard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.score import ocr_usspell
    from tests.ocr_page import GARBLED, repaired_after_page
    from tests.test_ocr_usspell import GB_PAGE

    monkeypatch.setattr(ocr_usspell, "PAGE_GUARD", False)
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", True)
    assert "the labour party" in repaired_after_page(GB_PAGE)[len(GARBLED) :]
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", False)
    assert "the labor party" in repaired_after_page(GB_PAGE)[len(GARBLED) :]
