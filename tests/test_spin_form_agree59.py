"""Session 59 (spinbot59): a candidate original the written word's inflection cannot carry."""

from __future__ import annotations

import pytest

import repair.score.spin_form_agree as form
from repair.score import spin_evidence


@pytest.fixture
def flag(monkeypatch):  # type: ignore[no-untyped-def]
    def set_(value: float | None) -> None:
        monkeypatch.setattr(form, "FORM_AGREE", value)

    return set_


def test_shipped_setting() -> None:
    assert form.FORM_AGREE == -4.0 and form.FORM_WHERE == "topic"


def test_inflection_slots_agree() -> None:
    assert form.agree("risen", "surfaced")  # both past participles
    assert form.agree("farms", "ranches")
    assert form.agree("decided", "determined")
    assert not form.agree("elderly", "older")  # a comparative for a plain adjective
    assert not form.agree("aiming", "willing")
    # a multi-word original or a word lemminflect does not know is never refused
    assert form.agree("dukedoms", "the allies")
    assert form.agree("qzxv", "older")


def test_form_scores_only_with_the_flag(flag, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(form, "FORM_WHERE", "rank")
    flag(None)
    assert form.form_scores("elderly", ["old", "older"], [0.0, 1.0]) is None
    flag(-4.0)
    assert form.form_scores("elderly", ["old", "older"], [0.0, 1.0]) == [0.0, -3.0]
    assert form.form_scores("elderly", ["old", "aged"], [0.0, 1.0]) is None


def test_the_ranked_choice_moves_with_the_flag(flag, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(form, "FORM_WHERE", "rank")
    choices = (("older", 2.0, 1.0, ()), ("old", 1.5, 0.0, ()))
    flag(None)
    got, k = spin_evidence._sense_read("elderly", choices, 0)
    assert k == 0 and got is choices
    flag(-4.0)
    got, k = spin_evidence._sense_read("elderly", choices, 0)
    assert k == 1 and got[0][2] == -3.0 and got[1][2] == 0.0


def test_topic_extra_only_where_read_at_the_topic_pick(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(form, "FORM_AGREE", -4.0)
    monkeypatch.setattr(form, "FORM_WHERE", "rank")
    assert form.topic_extra("elderly") is None
    monkeypatch.setattr(form, "FORM_WHERE", "topic")
    extra = form.topic_extra("Elderly")
    assert extra is not None and extra("older") == -4.0 and extra("Old") == 0.0
    assert form.form_scores("elderly", ["old", "older"], [0.0, 1.0]) is None  # not at the rank
    monkeypatch.setattr(form, "FORM_AGREE", None)
    assert form.topic_extra("elderly") is None


def test_the_topic_pick_moves_with_the_flag(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from repair.document import Document
    from repair.score.spin_evidence import WordEvidence
    from repair.score.spin_pick import topic_pick
    from repair.score.spin_rank import RANK_FEATURES

    text = "We met an elderly neighbour at noon."
    a = text.index("elderly")
    x = (0.0,) * len(RANK_FEATURES)
    ch = (("older", 2.0, 1.0, x), ("old", 1.5, 0.0, x))
    w = WordEvidence(a, a + 7, "elderly", "older", 2.0, 0.0, 0.0, 2, 1.0, choices=ch)
    doc = Document(text)
    monkeypatch.setattr(form, "FORM_WHERE", "topic")
    monkeypatch.setattr(form, "FORM_AGREE", None)
    got = topic_pick(doc, w, extra=form.topic_extra(w.written))
    assert got is not None and got[0].original == "older"
    monkeypatch.setattr(form, "FORM_AGREE", -4.0)
    got = topic_pick(doc, w, extra=form.topic_extra(w.written))
    assert got is not None and got[0].original == "old"
