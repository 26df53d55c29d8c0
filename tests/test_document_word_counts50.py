"""Session 50 (speedspin): :attr:`repair.document.Document.word_counts` counted once and
shared with the next stage's document of the same text (issue 14; moved here from the
removed tests of session 50's read-on, session 65)."""

from __future__ import annotations

from repair.document import Document


def test_word_counts_once_and_shared() -> None:
    text = "The cat saw the dog. The dog ran."
    a = Document(text)
    counts = a.word_counts
    assert counts["the"] == 3 and counts["dog"] == 2 and counts["zebra"] == 0
    assert a.word_counts is counts
    b = Document(text)  # the next stage's document of the same text object
    assert b.word_counts is counts
    c = Document("Another text.")
    assert c.word_counts is not counts and c.word_counts["another"] == 1
