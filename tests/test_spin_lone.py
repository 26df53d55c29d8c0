"""Lone strong word rows of a formal document the spin gate keeps shut (issue 11, session 51).

``repair.score.spin_lone.LONE_ROWS`` ships on since session 58, behind the address gate
(``ADDRESS_GATE``: clean speeches hold the same rows): a simulated mill abstract whose spin
gate is shut and that neither the rare-word nor the sense-word pass reads gets its strong
rows back, its clean original stays clean, a clean speech stays clean, and nothing changes
with the flag off."""

from __future__ import annotations

import dataclasses

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.document import Document
from repair.score import mill_windows, spin_lone
from repair.types import Candidate

#: dev abstract 18 of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py)
MILL_SLEEP = (
    "Sleep plays an important role in retention. We asked sixty pupils to understand a list "
    "of words in the evening and tested them the ensuing morning. Students who slept for at "
    "least seven hours remembered more saws than those who slept less, even when the total "
    "time between acquisition and test was the same. A short nap the next day did not make "
    "up for the cleared oblivion. These detections support advice on oblivion for students "
    "before exams.\n"
)
CLEAN_SLEEP = (
    "Sleep plays an important role in memory. We asked sixty students to learn a list of "
    "words in the evening and tested them the next morning. Students who slept for at least "
    "seven hours remembered more words than those who slept less, even when the total time "
    "between learning and test was the same. A short nap the next day did not make up for "
    "the lost sleep. These findings support advice on sleep for students before exams.\n"
)
LONE = {("ensuing", "next"), ("saws", "words"), ("detections", "findings")}


def _pairs(text: str) -> set[tuple[str, str]]:
    from repair.stages import REGISTRY

    on = {"spin", "tortured", "collocation"}
    config = dataclasses.replace(RepairConfig(), **{s.name: s.name in on for s in REGISTRY})
    return {(e.original, e.replacement) for e in repair_text(text, (), config).edits}


def test_ships_on_and_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert spin_lone.LONE_ROWS is True
    monkeypatch.setattr(spin_lone, "LONE_ROWS", False)
    # the tortured window "ensuing morning" opens the band for the same rows (session 59, on)
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", False)
    assert not LONE & _pairs(MILL_SLEEP)


def test_on_restores_the_lone_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_lone, "LONE_ROWS", True)
    assert LONE <= _pairs(MILL_SLEEP)


def test_on_keeps_the_clean_abstract_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_lone, "LONE_ROWS", True)
    assert repair_text(CLEAN_SLEEP).text == CLEAN_SLEEP


def test_row_bars() -> None:
    doc = Document("We tested them the ensuing morning.\n")
    a = doc.text.index("ensuing")

    def row(original: str, p: float, gain: float) -> Candidate:
        feats = {"model_probability": p, "gain0": gain}
        return Candidate(a, a + len("ensuing"), original, "spin", "SPIN_SYNONYM", feats)

    assert spin_lone.strong(doc, row("next", 0.53, 12.0))
    assert not spin_lone.strong(doc, row("next", 0.2, 12.0))  # under BAR
    assert not spin_lone.strong(doc, row("next", 0.53, 5.0))  # under MIN_GAIN
    assert not spin_lone.strong(doc, row("sequent", 0.53, 12.0))  # the original is rarer


#: A clean dev short piece of an inaugural address (1893, Cleveland; spin_calibrate.py's
#: short pieces): formal style, a strong lone row ("forbearance" -> "kindness"), and the
#: speech's address to a people ("our", "us", "should").
SPEECH = (
    "Our relations with the Indians located within our border impose upon us "
    "responsibilities we can not escape. Humanity and consistency require us to treat them "
    "with forbearance and in our dealings with them to honestly and considerately regard "
    "their rights and interests. Every effort should be made to lead them, through the paths "
    "of civilization and education, to self-supporting and independent citizenship. In the "
    "meantime, as the nation's wards, they should be promptly defended against the cupidity "
    "of designing men and shielded from every influence or temptation that retards their "
    "advancement.\n"
)


def test_addresses_audience() -> None:
    assert spin_lone.addresses_audience(Document(SPEECH))
    assert not spin_lone.addresses_audience(Document(MILL_SLEEP))
    one = MILL_SLEEP.replace("These detections", "Our detections")  # one "our" in 78 words
    assert not spin_lone.addresses_audience(Document(one))
    two = one.replace("for students before", "for our students before")
    assert spin_lone.addresses_audience(Document(two))


def test_address_gate_keeps_the_speech_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_lone, "LONE_ROWS", True)
    assert spin_lone.ADDRESS_GATE is True
    assert not _pairs(SPEECH)
    monkeypatch.setattr(spin_lone, "ADDRESS_GATE", False)
    assert ("forbearance", "kindness") in _pairs(SPEECH)  # what the gate keeps out


def test_address_gate_keeps_the_mill_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_lone, "LONE_ROWS", True)
    assert spin_lone.ADDRESS_GATE is True
    assert LONE <= _pairs(MILL_SLEEP)
