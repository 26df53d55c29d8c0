"""Session 64 (spinpool64): one original per written span, pooled over its places (off)."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase as spin_phrase
import repair.score.spin_span_pool as sp
from repair.candidates.spin_phrase import Rival
from repair.document import Document
from repair.types import Edit

TEXT = "Their main interests were music. Later their main interests were sport. Main interests."
SPAN = "main interests"
GAINS = {  # place -> original -> gain: "things" wins at one place, "matters" summed
    0: {"things": 9.0, "matters": 8.5},
    1: {"things": 2.0, "matters": 6.0},
    2: {"things": 3.0, "matters": 3.5},
}


def _starts() -> list[int]:
    low = TEXT.lower()
    out, k = [], low.find(SPAN)
    while k >= 0:
        out.append(k)
        k = low.find(SPAN, k + 1)
    return out


def _readings(doc, start, end, near=None):  # type: ignore[no-untyped-def]
    place = _starts().index(start)
    return [Rival(o, g, g / 2, g / 2, 1.0, g, 0.0, False) for o, g in GAINS[place].items()]


def _edit(start: int, original: str) -> Edit:
    return Edit(start, len(SPAN), TEXT[start : start + len(SPAN)], original, "spin", 0.8, sp.RULE)


@pytest.fixture(autouse=True)
def _on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sp, "POOLED_SPANS", True)
    monkeypatch.setattr(sp, "CHOSEN_ONLY", True)
    monkeypatch.setattr(sp, "SPLIT_ONLY", True)
    monkeypatch.setattr(spin_phrase, "span_readings", _readings)


def test_shipped_off() -> None:
    import importlib

    fresh = importlib.reload(sp)
    assert fresh.POOLED_SPANS is False and fresh.CHOSEN_ONLY and fresh.SPLIT_ONLY


def test_a_split_span_takes_the_original_with_the_best_summed_gain(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _starts()
    edits = [_edit(a, "things"), _edit(b, "matters"), _edit(c, "Things")]
    got = sp.pooled_spans(Document(TEXT), edits)
    assert [e.replacement for e in got] == ["matters", "matters", "Matters"]
    assert sp.FEATURE in got[0].evidence and sp.FEATURE not in got[1].evidence
    monkeypatch.setattr(sp, "POOLED_SPANS", False)
    assert sp.pooled_spans(Document(TEXT), edits) == edits


def test_one_original_everywhere_is_left_unless_every_original_is_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, _c = _starts()
    edits = [_edit(a, "things"), _edit(b, "things")]
    assert sp.pooled_spans(Document(TEXT), edits) == edits
    monkeypatch.setattr(sp, "SPLIT_ONLY", False)
    assert sp.pooled_spans(Document(TEXT), edits) == edits  # only "things" was chosen
    monkeypatch.setattr(sp, "CHOSEN_ONLY", False)
    got = sp.pooled_spans(Document(TEXT), edits)
    assert [e.replacement for e in got] == ["matters", "matters"]
