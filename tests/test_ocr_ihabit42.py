"""Session 42 (issue 12): a page that reads word-initial i as I ("went In the house")
lowers other capital I-words between lower-case words (``ocr_ihabit.I_HABIT``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_case, ocr_ihabit
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED

# the page's habit: "In"/"Is" inside sentences, between lower-case words
HABIT = "The horses were kept In the yard and the price Is fixed In the town. "
NONE = "The horses were kept in the yard and the price is fixed in the town. "


def _case(text: str, word: str, garbled: bool = True) -> list[str]:
    """The casing candidates of the last ``word`` of ``text`` (after the garbled page)."""
    toks = tokenize(GARBLED + text)
    k = max(k for k, t in enumerate(toks) if t.text == word)
    found = ocr_case.case_candidates(toks, k, frozenset(), {}, garbled=garbled)
    return [c.replacement for c in found]


def test_page_habit_counts_function_words_between_lower_case_words() -> None:
    assert ocr_ihabit.page_habit(tokenize(HABIT)) == 3
    assert ocr_ihabit.page_habit(tokenize(NONE)) == 0
    # a capital after a mark or before a capital is not counted
    assert ocr_ihabit.page_habit(tokenize("the end. In the town In Sydney")) == 0


def test_habit_page_lowers_a_word_period_text_sometimes_capitalises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = HABIT + "The authorities in Issuing the order were right."
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", True)
    assert _case(text, "Issuing") == ["issuing"]
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", False)
    assert _case(text, "Issuing") == []  # period text capitalises it 18 % of the time


def test_no_habit_no_change(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", True)
    assert _case(NONE + "The authorities in Issuing the order were right.", "Issuing") == []
    # nor on a page the gate reads as clean
    assert _case(HABIT + "The authorities in Issuing the order.", "Issuing", garbled=False) == []


def test_habit_page_keeps_names_and_name_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", True)
    # capitalised in period text
    assert _case(HABIT + "He met an Indian prince there.", "Indian") == []
    assert _case(HABIT + "He met the Irish Guards there.", "Irish") == []
    assert _case(HABIT + "The Minister for Issuing Licences said.", "Issuing") == []


def test_capital_function_word_after_counts_as_lower_case(monkeypatch: pytest.MonkeyPatch) -> None:
    text = HABIT + "The participating charities Incorporated In the fund met."
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", True)
    assert _case(text, "Incorporated") == ["incorporated"]
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", False)
    assert _case(text, "Incorporated") == []


WRAPPED = (
    "The horses were kept In the yard and\nthe price Is fixed In the town by\n"
    "the owner of the land who\nlives there with his wife and\nchildren, and he has led\n"
    "a retired life. He\nIs survived by a widow and\nthree sons of the district.\n"
)


def test_habit_page_line_start_after_a_capital_line_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", True)
    assert _case(WRAPPED, "Is") == ["is"]  # "He⏎Is survived"
    monkeypatch.setattr(ocr_ihabit, "HABIT_LINE_END", False)
    assert _case(WRAPPED, "Is") == []
    monkeypatch.setattr(ocr_ihabit, "HABIT_LINE_END", True)
    monkeypatch.setattr(ocr_ihabit, "I_HABIT", False)
    assert _case(WRAPPED, "Is") == []


def test_defaults() -> None:
    assert ocr_ihabit.I_HABIT and ocr_ihabit.HABIT_LINE_END and ocr_ihabit.HABIT_UNSEEN
    assert ocr_ihabit.HABIT_MIN == 2


def test_habit_page_lowers_a_word_period_text_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    text = HABIT + "The body lies at the cemetery, where the Interment will be made."
    monkeypatch.setattr(ocr_ihabit, "HABIT_UNSEEN", True)
    assert _case(text, "Interment") == ["interment"]
    monkeypatch.setattr(ocr_ihabit, "HABIT_UNSEEN", False)
    assert _case(text, "Interment") == []
