"""Session 26 (spinspeed26b): the spin stage's topic gain is remembered per document.

:func:`repair.score.spin_topic.topic_gain` gives, for every (written, original, start), the
same float as computing it afresh (:func:`repair.score.spin_topic._topic_gain`), on the
first and the repeated call, and a new document does not read the old one's gains.
"""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.score import spin_topic

TEXT = (
    "The central bank raised interest rates again on Tuesday, and the government said the "
    "economic policy would hold down prices. Farmers sold their wheat and corn at the market "
    "while the harvest was late. The committee debated the budget and the tax on fuel."
)
ROWS = [
    ("raised", "lifted"),
    ("rates", "charges"),
    ("policy", "strategy"),
    ("wheat", "grain"),
    ("market", "bazaar"),
    ("budget", "spending plan"),
    ("the", "a"),
]


@pytest.mark.parametrize(("written", "original"), ROWS)
def test_remembered_gain_equals_the_computed_one(written: str, original: str) -> None:
    doc = Document(TEXT)
    start = TEXT.index(written)
    want = spin_topic._topic_gain(doc, written, original, start)
    assert spin_topic.topic_gain(doc, written, original, start) == want
    assert spin_topic.topic_gain(doc, written, original, start) == want  # remembered
    assert (written, original, start) in spin_topic._doc_entry(doc)[3]


def test_a_new_document_does_not_read_the_old_gains() -> None:
    first = Document(TEXT)
    start = TEXT.index("wheat")
    spin_topic.topic_gain(first, "wheat", "grain", start)
    other = Document("Wheat " + TEXT)  # the same words shifted: other contexts and offsets
    got = spin_topic.topic_gain(other, "wheat", "grain", start)
    assert got == spin_topic._topic_gain(other, "wheat", "grain", start)
    assert spin_topic._doc_entry(other)[3] == {("wheat", "grain", start): got}


def test_some_gain_is_not_zero() -> None:
    """The rows above read real PMI (a test of equal zeros could not fail)."""
    doc = Document(TEXT)
    gains = [spin_topic.topic_gain(doc, w, o, TEXT.index(w)) for w, o in ROWS]
    assert any(g != 0.0 for g in gains)
