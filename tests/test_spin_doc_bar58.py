"""Session 58 (spinbot): a routed document's relief for word-model rows under the bar."""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import spin_doc_bar
from repair.score.spin_doc_bar import one_original_forms, relieved
from repair.types import Candidate

TEXT = "They fathom it. We fathom that."


def _row(start: int, original: str, p: float, **feats: object) -> Candidate:
    return Candidate(start, start + 6, original, "spin", "SPIN_SYNONYM",
                     {"model_probability": p, **feats})  # fmt: skip


@pytest.mark.parametrize("relief", [None, 0.7])
def test_relief_keeps_a_row_just_under_the_bar(monkeypatch: pytest.MonkeyPatch, relief) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(spin_doc_bar, "DOC_RELIEF", relief)
    doc = Document(TEXT)
    rows = [_row(5, "understand", 0.3), _row(19, "understand", 0.6)]
    forms = one_original_forms(doc, rows)
    assert relieved(doc, rows[0], 0.4, True, forms) is (relief is not None)
    if relief is not None:
        assert rows[0].features["word_bar"] == 0.3


def test_relief_needs_route_bar_and_one_original(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spin_doc_bar, "DOC_RELIEF", 0.7)
    doc = Document(TEXT)
    rows = [_row(5, "understand", 0.3), _row(19, "grasp", 0.6)]
    forms = one_original_forms(doc, rows)
    assert forms == set()
    assert not relieved(doc, rows[0], 0.4, True, forms)  # two originals for "fathom"
    one = {"fathom"}
    assert not relieved(doc, rows[0], 0.4, False, one)  # not routed
    assert not relieved(doc, rows[0], 2.0, True, one)  # gate shut
    assert not relieved(doc, _row(5, "understand", 0.2), 0.4, True, one)  # under 0.7 x bar
    assert not relieved(doc, _row(5, "understand", 0.3, common=True), 0.4, True, one)
