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


def test_log_counts_equal_log_count_one_by_one() -> None:
    """The batch look-up of the topic fit gives each text's :meth:`log_count`, seen and
    unseen pairs and words alike, in order."""
    table = spin_topic.get_table()
    keys = sorted(spin_topic.content_keys(TEXT.split()))
    texts = [f"{a} {b}" for a in keys for b in keys if a < b] + keys + ["zzqx", ""]
    want = [table.log_count(t) for t in texts]
    assert table.log_counts(texts) == want
    assert any(v is not None for v in want) and any(v is None for v in want)


@pytest.mark.parametrize("word", ["bank", "wheat", "prices", "fuel", "committee", "zzqx"])
def test_fit_of_one_word_equals_the_pair_cache_sum(word: str) -> None:
    """:func:`~repair.score.spin_topic.fit` of one word (one batch look-up) equals the mean
    of :func:`~repair.score.spin_topic._pmi` over the keys, the word's own key reading 0,
    for a set, a list and a generator of keys."""
    doc = Document(TEXT)
    context = spin_topic.context_keys(doc, 0, 500) | {spin_topic.key(word)}
    m = spin_topic.key(word)
    vals = [spin_topic._pmi(m, k) if m != k else 0.0 for k in context]
    want = sum(vals) / len(vals)
    assert spin_topic.fit(word, context) == want
    assert spin_topic.fit(word, sorted(context)) == want
    assert spin_topic.fit(word, iter(sorted(context))) == want
    assert spin_topic.fit(word, set()) == 0.0
