"""Marks in newspaper OCR read by English structure and the page's own habits (session 44,
ocrpunct44; issue 12): :mod:`repair.candidates.ocr_commastop` (a comma for a stop),
:mod:`repair.candidates.ocr_relcomma` (a comma lost before "who"), :mod:`repair.candidates.
ocr_straystop` (a speck stop) and :mod:`repair.candidates.ocr_liststop` (shipped off).
Each behaviour test fails with its flag off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import (
    ocr_commastop,
    ocr_doublecomma,
    ocr_endstop,
    ocr_liststop,
    ocr_relcomma,
    ocr_straystop,
)
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import OCR_ONLY
from tests.test_ocr_context import COLUMN
from tests.test_ocr_punct43 import _apply

_FLAGS = (
    (ocr_commastop, "TITLE_COMMA"),
    (ocr_commastop, "OPENER_COMMA"),
    (ocr_relcomma, "RELATIVE_COMMA"),
    (ocr_straystop, "STRAY_STOP"),
    (ocr_liststop, "LIST_STOPS"),
    (ocr_doublecomma, "DOUBLE_COMMA"),
    (ocr_endstop, "END_STOP"),
)


@pytest.fixture
def flags() -> Iterator[None]:
    saved = [getattr(m, name) for m, name in _FLAGS]
    yield
    for (m, name), value in zip(_FLAGS, saved, strict=True):
        setattr(m, name, value)


def _commas(text: str) -> str:
    return _apply(text, ocr_commastop.comma_stop_candidates(tokenize(text)))


def _stray(text: str) -> str:
    return _apply(text, ocr_straystop.stray_stop_candidates(tokenize(text)))


@pytest.mark.usefixtures("flags")
def test_a_comma_after_a_title_or_a_middle_initial_is_its_stop() -> None:
    ocr_commastop.TITLE_COMMA = True
    text = "advised Mrs, Darragh and Messrs, Addison; Captain J. E, Butcher and Mr. N, Cherry"
    assert _commas(text) == (
        "advised Mrs. Darragh and Messrs. Addison; Captain J. E. Butcher and Mr. N. Cherry"
    )
    ocr_commastop.TITLE_COMMA = False
    assert _commas(text) == text


@pytest.mark.usefixtures("flags")
def test_a_comma_after_a_word_or_a_lone_letter_stays() -> None:
    ocr_commastop.TITLE_COMMA = True
    for text in (
        "before the Chief Justice, Sir John said",  # a title that is a word ends a phrase
        "at 10 Pitt St, Sydney, and",  # a street
        "Dear Sir, The letter",
        "under Schedule A, Part 3 of the Act",  # a lone letter after no initial
        "classes A, B and C",
    ):
        assert _commas(text) == text


@pytest.mark.usefixtures("flags")
def test_a_comma_before_a_sentence_opener_is_a_stop() -> None:
    ocr_commastop.OPENER_COMMA = True
    text = "The defendant pleaded not guilty, The case is part heard."
    assert _commas(text) == "The defendant pleaded not guilty. The case is part heard."
    assert _commas("He read it in the paper, The Times, and left.") == (
        "He read it in the paper, The Times, and left."
    )
    ocr_commastop.OPENER_COMMA = False
    assert _commas(text) == text


@pytest.mark.usefixtures("flags")
def test_a_lost_comma_before_who_on_a_page_that_lost_its_commas() -> None:
    ocr_relcomma.RELATIVE_COMMA = True
    page = (
        "the centre J. Kelaher who is with Drummoyne and the full back Sid Malcolm whose absence "
    )
    page = page * 10
    out = _apply(page, ocr_relcomma.relative_comma_candidates(tokenize(page)))
    assert out.count("Kelaher, who") == 10 and out.count("Malcolm, whose") == 10
    kept = "then an Italian who was seen and the Duchess of Windsor which begins " * 10
    assert ocr_relcomma.relative_comma_candidates(tokenize(kept)) == []
    with_commas = page.replace("Drummoyne", "Drummoyne,")
    assert ocr_relcomma.relative_comma_candidates(tokenize(with_commas)) == []
    ocr_relcomma.RELATIVE_COMMA = False
    assert ocr_relcomma.relative_comma_candidates(tokenize(page)) == []


@pytest.mark.usefixtures("flags")
def test_a_speck_stop_inside_a_sentence_is_deleted() -> None:
    ocr_straystop.STRAY_STOP = True
    text = "down to the. locals' goal, two or. three drinks, as it is . ascertained, morning .he"
    assert (
        _stray(text)
        == "down to the locals' goal, two or three drinks, as it is ascertained, morning he"
    )
    ocr_straystop.STRAY_STOP = False
    assert _stray(text) == text


@pytest.mark.usefixtures("flags")
def test_an_abbreviation_or_a_sentence_end_keeps_its_stop() -> None:
    ocr_straystop.STRAY_STOP = True
    for text in (
        "the hon. secretary, Mr. Smith",
        "reported at 4s. 7d. six months",
        "he has lived there ever since. then",
        "medical officer, &c. only the",
        "at 10 a.m. on Monday",
        "It was 5 . 6 feet",
        "royal 4to. half bound, i.e. the",
    ):
        assert _stray(text) == text


@pytest.mark.usefixtures("flags")
def test_the_list_reader_is_off_and_reads_a_comma_list_when_on() -> None:
    page = "present were Mrs. Hort, Mrs. Miller. Mrs. Kemp. Miss Dixon, Miss Brown and others."
    assert not ocr_liststop.LIST_STOPS
    assert ocr_liststop.list_stop_candidates(tokenize(page)) == []
    ocr_liststop.LIST_STOPS = True
    out = _apply(page, ocr_liststop.list_stop_candidates(tokenize(page)))
    assert (
        out == "present were Mrs. Hort, Mrs. Miller, Mrs. Kemp, Miss Dixon, Miss Brown and others."
    )
    ended = "were Mrs. Hort, Mrs. Jackson. The funeral was held. Mr. Brown said so, Mrs. Kemp and"
    assert ocr_liststop.list_stop_candidates(tokenize(ended)) == []


@pytest.mark.usefixtures("flags")
def test_the_readers_on_a_garbled_column() -> None:
    tail = (
        "The matter was referred to Mrs, Darragh for report, and the members were of.\n"
        "opinion that the work should be carried out at once.\n"
    )
    ocr_commastop.TITLE_COMMA = ocr_straystop.STRAY_STOP = False
    off = repair_text(COLUMN + tail, config=OCR_ONLY).text[len(COLUMN) :]
    ocr_commastop.TITLE_COMMA = ocr_straystop.STRAY_STOP = True
    on = repair_text(COLUMN + tail, config=OCR_ONLY).text[len(COLUMN) :]
    assert "Mrs. Darragh" in on and "Mrs, Darragh" in off
    assert "were of\nopinion" in on and "were of.\nopinion" in off


def test_clean_text_changes_nothing() -> None:
    clean = (
        "The hon. secretary, Mr. Smith, who was present, said the matter, as it stood, was "
        "settled. The Chief Justice, Sir John, agreed. It cost 4s. 6d. in all.\n"
    ) * 3
    assert repair_text(clean, config=OCR_ONLY).text == clean


@pytest.mark.usefixtures("flags")
def test_a_doubled_comma_is_one_and_after_a_sum_a_stop_and_a_comma() -> None:
    ocr_doublecomma.DOUBLE_COMMA = True
    text = "at any time,, and Mrs. Glass,\n, Miss Philp paid 12s,, and 1,, 2 and a,,, b"
    out = _apply(text, ocr_doublecomma.double_comma_candidates(tokenize(text)))
    assert out == "at any time, and Mrs. Glass, Miss Philp paid 12s., and 1,, 2 and a,,, b"
    ocr_doublecomma.DOUBLE_COMMA = False
    assert ocr_doublecomma.double_comma_candidates(tokenize(text)) == []


@pytest.mark.usefixtures("flags")
def test_the_lost_stop_at_an_article_end_in_a_column_only() -> None:
    page = "The boat left.\nIt sank.\nThe crew were saved.\n" * 4 + "It had four sailors\n"
    ocr_endstop.END_STOP = True
    assert _apply(page, ocr_endstop.end_stop_candidates(tokenize(page))).endswith("sailors.\n")
    assert ocr_endstop.end_stop_candidates(tokenize(page.replace("\n", " "))) == []
    cut = page.replace("four sailors", "it in the")  # a text cut inside a sentence
    assert ocr_endstop.end_stop_candidates(tokenize(cut)) == []
    ocr_endstop.END_STOP = False
    assert ocr_endstop.end_stop_candidates(tokenize(page)) == []
