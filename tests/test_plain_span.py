"""Function-word spans with a plainer one-word form (repair/detect/plain_span.py,
repair/score/plain_span.py): restored only where the wordy gate opened."""

from __future__ import annotations

import pytest

from repair.detect.plain_span import find
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import plain_span

#: A phrase-spun paragraph: six listed paraphrases open the wordy gate.
DENSE = (
    "Prior to the meeting, the board made a decision to act. Due to the fact that costs "
    "rose, it cut jobs. A large number of workers left, and the majority of them found new "
    "posts in the region. In the event that prices fall, the firm will hire again. We talked "
    "for an hour, and after that we went home to bed. The plan was discussed with regard to "
    "the budget at this point in time."
)
PLAIN = "We talked for an hour, and after that we went home to bed. The rest of the day was quiet."


@pytest.fixture
def spans_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's switch on (it ships off: RESULTS, "Phrase spinner: families held out")."""
    from repair.stages import collocation

    monkeypatch.setattr(collocation, "PLAIN_SPANS", True)


def _span_edits(text: str) -> list[tuple[str, str]]:
    return [
        (e.original, e.replacement)
        for e in repair_text(text).edits
        if e.evidence.get("pattern") == plain_span.PATTERN
    ]


def test_a_function_word_span_is_restored_in_a_dense_document(spans_on: None) -> None:
    assert _span_edits(DENSE) == [("after that", "then")]


def test_the_switch_ships_off() -> None:
    assert _span_edits(DENSE) == []


def test_the_same_span_in_plain_text_is_left_alone(spans_on: None) -> None:
    assert repair_text(PLAIN).edits == ()


def test_no_wordy_restoration_no_span() -> None:
    assert plain_span.decide(Document(DENSE), []) == []


def test_a_span_the_context_keeps_is_not_restored(spans_on: None) -> None:
    # "after that meeting": "that" belongs to the noun, the LM keeps the span
    assert _span_edits(DENSE.replace("after that we went", "after that meeting we went")) == []


def test_only_function_word_spans_are_read() -> None:
    # "at long last" has content words: the spin stage's phrase reading owns it
    assert find(Document("We waited, and at long last the train came in."), set()) == []


def test_covered_spans_are_skipped() -> None:
    text = "We talked for an hour, and after that we went home to bed."
    at = text.index("after")
    assert [p.written for p in find(Document(text), set())] == ["after that"]
    assert find(Document(text), {at}) == []
