"""The context signal: an English trigram language model.

We use the 72k-word trigram model shipped in the ``pocketsphinx`` wheel
(``model/en-us/en-us.lm.bin``: ~2 M bigrams, ~1.7 M trigrams, lower case,
trained on news-like text).  It loads in ~0.05 s and scores one n-gram in
under a microsecond.  pocketsphinx reads the file into private memory (~36 MB of
RSS per process; forked batch workers share those pages until written): it is
not memory-mapped (issue 14, eleventh pass).  Scores are natural-log probabilities
here (pocketsphinx returns log base 1.0001; we convert).  Words the model
does not know get :data:`UNKNOWN_LOGPROB` instead of its -5e8 sentinel.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from functools import lru_cache

#: log(1.0001): pocketsphinx scores are log base 1.0001.
_LOG_BASE = math.log(1.0001)
#: What an out-of-vocabulary word costs (natural log): about the cost of a
#: very rare known word, so an OOV word is bad but not infinitely bad.
UNKNOWN_LOGPROB = -16.0
_lock = threading.Lock()


class LanguageModel:
    """Thin wrapper over ``pocketsphinx.NGramModel``; use :func:`get_lm`."""

    def __init__(self, path: str | None = None) -> None:
        from pocketsphinx import Config, LogMath, NGramModel, get_model_path

        if path is None:
            path = os.path.join(get_model_path(), "en-us", "en-us.lm.bin")
        if not os.path.isfile(path):
            raise RuntimeError(
                f"language model not found at {path}: reinstall the 'pocketsphinx' package"
            )
        config = Config()
        config["logfn"] = os.devnull  # pocketsphinx logs INFO lines to stderr otherwise
        self._model = NGramModel(config, LogMath(), path)
        self.path = path

    def logprob(self, word: str, history: Sequence[str] = ()) -> float:
        """ln P(word | history); ``history`` in reading order (oldest first)."""
        n = len(history)
        if n >= 2:
            words = [word.lower(), history[-1].lower(), history[-2].lower()]
        elif n:
            words = [word.lower(), history[-1].lower()]
        else:
            words = [word.lower()]
        return self._scaled(self._model.prob(words))

    @staticmethod
    def _scaled(raw: float) -> float:
        if raw <= -100_000_000:
            return UNKNOWN_LOGPROB
        return max(raw * _LOG_BASE, UNKNOWN_LOGPROB)

    def known(self, word: str) -> bool:
        return self._model.prob([word.lower()]) > -100_000_000

    def sequence_logprob(self, words: Sequence[str], history: Sequence[str] = ()) -> float:
        """Sum of ln P over ``words`` given ``history`` before them (trigram window)."""
        n = len(history)
        h1 = history[-1].lower() if n else None
        h2 = history[-2].lower() if n >= 2 else None
        prob = self._model.prob
        total = 0.0
        for w in words:
            low = w.lower()
            # the n-gram of logprob(w, ctx[-2:]), ctx = the lower-cased history so far
            if h2 is not None:
                raw = prob([low, h1, h2])
            elif h1 is not None:
                raw = prob([low, h1])
            else:
                raw = prob([low])
            # :meth:`_scaled`, inline (one call less per word)
            total += (
                UNKNOWN_LOGPROB if raw <= -100_000_000 else max(raw * _LOG_BASE, UNKNOWN_LOGPROB)
            )
            h2, h1 = h1, low
        return total


@lru_cache(maxsize=1)
def _load() -> LanguageModel:
    return LanguageModel()


def get_lm() -> LanguageModel:
    """The shared model, loaded once per process (thread-safe)."""
    with _lock:
        return _load()
