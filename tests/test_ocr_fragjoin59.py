"""A split word of a lightly garbled page joined where one piece is no word at all, and two
words of their own joined on a shut page at a wide margin ("wi th", "ha ve", "for ward":
issue 12, session 59, ``repair.candidates.ocr_fragjoin``)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_fragjoin as fragjoin
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, document_garbled
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking page (the gate stays shut) that splits "have" once and never prints it,
#: with one other misprint ("tbe": a page with no finding at all gets no candidates).
PAGE = (
    "Americans ha ve known surprise attacks before, and they know what must be done now. "
    "The nation will not forget the sacrifice of those families, nor the courage of tbe "
    "young men and women who came back to build the peace."
)
#: The same kind of page, a word split into two words of its own.
PAIR_PAGE = (
    "I look for ward with hope to the day when every nation on this earth can live in "
    "peace, and when the work of our hands will feed the hungry of tbe world."
)


def _joins(text: str, shut: bool = True) -> list[str]:
    return [c.replacement for c in fragjoin.frag_join_candidates(tokenize(text), shut)]


def test_shut_page_joins_a_fragment() -> None:
    assert not document_garbled(detect_ocr(PAGE))
    assert "Americans have known" in repair_text(PAGE, config=CFG).text


def test_flag_off_keeps_the_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fragjoin, "FRAG_JOIN", False)
    assert "Americans ha ve known" in repair_text(PAGE, config=CFG).text


def test_shut_page_joins_two_words_at_a_wide_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not document_garbled(detect_ocr(PAIR_PAGE))
    assert "I look forward with hope" in repair_text(PAIR_PAGE, config=CFG).text
    # a page with no finding at all joins no two words (the stage's shortcut skips it)
    clean = PAIR_PAGE.replace("tbe", "the")
    assert "I look for ward with hope" in repair_text(clean, config=CFG).text
    monkeypatch.setattr(fragjoin, "WORD_PAIRS", False)
    assert "I look for ward with hope" in repair_text(PAIR_PAGE, config=CFG).text


def test_word_pairs_only_on_a_shut_page() -> None:
    assert _joins("I look for ward with hope") == ["forward"]
    assert _joins("I look for ward with hope", shut=False) == []


def test_glued_pieces_and_compound_heads_stay() -> None:
    assert _joins("in the 1830's and that") == []  # an apostrophe glued before
    assert _joins("three 1,000-ton er ships") == []  # a compound's tail
    assert _joins("the Nation\ufffd\ufffds parks") == []  # a lost glyph glued before
    assert _joins('"he re-thought the matter') == []  # the right word heads a compound
    assert _joins('he said "wi th care') == ["with"]  # an opening quote is no glue


def test_two_common_words_stay_in_clean_text() -> None:
    for text in (
        "The terrorists hope to behead a bound captive before the cameras arrive tonight.",
        "Our country has always felt very special ties of interest and affection with them.",
    ):
        assert repair_text(text, config=CFG).text == text


def test_label_letter_before_a_common_word_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone capital letter mid-sentence before a word of its own is a label ("the S
    train"), unless the join is a word written with a capital anyway (session 59,
    ocrcapjoin: ``CAP_JOIN_GUARD``)."""
    assert _joins("he rode the S train home") == []
    assert _joins("including T, L and X") == []
    assert _joins("see that every A merican family") == ["American"]  # no label reading
    assert _joins("the message to the A dmiral was") == ["Admiral"]
    monkeypatch.setattr(fragjoin, "CAP_JOIN_GUARD", False)
    assert _joins("he rode the S train home") == ["Strain"]
    assert _joins("including T, L and X") == ["Land"]
