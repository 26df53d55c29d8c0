"""Tortured phrases no list has, put back from the paper mills' habits (tortured_habits)."""

from __future__ import annotations

from repair import repair_text
from repair.detect import tortured, tortured_habits
from repair.document import Document
from repair.score import tortured_habits as decide

SPUN = (
    "In this work we design a choice help framework for hospitals. "
    "The framework uses the photograph acknowledgement of scans.\n"
)


def test_phrases_outside_the_list_are_put_back() -> None:
    doc = Document(SPUN)
    assert tortured.find_matches(doc) == []  # neither phrase is in the exact list
    r = repair_text(SPUN)
    assert "decision support system" in r.text
    assert any(e.rule == "TORTURED_HABIT" for e in r.edits)
    habit = next(e for e in r.edits if e.rule == "TORTURED_HABIT")
    assert habit.evidence["habit_families"] >= decide.MIN_FAMILIES


def test_a_lone_habit_window_in_honest_prose_is_isolated() -> None:
    text = "Monetary growth slowed last year, and the final choice of the bank was delayed.\n"
    assert repair_text(text).text == text
    found = tortured_habits.find(Document(text))
    decisions = decide.decide(found)
    assert not any(d.applied for d in decisions)


def test_decisions_keep_their_reasons() -> None:
    found = tortured_habits.find(Document(SPUN))
    decisions = decide.decide(found)
    assert any(d.applied for d in decisions)
    for d in decisions:
        assert d.applied == (d.reasons == ())
    details = repair_text(SPUN).scores.details["tortured"]
    assert details["habit_terms"] >= 1 and details["habit_decisions"]["applied"] >= 1


def test_text_without_habit_words_costs_nothing() -> None:
    assert tortured_habits.find(Document("The cat sat on the mat.")) == []
