"""Lost full stops read again after the word readings (session 42, ocrstop42; issue 12):
:mod:`repair.candidates.ocr_stoppass`.  Each behaviour test fails with its flag off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_stoppass
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import OCR_ONLY
from tests.test_ocr_context import COLUMN


@pytest.fixture
def flags() -> Iterator[None]:
    saved = (ocr_stoppass.STOP_PASS, ocr_stoppass.NAME_END)
    yield
    ocr_stoppass.STOP_PASS, ocr_stoppass.NAME_END = saved


def _fix(tail: str, stop_pass: bool, name_end: bool = False) -> str:
    ocr_stoppass.STOP_PASS = stop_pass
    ocr_stoppass.NAME_END = name_end
    return repair_text(COLUMN + tail, config=OCR_ONLY).text[len(COLUMN) :]


@pytest.mark.usefixtures("flags")
def test_a_stop_lost_among_garbled_words_is_put_back_after_the_readings() -> None:
    tails = {
        "the new line could bo oponod to tho publio The proposed railway should be built.\n": (
            "opened to the public. The proposed"
        ),
        "he died from natural canses Ho is spoken of as a good man.\n": "natural causes. He is",
    }
    for tail, want in tails.items():
        off = _fix(tail, False)
        assert want not in off and want.replace(". ", " ") in off  # the words read, no stop
        assert want in _fix(tail, True)


@pytest.mark.usefixtures("flags")
def test_the_pass_adds_nothing_the_first_pass_did_and_no_stop_inside_a_name() -> None:
    tail = "they asked for a report on tho cost It did not need much thought.\n"
    assert _fix(tail, True) == _fix(tail, False)  # the first pass put this stop back
    tail = "the meeting was held at the Water Polico Court yesterday morning.\n"
    assert ". Police" not in _fix(tail, True)  # "Water Police Court": a name
    tail = "she went to read tho paper and The Times in tho garden.\n"
    assert "and. The" not in _fix(tail, True)


@pytest.mark.usefixtures("flags")
def test_a_stop_after_a_place_name_before_a_strong_opener() -> None:
    tail = "they lived at Roseberv Park The boys were found there.\n"
    assert "Park. The boys" not in _fix(tail, True, False)
    assert "Park. The boys" in _fix(tail, True, True)


def test_name_end_keeps_names_titles_and_capitalised_runs() -> None:
    def stops(text: str) -> list[int]:
        return [c.start for c in ocr_stoppass._name_end_stops(tokenize(text))]

    assert stops("they lived at Rosebery Park The boys were found there")
    assert stops("it was seen by Mr Thomas Sterling and his men") == []  # no opener
    assert stops("a letter from Mr The board said so") == []  # a title before the gap
    assert stops("the launch reached Port Hacking The Times said") == []  # "The Times"
    assert stops("in the garden of Mrs Smith In the evening") == []  # "In": not strong


def test_clean_text_and_the_flag_off_change_nothing() -> None:
    clean = "She walked along the shore at evening It was late and the tide was out.\n" * 3
    saved = ocr_stoppass.STOP_PASS, ocr_stoppass.NAME_END
    try:
        ocr_stoppass.STOP_PASS = ocr_stoppass.NAME_END = True
        assert repair_text(clean, config=OCR_ONLY).text == clean
    finally:
        ocr_stoppass.STOP_PASS, ocr_stoppass.NAME_END = saved


def test_no_stop_before_a_title_set_in_title_case() -> None:
    toks = tokenize("a treatise to which are added Simple Instructions on the art")
    gap = next(i for i, t in enumerate(toks) if t.kind == "space" and toks[i + 1].text == "Simple")
    saved = ocr_stoppass.TITLE_AFTER
    try:
        ocr_stoppass.TITLE_AFTER = True
        assert ocr_stoppass._title_after(toks, gap)
        ocr_stoppass.TITLE_AFTER = False
        assert not ocr_stoppass._title_after(toks, gap)
    finally:
        ocr_stoppass.TITLE_AFTER = saved
    toks = tokenize("he died from natural causes He is spoken of as a good man")
    gap = next(i for i, t in enumerate(toks) if t.kind == "space" and toks[i + 1].text == "He")
    assert not ocr_stoppass._title_after(toks, gap)


def test_no_name_end_stop_after_a_headline_in_title_case(monkeypatch: pytest.MonkeyPatch) -> None:
    def stops(text: str) -> list[int]:
        return [c.start for c in ocr_stoppass._name_end_stops(tokenize(text))]

    headline = (
        "Leaders Meet In South Korea After 6 Years Amid Trade War The talks are expected to go on"
    )
    monkeypatch.setattr(ocr_stoppass, "TITLE_BEFORE", False)
    assert stops(headline)
    monkeypatch.setattr(ocr_stoppass, "TITLE_BEFORE", True)
    assert stops(headline) == []
    # a place name after lower-case words, or a sentence's own capital, is no headline
    assert stops("they lived at Rosebery Park The boys were found there")
    assert stops("New South Wales He appears to have left the colony")
