"""Split words of a page the garble gate keeps shut, joined into a word the same page prints
("tho se" on a page of "those": issue 12, session 50)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_fragjoin as fragjoin
import repair.candidates.ocr_shutjoin as shutjoin
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, document_garbled
from repair.pipeline import repair_text

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking page (the gate stays shut) that splits "those" once and prints it twice.
PAGE = (
    "We owe a great debt to those who served in the war, and to those who waited at home. "
    "The nation will not forget the sacrifice of tho se families, nor the courage of the "
    "young men and women who came back to build the peace.\n"
    "Let us honour those who gave their lives by keeping the promise we made to them."
)


def test_shut_page_joins_a_split_word_it_prints() -> None:
    assert not document_garbled(detect_ocr(PAGE))
    out = repair_text(PAGE, config=CFG).text
    assert "sacrifice of those families" in out
    assert out.count("those") == 4


def test_flag_off_keeps_the_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutjoin, "PAGE_JOIN", False)
    monkeypatch.setattr(fragjoin, "FRAG_JOIN", False)  # session 59: "se" is no word
    assert "tho se families" in repair_text(PAGE, config=CFG).text


def test_two_common_words_or_an_unprinted_join_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    # "a round" / "around": both pieces common words; "wa nt": "want" not printed on the page
    # (session 59's fragment join, ``ocr_fragjoin``, joins "wa nt" without the page: off here)
    monkeypatch.setattr(fragjoin, "FRAG_JOIN", False)
    for text in (
        "They walked around the lake and then sat down at a round table around noon.",
        "The children do not wa nt to leave the park before the sun goes down tonight.",
    ):
        assert repair_text(text, config=CFG).text == text
