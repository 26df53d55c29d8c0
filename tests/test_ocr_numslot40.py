"""Figures read by their slot: a capital at a figure's edge before the page's unit, a
stop glued to a leader's or a month's figure, a count printed as capitals beside a count
of the same shape (:mod:`repair.candidates.ocr_numslot`, session 40, issue 12)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_numslot
from repair.candidates.ocr_numslot import numslot_candidates
from repair.tokenize import tokenize


def _readings(text: str) -> list[tuple[str, str, str]]:
    return [
        (text[c.start : c.end], c.replacement, str(c.features["finding"]))
        for c in numslot_candidates(tokenize(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital at a figure's edge, before a unit the page prints after figures
        (
            "Orient (s.), 334 tons, Captain Bell; Wentworth (s.), 93C tons, Captain Butt.",
            [("93C", "936", "edge_capital")],
        ),
        (
            "rain to 9 this morning is 61G points. Over 851 points fell at Dungog.",
            [("61G", "616", "edge_capital")],
        ),
        # the unit on the next line of a column
        (
            "Orient (s.), 334 tons; Wentworth (s.), 93C\ntons, Captain Butt.",
            [("93C", "936", "edge_capital")],
        ),
        # leader dots glued to a price that opens a range
        ("Congou, common, low, and dusty .12 to 14 per picul", [(".12", ". 12", "leader_stop")]),
        ("Kaisow kinds. .22 to 25 ditto", [(".22", ". 22", "leader_stop")]),
        # a speck between a month and its day
        ("152, Dowling-street, July.17.", [(".", " ", "month_stop")]),
        # a count printed as a capital beside a count of the same shape
        ("of these 17 are paupers, and G are pay patients", [("G", "6", "parallel_count")]),
        # ... or in lower case, the page printing a figure before the same two words
        (
            "Mr. Bell, and 43 in the second cabin. Mr. Thrimpton, and ll in the second cabin.",
            [("ll", "11", "parallel_count")],
        ),
    ],
)
def test_figures_are_read_by_their_slot(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no unit the page prints after figures: a code
        "Take the 4G network to the 12B bus stop.",
        "Wentworth (s.), 93C tons, Captain Butt.",
        # a paragraph between the chunk and the word
        "Orient (s.), 334 tons; Wentworth (s.), 93C\n\ntons, Captain Butt.",
        # a code the page prints twice
        "Room 12B rooms and 12B rooms; 5 rooms.",
        # a capital with no cheap digit reading ("H" -> 8 is a guess)
        "the 18H route; 12 routes.",
        # decimals and abbreviations: the stop is real
        "yields rose from .5 to 1 per cent",
        "a rise of 3.12 to 14 points",
        "No.12 to 14 Smith street",
        "from .25 to 1.25 per cent",
        "a .22 rifle",
        # an abbreviated month keeps its stop; a day beyond 31 is no day
        "Jan.17.",
        "July.45.",
        # the pronoun, a count with no partner, a partner of another shape
        "of these 17 are paupers, and I are told",
        "of these men, and G are pay patients",
        "of these 17 were paupers, and G are pay patients",
        # a lower-case chunk needs two words in common, is no lone letter (the pronoun
        # printed "l") and no roman numeral
        "Mr. Bell, and 43 in the second cabin. Mr. Thrimpton, and ll in a cabin.",
        "he asked if 1 would go; he asked if l would allow it",
        "see 3 of the book; see chapter ii of the book",
    ],
)
def test_real_forms_stay(text: str) -> None:
    assert _readings(text) == []


def _money(text: str) -> list[tuple[str, str]]:
    return [
        (text[c.start : c.end], c.replacement)
        for c in numslot_candidates(tokenize(text), text)
        if c.features["finding"] == "pound_shillings"
    ]


def test_shillings_after_pounds_are_read_by_the_page_habit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_numslot, "POUND_SHILLINGS", True)
    page = "Prout's Sketches, pub. at £2. 2s £1. Is Pugin's Specimens, pub. at £1. Is 12s"
    assert _money(page) == [("Is", "1s"), ("Is", "1s")]
    # the tokens alone rebuild the same text
    assert [c.replacement for c in numslot_candidates(tokenize(page))] == ["1s", "1s"]


@pytest.mark.parametrize(
    "text",
    [
        # no "£2. 2s" on the page: no habit
        "Sketches, pub. at £1. Is Pugin's Specimens",
        # the verb opening a question
        "Sold at £2. 2s; the price was £5. Is that too much?",
    ],
)
def test_a_shilling_needs_the_habit_and_no_verb(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(ocr_numslot, "POUND_SHILLINGS", True)
    assert _money(text) == []


@pytest.mark.parametrize(
    ("flag", "text"),
    [
        ("EDGE_CAPITALS", "Orient (s.), 334 tons; Wentworth (s.), 93C tons, Captain Butt."),
        ("GLUED_STOPS", "Congou, common, low, and dusty .12 to 14 per picul"),
        ("PARALLEL_COUNTS", "of these 17 are paupers, and G are pay patients"),
        ("PARALLEL_LOWER", "Mr. Bell, and 43 in the second; Mr. Thrimpton, and ll in the second."),
        ("POUND_SHILLINGS", "Sketches, pub. at £2. 2s £1. Is Pugin's Specimens"),
    ],
)
def test_each_flag_switches_its_reading_off(
    monkeypatch: pytest.MonkeyPatch, flag: str, text: str
) -> None:
    monkeypatch.setattr(ocr_numslot, flag, True)
    assert _readings(text)
    monkeypatch.setattr(ocr_numslot, flag, False)
    assert _readings(text) == []


def test_the_ocr_stage_applies_a_slot_reading_on_a_garbled_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    page = (
        "SHIPPING. Arrivcd.-Orient (s.), 334 tons, Captain Bcll, from tho Clarence\n"
        "Rivor ; passengers-Mr. Smith and 11 in tho steerage. Wentworth (s.), 93C\n"
        "tons, Captain Butt, from Grafton ; passengcrs-Mr. Jones and 20 in tho\n"
        "steerage. Tho stoamer loft tho wharf at noon with 200 bales, and tho agent\n"
        "of tho Company said tho cargo was lowor than in tho previous wcek, but tho\n"
        "dcmand is good. Wodonga (s.), 1186 tons, Captain Reid, from Melbourne.\n"
    )
    res = repair_text(page, config=RepairConfig())
    assert ("93C", "936") in {(e.original, e.replacement) for e in res.edits}
    monkeypatch.setattr(ocr_numslot, "EDGE_CAPITALS", False)
    res = repair_text(page, config=RepairConfig())
    assert ("93C", "936") not in {(e.original, e.replacement) for e in res.edits}
