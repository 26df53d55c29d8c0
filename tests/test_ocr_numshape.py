"""Letters and digits in one chunk read by the chunk's shape (repair/candidates/ocr_numshape.py)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_numshape
from repair.candidates.ocr_numshape import (
    drop_piece_readings,
    number_reading,
    numshape_candidates,
    word_readings,
)
from repair.candidates.ocr_rules import cand
from repair.pipeline import repair_text
from tests.ocr_page import GARBLED, OCR_ONLY, repaired_after_page


def test_number_with_a_misread_glyph_inside_is_read_as_a_number() -> None:
    assert number_reading("18S8") == "1888"
    assert number_reading("3i0,000") == "310,000"
    assert number_reading("l8") == "18"


def test_codes_and_addresses_stay() -> None:
    # a capital at a number's edge is a code or a house number, not a misread digit
    for chunk in ("G20", "4G", "12B", "12A", "B12"):
        assert number_reading(chunk) is None, chunk
    # two letters to one digit is no number
    assert number_reading("H2O") is None


def test_ordinal_suffix_follows_the_number() -> None:
    assert number_reading("31sl") == "31st"
    assert number_reading("2ud") == "2nd"
    # right suffixes and book formats stay
    for chunk in ("21st", "4th", "3rd", "4to", "4ft", "10s"):
        assert number_reading(chunk) is None, chunk


def test_digit_inside_a_word_is_read_as_a_letter() -> None:
    assert [w for w, *_ in word_readings("wa3")][:1] == ["was"]
    assert [w for w, *_ in word_readings("8ydnoy")][:1] == ["Sydney"]
    assert [w for w, *_ in word_readings("1t")][:1] == ["It"]


def test_short_chunks_read_only_as_common_words() -> None:
    assert word_readings("8vo") == ()  # octavo
    assert word_readings("1s") == ()  # a shilling


def test_number_glued_to_a_word_is_not_a_word() -> None:
    assert word_readings("1726ncros") == ()


def test_two_glyphs_next_to_marks_are_not_read_as_a_number() -> None:
    text = "Constat)C1» was there"
    assert [c.replacement for c in numshape_candidates(text, frozenset())] == []


def test_common_word_wins_over_a_number_of_two_glyphs() -> None:
    got = [c.replacement for c in numshape_candidates("It i3 wrong", frozenset())]
    assert got == ["is"]


def test_letter_piece_of_a_chunk_is_not_read_alone() -> None:
    text = "at 8ydnoy, on"
    piece = cand(4, 9, "sydney", "OCR_CONFUSION", finding="nonword")
    other = cand(0, 2, "At", "OCR_CONFUSION", finding="nonword")
    kept = drop_piece_readings([piece, other], text)
    assert [c.replacement for c in kept] == ["At"]


def test_garbled_page_repairs_numbers_and_words() -> None:
    out = repaired_after_page("The 1st of May, 18S8, he wa3 at home.\n")
    assert "1888" in out
    assert " was at home" in out
    assert "1st of May" in out


def test_clean_text_is_untouched() -> None:
    text = "The G20 met in 1888 and the 4to edition of MP3 players cost 1s. 6d. in 2021."
    assert repair_text(text, config=OCR_ONLY).text == text


@pytest.mark.parametrize("flag", [True, False])
def test_switch(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numshape, "NUMSHAPE", flag)
    out = repair_text(GARBLED + "In the year 18S8 it rained.\n", config=OCR_ONLY).text
    assert ("1888" in out) is flag


def test_units_codes_and_terms_stay_on_a_garbled_page() -> None:
    text = (
        "The IoT and iPhone data, pH 7.4, mRNA and COVID-19 tests on H2O, CO2, 4G, 5G, "
        "B12, A4 paper, 3D prints, the G20, MP3 files, 1s. 6d., 2nd and 21st, 4to and "
        "8vo, 10:30 a.m., 1,250,000 and 3.5 kg in 1888.\n"
    )
    assert repaired_after_page(text).endswith(text)
