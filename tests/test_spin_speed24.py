"""Exact speed-ups of session 24 (issue 14): the same outputs, less work per document.

* the hypernym reading reads only written words that could make a habit
  (:func:`repair.stages.spin.hyper_reading`, ``min_recur`` of ``_reread_rows``);
* :func:`repair.detect.science.is_scientific` remembered for the last document;
* :func:`repair.score.spin_topic.fit` of one word without a ``max`` per key;
* :func:`repair.detect.tortured_odd._is_odd` with the neighbour's count read once.
"""

from __future__ import annotations

import pytest

import repair.detect.science as science
import repair.stages.spin as spin
from repair.detect import tortured_odd
from repair.document import Document
from repair.score import spin_topic

TEXT = (
    "The boy sprinted to the shop before it closed. Then he sprinted back home with the "
    "bread. His sister sprinted after him down the street, and the dog sprinted along "
    "behind them. They sat down at the table and ate their dinner together."
)


def _hyper_setup(monkeypatch: pytest.MonkeyPatch) -> tuple[Document, object]:
    monkeypatch.setattr(spin, "candidates_for", lambda word: ())
    table = {"sprinted": ("ran", "walked"), "shop": ("store",), "bread": ("loaf",)}
    monkeypatch.setattr(spin, "hyper_originals", lambda word: table.get(word, ()))
    doc = Document(TEXT)
    return doc, spin.STAGE.detect(doc)


def test_hyper_reading_reads_only_words_that_can_recur(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, d = _hyper_setup(monkeypatch)
    read: list[str] = []
    real = spin.evidence

    def counted(start, end, written, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(written.lower())
        return real(start, end, written, *args, **kwargs)

    monkeypatch.setattr(spin, "evidence", counted)
    out = spin.hyper_reading(doc, d, [], 0.99)
    assert out and {c.replacement for c in out} == {"ran"}
    # "shop" and "bread" are written once: no habit can come of them, so they are not read
    assert set(read) == {"sprinted"} and len(read) == 4


def test_hyper_rows_filtered_give_the_same_habits(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, d = _hyper_setup(monkeypatch)
    args = (doc, d, [], 0.99, spin.HYPER_MIN_PROB, spin.HYPER_MAX_ZIPF, spin.hyper_originals)
    every = spin._reread_rows(*args)
    some = spin._reread_rows(*args, min_recur=spin.HYPER_RECUR)
    assert len(some[1]) < len(every[1])  # the once-written words were read without it
    assert spin._habit_candidates(doc, d, *every, set()) == spin._habit_candidates(
        doc, d, *some, set()
    )


def test_is_scientific_is_read_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = science.register

    def counted(doc, vocabulary=True):  # type: ignore[no-untyped-def]
        calls.append(id(doc))
        return real(doc, vocabulary)

    monkeypatch.setattr(science, "register", counted)
    doc = Document(
        "We propose a neural network for image classification and evaluate its accuracy on "
        "three public data sets. The network is trained with a small amount of labeled data, "
        "and the error rate falls by a third compared with the standard method."
    )
    assert [science.is_scientific(doc) for _ in range(3)] == [True] * 3
    assert len(calls) == 1
    assert science.is_scientific(Document(TEXT)) is False  # another document: read again
    assert len(calls) == 2
    monkeypatch.setattr(science, "MIN_VOCABULARY", 99.0)  # the bars are part of the verdict
    assert science.is_scientific(doc) is False
    assert science.is_scientific(doc) == science._is_scientific(doc)


def _fit_definition(word: str, context: set[str]) -> float:
    mine = [spin_topic.key(w) for w in word.lower().split() if w not in spin_topic.STOPWORDS]
    mine = mine or [spin_topic.key(word)]
    vals = [max((spin_topic._pmi(m, k) for m in mine if m != k), default=0.0) for k in context]
    return sum(vals) / len(vals) if vals else 0.0


def test_topic_fit_matches_its_definition() -> None:
    doc = Document(TEXT + " The government announced new economic policies for the bank.")
    context = spin_topic.context_keys(doc, 0, 500)
    for word in ("dinner", "sprinted", "table", "policy", "bank", "eat", "food", "the dog"):
        assert spin_topic.fit(word, context) == _fit_definition(word, context)
        assert spin_topic.fit(word, context | {spin_topic.key(word)}) == _fit_definition(
            word, context | {spin_topic.key(word)}
        )


def _odd_definition(words: list[str | None], i: int) -> bool:
    from repair.candidates.tortured_rare import pool

    w = words[i]
    assert w is not None
    for j in (i - 1, i + 1):
        if j < 0 or j >= len(words) or not words[j]:
            continue
        near = str(words[j]).lower()
        written = tortured_odd.pmi(near, w) if j < i else tortured_odd.pmi(w, near)
        floor = tortured_odd.UNSEEN_PMI if written is None else written
        for c in pool(w):
            got = tortured_odd.pmi(near, c) if j < i else tortured_odd.pmi(c, near)
            if (
                got is not None
                and got >= tortured_odd.MIN_PAIR_PMI
                and got - floor >= tortured_odd.MIN_PMI_GAIN
            ):
                return True
    return False


def test_odd_words_match_their_definition() -> None:
    text = (
        "We propose a profound neural organization for picture classification and assess its "
        "exactness on three open information sets. The system is prepared with a little "
        "measure of named information, and the mistake rate falls by a third contrasted with "
        "the standard strategy. Colossal information and fake consciousness drive the field."
    )
    words = tortured_odd._sentence_words(Document(text))
    got = [tortured_odd._is_odd(words, i) for i, w in enumerate(words) if w]
    want = [_odd_definition(words, i) for i, w in enumerate(words) if w]
    assert got == want and any(want)
