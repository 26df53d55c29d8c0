"""A full stop the OCR dropped before "It" keeps the capital (issue 12)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_case as ocr_case
from repair.candidates.ocr_break import dropped_full_stop
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page


def _at(text: str, word: str) -> tuple[list, int]:
    toks = tokenize(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


@pytest.mark.parametrize(
    "text",
    [
        "it relieves the respiratory organs It relieves the asthmatic patient",
        "the rain fell in torrents till late at night It was the heaviest fall",
    ],
)
def test_dropped_stop_is_seen(text: str) -> None:
    assert dropped_full_stop(*_at(text, "It"))


@pytest.mark.parametrize(
    "text",
    [
        "he thought It was right to go",  # "it" inside the sentence
        "they found It in the garden",
        "the men went In the house",  # not a word the test is made for
    ],
)
def test_in_sentence_capital_is_not_a_break(text: str) -> None:
    word = "It" if " It " in text else "In"
    assert not dropped_full_stop(*_at(text, word))


def test_capital_after_a_dropped_stop_is_kept() -> None:
    text = "The rain fell in torrents till late at night It was the heaviest fall."
    assert repaired_after_page(text).endswith(text)


def test_without_the_test_it_was_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_case, "DROPPED_STOP", False)
    text = "The rain fell in torrents till late at night It was the heaviest fall."
    assert "night it was" in repaired_after_page(text)


def test_in_sentence_capital_is_still_lowered() -> None:
    assert "he thought it was right" in repaired_after_page("Then he thought It was right.")
