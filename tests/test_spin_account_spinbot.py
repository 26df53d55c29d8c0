"""benchmarks/spin_account_spinbot.py: each gold substitution in exactly one class, by the
stage's own decision reason codes (issue 11, session 37)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
acc = pytest.importorskip("spin_account_spinbot")


def _c(**kw: object) -> tuple[str, str]:
    args = {
        "written": "jumble", "orig": "work", "edit_to": None, "edit_rule": "", "listed": True,
        "shut": False, "top": "work", "scored": {}, "dropped": None, "skip": "common",
    }  # fmt: skip
    args.update(kw)
    return acc.classify(**args)


def test_classes_in_order() -> None:
    assert _c(edit_to="Work", edit_rule="SPIN_SYNONYM") == ("e:restored", "SPIN_SYNONYM")
    assert _c(edit_to="job", edit_rule="SPIN_SYNONYM") == ("d:wrong_edit", "SPIN_SYNONYM")
    assert _c(listed=False) == ("a:no_candidate", "word")
    assert _c(written="hold with", orig="agree", listed=False) == ("a:no_candidate", "multiword")
    assert _c(shut=True) == ("b:not_read", "gate_shut")
    assert _c(top=None) == ("b:not_read", "not_target:common")
    assert _c(top="job") == ("d:other_top", "row")
    assert _c(dropped="weak_evidence") == ("c:declined", "weak_evidence")
    assert _c(scored={"work": "proper_noun"}) == ("c:declined", "score:proper_noun")
    assert _c(scored={"work": ""}, dropped="guarded") == ("c:declined", "guarded")
    assert _c(scored={"job": ""}) == ("d:other_top", "scored")
    multi = {"written": "hold with", "orig": "agree", "top": "agree"}
    assert _c(**multi, dropped="below_threshold") == ("c:declined", "below_threshold/multiword")
    assert _c(**{**multi, "top": None}) == ("b:not_read", "multiword")


def test_in_lists_reads_first_and_reverse_candidates() -> None:
    assert acc.in_lists("atmospheric", "light")  # a reverse original only
    assert not acc.in_lists("atmospheric", "table")
    assert not acc.in_lists("u2", "you")
