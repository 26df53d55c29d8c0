"""SMH dev-gap repairs (issue 12): dropped full stops are not verse, loose non-word readings."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr_candidates
from repair.candidates.ocr_case import verse_like
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page

# a newspaper column whose OCR lost two full stops before "The"
DROPPED = "he was found at the time The police said and the costs The men went In the house"
# verse run into one line: its capitals are the author's
VERSE = "the steeple And the bells rang out But the night came With the snow In the town"


def test_dropped_full_stops_before_the_are_not_verse_in_a_garbled_page() -> None:
    toks = list(tokenize(DROPPED))
    assert verse_like(toks)  # counted as before when the gate is shut
    assert not verse_like(toks, garbled=True)


def test_verse_stays_verse_in_a_garbled_page() -> None:
    assert verse_like(list(tokenize(VERSE)), garbled=True)


def test_in_after_dropped_stops_is_lowered_in_a_garbled_page() -> None:
    out = repaired_after_page(
        "He was found at the time The police said. The men went In the house.\n"
        "It was late The night was cold."
    )
    assert "went in the house" in out


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        ("The burlv forwards were strong.", "The burly forwards"),
        ("His fathor was a farmer.", "His father was"),
    ],
)
def test_non_words_of_a_garbled_page_are_read(sentence: str, fixed: str) -> None:
    assert fixed in repaired_after_page(sentence)


# a page garbled, but not heavily: a few "tbe" in otherwise clean text
LIGHT_PAGE = (
    "The council met on Monday evening in the town hall, when the mayor presided over a "
    "large attendance of members and ratepayers. Tbe first business was the report of the "
    "works committee, which recommended that the footpaths in the main street be repaired "
    "before the winter, and that tenders be called for the work. After some discussion "
    "the report was adopted. A letter was read from the residents of tbe northern ward "
    "asking that a lamp be placed at the corner near the school, and it was referred to "
    "the lighting committee. The treasurer reported that the rates were coming in well, "
    "and that the overdraft at the bank had been reduced during the quarter. Tbe mayor "
    "said that the council had every reason to be satisfied with the position, and he "
    "thanked the officers for their work during tbe year. Several accounts were passed for "
    "payment, and the council then adjourned until the following Monday, when the "
    "estimates for tbe coming year will be considered by the members. "
)


def _light(sentence: str) -> str:
    from repair.pipeline import repair_text
    from tests.ocr_page import OCR_ONLY

    return repair_text(LIGHT_PAGE + sentence, config=OCR_ONLY).text


def test_page_is_garbled_but_not_heavily() -> None:
    from repair.candidates.ocr import HEAVY_GARBLE
    from repair.detect.ocr import detect_ocr, is_garbled

    det = detect_ocr(LIGHT_PAGE)
    assert is_garbled(det) and det.score < HEAVY_GARBLE


def test_loose_threshold_reads_a_non_word_of_a_lightly_garbled_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = "The burlv forwards were strong."
    assert "The burly forwards" in _light(sentence)
    monkeypatch.setattr(ocr_candidates, "LOOSE_NONWORD", False)
    assert _light(sentence).endswith(sentence)


def test_capitalised_garble_of_a_lightly_garbled_page_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = "The Honorarv Secretary read the minutes."
    assert "The Honorary Secretary" in _light(sentence)
    monkeypatch.setattr(ocr_candidates, "CAPITAL_LIGHT", False)
    # (the name-shape fallback, repair/candidates/ocr_nameshape.py, reads it too, and so
    # does the listed-form fallback, repair/candidates/ocr_listedword.py)
    monkeypatch.setattr("repair.candidates.ocr_nameshape.NAME_SHAPE", False)
    monkeypatch.setattr("repair.candidates.ocr_listedword.LISTED", False)
    assert _light(sentence).endswith(sentence)


def test_a_name_the_page_repeats_is_left_alone() -> None:
    sentence = "Mr. Honorarv spoke, and Mr. Honorarv replied."
    assert _light(sentence).endswith(sentence)


def test_a_garble_form_in_a_capitals_line_is_read() -> None:
    out = repaired_after_page("TIIE LIST.\nThe following is a list of the men.")
    assert "THE LIST." in out


def test_a_garble_form_alone_in_capitals_stays() -> None:
    sentence = "The TBE was noted by the committee."
    assert repaired_after_page(sentence).endswith(sentence)


def test_a_newspaper_column_is_heavy_from_a_lower_garble_score() -> None:
    from repair.candidates.ocr import COLUMN_HEAVY_GARBLE, HEAVY_GARBLE, _heavy_gate

    column = "\n".join(["the council met on Monday when the mayor"] * 12)
    book = " ".join(["the council met on Monday when the mayor"] * 12)
    short = "\n".join(["the council met"] * 3)
    assert _heavy_gate(column) == COLUMN_HEAVY_GARBLE < HEAVY_GARBLE
    assert _heavy_gate(book) == HEAVY_GARBLE
    assert _heavy_gate(short) == HEAVY_GARBLE
