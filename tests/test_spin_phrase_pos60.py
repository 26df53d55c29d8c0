"""Session 60 (spinphrase60): a long wordy span's original must agree with the span's
function (``repair.candidates.spin_phrase_long.POS_AGREEMENT``,
:mod:`repair.candidates.spin_phrase_pos`), and a shared neighbour declines a long mapping
only where it stands at every place (``SHARED_AT_EVERY_PLACE``) (benchmarks/RESULTS.md,
"Session 60, spinphrase")."""

from __future__ import annotations

import pytest

import repair.candidates.spin_phrase_long as spl
from repair.candidates.spin_phrase_pos import agrees, span_function
from tests.test_spin_phrase_long59 import _long

#: A phrase spinner's "because" at three places, "they" after two of them.
THREE = (
    "Suit on cell: I am going to have to think about this due to the fact that when I do not "
    "I never have any plans.\nHS girl: Okay, so during the American Revolution, the Americans "
    "wanted independence due to the fact that they wanted to be free?\n"
    "Guy at bar: She left early due to the fact that they closed the kitchen.\n"
)
#: A clean writer's adverbial "from time to time" (modelled on the calibration's one clean
#: long edit, a State of the Union message): the LM reads "available" at both places.
ADVERBIAL = (
    "Recommendations will be made from time to time for the adoption of a uniform policy. "
    "The board shall set fair and reasonable rates from time to time in the future.\n"
)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(spl, "LONG_SPANS", True)
    monkeypatch.setattr(spl, "DISTINCT_NEIGHBOURS", True)
    monkeypatch.setattr(spl, "MIN_CONTEXT_GAIN", 2.0)
    monkeypatch.setattr(spl, "POS_AGREEMENT", True)
    monkeypatch.setattr(spl, "SHARED_AT_EVERY_PLACE", True)
    return monkeypatch


def test_adjective_for_an_adverbial_span_declined(on: pytest.MonkeyPatch) -> None:
    assert _long(ADVERBIAL) == []
    on.setattr(spl, "POS_AGREEMENT", False)
    assert _long(ADVERBIAL) == [("from time to time", "available", 2)]


def test_neighbour_at_two_of_three_places_kept(on: pytest.MonkeyPatch) -> None:
    assert _long(THREE) == [("due to the fact that", "because", 3)]
    on.setattr(spl, "SHARED_AT_EVERY_PLACE", False)
    assert _long(THREE) == []


def _agree(span: str, original: str) -> bool:
    return agrees(span, original, spl.PRONOUNS, spl.DETERMINERS)


def test_function_classes() -> None:
    p, d = spl.PRONOUNS, spl.DETERMINERS
    assert span_function("at this point in time", p, d) == "adverbial"
    assert span_function("a great deal of", p, d) == "nominal"
    assert span_function("state of the world", p, d) == "nominal"
    assert span_function("we are not yet", p, d) == "clause"
    assert span_function("does not work with", p, d) == "clause"
    assert span_function("due to the fact that", p, d) == "other"


def test_agreement() -> None:
    # the phrase spinner's long spans read on dev
    assert _agree("at this point in time", "now")
    assert _agree("due to the fact that", "because")
    assert _agree("in the region of", "around")
    assert _agree("a great deal of", "much")
    # clean writers' repeated runs (calibration, clean dev documents)
    assert not _agree("from time to time", "available")  # an adjective for an adverbial
    assert not _agree("state of the world", "same")  # an adjective for a noun phrase
    assert not _agree("a project like this", "there")
    assert not _agree("we are not yet", "most")  # a clause piece
    assert not _agree("in the peace process", "with")  # a preposition needs a complement
    assert not _agree("to make the most", "because")
