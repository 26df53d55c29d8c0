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


# --- session 27: equal prices are decided by the page, never by the hash seed ---------


def test_equal_prices_go_to_the_reading_the_page_prints_more(monkeypatch):
    from collections import Counter

    monkeypatch.setattr(abbrev, "_priced", lambda text: (("Miss", 1.0), ("Mrs", 1.0)))
    page = Counter({"Mrs": 40, "Miss": 9})
    assert abbrev.abbrev_reading("Mi's", page, False, False, False)[0] == "Mrs"
    page = Counter({"Mrs": 2, "Miss": 9})
    assert abbrev.abbrev_reading("Mi's", page, False, False, False)[0] == "Miss"


def test_a_cheaper_reading_still_wins_over_a_more_printed_one(monkeypatch):
    from collections import Counter

    monkeypatch.setattr(abbrev, "_priced", lambda text: (("Miss", 0.5), ("Mrs", 3.0)))
    page = Counter({"Mrs": 2, "Miss": 0})
    assert abbrev.abbrev_reading("Mi's", page, False, False, False)[0] == "Miss"


def test_priced_order_does_not_follow_the_hash_seed():
    import os
    import subprocess
    import sys

    code = (
        "from repair.candidates.ocr_abbrev import _priced;"
        "print([_priced(w) for w in ('Mr', 'Mre', 'Dn', 'Miu', 'Capl')])"
    )
    outs = set()
    for seed in ("1", "4", "11"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outs.add(run.stdout)
    assert len(outs) == 1
    assert abbrev._ORDERED == tuple(sorted(abbrev.ABBREVIATIONS))
