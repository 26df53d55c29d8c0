"""Capitalised tokens of garbled pages: common words read by the wide search, names kept."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr
from repair.candidates import ocr_capname, ocr_nameshape
from tests.ocr_page import repaired_after_page


def _after_page(text: str) -> str:
    return repaired_after_page(text).split("report. ", 1)[1]


def test_capital_wide_readings_reach_a_far_common_word() -> None:
    readings = [c.text for c, *_ in ocr.capital_wide_readings("Sccrctaiy", set())]
    assert "Secretary" in readings


def test_garbled_capitalised_word_is_read_far(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Sccrctaiy of the society said that the meeting was well attended."
    assert _after_page(text) == text.replace("Sccrctaiy", "Secretary")
    monkeypatch.setattr(ocr, "CAPITAL_WIDE", False)
    # the name-shape reading's listed name reads it too (session 36): off, to show this alone
    monkeypatch.setattr(ocr_nameshape, "LISTED_NAME", False)
    # ... and so does the far listed name ("Secretary" is a listed place; session 44)
    monkeypatch.setattr(ocr_capname, "FAR_NAME", False)
    assert "Secretary" not in _after_page(text)


def test_far_reading_not_in_a_names_place() -> None:
    # after a title the token is a surname's garble: no common word is read for it
    out = _after_page("The vessel left with Captain Sccrctaiy on board.")
    assert "Secretary" not in out
