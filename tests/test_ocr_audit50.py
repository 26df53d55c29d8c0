"""Session 50 (ocraudit50): two causes of the OCR'd modern text audit's dev breaks: a
page join with a one-letter word as a piece, and a page-pair bonus carrying a reading
the context model rates below the print."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagejoin
from repair.candidates.ocr_pagejoin import page_join_candidates
from repair.candidates.ocr_rules import cand, page_word_counts
from repair.score import ocr as score_ocr
from repair.score.ocr import Decision, DecisionMemo, _page_pairs
from repair.tokenize import tokenize


def _page_joins(text: str) -> list[str]:
    toks = tokenize(text)
    return [c.replacement for c in page_join_candidates(toks, page_word_counts(toks))]


CARBONS = (
    "Carbons are named by their carbons. Two carbons form a bond, and which carbou a "
    "group is attached to is named first."
)


def test_a_one_letter_word_is_no_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert ocr_pagejoin.LETTER_PIECES is True
    assert _page_joins(CARBONS) == []
    monkeypatch.setattr(ocr_pagejoin, "LETTER_PIECES", False)
    assert _page_joins(CARBONS) == ["carbons"]


def test_other_pieces_still_join(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    page = CARBONS.replace("carbou a group", "car bons group")
    assert _page_joins(page) == ["carbons"]


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [t for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]


def _declined(text: str, word: str, reading: str, gain: float) -> tuple:
    """The last ``word`` of ``text`` with one declined ``reading`` of model gain ``gain``."""
    doc = _Doc(text)
    toks = doc.words
    i = max(k for k, t in enumerate(toks) if t.text == word)
    t = toks[i]
    prev = [x.text for x in toks[max(0, i - 2) : i]]
    nxt = [x.text for x in toks[i + 1 : i + 3]]
    memo = DecisionMemo()
    c = cand(t.start, t.end, reading, "OCR_DIGIT_I", finding="digit_for_letter", orig=[word],
             alt=[reading], cost=1.2)  # fmt: skip
    memo.put(
        0, (prev, nxt), Decision(False, "margin_below_threshold", 0.0, 0.0, gain, 1.2, word, 0.5)
    )
    # a second reading of the span, so the bonus has something to re-order
    other = cand(t.start, t.end, "one", "OCR_CONFUSION", finding="nonword", orig=[word],
                 alt=["one"], cost=3.0)  # fmt: skip
    memo.put(
        1, (prev, nxt), Decision(False, "margin_below_threshold", -2.0, 0.0, gain, 3.0, word, 0.5)
    )
    return doc, [c, other], memo, (t.start, t.end)


PAGE = (
    "In 1990 I in turn went home. World War I in Europe ended. Then I in time left. "
    "He rose to World No. 1 in 1999."
)


def test_page_pairs_do_not_carry_a_reading_the_model_rates_below_the_print(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert score_ocr.PAGE_PAIRS_MIN_GAIN is None  # off: see its comment
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS_MIN_GAIN", 0.0)
    doc, cands, memo, span = _declined(PAGE, "1", "I", gain=-1.42)
    groups: dict = {}
    _page_pairs(doc, cands, memo, groups)
    assert groups == {}
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS_MIN_GAIN", None)
    _page_pairs(doc, cands, memo, groups)
    assert groups[span][0][1].replacement == "I" and "page_pairs" in groups[span][0][2]


def test_page_pairs_still_carry_a_reading_the_model_prefers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS_MIN_GAIN", 0.0)
    doc, cands, memo, span = _declined(PAGE, "1", "I", gain=0.3)
    groups: dict = {}
    _page_pairs(doc, cands, memo, groups)
    assert groups[span][0][1].replacement == "I"


BURNING = (
    "The burning ship sank. A burning smell spread. Winds which caused the fire to burn ina "
    "finger formation have now eased."
)


def test_a_common_word_beside_garble_is_no_dear_split_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert ocr_pagejoin.DEAR_COST == 4.0
    assert _page_joins(BURNING) == []
    monkeypatch.setattr(ocr_pagejoin, "DEAR_COST", None)
    assert _page_joins(BURNING) == ["burning"]


def test_a_cheap_join_beside_a_common_piece_still_joins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert _page_joins(BURNING.replace("burn ina", "bur ning")) == ["burning"]
