"""Session 60 (learnrate): a weakly supported first-pass pair needs the corpus's counts to
move from its original to its form about as far as the well supported pairs' (``EDIT_SHIFT``)."""

from __future__ import annotations

import pytest

from repair import learn_edits
from repair.learn_edits import edit_pairs, moved_log_ratio
from repair.types import Edit

#: Spinner pairs restored in four documents each; the originals are never written.
_SUPPORTED = [("fathom", "understand"), ("utilize", "use"), ("commence", "begin")]


def _edit(text: str, written: str, original: str) -> Edit:
    at = text.index(written)
    return Edit(at, len(written), written, original, "spin", 0.9, "SPIN_SYNONYM",
                evidence={"lm_logprob_gain": 3.0})  # fmt: skip


def _corpus() -> tuple[list[str], list[list[Edit]]]:
    """Ten documents: the supported pairs in the first four; in the fifth an honest
    "nations" restored as "countries" (a word the corpus writes more often), in the sixth a
    spun "vanquish" restored as "defeat" (never written)."""
    texts, edits = [], []
    for i in range(4):
        words = " and ".join(w for w, _o in _SUPPORTED)
        t = f"Document {i}: they {words} it."
        texts.append(t)
        edits.append([_edit(t, w, o) for w, o in _SUPPORTED])
    t = "The nations and the countries and other countries met."
    texts.append(t)
    edits.append([_edit(t, "nations", "countries")])
    t = "They vanquish the foe."
    texts.append(t)
    edits.append([_edit(t, "vanquish", "defeat")])
    for i in range(4):
        texts.append(f"Other countries, document {i}.")
        edits.append([])
    return texts, edits


def test_moved_log_ratio_reads_the_move() -> None:
    texts, _ = _corpus()
    counts = learn_edits._word_counts(texts)
    assert moved_log_ratio("nations", "countries", counts) < 1.0
    assert moved_log_ratio("vanquish", "defeat", counts) > 5.0


@pytest.mark.parametrize("on", [False, True])
def test_an_honest_form_without_the_move_is_not_learned(
    monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_SHIFT", on)
    monkeypatch.setattr(learn_edits, "EDIT_SHIFT_MIN_REF", 3)
    monkeypatch.setattr(learn_edits, "EDIT_SHIFT_MARGIN", 5.0)
    monkeypatch.setattr(learn_edits, "EDIT_SCALED", True)
    monkeypatch.setattr(learn_edits, "EDIT_FORM_RATE", False)
    learned = {p.spun: p.original for p in edit_pairs(*_corpus())}
    assert ("nations" in learned) is not on  # one document, no move: dropped with the flag
    assert learned["vanquish"] == "defeat"  # one document, a spinner's move: kept
    for written, original in _SUPPORTED:
        assert learned[written] == original  # well supported: never tested


def test_too_few_supported_pairs_no_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_SHIFT", True)
    monkeypatch.setattr(learn_edits, "EDIT_SHIFT_MIN_REF", 4)  # three supported pairs only
    monkeypatch.setattr(learn_edits, "EDIT_FORM_RATE", False)
    learned = {p.spun for p in edit_pairs(*_corpus())}
    assert "nations" in learned
