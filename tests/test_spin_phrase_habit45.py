"""Session 45 (spinbot45): a loose span kept on both-sides evidence (``PHRASE_BOTH_SIDES``)
only in a document that writes loose multiword forms as a habit (``PHRASE_HABIT_RATE``,
:func:`repair.stages.spin.loose_rate`)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence
from repair.document import Document
from repair.stages.spin import _phrase_kept, loose_rate
from repair.types import Candidate


def _loose(rate: float | None) -> Candidate:
    """The span "see through" -> know: every floor but commonness, both sides for the original."""
    feats = {
        "gain0": 11.0,
        "margin": 8.6,
        "zipf_gain": 0.12,
        "left_gain": 7.3,
        "right_gain": 3.8,
        "context": 3.3,
        "has_right": True,
        "wordnet": False,
        "binomial": False,
        "fair": 1.4,
    }
    if rate is not None:
        feats["loose_rate"] = rate
    return Candidate(0, 11, "know", "spin", stage.PHRASE_RULE, feats)


@pytest.fixture
def habit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_BOTH_SIDES", 1.5)
    monkeypatch.setattr(stage, "PHRASE_HABIT_RATE", 10.0)
    monkeypatch.setattr(stage, "PHRASE_HABIT_SPANS", 4)


def _span(gain: float, wordnet: bool = False) -> PhraseEvidence:
    return PhraseEvidence(0, 9, "give heed", "attend", gain, 3.0, 0.5, wordnet=wordnet)


def test_rate_counts_loose_spans_over_the_keep_gain(habit: None) -> None:
    doc = Document("word " * 500)
    spans = [_span(12.0)] * 5 + [_span(9.9)] * 7 + [_span(14.0, wordnet=True)] * 9
    assert loose_rate(doc, spans) == 10.0


def test_too_few_spans_are_no_habit(habit: None) -> None:
    doc = Document("word " * 100)
    assert loose_rate(doc, [_span(12.0)] * 3) == 0.0


@pytest.mark.usefixtures("habit")
@pytest.mark.parametrize(
    ("rate", "kept"), [(24.1, True), (10.0, True), (3.3, False), (None, False)]
)
def test_both_sides_only_in_a_habitual_document(rate: float | None, kept: bool) -> None:
    """An author's "minister to" -> help in an article with two such spans per 1,000
    words stays; the same evidence in a document of two dozen is kept."""
    assert _phrase_kept(_loose(rate), tie=True) is kept


def test_shipped_on() -> None:
    assert stage.PHRASE_BOTH_SIDES == 1.5
    assert stage.PHRASE_HABIT_RATE == 10.0
    assert _phrase_kept(_loose(24.1), tie=True)
    assert not _phrase_kept(_loose(3.3), tie=True)


def test_without_the_habit_floor_any_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_BOTH_SIDES", 1.5)
    monkeypatch.setattr(stage, "PHRASE_HABIT_RATE", None)
    assert _phrase_kept(_loose(None), tie=True)
