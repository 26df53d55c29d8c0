"""Figures in a date's, a column's and a sum's place (session 48, issue 12): a day's
ordinal printed in letters beside a month name (:mod:`repair.candidates.ocr_ordinalday`),
a capital at a figure's edge among figures and capitals glued after a currency sign
(:mod:`repair.candidates.ocr_numslot`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_numslot, ocr_ordinalday
from repair.candidates.ocr_numglyph import numglyph_candidates
from repair.candidates.ocr_numslot import numslot_candidates
from repair.tokenize import tokenize


def _days(text: str) -> list[tuple[str, str]]:
    return [
        (text[c.start : c.end], c.replacement)
        for c in numglyph_candidates(tokenize(text))
        if c.features.get("finding") == "ordinal_day"
    ]


def _slots(text: str, finding: str) -> list[tuple[str, str]]:
    return [
        (text[c.start : c.end], c.replacement)
        for c in numslot_candidates(tokenize(text))
        if c.features.get("finding") == finding
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("received by the Council on tho Slat December, recommending", [("Slat", "31st")]),
        ("on the Slst De-\ncember last, be recorded", [("Slst", "31st")]),
        ("the meeting of Sth June was adjourned", [("Sth", "8th")]),
        ("it was held on the ISth May last", [("ISth", "18th")]),
        ("on the last December and the first May", []),  # words in lower case
        ("on the Slst of the month", []),  # no month beside it
        ("the Slst December and the Slst May", []),  # printed twice: the page's own form
    ],
)
def test_ordinal_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert _days(text) == expected


def test_ordinal_days_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ordinalday, "ORDINAL_DAYS", False)
    assert _days("on tho Slat December, recommending") == []


def test_ordinal_suffix_of_a_day() -> None:
    assert ocr_ordinalday.ordinal_suffix(31) == "st"
    assert ocr_ordinalday.ordinal_suffix(12) == "th"
    assert ocr_ordinalday.ordinal_suffix(23) == "rd"


def test_edge_capital_among_figures() -> None:
    page = "(4tto6) 5/2, Stewart, Iieminerha, (17286) 8S bags dry\n4/4, green US bag a/4."
    assert _slots(page, "edge_capital") == [("8S", "88")]


def test_edge_capital_among_figures_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numslot, "FIGURE_RUNS", False)
    page = "(4tto6) 5/2, Stewart, Iieminerha, (17286) 8S bags dry\n4/4, green US bag a/4."
    assert _slots(page, "edge_capital") == []


@pytest.mark.parametrize(
    "text",
    [
        "Take the 4G network; 5 networks and 12 tons.",  # no figures around, no unit
        "the B52 and the B52 flew over 3 towns, 4 cities, 5 farms",  # printed twice
        "tests on H2O, CO2, 4G, 5G, B12, A4 paper, 3D prints, the G20, MP3 files, 1s. 6d.",
    ],
)
def test_codes_kept(text: str) -> None:
    assert _slots(text, "edge_capital") == []


def test_currency_glyphs() -> None:
    assert _slots("of braces, valued at £G lo', and the", "currency_glyph") == [("G", "6")]
    assert _slots("paid in $US, not £GBP", "currency_glyph") == []


def test_currency_glyphs_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_numslot, "CURRENCY_GLYPHS", False)
    assert _slots("of braces, valued at £G lo', and the", "currency_glyph") == []
