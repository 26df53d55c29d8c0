"""Session 44 (lead): two breaks of correct modern text found by the OCR'd-text audit."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagejoin
from repair.candidates.ocr_pagejoin import page_join_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.detect import ocr as detect_ocr
from repair.tokenize import tokenize


def _page_joins(text: str) -> list[str]:
    toks = tokenize(text)
    return [c.replacement for c in page_join_candidates(toks, page_word_counts(toks))]


PAGE = (
    "Tariffs fell to 47 per cent from 57 per cent. Duties rose 20 percent, then 30 percent. "
    "Fees are 10 per cent higher."
)


def test_a_pair_the_page_prints_again_and_again_is_no_split_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_pagejoin, "PAGE_JOIN", True)
    assert ocr_pagejoin.PAIR_REPEATS == 2
    assert _page_joins(PAGE) == []
    monkeypatch.setattr(ocr_pagejoin, "PAIR_REPEATS", 0)
    assert _page_joins(PAGE) == ["percent"] * 3
    # printed as a pair once only: a stray space is still read
    monkeypatch.setattr(ocr_pagejoin, "PAIR_REPEATS", 2)
    once = "Sold at 85 dollars, at 70 dollars and 9 dol ars."
    assert _page_joins(once) == ["dollars"]


@pytest.mark.parametrize("word", ["détente", "régime", "café", "Zürich", "Québec"])
def test_a_real_accented_word_is_no_ocr_accent(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    assert detect_ocr._word_reason(word, False) is None
    monkeypatch.setattr(detect_ocr, "ACCENT_WORD_ZIPF", 0.0)
    assert detect_ocr._word_reason(word, False) in ("spurious_accent", "accented_nonword", None)


@pytest.mark.parametrize("word", ["thé", "aré", "tó"])
def test_an_accent_on_a_common_word_is_still_read(word: str) -> None:
    assert detect_ocr._word_reason(word, False) in ("spurious_accent", "accented_nonword")
