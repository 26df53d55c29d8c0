"""Session 59 (spinlearn): the first-pass pairs' bar grows with the corpus (``EDIT_SCALED``)."""

from __future__ import annotations

import pytest

from repair import learn_edits
from repair.learn_edits import edit_pairs
from repair.types import Edit


def _edit(text: str, written: str, original: str) -> Edit:
    at = text.index(written)
    return Edit(at, len(written), written, original, "spin", 0.9, "SPIN_SYNONYM",
                evidence={"lm_logprob_gain": 3.0})  # fmt: skip


def _corpus(n: int, restored: int) -> tuple[list[str], list[list[Edit]]]:
    """``n`` documents writing "fathom", the first ``restored`` restoring it."""
    texts = [f"Document {i} could not fathom it." for i in range(n)]
    edits = [[_edit(t, "fathom", "understand")] for t in texts[:restored]]
    return texts, edits + [[] for _ in texts[restored:]]


@pytest.mark.parametrize("on", [False, True])
def test_a_large_corpus_needs_more_documents(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_SCALED", on)
    monkeypatch.setattr(learn_edits, "EDIT_DOC_SHARE", 0.002)
    monkeypatch.setattr(learn_edits, "EDIT_MIN_DOCS", 1)
    monkeypatch.setattr(learn_edits, "EDIT_FORM_RATE", False)
    once = edit_pairs(*_corpus(1000, 1))  # one document of 1,000: under 0.002 x 1,000
    assert bool(once) is not on
    (p,) = edit_pairs(*_corpus(1000, 2))  # two documents pass either way
    assert (p.spun, p.original, p.docs) == ("fathom", "understand", 2)


def test_a_small_corpus_keeps_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_SCALED", True)
    monkeypatch.setattr(learn_edits, "EDIT_FORM_RATE", False)
    assert learn_edits.EDIT_MIN_DOCS == 1
    for n in (10, 100, int(1 / learn_edits.EDIT_DOC_SHARE)):
        (p,) = edit_pairs(*_corpus(n, 1))
        assert p.docs == 1


@pytest.mark.parametrize("on", [False, True])
def test_a_form_many_documents_write_needs_more_restorations(
    monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_FORM_RATE", on)
    monkeypatch.setattr(learn_edits, "EDIT_FORM_SHARE", 0.1)
    monkeypatch.setattr(learn_edits, "EDIT_SCALED", False)
    once_in_20 = edit_pairs(*_corpus(20, 1))  # restored in 1 of the 20 documents writing it
    assert bool(once_in_20) is not on
    texts, edits = _corpus(20, 1)
    texts[1:] = [f"Document {i} could not see it." for i in range(1, 20)]  # 1 of 1 writes it
    (p,) = edit_pairs(texts, edits)
    assert (p.spun, p.docs) == ("fathom", 1)
