"""The spin stage's fast paths give the very floats of their plain definitions.

Issue 14 (speed) may not change any output: the candidate table reads the n-gram model
directly and caches context-free features, the ranker's dot product and the word and
document trees are generated code.  Each is compared here, float for float, with the
definition it replaces, on real contexts and on random feature vectors.
"""

from __future__ import annotations

import random

from repair.candidates.spin_channel import fanout, wordnet_shared
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.score.spin_evidence import WINDOW, candidate_table, candidates_for, evidence
from repair.score.spin_model import COMMON_FEATURES, DOC_FEATURES, FEATURES, Trees, get_model
from repair.score.spin_rank import RANK_FEATURES, get_ranker, rank_features


def _reference_table(
    left: list[str], written: str, right: list[str], originals: tuple[str, ...], counts: dict
) -> list[tuple[str, float, list[float]]]:
    """The candidate table as first written (LanguageModel.logprob / sequence_logprob)."""
    lm = get_lm()
    s = written.lower()
    hist = [w.lower() for w in left[-2:]]
    s_hist, s_uni, z_s = lm.logprob(s, hist), lm.logprob(s), zipf(s)
    first = sorted(((lm.logprob(o, hist), k, o) for k, o in enumerate(originals)), reverse=True)
    base = lm.sequence_logprob([s, *right], left)
    gains: list[tuple[float, int, str, float]] = []
    top = -1e9
    last = hist[-1:]
    for lp1, k, o in first:
        if lp1 - base < top - WINDOW:
            break
        g = lp1 + lm.sequence_logprob(right, [*last, o]) - base
        top = max(top, g)
        gains.append((g, k, o, lp1))
    gains = sorted((r for r in gains if r[0] >= top - WINDOW), key=lambda r: (-r[0], r[1]))
    n = len(originals)
    return [
        (o, g, rank_features(
            g, top, order, lp1 - s_hist, lm.logprob(o) - s_uni, k, n, zipf(o), z_s,
            counts.get(o, 0), fanout(o), wordnet_shared(s, o),
        ))
        for order, (g, k, o, lp1) in enumerate(gains)
    ]  # fmt: skip


WORDS = ["overseer", "purchased", "remarkable", "commence", "vehicle", "assist", "tremendous"]
CONTEXT = ["the", "local", "<s>", "said", "on", "a", "new", "Was", "of", "xqzv", "big"]


def test_candidate_table_matches_its_definition() -> None:
    rng = random.Random(14)
    checked = 0
    for _ in range(400):
        word = rng.choice(WORDS)
        origs = candidates_for(word)
        assert origs
        left = [rng.choice(CONTEXT) for _ in range(rng.randint(0, 2))]
        right = [rng.choice(CONTEXT) for _ in range(rng.randint(0, 3))]
        counts = {o: rng.randint(0, 7) for o in origs if rng.random() < 0.3}
        got = candidate_table(left, word, right, origs, counts)
        want = _reference_table(left, word, right, origs, counts)
        assert got == want  # exact floats, same order
        checked += len(got)
    assert checked > 1000


def test_min_left_gate_matches_its_definition() -> None:
    lm = get_lm()
    for word in WORDS:
        origs = candidates_for(word)
        for left in (["the", "local"], ["<s>"], []):
            hist = [w.lower() for w in left[-2:]]
            best_left = max(lm.logprob(o, hist) for o in origs) - lm.logprob(word, hist)
            for bar in (-2.0, 0.0, best_left, 5.0):
                table = candidate_table(left, word, ["said"], origs, {}, bar)
                assert (table == []) == (best_left < bar)


def test_evidence_is_deterministic_across_cache_states() -> None:
    a = evidence(0, 8, "overseer", ["the", "local"], ["said", "on"], {"manager": 2})
    b = evidence(0, 8, "overseer", ["the", "local"], ["said", "on"], {"manager": 2})
    assert a == b and a is not None and a.choices == b.choices


def _vectors(n: int, rng: random.Random, count: int) -> list[list[float]]:
    pool = [0.0, -0.0, 1.0, 5.0, 30.0, -30.0]
    return [
        [rng.choice(pool) if rng.random() < 0.2 else rng.uniform(-40.0, 40.0) for _ in range(n)]
        for _ in range(count)
    ]


def test_ranker_score_matches_its_sum() -> None:
    ranker = get_ranker()
    assert ranker is not None
    definition = ranker.walk_logit if isinstance(ranker, Trees) else ranker.summed_score
    for x in _vectors(len(RANK_FEATURES), random.Random(1), 5000):
        assert ranker.score(x) == definition(x)
        assert ranker.score(tuple(x)) == definition(x)


def test_generated_trees_match_the_walk() -> None:
    model = get_model()
    models: list[tuple[Trees, int]] = []
    for t, n in ((model.word, len(FEATURES)), (model.doc, len(DOC_FEATURES))):
        if isinstance(t, Trees):
            models.append((t, n))
    if model.common is not None and isinstance(model.common.word, Trees):
        models.append((model.common.word, len(COMMON_FEATURES)))
    # a hand-made ensemble too, with thresholds hit exactly
    tiny = Trees(
        0.25, 0.1, ((0, -2, -2), (1, -2, -2)), ((0.5, 0.0, 0.0), (-1.0, 0.0, 0.0)),
        ((1, -1, -1), (1, -1, -1)), ((2, -1, -1), (2, -1, -1)),
        ((0.0, -1.5, 2.5), (0.0, 0.3, -0.7)),
    )  # fmt: skip
    models.append((tiny, 2))
    rng = random.Random(2)
    for trees, n in models:
        vectors = _vectors(n, rng, 3000) + [[0.5, -1.0], [0.5, -1.0001]] * (n == 2)
        for x in vectors:
            assert trees.logit(x) == trees.walk_logit(x)


def test_rare_word_book_fit_matches_bigrams_fit() -> None:
    from repair.detect.rareword import _book_fit
    from repair.resources.bigrams import get_bigrams

    book = get_bigrams()
    fit = _book_fit(book)
    words = ["we", "proffer", "offer", "a", "simple", "method", "comportment", "xqzv", "the"]
    rng = random.Random(3)
    for _ in range(3000):
        left = rng.choice([None, *words])
        right = rng.choice([None, *words])
        word = rng.choice(words)
        assert fit(left, word, right) == book.fit(left, word, right)


def test_token_starts_within_wordy_matches_equal_the_scan() -> None:
    from repair.document import Document
    from repair.stages.collocation import _starts_within

    doc = Document(
        "At this point in time, in the event that it rains, we will, prior to leaving, "
        "make a decision in order to go. " * 5
    )
    rng = random.Random(4)
    n = len(doc.text)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randrange(n)
            spans.append((a, a + rng.randint(0, 40)))
        naive = frozenset(t.start for t in doc.tokens for a, b in spans if a <= t.start < b)
        assert _starts_within(doc, spans) == naive


def test_indexed_phrase_count_equals_the_scan() -> None:
    from repair.detect.spin import count_indexed, count_phrase, word_runs

    pieces = [
        "said", "said it", "it", "re-said", "said-it", "don't", "don’t", "u.s.", "_said",
        "saidx", "said2", "ünsaid", "said.", "said,", "(said)", "  ", "\n", "\t", " ", "-",
        "'", "said  it", "it said it", "in the", "the", "of", "prior to", "prior", "to",
    ]  # fmt: skip
    phrases = [
        "said", "said it", "it", "don't", "u.s.", "said it said", "in the", "prior to",
        "re-said", "-", "'", "said  it", " said", "said ", "x", "it said it", "the",
    ]  # fmt: skip
    rng = random.Random(5)
    for _ in range(400):
        seps = ["", " ", " ", "  ", ", "]
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(60))
        runs = word_runs(text)
        for ph in phrases:
            assert count_indexed(text, runs, ph) == count_phrase(text, ph), (text, ph)
