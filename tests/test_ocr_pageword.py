"""The page's own word counts as a prior on readings (repair.candidates.ocr_pageword)."""

from __future__ import annotations

import math

import pytest

import repair.candidates.ocr_pageword as pw
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize


def _reading(start: int, orig: str, alt: str, cost: float = 2.5) -> object:
    return cand(start, start + len(orig), alt, "OCR_REALWORD", orig=[orig], alt=[alt],
                cost=cost, orig_known=True)  # fmt: skip


def test_a_reading_the_page_prints_often_is_cheaper() -> None:
    text = "Pte Smith, Pte Brown, Pte Jones, Pte Hill, Pte Gray and rte Ward"
    toks = tokenize(text)
    start = text.index("rte")
    (c,) = pw.page_word_prior([_reading(start, "rte", "Pte")], toks)
    assert c.features["cost"] == pytest.approx(2.5 - min(pw.MAX_BONUS, math.log(5)))


def test_rare_on_the_page_or_too_common_a_word_gets_nothing() -> None:
    text = "Pte Smith, Pte Brown and rte Ward of the Pte"
    toks = tokenize(text)
    (c,) = pw.page_word_prior([_reading(text.index("rte"), "rte", "Pte")], toks)
    assert c.features["cost"] == 2.5  # "Pte" only three times
    text = "of of of of of of and oi"
    (c,) = pw.page_word_prior([_reading(text.index("oi"), "oi", "of")], tokenize(text))
    assert c.features["cost"] == 2.5  # "of" is common everywhere


def test_the_token_as_common_as_the_reading_gets_nothing() -> None:
    text = "fined fined fined fined fined lined lined lined"
    (c,) = pw.page_word_prior([_reading(text.index("lined"), "lined", "fined")], tokenize(text))
    assert c.features["cost"] == 2.5  # 5 against 3: under the ratio
