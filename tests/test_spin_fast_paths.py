"""Session 10 fast paths of the spin stage equal their plain computations (issue 14).

Each fast path must give the same objects and floats as the code it replaces: the
per-document word context, the rows built without the frozen dataclass's ``__init__``,
the generated tree contributions, and the per-original context-free features.
"""

from __future__ import annotations

import math
import random
from dataclasses import astuple

from repair.candidates.spin_channel import fanout, wordnet_shared
from repair.config import RepairConfig
from repair.document import Document
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.score.spin_context import WordContext, context
from repair.score.spin_evidence import (
    WordEvidence,
    _clip,
    _make_evidence,
    _pair_static,
    _statics,
    candidates_for,
)
from repair.score.spin_model import DOC_FEATURES, FEATURES, Trees, get_model

TEXT = (
    "The overseer said the vehicle was purchased on Monday. A tremendous crowd, "
    "assembled in the square, watched as the chief spoke. “It is imperative,” he said."
)


def _doc(text: str = TEXT) -> Document:
    return Document(text, config=RepairConfig())


def _plain_context(doc: Document) -> WordContext:
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    return WordContext([t.start for t in toks], [t.end for t in toks], [[t.text] for t in toks])


def test_word_context_of_equals_a_fresh_build_and_is_independent() -> None:
    doc = _doc()
    a, b = WordContext.of(doc), WordContext.of(doc)
    assert a == _plain_context(doc) == b
    spans = [(t.start, t.end) for t in doc.words]
    a.restore(spans[1][0], spans[1][1], "manager")
    assert a.words[1] == ["manager"] and b.words[1] == [doc.text[slice(*spans[1])]]
    assert WordContext.of(doc) == _plain_context(doc)  # a restore never reaches the cache
    for start, end in spans:
        assert context(doc, WordContext.of(doc), start, end) == context(
            doc, _plain_context(doc), start, end
        )
    other = _doc("A different text entirely, with its own words.")
    assert WordContext.of(other) == _plain_context(other)
    assert WordContext.of(doc) == _plain_context(doc)


def test_fast_rows_equal_dataclass_rows() -> None:
    rng = random.Random(10)
    for _ in range(200):
        args = (
            rng.randrange(1000), rng.randrange(1000), "overseer", "manager",
            rng.uniform(-20, 20), rng.uniform(-5, 5), rng.uniform(-5, 5), rng.randrange(20),
            rng.uniform(0, 10), rng.uniform(-3, 3), rng.randrange(20), rng.randrange(13),
            rng.uniform(-9, 9), rng.uniform(0, 10), (("manager", 1.0, 2.0, None),),
        )  # fmt: skip
        fast, plain = _make_evidence(*args), WordEvidence(*args)
        assert type(fast) is WordEvidence
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert astuple(fast) == astuple(plain)


def test_compiled_tree_contributions_equal_the_walk() -> None:
    model = get_model()
    rng = random.Random(14)
    trees = [(model.word, len(FEATURES)), (model.doc, len(DOC_FEATURES))]
    trees = [(t, n) for t, n in trees if isinstance(t, Trees)]
    assert trees, "the shipped model has no trees: nothing compiled to compare"
    for t, n in trees:
        cuts = sorted({a for th in t.threshold for a in th if math.isfinite(a)})
        for _ in range(500):
            # values on the split thresholds too (the <= side of each comparison)
            x = [rng.choice(cuts) if rng.random() < 0.4 else rng.uniform(-30, 30) for _ in range(n)]
            fast, walk = t.contributions(x), t.walk_contributions(x)
            assert list(fast.items()) == list(walk.items())  # same values, same key order


def test_small_trees_compiled_contributions() -> None:
    t = Trees(
        0.5, 0.1, ((0, -2, 1, -2, -2),), ((1.0, -2.0, 0.5, -2.0, -2.0),),
        ((1, -1, 3, -1, -1),), ((2, -1, 4, -1, -1),), ((0.0, -1.0, 2.0, 3.0, -4.0),),
    )  # fmt: skip
    for x in ([0.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 0.5]):
        assert list(t.contributions(x).items()) == list(t.walk_contributions(x).items())
    assert t.contributions([2.0, 1.0]) == {0: 0.1 * (2.0 - 0.0), 1: 0.1 * (-4.0 - 2.0)}


def test_pair_statics_equal_their_definition() -> None:
    lm = get_lm()
    for word in ("overseer", "purchased", "tremendous", "imperative", "assembled"):
        origs = candidates_for(word)
        assert origs
        got = _statics(word, origs)
        for o, row in zip(origs, got, strict=True):
            unigram = lm.logprob(o) - lm.logprob(word)
            shared = wordnet_shared(word, o)
            want = (
                unigram, _clip(unigram), zipf(o), zipf(o) - zipf(word),
                math.log1p(fanout(o)), 1.0 if shared else 0.0, math.log1p(shared),
            )  # fmt: skip
            assert row == want == _pair_static(word, o)
