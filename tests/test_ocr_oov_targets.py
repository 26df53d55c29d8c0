"""Words the correction targets lack (issue 12, session 23): closed compounds of two
common words, and rare words and names wordfreq's large list knows, one confusion away."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_compound, ocr_listedword, ocr_periodreach
from repair.candidates.ocr_compound import compound_candidates
from repair.candidates.ocr_listedword import listed_candidates
from repair.score.ocr_channel import is_target
from tests.ocr_page import GARBLED, repaired_after_page

PAGE = "The Frultgrowors met at the hall, and Mr. Slattory took the chair for the evening."


def test_the_words_are_no_correction_targets() -> None:
    # the point of both readings: no search over the targets can produce them
    assert not is_target("fruitgrowers") and not is_target("cubitt")


def test_a_garbled_closed_compound_is_read_as_two_common_words_joined() -> None:
    assert [c.replacement for c in compound_candidates("Frultgrowors")] == ["Fruitgrowers"]
    assert [c.replacement for c in compound_candidates("hotolkcopor")] == ["hotelkeeper"]


def test_a_compound_printed_right_or_unlisted_is_left() -> None:
    assert compound_candidates("storekeeper") == []  # two words joined already
    assert compound_candidates("Parkgrove") == []  # no list knows "Parkgrave" either
    assert compound_candidates("Coolamon") == []  # a place: "Coolamen" is in no list


def test_a_listed_name_one_confusion_away_is_read() -> None:
    assert [c.replacement for c in listed_candidates("Cubltt")] == ["Cubitt"]
    assert [c.replacement for c in listed_candidates("Chcgwidden")] == ["Chegwidden"]


def test_listed_readings_leave_listed_prints_and_word_pieces() -> None:
    assert listed_candidates("Balranald") == []  # no listed string one confusion away
    assert listed_candidates("Cubitt") == []  # the list knows the print itself
    assert listed_candidates("Industi") == []  # "Industr": a piece of "Industry"
    assert listed_candidates("felier") == []  # lower case: an old spelling, perhaps


def test_both_readings_on_a_garbled_page() -> None:
    out = repaired_after_page(PAGE)[len(GARBLED) :]
    assert "The Fruitgrowers met" in out and "Mr. Slattery took" in out, out


def test_both_readings_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_compound, "COMPOUND", False)
    monkeypatch.setattr(ocr_listedword, "LISTED", False)
    # the period lists' reading (session 38) also reaches "Slattery", a listed name
    monkeypatch.setattr(ocr_periodreach, "PERIOD_REACH", False)
    out = repaired_after_page(PAGE)[len(GARBLED) :]
    assert "Frultgrowors" in out and "Slattory" in out, out


def test_clean_text_keeps_its_rare_names() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    text = "The Coolamon and Balranald fruitgrowers met Mr. Chegwidden at the hall yesterday."
    config = RepairConfig(spin=False, tortured=False, mojibake=False)
    assert repair_text(text, config=config).text == text
