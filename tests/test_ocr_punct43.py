"""Lost stops after shillings and pence, and hyphens glued between two words (session 43,
ocrpunct43; issue 12): :mod:`repair.candidates.ocr_moneystop` and
:mod:`repair.candidates.ocr_gluedhyphen`.  Each behaviour test fails with its flag off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_gluedhyphen, ocr_moneystop, ocr_strayapos
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from repair.types import Candidate
from tests.ocr_page import OCR_ONLY
from tests.test_ocr_context import COLUMN


@pytest.fixture
def flags() -> Iterator[None]:
    saved = (
        ocr_moneystop.MONEY_STOPS,
        ocr_gluedhyphen.GLUED_HYPHEN,
        ocr_strayapos.STRAY_APOSTROPHE,
    )
    yield
    (
        ocr_moneystop.MONEY_STOPS,
        ocr_gluedhyphen.GLUED_HYPHEN,
        ocr_strayapos.STRAY_APOSTROPHE,
    ) = saved


def _apply(text: str, cands: list[Candidate]) -> str:
    out, pos = [], 0
    for c in sorted(cands, key=lambda c: c.start):
        out += [text[pos : c.start], c.replacement]
        pos = c.end
    return "".join(out) + text[pos:]


def _money(text: str) -> str:
    return _apply(text, ocr_moneystop.money_stop_candidates(tokenize(text)))


def _hyphen(text: str) -> str:
    return _apply(text, ocr_gluedhyphen.glued_hyphen_candidates(tokenize(text)))


@pytest.mark.usefixtures("flags")
def test_a_sum_takes_the_stop_the_page_prints_after_its_other_sums() -> None:
    ocr_moneystop.MONEY_STOPS = True
    text = "He was fined 5s. and costs. Smith was fined 10s and 4s 10d costs, and Brown 6s , and"
    assert _money(text) == (
        "He was fined 5s. and costs. Smith was fined 10s. and 4s. 10d. costs, and Brown 6s., and"
    )
    ocr_moneystop.MONEY_STOPS = False
    assert _money(text) == text


@pytest.mark.usefixtures("flags")
def test_sums_stay_where_the_page_prints_none_with_a_stop() -> None:
    ocr_moneystop.MONEY_STOPS = True
    for text in (
        "the men were offered 10s 6d per day and fillers 8d per ton",  # the page's own style
        "a man in his 50s and a 3d printer",  # no stopped sum on the page
        "fined 5s. and costs; the 1990s were hard",  # four digits: a decade
        "fined 5s. and costs; at 5s, per foot",  # a mark glued on: the print's own
        "fined 5s. and costs; a time of 1.5s in the race",  # a decimal
        "fined 5s. and costs; paid 2/6d for it",  # a fraction
        # a catalogue: old and new prices, no stop inside a sentence on the page
        "Designs, pub. at £6. 6s £3. 13s 6d -Another copy, price £2. 12s 6d. Reynard",
    ):
        assert _money(text) == text, text


@pytest.mark.usefixtures("flags")
def test_a_hyphen_between_two_words_that_make_no_compound_is_a_space() -> None:
    ocr_gluedhyphen.GLUED_HYPHEN = True
    text = "and they-were accompanied by the-number of men; the Council is-to proceed at-the hall"
    assert _hyphen(text) == (
        "and they were accompanied by the number of men; the Council is to proceed at the hall"
    )
    assert _hyphen("for the-num-\nber of") == "for the num-\nber of"  # a line-end hyphen
    ocr_gluedhyphen.GLUED_HYPHEN = False
    assert _hyphen(text) == text


@pytest.mark.usefixtures("flags")
def test_compounds_and_chains_keep_their_hyphens() -> None:
    ocr_gluedhyphen.GLUED_HYPHEN = True
    for text in (
        "he will come to-day or to-morrow",
        "these said-to-be hard cases",
        "at Frankfort-on-the-Maine",
        "with half-a\nsovereign",
        "his son-in-law is a well-known man",
        "the co-operation of The-Times",
        "went a-fishing",
        "under the she-oak a do-nothing policy",
    ):
        assert _hyphen(text) == text, text


def _apos(text: str) -> str:
    return _apply(text, ocr_strayapos.stray_apostrophe_candidates(tokenize(text)))


@pytest.mark.usefixtures("flags")
def test_a_stray_apostrophe_after_a_word_is_a_speck() -> None:
    ocr_strayapos.STRAY_APOSTROPHE = True
    text = "thousands of young' people in the forthcoming' winter, and' 30 perches"
    assert _apos(text) == "thousands of young people in the forthcoming winter, and 30 perches"
    ocr_strayapos.STRAY_APOSTROPHE = False
    assert _apos(text) == text


@pytest.mark.usefixtures("flags")
def test_possessives_elisions_names_and_quoted_pages_keep_their_apostrophes() -> None:
    ocr_strayapos.STRAY_APOSTROPHE = True
    for text in (
        "the workers' union and the ladies' room",  # plural possessives
        "he was goin' home an' singin' o' nights wi' th' lads",  # elisions
        "the house of Copp' and Thornton' stood",  # names: not known lower-case words
        "he said 'the young' people came",  # the page quotes with single quotes
    ):
        assert _apos(text) == text, text


@pytest.mark.usefixtures("flags")
def test_both_readers_on_a_garbled_column() -> None:
    tail = (
        "Smith was fined 5s. and costs. Brown was fined 10s and 2s 6d costs, and thoy-woro\n"
        "accompanied by tho-number of men.\n"
    )
    ocr_moneystop.MONEY_STOPS = ocr_gluedhyphen.GLUED_HYPHEN = False
    off = repair_text(COLUMN + tail, config=OCR_ONLY).text[len(COLUMN) :]
    ocr_moneystop.MONEY_STOPS = ocr_gluedhyphen.GLUED_HYPHEN = True
    on = repair_text(COLUMN + tail, config=OCR_ONLY).text[len(COLUMN) :]
    assert "10s. and 2s. 6d. costs" in on and "10s. and" not in off
    assert "they were" in on and "they-were" in off


def test_clean_text_changes_nothing() -> None:
    clean = "She paid 5s. for it, and he was fined 10s and costs. They were there.\n" * 3
    assert repair_text(clean, config=OCR_ONLY).text == clean
