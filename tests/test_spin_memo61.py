"""Session 61 (speedspin61): two exact memos of the spin stage on a spun document —
``repair.score.spin.MEASURE_MEMO`` (a first-round row of ``score_spin`` read once for the
document's later calls) and ``repair.stages.spin.EXTRA_MEMO`` (what each candidate gains
before the topic pick, read once per written form, sense-table key and candidate) — and
the cached inflection check ``spin_form_agree.agree``: the same repair, less work
(benchmarks/RESULTS.md, "Session 61, speedspin")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import repair.score.spin as score_spin
import repair.score.spin_form_agree as form_agree
import repair.stages.spin as stage
from repair.pipeline import repair_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from spin_sim import spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402


def _spinbot_dev() -> str:
    """A spinbot-spun dev document (the stage calls score_spin four times on it)."""
    d = select("dev", 400)[1]
    return spin_doc(d.doc_id, d.register, d.text, "spinbot", "dev", 0.25).spun


def _repair(monkeypatch: pytest.MonkeyPatch, text: str, on: bool) -> tuple[tuple, dict]:
    """The repair of ``text`` (its text, spin score and edits) and the calls counted."""
    monkeypatch.setattr(score_spin, "MEASURE_MEMO", on)
    monkeypatch.setattr(stage, "EXTRA_MEMO", on)
    calls = {"measure": 0, "agree": 0}
    measure, agree = score_spin._measure, form_agree.agree.__wrapped__

    def counted_measure(*args):  # type: ignore[no-untyped-def]
        calls["measure"] += 1
        return measure(*args)

    def counted_agree(written: str, original: str) -> bool:
        calls["agree"] += 1
        return agree(written, original)

    monkeypatch.setattr(score_spin, "_measure", counted_measure)
    monkeypatch.setattr(form_agree, "agree", counted_agree)
    r = repair_text(text)
    monkeypatch.undo()
    return (r.text, r.scores.spin, repr(r.edits)), calls


@pytest.mark.parametrize("which", ["spinbot", "seed"])
def test_same_repair_fewer_reads(spun_seed: str, which: str) -> None:
    text = _spinbot_dev() if which == "spinbot" else spun_seed
    off, off_calls = _repair(pytest.MonkeyPatch(), text, False)
    on, on_calls = _repair(pytest.MonkeyPatch(), text, True)
    assert on == off and off[0] != text  # the same restorations
    if which == "seed":  # one score_spin call: nothing to remember, the same reads
        assert on_calls["measure"] == off_calls["measure"]
        assert 0 < on_calls["agree"] < off_calls["agree"]
        return
    # the stage's later score_spin calls read the first round's rows remembered
    assert 0 < on_calls["measure"] < off_calls["measure"]
    # the topic pick's terms read once per (form, sense key, candidate)
    assert 0 < on_calls["agree"] < off_calls["agree"]


def test_measure_memo_kept_on_the_document(spun_seed: str) -> None:
    from repair.document import Document
    from repair.score.spin_context import WordContext
    from repair.types import Candidate

    doc = Document(spun_seed)
    word = next(t for t in doc.words if t.text.isalpha() and len(t.text) > 5)
    c = Candidate(word.start, word.end, "house", "spin", "SPIN_SYNONYM")
    memo = score_spin._measure_memo(doc)
    row = score_spin._remembered(doc, WordContext.of(doc), frozenset(), c, memo)
    assert row == score_spin._measure(doc, WordContext.of(doc), frozenset(), c)
    assert memo == {(c.start, c.end, "house"): row[1:]}
    again = score_spin._remembered(doc, WordContext.of(doc), frozenset(), c, memo)
    assert again == row and again[0] is c
    assert score_spin._measure_memo(doc) is memo


def test_agree_cached() -> None:
    form_agree.agree.cache_clear()
    assert not form_agree.agree("elderly", "older")
    assert not form_agree.agree("elderly", "older")
    assert form_agree.agree.cache_info().hits == 1
