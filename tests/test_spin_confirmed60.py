"""Session 60 (spinbot60): a confidently restored mapping carried to its other places."""

from __future__ import annotations

import pytest

import repair.score.spin_confirmed as conf
from repair.document import Document
from repair.types import Candidate, Edit

TEXT = "The large dog ran. A large cat sat. The large bird sang. The large cow ate."


def _edit(start: int, confidence: float) -> Edit:
    return Edit(start, 5, "large", "big", "spin", confidence, "SPIN_SYNONYM")


def _row(start: int, p: float, gain0: float = 1.0, original: str = "big") -> Candidate:
    feats = {"model_probability": p, "gain0": gain0}
    return Candidate(start, start + 5, original, "spin", "SPIN_SYNONYM", feats)


@pytest.fixture
def doc() -> Document:
    return Document(TEXT)


def _starts() -> list[int]:
    out, k = [], TEXT.find("large")
    while k >= 0:
        out.append(k)
        k = TEXT.find("large", k + 1)
    return out


def test_shipped_setting() -> None:
    assert conf.CONFIRMED_BAR == 0.05 and conf.CONFIDENT == 0.6 and conf.PLACES == 2
    assert conf.ROUTED_ONLY


def test_a_confident_restoration_carries_only_with_the_flag(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, c, _d = _starts()
    edits = [_edit(a, 0.72)]
    rows = [_row(b, 0.03), _row(c, 0.01, gain0=-0.5), _row(_d, 0.04, original="huge")]
    monkeypatch.setattr(conf, "CONFIRMED_BAR", None)
    assert conf.confirmed_rows(doc, rows, edits, set()) == []
    monkeypatch.setattr(conf, "CONFIRMED_BAR", 0.0)
    got = conf.confirmed_rows(doc, rows, edits, set())
    # the LM against it (gain0 <= 0) or another original: not carried
    assert [r.start for r in got] == [b]
    assert got[0].features["word_bar"] == 0.0 and got[0].features[conf.FEATURE]
    # a row the same-mapping pass already kept is not repeated
    assert conf.confirmed_rows(doc, rows, edits, {b}) == []


def test_a_weak_lone_restoration_does_not_confirm(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(conf, "CONFIRMED_BAR", 0.0)
    a, b, c, _d = _starts()
    rows = [_row(c, 0.03)]
    assert conf.confirmed_rows(doc, rows, [_edit(a, 0.55)], set()) == []
    # two restorations of the mapping confirm it whatever their confidence
    got = conf.confirmed_rows(doc, rows, [_edit(a, 0.55), _edit(b, 0.51)], set())
    assert [r.start for r in got] == [c]


def test_routed_only(doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(conf, "CONFIRMED_BAR", 0.0)
    a, b, _c, _d = _starts()
    rows, edits = [_row(b, 0.03)], [_edit(a, 0.72)]
    monkeypatch.setattr(conf, "ROUTED_ONLY", True)
    assert conf.confirmed_rows(doc, rows, edits, set(), routed=False) == []
    assert len(conf.confirmed_rows(doc, rows, edits, set(), routed=True)) == 1
    monkeypatch.setattr(conf, "ROUTED_ONLY", False)
    assert len(conf.confirmed_rows(doc, rows, edits, set(), routed=False)) == 1
