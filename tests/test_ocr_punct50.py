"""Spaced specks read as marks in newspaper OCR (session 50, ocrpunct50; issue 12):
:data:`repair.candidates.ocr_marks.LONE_APOSTROPHE` (a lone apostrophe inside a line),
:data:`repair.candidates.ocr_marks.STOP_SPECKS` (a lone mark after a sentence's stop),
:data:`repair.candidates.ocr_straystop.STRAY_STOP_CAPITAL` (a stop after "the" / "and"
before a capital), :data:`repair.candidates.ocr_lead_specks.HYPHEN_AFTER_NEVER_END` (a
hyphen opening a word after "the" / "and") and :data:`repair.candidates.ocr_marks.
DASH_SPACING` (the SMH transcribers' spaced em dash, shipped off).  Each behaviour test
fails with its flag off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_lead_specks, ocr_marks, ocr_straystop
from repair.candidates.ocr_marks import lone_mark_candidates
from repair.candidates.ocr_straystop import stray_stop_candidates
from repair.tokenize import tokenize
from tests.test_ocr_punct43 import _apply

_FLAGS = (
    (ocr_marks, "LONE_APOSTROPHE"),
    (ocr_marks, "STOP_SPECKS"),
    (ocr_straystop, "STRAY_STOP"),
    (ocr_straystop, "STRAY_STOP_CAPITAL"),
    (ocr_lead_specks, "HYPHEN_AFTER_NEVER_END"),
    (ocr_marks, "DASH_SPACING"),
)


@pytest.fixture
def flags() -> Iterator[None]:
    saved = [getattr(m, name) for m, name in _FLAGS]
    yield
    for (m, name), value in zip(_FLAGS, saved, strict=True):
        setattr(m, name, value)


def _lone(text: str) -> str:
    return _apply(text, lone_mark_candidates(tokenize(text)))


def _stray(text: str) -> str:
    return _apply(text, stray_stop_candidates(tokenize(text)))


@pytest.mark.usefixtures("flags")
def test_a_lone_apostrophe_inside_a_line_is_a_speck() -> None:
    text = "adjourned the meeting ' until next week, and the colony. ' One of the banks"
    want = "adjourned the meeting until next week, and the colony. One of the banks"
    ocr_marks.LONE_APOSTROPHE = True
    assert _lone(text) == want
    ocr_marks.LONE_APOSTROPHE = False
    ocr_marks.STOP_SPECKS = False
    assert _lone(text) == text


@pytest.mark.usefixtures("flags")
def test_a_spaced_opening_quote_that_a_closing_one_pairs_stays() -> None:
    ocr_marks.LONE_APOSTROPHE = True
    text = "what may be termed the ' Waverley Novels' of the age"
    assert _lone(text) == text
    text = "he said, ' I will not go ' and left"
    assert _lone(text) == text


@pytest.mark.usefixtures("flags")
def test_a_lone_mark_after_a_stop_is_a_speck() -> None:
    text = 'said petition. . By Alderman Oatley, this afternoon. , The funeral; agents. " Wendouree'
    want = "said petition. By Alderman Oatley, this afternoon. The funeral; agents. Wendouree"
    ocr_marks.STOP_SPECKS = True
    assert _lone(text) == want
    ocr_marks.STOP_SPECKS = False
    assert _lone(text) == text


@pytest.mark.usefixtures("flags")
def test_an_ellipsis_a_figure_and_a_spaced_dash_after_a_stop_stay() -> None:
    ocr_marks.STOP_SPECKS = True
    for text in (
        "and so on. . . . The end",
        "Kaisow kinds. . 22 to 24 dollars",
        "ENGLAND SCHOOL. - We understand",
        'he said "go on. " Then he left',
    ):
        assert _lone(text) == text


@pytest.mark.usefixtures("flags")
def test_a_stop_after_the_or_and_before_a_capital_is_a_speck() -> None:
    ocr_straystop.STRAY_STOP = True
    text = "the rites of the. Church of England, between George and . Sussex streets"
    want = "the rites of the Church of England, between George and Sussex streets"
    ocr_straystop.STRAY_STOP_CAPITAL = True
    assert _stray(text) == want
    ocr_straystop.STRAY_STOP_CAPITAL = False
    assert _stray(text) == text


@pytest.mark.usefixtures("flags")
def test_a_sentence_may_end_with_a_preposition_before_a_capital() -> None:
    ocr_straystop.STRAY_STOP = True
    ocr_straystop.STRAY_STOP_CAPITAL = True
    text = "cases were dealt with. At the court the breach complained of. The jury found"
    assert _stray(text) == text


@pytest.mark.usefixtures("flags")
def test_a_hyphen_opening_a_word_after_the_or_and_is_a_speck() -> None:
    text = "That the -Report of the committee, and -saide the young man; the umbrella -he never"
    want = "That the Report of the committee, and saide the young man; the umbrella -he never"
    ocr_lead_specks.HYPHEN_AFTER_NEVER_END = True
    assert _lone(text) == want
    ocr_lead_specks.HYPHEN_AFTER_NEVER_END = False
    assert _lone(text) == text


@pytest.mark.usefixtures("flags")
def test_dash_spacing_spaces_an_em_dash_after_a_mark_when_on() -> None:
    text = "OF ENGLAND SCHOOL.-We understand; Sir,-The weakness of the well-known 10s.-6d"
    ocr_marks.DASH_SPACING = True
    assert _lone(text) == (
        "OF ENGLAND SCHOOL. - We understand; Sir, - The weakness of the well-known 10s.-6d"
    )
    ocr_marks.DASH_SPACING = False
    assert _lone(text) == text
