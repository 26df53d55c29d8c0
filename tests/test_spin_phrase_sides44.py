"""Session 44 (spinbot44): a loose span whose two sides both favour its one-word original
passes the commonness floor of the phrase decision (``PHRASE_BOTH_SIDES``)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.stages.spin import _both_sides, _phrase_kept
from repair.types import Candidate


def _loose(left: float, right: float, has_right: bool = True, zipf_gain: float = 0.12) -> Candidate:
    """A loose-source (Moby) span that passes every floor but commonness: the original
    ("know" for "see through") is no more ordinary than the span's words and the context
    is under PHRASE_MIN_CONTEXT."""
    feats = {
        "gain0": 11.0,
        "margin": 8.6,
        "zipf_gain": zipf_gain,
        "left_gain": left,
        "right_gain": right,
        "context": 3.3,
        "has_right": has_right,
        "wordnet": False,
        "binomial": False,
        "fair": 1.4,
    }
    return Candidate(0, 11, "know", "spin", stage.PHRASE_RULE, feats)


@pytest.fixture(autouse=True)
def _tuned(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tuned value, in any document (session 45's habit floor: its own tests)."""
    monkeypatch.setattr(stage, "PHRASE_BOTH_SIDES", 1.5)
    monkeypatch.setattr(stage, "PHRASE_HABIT_RATE", None)


def test_shipped_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the module's own values, not the fixture's
    assert stage.PHRASE_BOTH_SIDES == 1.5
    assert stage.PHRASE_BOTH_SIDES_GAIN == 10.5
    assert stage.PHRASE_HABIT_RATE == 10.0
    # shipped with the habit floor: a span with no document rate stays
    assert not _phrase_kept(_loose(7.3, 3.8), tie=True)


def test_a_whole_span_gain_under_the_floor_stays() -> None:
    """Clean inaugural prose (Monroe, 1821): "the support of civil government over them"
    -> "rule" gains 10.4 nats with both sides for "rule" (6.1 / 4.3): under the floor."""
    c = _loose(6.07, 4.31)
    low = Candidate(c.start, c.end, "rule", c.kind, c.source, {**c.features, "gain0": 10.37})
    assert not _phrase_kept(low, tie=True)


def test_both_sides_favouring_the_original_pass_the_commonness_floor() -> None:
    c = _loose(7.3, 3.8)
    assert _phrase_kept(c, tie=True)


def test_only_in_the_decision_never_the_family_marks() -> None:
    assert not _phrase_kept(_loose(7.3, 3.8), tie=False)


@pytest.mark.parametrize(
    ("left", "right", "has_right"),
    [
        (13.6, 1.28, True),  # an author's "lays off": what follows fits it too
        (11.3, 0.0, False),  # before a sentence break: one side only
        (1.2, 5.0, True),  # the left side barely favours the original
    ],
)
def test_a_span_one_of_whose_sides_fits_it_stays(
    left: float, right: float, has_right: bool
) -> None:
    assert not _phrase_kept(_loose(left, right, has_right), tie=True)


def test_off_restores_the_old_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_BOTH_SIDES", None)
    assert not _both_sides({"left_gain": 7.3, "right_gain": 3.8, "has_right": True})
    assert not _phrase_kept(_loose(7.3, 3.8), tie=True)


def test_the_other_floors_still_hold() -> None:
    c = _loose(7.3, 3.8)
    weak = Candidate(c.start, c.end, c.replacement, c.kind, c.source, {**c.features, "gain0": 9.0})
    assert not _phrase_kept(weak, tie=True)
    near = Candidate(c.start, c.end, c.replacement, c.kind, c.source, {**c.features, "margin": 1.0})
    assert not _phrase_kept(near, tie=True) or stage._tie_kept(near.features)
