"""The LM wrappers give exactly the n-gram scores of their plain definitions."""

from __future__ import annotations

import random
from collections.abc import Sequence

from repair.resources.lm import _LOG_BASE, UNKNOWN_LOGPROB, get_lm


def _logprob(word: str, history: Sequence[str]) -> float:
    words = [word.lower(), *[h.lower() for h in reversed(history[-2:])]]
    raw = get_lm()._model.prob(words)
    return UNKNOWN_LOGPROB if raw <= -100_000_000 else max(raw * _LOG_BASE, UNKNOWN_LOGPROB)


def _sequence(words: Sequence[str], history: Sequence[str]) -> float:
    ctx = [w.lower() for w in history]
    total = 0.0
    for w in words:
        total += _logprob(w, ctx[-2:])
        ctx.append(w.lower())
    return total


def test_logprob_and_sequence_logprob_match_their_definitions() -> None:
    lm = get_lm()
    rng = random.Random(8)
    vocab = ["the", "Of", "president", "said", "", "xqzv", "New", "york", "a", "Trump", "’s"]
    for _ in range(5000):
        history = [rng.choice(vocab) for _ in range(rng.randint(0, 4))]
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 4))]
        word = rng.choice(vocab)
        assert lm.logprob(word, history) == _logprob(word, history)
        assert lm.logprob(word, tuple(history)) == _logprob(word, history)
        assert lm.sequence_logprob(words, history) == _sequence(words, history)
        assert lm.sequence_logprob(tuple(words), tuple(history)) == _sequence(words, history)
