"""Tortured term windows as document-level paper-mill evidence (issue 11, session 59).

``repair.score.mill_windows.MILL_WINDOWS`` ships on: a formal document that addresses no
audience and holds a tortured term window ("sucking water" for "drinking water": the
written pair unassociated, the term asked for by its context) gets the spin stage's band of
word decisions (``repair.stages.spin.science_band``), so its other strong rows are read;
its clean original, the clean suite's academic prose (an adverb's pair, "varies
substantially") and a speech stay clean, and nothing changes with the flag off."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import mill_windows
from tests.test_spin_lone import _pairs

#: dev abstract 12 of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py)
MILL_RIVERS = (
    "Antibiotic resistance is a growing threat to buff health. We analysed samples from the "
    "water of three rivers near large cities and found stiff bacteria in all of them. The "
    "number of resistant strains was heaviest downstream of clinics and treatment plants. Our "
    "findings support stricter overlooks for stump water and quarterly wariness of rivers "
    "that are used for sucking water.\n"
)
CLEAN_RIVERS = (
    "Antibiotic resistance is a growing threat to public health. We analysed samples from the "
    "water of three rivers near large cities and found resistant bacteria in all of them. The "
    "number of resistant strains was highest downstream of hospitals and treatment plants. Our "
    "findings support stricter rules for waste water and regular monitoring of rivers that are "
    "used for drinking water.\n"
)
#: the rows the band reads once the window opens it (both the mill's: gold)
OPENED = {("buff", "public"), ("overlooks", "rules")}
ACADEMIC = Path(__file__).resolve().parent.parent / "benchmarks/suites/clean"
ACADEMIC = ACADEMIC / "hand_academic_prose.clean.txt"


def test_ships_on_and_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert mill_windows.MILL_WINDOWS is True
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", False)
    assert not OPENED & _pairs(MILL_RIVERS)
    assert not mill_windows.opens(Document(MILL_RIVERS))


def test_on_opens_the_band_for_the_other_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", True)
    assert mill_windows.tortured_windows(Document(MILL_RIVERS)) == 1  # "sucking water"
    assert mill_windows.opens(Document(MILL_RIVERS))
    assert OPENED <= _pairs(MILL_RIVERS)


def test_on_keeps_the_clean_original_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", True)
    assert mill_windows.tortured_windows(Document(CLEAN_RIVERS)) == 0
    assert repair_text(CLEAN_RIVERS).text == CLEAN_RIVERS


def test_nominal_keeps_academic_prose_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pair "varies substantially" -> "varies considerably" is a known term, unassociated as
    written and asked for by its context, but no noun term: with NOMINAL off it counts
    and the band changes the clean text ("nations" -> "countries")."""
    text = ACADEMIC.read_text(encoding="utf-8")
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", True)
    assert mill_windows.tortured_windows(Document(text)) == 0
    assert repair_text(text).text == text
    monkeypatch.setattr(mill_windows, "NOMINAL", False)
    assert mill_windows.tortured_windows(Document(text)) == 1
    assert repair_text(text).text != text


def test_a_speech_is_not_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", True)
    speech = MILL_RIVERS.replace("Our findings", "We must act: our findings") + (
        "Our nation shall not wait.\n"
    )
    assert mill_windows.tortured_windows(Document(speech)) == 1
    assert not mill_windows.opens(Document(speech))


def test_rate_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """One window in a long formal text is under MIN_PER_1000."""
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", True)
    filler = " The samples were stored at four degrees before the analysis." * 12
    long_text = MILL_RIVERS.rstrip("\n") + filler + "\n"
    assert mill_windows.tortured_windows(Document(long_text)) == 1
    assert not mill_windows.opens(Document(long_text))
