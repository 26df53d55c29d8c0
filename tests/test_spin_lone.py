"""Lone strong word rows of a formal document the spin gate keeps shut (issue 11, session 51).

``repair.score.spin_lone.LONE_ROWS`` ships off (clean formal prose holds the same rows);
these tests pin what it does when on: a simulated mill abstract whose spin gate is shut
and that neither the rare-word nor the sense-word pass reads gets its strong rows back,
its clean original stays clean, and nothing changes with the flag off."""

from __future__ import annotations

import dataclasses

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_lone
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


def test_ships_off_and_reads_nothing() -> None:
    assert spin_lone.LONE_ROWS is False
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
