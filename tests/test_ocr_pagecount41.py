"""The far page search's bonus grows with the page count (``ocr_pagefar.COUNT_BONUS``,
session 41, ocrpage41)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_pagefar as pf
from repair.tokenize import tokenize


def _read(text: str, word: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return [(c.features["orig"][0], c.replacement) for c in pf.page_far_candidates(toks, [i])]


COUNCIL = "The Council met. " * 4 + "Then the Cmincil rose. The Council said no."


def test_count_bonus_values() -> None:
    assert pf.count_bonus(1, on=True) == 0.0
    assert pf.count_bonus(0, on=True) == 0.0
    assert pf.count_bonus(9, on=False) == 0.0
    assert pf.count_bonus(pf.COUNT_BONUS_MIN - 1, on=True) == 0.0
    assert 0.0 < pf.count_bonus(pf.COUNT_BONUS_MIN, on=True) < pf.count_bonus(5, on=True)
    assert pf.count_bonus(1000, on=True) == pf.COUNT_BONUS_CAP


def test_lower_counts_sums_casings() -> None:
    assert pf.lower_counts({"Council": 3, "council": 2, "COUNCIL": 1}) == {"council": 6}


def test_page_word_printed_often_beats_cheaper_common_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # "clinch" is half a nat cheaper than "council" for "Cmincil"; the page prints Council x5
    monkeypatch.setattr(pf, "COUNT_BONUS", True)
    assert _read(COUNCIL, "Cmincil") == [("Cmincil", "Council")]


def test_off_keeps_the_common_word_rival(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pf, "COUNT_BONUS", False)
    assert _read(COUNCIL, "Cmincil") == []


def test_printed_once_gets_no_count_bonus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pf, "COUNT_BONUS", True)
    assert _read("The Council met. Then the Cmincil rose.", "Cmincil") == []


def test_printed_twice_gets_no_count_bonus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pf, "COUNT_BONUS", True)
    assert _read("The Council met. Then the Cmincil rose. The Council", "Cmincil") == []


def test_a_printed_word_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Mayor" is a word: the far search reads non-words only, whatever the page prints
    monkeypatch.setattr(pf, "COUNT_BONUS", True)
    text = "The Major spoke. " * 3 + "Then the Mayor replied to the Major."
    assert _read(text, "Mayor") == []
