"""Session 65 (speedspin65): two exact cuts of the spin stage's scoring on an unknown
spinner's text — a row's accepted edit remembered for the document's later ``score_spin``
calls and each pair's mean gain summed once a round (``repair.score.spin.ACCEPT_MEMO``),
and a tied span's topic gains read as one row (``repair.stages.spin.TIE_ROW_TOPIC``): the
same repair, less work (benchmarks/RESULTS.md, "Session 65, speedspin")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import repair.score.spin as score_spin
import repair.score.spin_topic as spin_topic
import repair.stages.spin as stage
from repair.pipeline import repair_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402


def _spinbot_dev() -> str:
    """A spinbot-spun dev document (the stage calls score_spin several times on it)."""
    d = select("dev", 400)[1]
    return spin_doc(d.doc_id, d.register, d.text, "spinbot", "dev", 0.25).spun


def _repair(text: str, accept: bool, tie: bool) -> tuple[tuple, dict]:
    """The repair of ``text`` (its text, spin score and edits) and the work counted."""
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "ACCEPT_MEMO", accept)
    mp.setattr(stage, "TIE_ROW_TOPIC", tie)
    calls = {"built": 0, "topic": 0}
    built, topic = score_spin._head, spin_topic._topic_gain  # each edit built: its head

    def counted_built(*args):  # type: ignore[no-untyped-def]
        calls["built"] += 1
        return built(*args)

    def counted_topic(*args):  # type: ignore[no-untyped-def]
        calls["topic"] += 1
        return topic(*args)

    mp.setattr(score_spin, "_head", counted_built)
    mp.setattr(spin_topic, "_topic_gain", counted_topic)
    try:
        r = repair_text(text)
    finally:
        mp.undo()
    return (r.text, r.scores.spin, repr(r.edits)), calls


def test_accept_memo_same_repair_fewer_builds() -> None:
    text = _spinbot_dev()
    off, off_calls = _repair(text, False, True)
    on, on_calls = _repair(text, True, True)
    assert on == off and off[0] != text  # the same restorations, evidence and alternatives
    # the later score_spin calls read the first call's accepted edits
    assert 0 < on_calls["built"] < off_calls["built"] / 2


def test_tie_row_topic_same_repair_fewer_topic_reads() -> None:
    text = _spinbot_dev()
    off, off_calls = _repair(text, True, False)
    on, on_calls = _repair(text, True, True)
    assert on == off
    # each near-tied original's topic gain was one _topic_gain; now the row reads them
    assert on_calls["topic"] < off_calls["topic"]



def seed_candidates(spun_seed: str) -> list:
    """The first 40 one-word spin edits of the spun seed as strong SPIN_PAIR candidates
    (shared with tests/test_spin_mem65.py)."""
    from repair.types import Candidate

    cands = [
        Candidate(e.offset, e.end, e.replacement, "spin", "SPIN_PAIR", {"strength": "strong"})
        for e in repair_text(spun_seed).edits
        if e.kind == "spin" and " " not in e.original
    ][:40]
    assert cands
    return cands


def test_remembered_edit_evidence_is_each_calls_own(spun_seed: str) -> None:
    """An output edit's evidence is a fresh dict each call (the remembered edit's is
    never handed out), and a second call over the same rows builds nothing new."""
    from repair.document import Document

    doc = Document(spun_seed)
    cands = seed_candidates(spun_seed)
    first = score_spin.score_spin(doc, 0.99, cands, gate=False)
    n = len(doc.__dict__["_spin_accept_rows"])
    second = score_spin.score_spin(doc, 0.99, cands, gate=False)
    assert repr(first) == repr(second) and first
    assert len(doc.__dict__["_spin_accept_rows"]) == n
    assert all(a.evidence is not b.evidence for a, b in zip(first, second, strict=True))
    mp = pytest.MonkeyPatch()
    mp.setattr(score_spin, "ACCEPT_MEMO", False)
    try:
        fresh = score_spin.score_spin(Document(spun_seed), 0.99, cands, gate=False)
    finally:
        mp.undo()
    assert repr(fresh) == repr(first)


def test_same_float() -> None:
    same = score_spin._same
    assert same(1.5, 1.5) and same(0.0, 0.0) and same(-0.0, -0.0)
    assert not same(0.0, -0.0) and not same(-0.0, 0.0)  # round(-0.0, 3) prints "-0.0"
    assert not same(float("nan"), float("nan")) and not same(1.0, 1.0 + 2**-52)
