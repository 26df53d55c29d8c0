"""Stops lost after initials in heavily garbled pages (repair.candidates.ocr_initials)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr
from repair.candidates.ocr_initials import initial_stop_candidates
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page


def _stops(text: str) -> list[int]:
    return [c.start for c in initial_stop_candidates(tokenize(text))]


def test_initials_before_a_name_get_their_stop() -> None:
    assert _stops("in Court G B Brodie, registrar") == [10, 12]


def test_article_and_pronoun_are_no_initials() -> None:
    assert _stops("A Court sat. I Thought so. Then came A Smith.") == []
    assert _stops("Mr. A Carroll spoke") == [5]  # after a title "A" is an initial


def test_heading_and_stopped_initials_are_left() -> None:
    assert _stops("CASE B TRIAL OF CAUSES") == []
    assert _stops("Mr. W. T. Muston moved") == []


def test_in_a_heavy_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "She was present in Court when G B Brodie, the registrar, gave evidence."
    assert repaired_after_page(text).endswith(text.replace("G B", "G. B."))
    monkeypatch.setattr(ocr, "INITIAL_STOPS", False)
    assert repaired_after_page(text).endswith(text)


def test_clean_text_keeps_its_initials() -> None:
    text = "The novel by J K Rowling sold well, and G B Shaw wrote plays."
    assert repair_text(text, config=RepairConfig()).text == text


def _lost_stops(text: str) -> list[int]:
    from repair.candidates.ocr_stops import lost_stop_candidates

    return [c.start for c in lost_stop_candidates(tokenize(text), frozenset())]


def test_lost_stop_before_a_garbled_opener(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.candidates.ocr_stops as stops

    text = "He was sentenced to hard labour Ho was also charged with stealing."
    assert _lost_stops(text) == [31]  # "Ho" reads "He": a sentence opens
    monkeypatch.setattr(stops, "GARBLED_OPENERS", False)
    assert _lost_stops(text) == []


def test_no_lost_stop_before_a_name_run() -> None:
    assert _lost_stops("The beach was named Ho Chi Minh Park by the council.") == []


def test_no_stop_before_a_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.candidates.ocr_initials as initials

    text = "Pte Thomas Cubitt, L Cpl Philip Dene, T Sgt Kevin Moore"
    assert _stops(text) == []
    monkeypatch.setattr(initials, "RANK_NEXT", False)
    assert _stops(text) == [20, 39]


def test_page_that_prints_its_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.candidates.ocr_initials as initials

    team = "Full-back.\nM Ryan. O. Parkinson.\nE. Horne. P. Devery.\nT. McCue. L. Grice.\n"
    assert _stops(team) == []  # five initials printed with their stop, one without
    monkeypatch.setattr(initials, "PAGE_HABIT", False)
    assert _stops(team) == [12]
    monkeypatch.setattr(initials, "PAGE_HABIT", True)
    lost = "Mr. W. T. Muston moved, Mr J Smith, G B Brodie, T Punch and J Mount"
    assert len(_stops(lost)) == 5  # two printed, five lost: the OCR loses them
