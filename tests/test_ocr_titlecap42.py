"""Session 42 (issue 12): a reading whose first glyph was the misreading takes a capital
inside a title run ("Agricultural and ilurtlculturnl Society" -> "Horticultural";
``ocr_titlecap.TITLE_CAPITAL``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_titlecap
from repair.candidates.ocr_rules import cand
from repair.tokenize import tokenize


def _recased(text: str, printed: str, reading: str) -> str:
    toks = tokenize(text)
    start = text.index(printed)
    c = cand(start, start + len(printed), reading, "OCR_CONFUSION", orig=[printed], alt=[reading])
    return ocr_titlecap.title_capitals([c], toks, text)[0].replacement


def test_title_run_reading_takes_a_capital(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the District Agricultural and ilurtlculturnl Society met"
    monkeypatch.setattr(ocr_titlecap, "TITLE_CAPITAL", True)
    assert _recased(text, "ilurtlculturnl", "horticultural") == "Horticultural"
    assert _recased("of the llovolving Battery Hotel", "llovolving", "revolving") == "Revolving"
    monkeypatch.setattr(ocr_titlecap, "TITLE_CAPITAL", False)
    assert _recased(text, "ilurtlculturnl", "horticultural") == "horticultural"


def test_kept_lower_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_titlecap, "TITLE_CAPITAL", True)
    # a lost full stop: the word after is garbled or a sentence opener
    assert _recased("gas had leaked into the Uench Ihey both", "Uench", "trench") == "trench"
    assert _recased("the work of oxhumation When the work", "oxhumation", "exhumation") == (
        "exhumation"
    )
    # the first glyph was not re-read; a function word; no capital after
    assert _recased("the lnrge Battery fired", "lnrge", "large") == "large"
    assert _recased("in lho Court yesterday", "lho", "the") == "the"
    assert _recased("of the llovolving battery", "llovolving", "revolving") == "revolving"
    # the word before is a lower-case word that is no link of a name
    assert _recased("was llovolving Battery", "llovolving", "revolving") == "revolving"
