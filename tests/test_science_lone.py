"""One supported word-model row is enough in a short scientific document (issue 11, session 47).

A simulated mill abstract of 60-80 words at the mill's 25 % rate holds one or two words whose
original the book counts support ("sensor webs" -> "sensor networks", 9.9 nats), so the
register's old count of two distinct rows (``repair.score.science.MIN_DOC_WORDS`` 2) kept
them; the clean version of the abstract has no such row and stays clean."""

from __future__ import annotations

import dataclasses

import pytest

from repair import repair_text
from repair.config import RepairConfig
from repair.score import mill_windows, science, spin_lone

#: a dev abstract of benchmarks/spin_sim/abstracts.py through the simulated mill
#: (benchmarks/spin_sim/mill.py)
MILL_SENSORS = (
    "Wireless sensor webs must save determination to run for a long time without trendy "
    "batteries. We put a routing calendar that chooses the next node by its wearing energy "
    "and its distance to the base station. Simulations show that the network beings thirty "
    "percent longer than with the common protocol, while the delay of each message grows "
    "only lightly. The protocol is permissive to add to existing devices.\n"
)
CLEAN_SENSORS = (
    "Wireless sensor networks must save energy to run for a long time without new "
    "batteries. We propose a routing protocol that chooses the next node by its remaining "
    "energy and its distance to the base station. Simulations show that the network lives "
    "thirty percent longer than with the common protocol, while the delay of each message "
    "grows only slightly. The protocol is easy to add to existing devices.\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    from repair.stages import REGISTRY

    on = {"spin", "tortured", "collocation"}
    config = dataclasses.replace(RepairConfig(), **{s.name: s.name in on for s in REGISTRY})
    return {(e.original, e.replacement) for e in repair_text(text, (), config).edits}


def test_one_supported_row_is_read_by_default() -> None:
    assert science.MIN_DOC_WORDS == 1
    assert ("webs", "networks") in _pairs(MILL_SENSORS)


def test_two_rows_needed_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(science, "MIN_DOC_WORDS", 2)
    # the lone strong rows (session 58, on) would read the same word in this abstract
    monkeypatch.setattr(spin_lone, "LONE_ROWS", False)
    # ... and the band the tortured window "sensor webs" opens (session 59, on)
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", False)
    assert ("webs", "networks") not in _pairs(MILL_SENSORS)


def test_the_clean_abstract_stays_clean() -> None:
    assert repair_text(CLEAN_SENSORS).text == CLEAN_SENSORS
    assert not _pairs(CLEAN_SENSORS)
