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
from collections.abc import Callable, Sequence
from functools import lru_cache

#: log(1.0001): pocketsphinx scores are log base 1.0001.
_LOG_BASE = math.log(1.0001)
#: What an out-of-vocabulary word costs (natural log): about the cost of a
#: very rare known word, so an OOV word is bad but not infinitely bad.
UNKNOWN_LOGPROB = -16.0
_lock = threading.Lock()
#: Look n-grams up through :mod:`repair.resources._lmprob` (pocketsphinx's C ``ngram_prob``
#: on the binding's own model, without the binding's Python wrapper: the same ints, ~0.3 µs
#: less a call; built by ``setup.py`` when a C compiler is there).  False: the binding only.
COMPILED_PROB = True
#: n-grams :func:`_direct_prob` compares with the binding before using the compiled look-up
#: (known and unknown words, each length, non-ASCII, an empty word).
_CHECK_NGRAMS: tuple[tuple[str, ...], ...] = (
    ("the",), ("of", "the"), ("house", "the", "of"), ("walked", "he"), ("zzqx", "the", "of"),
    ("café", "the"), ("", "a"), ("a", "zzqx", "of"), ("said", "he", "."), ("of", "in", "the"),
)  # fmt: skip


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
        #: ``prob(words) -> int``: the binding's ``NGramModel.prob`` or, when
        #: :data:`COMPILED_PROB` and built, the same look-up compiled (equal ints)
        self.prob: Callable[[Sequence[str]], int] = self._model.prob
        #: for compiled callers (``repair/score/_spingains.c``): a capsule of the compiled
        #: look-up, else :attr:`prob` itself
        self.prob_api: object = self.prob
        #: :meth:`sequence_logprob`'s loop compiled (``_lmprob.Prob.sequence``), or None
        self._sequence: Callable[..., float] | None = None
        if COMPILED_PROB:
            direct = _direct_prob(self._model)
            if direct is not None:
                self.prob, self.prob_api = direct, direct.api()  # type: ignore[attr-defined]
                self._sequence = direct.sequence  # type: ignore[attr-defined]

    def logprob(self, word: str, history: Sequence[str] = ()) -> float:
        """ln P(word | history); ``history`` in reading order (oldest first)."""
        n = len(history)
        if n >= 2:
            words = [word.lower(), history[-1].lower(), history[-2].lower()]
        elif n:
            words = [word.lower(), history[-1].lower()]
        else:
            words = [word.lower()]
        return self._scaled(self.prob(words))

    @staticmethod
    def _scaled(raw: float) -> float:
        if raw <= -100_000_000:
            return UNKNOWN_LOGPROB
        return max(raw * _LOG_BASE, UNKNOWN_LOGPROB)

    def known(self, word: str) -> bool:
        return self.prob([word.lower()]) > -100_000_000

    def sequence_logprob(self, words: Sequence[str], history: Sequence[str] = ()) -> float:
        """Sum of ln P over ``words`` given ``history`` before them (trigram window)."""
        n = len(history)
        h1 = history[-1].lower() if n else None
        h2 = history[-2].lower() if n >= 2 else None
        if self._sequence is not None:  # the loop below, compiled (the same floats)
            return self._sequence(words, h1, h2, _LOG_BASE, UNKNOWN_LOGPROB)
        prob = self.prob
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


def _direct_prob(model: object) -> Callable[[Sequence[str]], int] | None:
    """:class:`repair.resources._lmprob.Prob` on ``model`` when built and it agrees with
    ``model.prob`` on :data:`_CHECK_NGRAMS`, else None (the binding is used)."""
    try:
        import pocketsphinx._pocketsphinx as binding

        from repair.resources import _lmprob  # type: ignore[attr-defined]
    except ImportError:  # not built: the binding
        return None
    try:
        direct = _lmprob.Prob(model, binding.__file__)
    except (ValueError, TypeError):  # another pocketsphinx layout: the binding
        return None
    prob = model.prob  # type: ignore[attr-defined]
    if any(direct(list(g)) != prob(list(g)) for g in _CHECK_NGRAMS):
        return None
    return direct  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _load() -> LanguageModel:
    return LanguageModel()


def get_lm() -> LanguageModel:
    """The shared model, loaded once per process (thread-safe)."""
    with _lock:
        return _load()
