"""Session 65 (spinmem65): the spin scorer's accept memo made lighter, exactly — each
accepted row is remembered as the inputs its edit is a function of and the edit's head
(offset, replacement, confidence), its pair's count and Zipf items shared by the pair's
rows, and the evidence, message and ``Edit`` are built when ``score_spin`` returns
(``repair.score.spin.ACCEPT_LIGHT``; benchmarks/RESULTS.md, "Session 65, spinmem")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import repair.score.spin as score_spin
from repair.document import Document
from repair.pipeline import repair_text
from repair.types import Edit
from tests.test_spin_speed65 import seed_candidates

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402


def _repaired(text: str, memo: bool, light: bool) -> tuple:
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "ACCEPT_MEMO", memo)
    mp.setattr(score_spin, "ACCEPT_LIGHT", light)
    try:
        r = repair_text(text)
    finally:
        mp.undo()
    return r.text, r.scores.spin, repr(r.edits)


def test_light_memo_same_repair() -> None:
    """A spinbot-spun dev document (several score_spin calls): the same restorations,
    evidence and alternatives with the light memo, the built-edit memo and no memo."""
    d = select("dev", 400)[1]
    text = spin_doc(d.doc_id, d.register, d.text, "spinbot", "dev", 0.25).spun
    light = _repaired(text, True, True)
    assert light[0] != text
    assert light == _repaired(text, True, False) == _repaired(text, False, False)


def _memo_after_two_calls(spun_seed: str, light: bool) -> tuple[dict, list[Edit]]:
    doc = Document(spun_seed)
    cands = seed_candidates(spun_seed)
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "ACCEPT_LIGHT", light)
    try:
        first = score_spin.score_spin(doc, 0.99, cands, gate=False)
        second = score_spin.score_spin(doc, 0.99, cands, gate=False)
    finally:
        mp.undo()
    assert first and repr(first) == repr(second)
    assert all(a.evidence is not b.evidence for a, b in zip(first, second, strict=True))
    return doc.__dict__["_spin_accept_rows"], first


def _holds_built(value: object) -> bool:
    """Whether a memo entry holds an Edit or an evidence dict."""
    if isinstance(value, (Edit, dict)):
        return True
    if isinstance(value, tuple):
        return any(_holds_built(v) for v in value)
    slots = getattr(type(value), "__slots__", ())
    return isinstance(value, score_spin._Accepted) and any(
        _holds_built(getattr(value, s)) for s in slots
    )


def test_light_memo_holds_no_built_edit(spun_seed: str) -> None:
    rows, first = _memo_after_two_calls(spun_seed, True)
    assert rows and not any(_holds_built(v) for v in rows.values())
    assert all(type(v) is score_spin._Accepted for v in rows.values())
    # the rows of one pair share its count and Zipf items
    parts = {}
    for v in rows.values():
        key = (v.written.lower(), v.c.replacement.lower())
        assert parts.setdefault(key, v.part) is v.part
    # the flag off: session 65 speedspin's memo of built edits, the same output
    rows_off, first_off = _memo_after_two_calls(spun_seed, False)
    assert all(_holds_built(v) for v in rows_off.values())
    assert repr(first_off) == repr(first)
