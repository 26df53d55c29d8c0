"""Two content words glued by a lost space on a shut page (:data:`repair.candidates.
ocr_lightmerge.MERGE_PAIRS`, issue 12, session 58)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_lightmerge
from repair.candidates.ocr_lightmerge import compounds, pair_cuts
from tests.test_ocr_lightmerge54 import _built, _edits

TEXT = (
    "The new rules, the minister said on Monday, mightspeed up the approval of the plan "
    "and cut the delays that farmers face every year."
)


@pytest.fixture(autouse=True)
def _flag_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_PAIRS", True)


def test_one_cut_into_two_content_words() -> None:
    assert pair_cuts("basedupon") == [("based", "upon")]
    assert pair_cuts("forecastsin") == []  # two cuts: "forecast sin", "forecasts in"
    assert pair_cuts("quokkahouse") == []  # a piece too rare


def test_compounds_the_dictionary_is_made_of_stay() -> None:
    assert compounds("box", head=False) and compounds("search", head=True)
    assert not compounds("based", head=True)
    assert pair_cuts("searchbox") == []
    assert pair_cuts("headoff") == []
    assert _built("type it in the searchbox of the page") == []


def test_a_merge_of_two_content_words_is_split() -> None:
    assert _built(TEXT) == ["might speed"]
    assert _edits(TEXT) == [("mightspeed", "might speed")]


def test_flag_off_leaves_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_PAIRS", False)
    assert _built(TEXT) == []
    assert _edits(TEXT) == []


def test_a_token_printed_twice_or_capitalised_stays() -> None:
    twice = TEXT + " It mightspeed things."
    assert _built(twice) == []
    assert _built("The bank said Mightspeed was due.") == []
