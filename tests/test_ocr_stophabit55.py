"""A page that lost its full stops (session 55, ocrpunct; issue 12):
:mod:`repair.candidates.ocr_stophabit` and its hook in the stop pass
(:func:`repair.candidates.ocr_stoppass._stops`).  The behaviour tests fail with
:data:`repair.candidates.ocr_stophabit.STOPLESS_PAGE` off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_stophabit, ocr_stoppass
from repair.tokenize import tokenize

#: A column whose words print right and whose stops are lost.
STOPLESS = (
    "The council met yesterday afternoon and the members were present at the hall\n"
    "There was a long debate on the question of the new bridge over the river\n"
    "The cost of the work was put at a large sum of money It is easy enough to\n"
    "see that the town cannot pay for the bridge without help from the state The\n"
    "members agreed to ask the Government for a grant towards the cost of the work.\n"
)


@pytest.fixture
def flags() -> Iterator[None]:
    saved = (ocr_stophabit.STOPLESS_PAGE, ocr_stophabit.STOPLESS_MARGIN)
    yield
    ocr_stophabit.STOPLESS_PAGE, ocr_stophabit.STOPLESS_MARGIN = saved


def _stops(page: str) -> list[str]:
    """The stop pass's readings of ``page`` with no word reading on it, as "before|after"."""
    toks = tokenize(page)
    out = []
    for c in ocr_stoppass._stops(toks, []):
        before = page[: c.start].split()[-1]
        out.append(f"{before}{c.replacement.strip()}|{page[c.end :].split()[0]}")
    return out


def test_opener_gaps_count_the_stops_a_page_prints_before_its_openers() -> None:
    assert ocr_stophabit.opener_gaps(tokenize(STOPLESS)) == (4, 0)
    printed = "The rain fell yesterday. It was cold. They walked home. The road was long."
    assert ocr_stophabit.opener_gaps(tokenize(printed)) == (0, 3)
    # no sentence ends after "of" or "the": "the City of Sydney" is no lost stop
    named = "the Mayor of Sydney met the Mayor for the City of Sydney and the Test team"
    assert ocr_stophabit.opener_gaps(tokenize(named)) == (0, 0)
    assert ocr_stophabit.stopless_page(tokenize(STOPLESS))
    assert not ocr_stophabit.stopless_page(tokenize(printed))


@pytest.mark.usefixtures("flags")
def test_a_stopless_page_gets_its_stops_without_a_reading_beside_them() -> None:
    ocr_stophabit.STOPLESS_PAGE = True
    found = _stops(STOPLESS)
    assert "money.|It" in found and "hall.|There" in found and "river.|The" in found
    ocr_stophabit.STOPLESS_PAGE = False
    assert _stops(STOPLESS) == []  # no word reading changed a word of any window


@pytest.mark.usefixtures("flags")
def test_a_page_that_prints_its_stops_keeps_the_reading_window() -> None:
    ocr_stophabit.STOPLESS_PAGE = True
    page = (
        "The council met yesterday afternoon. The members were present at the hall.\n"
        "There was a long debate on the question of the new bridge over the river.\n"
        "The cost of the work was put at a large sum of money It is easy enough to\n"
        "see that the town cannot pay for the bridge without help from the state.\n"
    )
    assert not ocr_stophabit.stopless_page(tokenize(page))
    assert _stops(page) == []


@pytest.mark.usefixtures("flags")
def test_the_stopless_margin_lowers_the_bar_only_on_a_stopless_page() -> None:
    ocr_stophabit.STOPLESS_MARGIN = -2.0
    assert ocr_stophabit.margin(-1.5, True) == -2.0
    assert ocr_stophabit.margin(-1.5, False) == -1.5
    ocr_stophabit.STOPLESS_MARGIN = None
    assert ocr_stophabit.margin(-1.5, True) == -1.5
