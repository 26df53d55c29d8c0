"""benchmarks/spin_mill_gate.py and the session-66 cues of benchmarks/spin_mill_cues.py: the
document cues of a paper mill's abstract and the ranking cues of its rows (issue 11,
session 66)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
gate = pytest.importorskip("spin_mill_gate")
cues = pytest.importorskip("spin_mill_cues")

from repair.document import Document  # noqa: E402

ABSTRACT = (
    "Wireless sensor networks must save energy to run for a long time without new "
    "batteries. We propose a routing protocol that chooses the next node by its remaining "
    "energy and its distance to the base station. Simulations show that the network lives "
    "thirty percent longer than with the common protocol, while the delay of each message "
    "grows only slightly. The protocol is easy to add to existing devices."
)


def test_auc_and_above() -> None:
    assert gate.auc([1.0], [0.0]) == 1.0
    assert gate.auc([0.0], [0.0]) == 0.5
    assert gate.above([1.0, 2.0, 3.0], [2.0]) == 1


def test_cues_read_formal_text_only() -> None:
    got = gate.cues(ABSTRACT, lambda _text: [])
    assert got is not None and set(got) >= {"vocabulary", "row lift", "windows", "lift 2"}
    assert got["row lift"] == 0.0  # no rows given
    speech = "My fellow citizens, I stand here today humbled by the task before us. " * 4
    assert gate.cues(speech, lambda _text: []) is None


def test_row_lift_counts_a_register_word_the_context_asks_for() -> None:
    from repair.detect.science import weights

    table = weights()
    strong = max(table, key=lambda w: table[w])  # the register's most typical word
    start = ABSTRACT.index("network ")  # the written word: one the register does not list
    asked = (start, "xyzzy", [strong], [gate.ROW_GAIN + 1.0], [0.0])
    weak = (start, "xyzzy", [strong], [gate.ROW_GAIN - 1.0], [0.0])
    got = gate.cues(ABSTRACT, lambda _text: [asked])
    assert got is not None and got["row lift"] > 0
    got = gate.cues(ABSTRACT, lambda _text: [weak])
    assert got is not None and got["row lift"] == 0  # the context does not ask for it


def test_neighbour_term_and_echo() -> None:
    doc = Document(ABSTRACT.replace("sensor networks", "sensor webs"))
    start = doc.text.index("webs")
    assert cues.neighbour_term(doc, start, "networks")
    assert not cues.neighbour_term(doc, start, "tissues")
    assert cues.echoed(doc, start, "networks")  # "the network lives" elsewhere
    assert not cues.echoed(doc, start, "tissues")
