"""Figures misread as letters or specks, read by the number's place on the page
(:mod:`repair.candidates.ocr_numglyph`, session 38, issue 12)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_numglyph
from repair.candidates.ocr_numglyph import numglyph_candidates
from repair.tokenize import tokenize


def _readings(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.replacement) for c in numglyph_candidates(tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before a unit the page prints after figures elsewhere
        ("at the age of SO years. In his earlier 14 years here", [("SO", "80")]),
        # one side of a range printed in figures; the range's order picks 15 over 18
        ("Good, sound, common . IS to 16 ditto", [("IS", "15")]),
        ("Common to medium 12 to IS ditto", [("IS", "18")]),
        # a day after its month
        ("SOFIA, May IO. (A.A.P.) The Bulgarian", [("IO", "10")]),
    ],
)
def test_letters_in_a_number_place_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is estimated at 15.000 chests. The settlements", [("15.000", "15,000")]),
        ("as about 1.000 miles north-west of Sydney", [("1.000", "1,000")]),
        ("for more than £20.000. He said", [("20.000", "20,000")]),
    ],
)
def test_thousands_with_a_stop_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _readings(text) == expected


def test_an_initial_printed_as_a_digit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _readings("and S. C. McLachlan, and R. 0. McLachlan, of Stockinbingal") == []
    monkeypatch.setattr(ocr_numglyph, "DIGIT_INITIALS", True)
    assert _readings("and S. C. McLachlan, and R. 0. McLachlan, of Stockinbingal") == [("0", "O")]


@pytest.mark.parametrize(
    "text",
    [
        "the thing, and we 1 believe a larger number of them",
        "the company mutually decide 1 that until an agreement",
    ],
)
def test_a_stray_one_between_words_is_dropped(text: str) -> None:
    got = _readings(text)
    assert len(got) == 1 and got[0][0].strip() == "1" and got[0][1] == ""


@pytest.mark.parametrize(
    "text",
    [
        # real words, acronyms and codes stay
        "So it is, and so it was; IS IT SO? Lo and behold.",
        "the B1 and A4 roads, 3rd and 1st, O'Brien and I. Smith",
        "The ISO standard and ISO 9001 for 14 standard parts",
        # a decimal, a stop after a leading zero, a sum in figures
        "p = 1.000 and 0.500 units; 3.250 alone",
        "the ratio was 1.500 when measured",
        # decimals of three figures, even on a page that prints its thousands with commas
        "a high of 16.125 Canadian dollars, up 37.5 cents to C$9.625 on 1,200,000 shares",
        # the pronoun misread as a figure is no speck
        "But this wine seems to be living in reverse (if 1 left it another few days",
        # a real figure among words, a list of counts, an ordinal
        "read page 1 of the book today",
        "it was 1 rood and 1 perch each, and 2 roods",
        "at the Hospital on the 1 st of the month",
        # a unit after a capitalised word, a lower-case chunk: garbled words as often
        "eye may find In all thy purposed good little but illi May taunt thy 4 may",
        "and by one weak little ooil under the width, 4 under",
        # a label the page prints before another figure
        "(thus, group 1 is young, short-haired dogs, and all of the others here are in\n"
        "the older group of dogs. We said so; group 2 is young, long-haired dogs, etc.)",
        # a date's figures already printed, a month name as a word
        "on May 10. and in June 12 to 14 days",
        "we may do so, and May is here",
    ],
)
def test_real_forms_stay(text: str) -> None:
    assert _readings(text) == []


def test_a_page_that_prints_the_pronoun_as_one_keeps_its_ones() -> None:
    page = (
        "So stood 1 alone with that dread beauty by the sea. The books 1 have written\n"
        "are few, and the last anecdote 1 shall now tell is of the sea, and we 1 believe it."
    )
    assert _readings(page) == []
    assert _readings("the thing, and we 1 believe a larger number of them")


@pytest.mark.parametrize(
    ("flag", "text"),
    [
        ("LETTER_NUMBERS", "Good, sound, common . IS to 16 ditto"),
        ("THOUSANDS", "is estimated at 15.000 chests. The settlements"),
        ("DIGIT_INITIALS", "and S. C. McLachlan, and R. 0. McLachlan, of Stockinbingal"),
        ("STRAY_ONES", "the thing, and we 1 believe a larger number of them"),
    ],
)
def test_each_switch_off_reads_nothing(
    monkeypatch: pytest.MonkeyPatch, flag: str, text: str
) -> None:
    monkeypatch.setattr(ocr_numglyph, flag, True)
    assert _readings(text)
    monkeypatch.setattr(ocr_numglyph, flag, False)
    assert _readings(text) == []


def test_the_ocr_stage_applies_a_reading_on_a_garbled_page() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    page = (
        "The amount of tho oonsignmcnt is estimated at 15.000 chests. Tho sottlemonts of\n"
        "the forcign hongs aro roported as vcry small, and tho markct is dull. Good,\n"
        "sound, common . IS to 16 ditto ; Common to medium, 17 to 21 ditto. Tho\n"
        "steamer loft tho wharf at noon with 200 bales, and tho agent of tho Company\n"
        "said tho prices wero lowor than in tho previous wcek, but tho dcmand is good.\n"
    )
    res = repair_text(page, config=RepairConfig())
    got = {(e.original, e.replacement) for e in res.edits}
    assert ("15.000", "15,000") in got
    assert ("IS", "15") in got
