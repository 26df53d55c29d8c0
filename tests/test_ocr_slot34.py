"""The slot reader reads prints up to Zipf 6, but never a print above Zipf 5 as a shorter word
(:data:`repair.candidates.ocr_slot.SHORTER_ZIPF`, issue 12, session 34, ocrshort34): "West Bank
land nominally" stays, "money to am one" reads "any"."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_slot
from repair.candidates.ocr_slot import slot_candidates
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page

LAND = "Israeli troops operating in West Bank land nominally under Palestinian control."


def _readings(text: str) -> dict[str, str]:
    return {c.features["orig"][0]: c.replacement for c in slot_candidates(tokenize(text), [])}


def test_the_shipped_bounds() -> None:
    assert ocr_slot.MAX_PRINT_ZIPF == 6.0 and ocr_slot.SHORTER_ZIPF == 4.5  # 5.0 until session 36


def test_a_common_print_is_not_read_as_a_shorter_word() -> None:
    assert _readings(LAND) == {}
    assert "West Bank land nominally" in repaired_after_page(LAND)[len(GARBLED) :]


def test_without_the_guard_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "SHORTER_ZIPF", 99.0)
    assert _readings(LAND) == {"land": "and"}


def test_longer_and_equal_readings_stay() -> None:
    assert _readings("He would not pay the money to am one but the true owner.") == {"am": "any"}
    assert "finish off its" in repaired_after_page("He could not finish oil its movements.")
