"""The reverse readings' own model behind a document gate (repair.score.spin_reread_model,
REREAD_MIN_ROWS) and the cross-fit halves of the spin benchmark (spin_eval.py --half);
issue 11, session 56 (spinreread)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import repair.stages.spin as spin
from repair.document import Document
from repair.score import spin_reread_model as refit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

# tests/test_spin_reverse_wide.py's text: the wide reverse reading restores "breast",
# the reverse reading keeps no row of its own
BATTLE = (
    "A British study has found that the incidence of battle cancer is higher in rural areas. "
    "The report says battle cancer is now the leading cause of cancer death among women, "
    "and screening for battle cancer should start earlier."
)


def _reverse(monkeypatch: pytest.MonkeyPatch, on: bool, min_rows: int) -> list:
    monkeypatch.setattr(refit, "REREAD_MODEL", on)
    monkeypatch.setattr(refit, "REREAD_MIN_ROWS", min_rows)
    doc = Document(BATTLE)
    return spin.reverse_reading(doc, spin.STAGE.detect(doc), [], 0.5)


def _key(rows: list) -> list:
    return [(c.start, c.end, c.replacement, sorted(c.features.items())) for c in rows]


def test_shipped_gate() -> None:
    assert refit.REREAD_MODEL is True and refit.REREAD_MIN_ROWS == 4
    assert not refit.gate_open(0) and not refit.gate_open(3) and refit.gate_open(4)


def test_a_closed_gate_gives_the_shipped_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    off = _reverse(monkeypatch, False, 1)
    assert off and {c.replacement for c in off} == {"breast"}
    assert all(c.features["reverse_wide"] for c in off)
    # no shipped reverse row in this document: the gate stays shut, every row is main's
    assert _key(_reverse(monkeypatch, True, 1)) == _key(off)
    assert _key(_reverse(monkeypatch, True, 5)) == _key(off)
    # an open gate (0: session 55's setting) lets the refit decide the wide reverse rows
    opened = _reverse(monkeypatch, True, 0)
    assert [c.start for c in opened] == [c.start for c in off]
    for a, b in zip(opened, off, strict=True):
        assert a.features["word_probability"] == pytest.approx(b.features["model_probability"])
        assert a.features["model_probability"] > b.features["model_probability"]
        assert a.features["word_bar"] == refit.REREAD_BAR


def test_the_rows_are_scored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    score = spin._score_rows

    def counted(*a, **k):  # type: ignore[no-untyped-def]
        calls.append(len(a[3]))
        return score(*a, **k)

    monkeypatch.setattr(spin, "_score_rows", counted)
    off = _reverse(monkeypatch, True, 0)
    n = len(calls)
    assert off and n >= 1
    calls.clear()
    _reverse(monkeypatch, False, 0)
    assert len(calls) == n  # the refit re-decides the reverse rows without reading them again


def test_the_halves_split_the_documents() -> None:
    import spin_eval

    docs, spun = spin_eval.spun_docs("phrase", "dev", 6, spin_eval.RATE)
    a, spun_a = spin_eval.spun_docs("phrase", "dev", 6, spin_eval.RATE, "a")
    b, _spun_b = spin_eval.spun_docs("phrase", "dev", 6, spin_eval.RATE, "b")
    ids = [d.doc_id for d in docs]
    assert [d.doc_id for d in a] == ids[0::2] and [d.doc_id for d in b] == ids[1::2]
    assert [s.spun for s in spun_a] == [s.spun for s in spun[0::2]]
    assert not {d.doc_id for d in a} & {d.doc_id for d in b}


def test_the_refit_halves_are_the_benchmark_halves() -> None:
    import spin_reread_refit as bench

    rows = [{"doc": j} for j in range(5)]
    assert [r["doc"] for r in bench.half_rows(rows, "a")] == [0, 2, 4]
    assert [r["doc"] for r in bench.half_rows(rows, "b")] == [1, 3]
