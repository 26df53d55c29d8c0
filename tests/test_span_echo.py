"""Echoed wordy spans (repair/detect/span_echo.py, repair/score/span_echo.py): a span of
the general paraphrase table written several times, read as the same closed-class word
everywhere, is restored with no list and no document gate."""

from __future__ import annotations

import pytest

from repair.candidates.spin_phrase import PhraseEvidence
from repair.detect import span_echo as detect
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import span_echo

#: "about" spun to "with regard to" three times, in three different contexts.
SPUN = (
    "Don't tell me I don't know with regard to metabolism! I have read with regard to it for "
    "years. One of the ways I learn with regard to the world is through books."
)


@pytest.fixture
def echo_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's switch on (it ships off: RESULTS, "Session 29, phrase29")."""
    from repair.stages import collocation

    monkeypatch.setattr(collocation, "SPAN_ECHO", True)


def _echo_edits(text: str) -> list[tuple[str, str]]:
    return [
        (e.original, e.replacement)
        for e in repair_text(text).edits
        if e.evidence.get("pattern") == span_echo.PATTERN
    ]


def test_an_echoed_span_is_restored_at_every_place(echo_on: None) -> None:
    assert _echo_edits(SPUN) == [("with regard to", "about")] * 3


def test_two_places_are_enough(echo_on: None) -> None:
    text = SPUN.replace("with regard to the world", "about the world")
    assert _echo_edits(text) == [("with regard to", "about")] * 2


def test_a_span_written_once_is_not_read(echo_on: None) -> None:
    text = SPUN.replace("with regard to it", "about it").replace(
        "with regard to the world", "about the world"
    )
    assert _echo_edits(text) == []
    assert detect.find(Document(text), set()) == []


def test_the_switch_ships_off() -> None:
    assert _echo_edits(SPUN) == []


def test_a_passage_written_twice_is_one_choice(echo_on: None) -> None:
    text = (
        "Staff got redundancy payments in line with company policy. Managers got bonus "
        "payments in line with company policy."
    )
    doc = Document(text)
    assert len(detect.spans(doc, set())["in line with"]) == 2  # the table holds it ("by")
    assert detect.find(doc, set()) == []  # one context: not read
    assert _echo_edits(text) == []


def test_a_long_text_may_write_a_span_several_times() -> None:
    words = ("by", "this", "time")
    assert detect.surprise(words, 2, 600) >= detect.MIN_SURPRISE
    assert detect.surprise(("ahead", "of"), 2, 100_000) < detect.MIN_SURPRISE
    assert detect.surprise(words, 3, 600) > detect.surprise(words, 2, 600)


def _ev(start: int, original: str, gain: float = 8.0, context: float = 3.0) -> PhraseEvidence:
    return PhraseEvidence(start, start + 10, "asked for", original, gain, 5.0, 1.0, context=context)


def test_every_place_must_read_the_same_closed_class_word() -> None:
    doc = Document("x " * 60)
    ok = [_ev(2, "then"), _ev(22, "then")]
    assert span_echo._kept(doc, ok) is False  # same context ("x", "x") at both places
    doc = Document("a b c d e f g h i j k l m n o p q r s t u v w x y z " * 3)
    assert span_echo._kept(doc, ok) is True
    assert span_echo._kept(doc, [_ev(0, "then"), _ev(20, "since")]) is False
    assert span_echo._kept(doc, [_ev(0, "called"), _ev(20, "called")]) is False
    assert span_echo._kept(doc, [_ev(0, "then"), _ev(20, "then", gain=3.0)]) is False
    assert span_echo._kept(doc, [_ev(0, "then"), _ev(20, "then", context=0.5)]) is False
    assert span_echo._kept(doc, ok[:1]) is False


def test_closed_class_list_is_current() -> None:
    pytest.importorskip("lemminflect")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_closed_class import closed_words

    assert detect.closed_words() == frozenset(closed_words())


def test_closed_class() -> None:
    assert detect.closed_class("about") and detect.closed_class("already")
    assert not detect.closed_class("play") and not detect.closed_class("working")
