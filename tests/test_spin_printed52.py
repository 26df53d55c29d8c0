"""In a document routed to the any-rank spin model, the topic pick scores down a candidate
original the document prints elsewhere (issue 11, session 52, spinbot:
repair/score/spin_printed.py ``PRINTED_ROUTED``; benchmarks/RESULTS.md "Session 52,
spinbot")."""

from __future__ import annotations

from typing import Any

import pytest

import repair.stages.spin as stage
from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_form_agree, spin_printed
from repair.score.spin_route import KEY

#: As shipped (read before any test patches it).
SHIPPED = spin_printed.PRINTED_ROUTED
TEXT = "The firm slings loans. Its loans and services grew, and the firm hired staff."
ROUTED = {KEY: {"route": True, "cue": 0.6}}
SHIPPED_MODEL = {KEY: {"route": False, "cue": 0.6, "every_place": 0}}


def test_shipped_setting() -> None:
    assert SHIPPED == -2.0


def test_printed_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TEXT)
    monkeypatch.setattr(spin_printed, "PRINTED_ROUTED", -2.0)
    extra = spin_printed.printed_extra(doc, ROUTED)
    assert extra is not None
    assert extra("loans") == -2.0 and extra("Loans") == -2.0  # printed, any case
    assert extra("services") == -2.0
    assert extra("offers") == 0.0  # not printed
    # a document read with the shipped model, or with no verdict: nothing
    assert spin_printed.printed_extra(doc, SHIPPED_MODEL) is None
    assert spin_printed.printed_extra(doc, {}) is None
    monkeypatch.setattr(spin_printed, "PRINTED_ROUTED", None)
    assert spin_printed.printed_extra(doc, ROUTED) is None


def test_summed() -> None:
    one = spin_printed.summed(lambda n: 1.5, None)
    assert one is not None and one("x") == 1.5
    both = spin_printed.summed(lambda n: 1.5, lambda n: -2.0 if n == "a" else 0.0)
    assert both is not None and both("a") == -0.5 and both("b") == 1.5


@pytest.mark.parametrize("weight", [-2.0, None])
def test_topic_rows_pass_the_printed_score_in_routed_documents_only(
    monkeypatch: pytest.MonkeyPatch, weight: float | None
) -> None:
    """``_topic_rows`` hands the topic pick a score that marks printed candidates down
    where the document was routed (and the flag is set), none elsewhere."""
    monkeypatch.setattr(spin_printed, "PRINTED_ROUTED", weight)
    monkeypatch.setattr(stage, "SENSE_PICK", False)
    monkeypatch.setattr(spin_form_agree, "FORM_AGREE", None)  # (session 59's term: its own test)
    monkeypatch.setattr(stage, "word_bar", lambda details: 0.5)
    doc = Document(TEXT, (), RepairConfig(spin_profile=None))
    words = stage.synonym_evidence(doc, set(), keep_choices=True)
    assert words
    seen: list[Any] = []

    def pick(doc, w, wanted=None, extra=None):  # type: ignore[no-untyped-def]
        seen.append(extra)
        return None

    monkeypatch.setattr(stage, "topic_pick", pick)
    probs = [0.9] * len(words)
    feats: list[list[float]] = [[] for _ in words]
    for details, routed in ((dict(ROUTED), True), (dict(SHIPPED_MODEL), False)):
        seen.clear()
        stage._topic_rows(doc, words, feats, probs, details, len(words))
        assert len(seen) == len(words)
        if routed and weight is not None:
            assert all(f is not None and f("loans") == weight and f("offers") == 0.0 for f in seen)
        else:
            assert all(f is None for f in seen)
