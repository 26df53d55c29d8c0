"""The slot reader can read prints up to Zipf 6 (:data:`repair.candidates.ocr_slot.MAX_PRINT_ZIPF`,
issue 12, session 33, ocrgap33): "money to am one" -> "any". Shipped at 5.0: at 6.0 a correct
"land" between "West Bank" and "nominally" reads "and".  Session 34 ships 6.0 with no shorter
reading of a print above Zipf 5 (:data:`repair.candidates.ocr_slot.SHORTER_ZIPF`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_slot
from repair.candidates.ocr_slot import slot_candidates
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page


def _readings(text: str) -> dict[str, str]:
    return {c.features["orig"][0]: c.replacement for c in slot_candidates(tokenize(text), [])}


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "MAX_PRINT_ZIPF", 6.0)


def test_a_print_between_zipf_5_and_6_is_read(wide: None) -> None:
    assert _readings("He would not pay the money to am one but the true owner.") == {"am": "any"}


def test_the_old_bound_left_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "MAX_PRINT_ZIPF", 5.0)
    assert _readings("He would not pay the money to am one but the true owner.") == {}


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("He would not pay the money to am one but the true owner.", "to any one"),
        ("The money won alleged to be missing from the office.", "money was alleged"),
        ("He could not finish oil its movements in time.", "finish off its"),
    ],
)
def test_read_in_a_garbled_page(wide: None, text: str, expect: str) -> None:
    assert expect in repaired_after_page(text)[len(GARBLED) :]


def test_the_commonest_words_and_fitting_prints_stay(wide: None) -> None:
    assert _readings("the bulk of he new crop") == {}  # "he" (Zipf above 6)
    assert _readings("He said he won the race and the oil was sold.") == {}


def test_the_old_bound_keeps_a_correct_noun_the_wide_one_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 33's bounds; the shipped 6.0 keeps it by ``SHORTER_ZIPF`` (test_ocr_slot34)."""
    text = "Israeli troops operating in West Bank land nominally under Palestinian control."
    monkeypatch.setattr(ocr_slot, "MAX_PRINT_ZIPF", 5.0)
    monkeypatch.setattr(ocr_slot, "SHORTER_ZIPF", 99.0)
    assert "West Bank land nominally" in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(ocr_slot, "MAX_PRINT_ZIPF", 6.0)
    assert "West Bank and nominally" in repaired_after_page(text)[len(GARBLED) :]
