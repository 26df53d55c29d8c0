"""Titles and name abbreviations before a name (repair.candidates.ocr_abbrev)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr
import repair.candidates.ocr_abbrev as abbrev
from repair.candidates.ocr_abbrev import abbrev_candidates
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page

LIST = "Pte Jas Kirk, Pte Chas Ross, Sgt Geo Hall, Sgt Wm Bell, Pte Jos Carr. "


def _read(text: str) -> list[tuple[str, str]]:
    return [
        (c.features["printed"], c.replacement)
        for c in abbrev_candidates(tokenize(text), frozenset())
    ]


def test_a_given_name_the_page_prints() -> None:
    got = _read(LIST + "Pte Clias Alfred Pugh, L Cpl Philip las George Dene, T Set Geo Tarrant.")
    assert got == [("Clias", "Chas"), ("las", "Jas"), ("Set", "Sgt")]
    # the same prints where the page prints no such abbreviation: left
    assert _read("Pte Clias Alfred Pugh, L Cpl Philip las George Dene, T Set Geo Tarrant.") == []


def test_the_slot_needs_a_name_after() -> None:
    assert _read(LIST + "I Set The table, and Clias lacker.") == []  # no name after
    assert _read(LIST + "the parties were married at St Mary's, at Sydney.") == []  # "at"
    assert _read(LIST + "L cpl Tom Dene, Fr sgt John Hill, Ptes Adam Clark.") == []  # kept as set
    # a word before a garbled capital is a name of its own
    assert _read(LIST + "St Kilda, St Ives, the caves where Al Qaeda hid, Al Qaeda") == []
    assert _read("Mr Smith, Mr Jones, Mr Brown; aboard Air ForceOne, Dr Da Wei, Ms Emily") == []


def test_a_title_by_the_wider_table() -> None:
    assert _read("a passenger list. Mrs. Parsing, Meséis. Eyre and Batt.") == [("Meséis", "Messrs")]


def test_in_a_heavy_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = LIST + "Pte Clias Alfred Pugh, Philip las George Dene."
    out = repaired_after_page(text)
    assert "Pte Chas Alfred Pugh, Philip Jas " in out
    monkeypatch.setattr(abbrev, "ABBREV", False)
    out = repaired_after_page(text)
    assert "Chas Alfred" not in out and "Philip las " in out
    assert ocr.abbrev_candidates is abbrev.abbrev_candidates


def test_clean_text_keeps_its_words() -> None:
    text = "Pte Jas Kirk and Pte Clias Alfred Pugh sailed; Philip las Ocorgc came."
    assert repair_text(text, config=RepairConfig()).text == text
