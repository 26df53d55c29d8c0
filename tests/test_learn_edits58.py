"""Session 58 (spinbot): pairs learned from the repair's own first-pass restorations."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import repair.pipeline
from repair import learn, learn_edits
from repair.learn_edits import edit_pairs, restorations
from repair.types import Edit
from tests.test_learn import learn_no_profile

TEXTS = ["We could not fathom it.", "Nobody will fathom this.", "They fathom the plan."]


def _edit(text: str, written: str, original: str, rule: str = "SPIN_SYNONYM") -> Edit:
    at = text.index(written)
    return Edit(at, len(written), written, original, "spin", 0.9, rule,
                evidence={"lm_logprob_gain": 3.0})  # fmt: skip


def test_restorations_read_spin_rules_only() -> None:
    t = TEXTS[0]
    assert restorations(t, [_edit(t, "fathom", "understand")]) == [("fathom", "understand", 3.0)]
    assert restorations(t, [_edit(t, "fathom", "understand", "OCR_WORD")]) == []
    assert restorations(t, [_edit(t, "fathom", "make out")]) == []  # one-word originals only


def test_one_document_teaches_at_the_shipped_setting() -> None:
    one = [[_edit(TEXTS[0], "fathom", "understand")], [], []]
    assert learn_edits.EDIT_PAIRS and learn_edits.EDIT_MIN_DOCS == 1
    (p,) = edit_pairs(TEXTS, one)
    assert (p.spun, p.original, p.docs) == ("fathom", "understand", 1)


def test_pairs_need_two_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learn_edits, "EDIT_MIN_DOCS", 2)
    one = [[_edit(TEXTS[0], "fathom", "understand")], [], []]
    assert edit_pairs(TEXTS, one) == []
    two = [[_edit(TEXTS[0], "fathom", "understand")], [_edit(TEXTS[1], "fathom", "understand")], []]
    (p,) = edit_pairs(TEXTS, two)
    assert (p.spun, p.original, p.docs, p.count) == ("fathom", "understand", 2, 2)
    assert p.sources == {"edits"}
    assert 0 < p.weight <= learn_edits.EDIT_WEIGHT_CAP


def test_pairs_need_one_original() -> None:
    origs = ["understand", "understand", "see"]
    split = [[_edit(t, "fathom", o)] for t, o in zip(TEXTS, origs, strict=True)]
    assert edit_pairs(TEXTS, split) == []  # 2 of 3 agree: under EDIT_MIN_AGREE (0.8)


@pytest.mark.parametrize("on", [False, True])
def test_learn_pairs_reads_the_first_pass(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    def fake_repair(text, references=(), config=None, **_kw):  # type: ignore[no-untyped-def]
        return SimpleNamespace(edits=[_edit(text, "fathom", "understand")])

    monkeypatch.setattr(repair.pipeline, "repair_text", fake_repair)
    monkeypatch.setattr(learn_edits, "EDIT_PAIRS", on)
    got = {p.spun: p.original for p in learn.learn_pairs(TEXTS, thesaurus=False, corpus=False)}
    assert (got.get("fathom") == "understand") is on


def test_no_profile_learning_reads_the_no_profile_first_pass(tmp_path, spun_seed) -> None:  # type: ignore[no-untyped-def]
    """``repair learn --no-profile`` learns "mentioned" -> "said" from the word model's and
    the overuse reader's own restorations (the first pass runs without the profile too)."""
    out = learn_no_profile(tmp_path, spun_seed)
    row = next(ln.split("\t") for ln in out.read_text("utf-8").splitlines()
               if ln.startswith("mentioned\t"))  # fmt: skip
    assert row[1] == "said" and row[7] == "edits"
