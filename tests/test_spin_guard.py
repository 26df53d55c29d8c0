"""Spinner-agnostic restorations no synonym swap explains (repair/score/spin_guard.py, the
spin stage's GUARD): a number of another value, the part of a hyphenated compound."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.document import Document
from repair.score.spin_guard import compound_part, declined, guard, number_changed, number_value
from repair.score.spin_model import get_model
from repair.types import Candidate, Edit

TEXT = "They paid $132 billion for the golden-fronted bowerbird photos, the attorneys said."


def _edit(text: str, word: str, replacement: str, rule: str = "SPIN_SYNONYM") -> Edit:
    at = text.index(word)
    return Edit(at, len(word), word, replacement, "spin", 0.9, rule)


def test_number_values() -> None:
    assert number_value("Millions") == 1e6
    assert number_value("score") == 20.0
    assert number_value("scoring") is None
    assert number_changed("billion", "million")
    assert number_changed("thousands", "hundreds")
    assert not number_changed("dozen", "twelve")  # one value
    assert not number_changed("million", "many")  # not a number word
    assert not number_changed("two", "2")  # a figure is no number word: left to SPIN_NUMBER


def test_compound_parts() -> None:
    f = TEXT.index("fronted")
    assert compound_part(TEXT, f, f + len("fronted"))
    g = TEXT.index("golden")
    assert compound_part(TEXT, g, g + len("golden"))
    a = TEXT.index("attorneys")
    assert not compound_part(TEXT, a, a + len("attorneys"))
    dash = "the super powers--and it"
    p = dash.index("powers")
    assert not compound_part(dash, p, p + len("powers"))  # an em dash joins no compound
    assert not compound_part("-", 0, 1)
    assert compound_part("re-enter", 3, 8)


def test_declined_reads_the_spinner_agnostic_rules_only() -> None:
    assert declined(TEXT, _edit(TEXT, "billion", "million"))
    assert declined(TEXT, _edit(TEXT, "fronted", "faced", "CONSISTENT_RESTORATION"))
    assert not declined(TEXT, _edit(TEXT, "attorneys", "lawyers"))
    # a profile's pair is that spinner's habit ("hundreds" for "thousands"), kept
    text = "hundreds of people came"
    assert not declined(text, _edit(text, "hundreds", "thousands", "SPIN_PAIR"))
    assert declined(text, _edit(text, "hundreds", "thousands"))
    kept, out = guard(
        TEXT, [_edit(TEXT, "billion", "million"), _edit(TEXT, "attorneys", "lawyers")]
    )
    assert [e.replacement for e in kept] == ["lawyers"]
    assert [e.replacement for e in out] == ["million"]


def _cand(text: str, word: str, original: str) -> Candidate:
    at = text.index(word)
    f = {
        "strength": "synonym",
        "caps": False,
        "pair_source": "synonym",
        "model_probability": 0.99,
        "word_bar": 0.4,
        "gain0": 6.0,
        "main_features": [],
    }
    return Candidate(at, at + len(word), original, "spin", "SPIN_SYNONYM", f)


@pytest.mark.parametrize("on", [True, False])
def test_the_stage_declines_them(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(stage, "GUARD", on)
    doc = Document(TEXT)
    details = {"model_score": max(0.99, get_model().doc_gate), "profile_score": 0.0}
    det = stage.SpinDetection((), 0.99, details)
    cands = [
        _cand(TEXT, "billion", "million"),
        _cand(TEXT, "fronted", "faced"),
        _cand(TEXT, "attorneys", "lawyers"),
    ]
    edits = stage.STAGE.score(doc, det, cands)
    got = {e.original.lower(): e.replacement for e in edits}
    assert got.get("attorneys") == "lawyers"
    if on:
        assert "billion" not in got and "fronted" not in got
        assert details["decisions"].get("guarded") == 2
    else:
        assert got.get("billion") == "million" and got.get("fronted") == "faced"
