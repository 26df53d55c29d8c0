"""Session 37 (issue 12): a lost full stop before "If"/"In" on a page without the capital
habit, "nil." read in its own sentence, never-capitalised period words lowered, one
printed-name rule for the page-habit reader."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_break, ocr_case, ocr_pagehabit, ocr_realword
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page

# a page that prints "in", "is", "if" in lower case (no capital habit), then "affair If"
BODY = (
    "The case is in the hands of the police and it is in order. The doctor is in town and "
    "the inquiry is still in progress, if the weather is fine. Nothing is known in the "
    "district, and the man is in custody. No one could connect anyone with the affair If the "
    "result of the analysis is known the police will act."
)


def _at(text: str, word: str) -> tuple[list, int]:
    toks = tokenize(GARBLED + text)
    return toks, next(k for k, t in enumerate(toks) if t.text == word)


def test_cased_word_after_a_lost_stop_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_break.dropped_full_stop(*_at(BODY, "If"))
    monkeypatch.setattr(ocr_break, "CASED_STOP", False)
    assert not ocr_break.dropped_full_stop(*_at(BODY, "If"))


def test_a_page_with_the_capital_habit_lowers_as_before() -> None:
    habit = BODY.replace(" is in ", " is In ")  # "In" inside sentences five times over
    assert not ocr_break.dropped_full_stop(*_at(habit, "If"))


def test_lost_stop_put_back_and_capital_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "with the affair. If the result" in repaired_after_page(BODY)
    monkeypatch.setattr(ocr_break, "CASED_STOP", False)
    assert "with the affair if the result" in repaired_after_page(BODY)


def _case(text: str, word: str) -> list[str]:
    toks, k = _at(text, word)
    return [c.replacement for c in ocr_case.case_candidates(toks, k, frozenset(), {}, garbled=True)]


def test_never_capitalised_period_word_is_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the society gave financial assistance to Journalists who were ill"
    assert _case(text, "Journalists") == ["journalists"]  # period table: 6 times, no capital
    monkeypatch.setattr(ocr_case, "NEVER_CAPITAL", False)
    assert _case(text, "Journalists") == []


def test_never_capital_needs_plain_lower_case_neighbours() -> None:
    # a garbled name's piece before, a full stop after: "Sports Illustrated" stays
    assert _case("a distinction dubbed by Sp0rts Illustrated.\n\nAgassi was", "Illustrated") == []


def _readings(text: str, word: str) -> list[str]:
    toks, k = _at(text, word)
    return [c.replacement for c in ocr_realword.realword_candidates(toks, k, frozenset(), True)]


def test_word_before_a_sentence_end_read_in_its_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Caledonians by 7 goals to nil. The visitors were"
    assert "all" not in _readings(text, "nil")
    monkeypatch.setattr(ocr_realword, "SENTENCE_END", False)
    assert "all" in _readings(text, "nil")


def test_a_reading_the_sentence_end_supports_stays() -> None:
    assert "held" in _readings("the meeting was hold. The council", "hold")


def test_page_habit_names_share_the_printed_name_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize(
        "Major Smith came. Major Brown went. Major Jones stayed. Botter Land. Botter Land. "
        "Botter Land."
    )
    assert ocr_pagehabit._printed_names(toks) == frozenset({"Botter"})  # "Major", "Land": common
    monkeypatch.setattr(ocr_pagehabit, "SHARED_NAME", False)
    assert ocr_pagehabit._printed_names(toks) == frozenset({"Botter", "Land", "Major"})
