"""A character 4-gram model of how English (and period names) spell (issue 12).

Counted over the word types of the shipped period lists (``lexicons/char_ngrams_period.tsv.gz``,
built by ``scripts/build_char_ngrams.py``), interpolated Witten-Bell, loaded on first use
(~0.1 s, a few MB; only a heavily garbled page's unread tokens ever ask).

:func:`spelling_cost` is the surprisal (nats) of a word's letters and its end; per letter,
English words cost ~2 nats, OCR garble ~3-4 ("IMimstor", "Llsmorr").

>>> spelling_cost("lismore") < spelling_cost("llsmorr")
True
"""

from __future__ import annotations

import gzip
import math
import threading
from functools import lru_cache

#: Order of the model (the longest n-gram counted).
ORDER = 4
#: The shipped counts.
LEXICON = "char_ngrams_period.tsv.gz"
_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz'")
_LOCK = threading.Lock()


def padded(word: str) -> str:
    """``word`` as the model reads it: ``^`` x (ORDER - 1), lower-case letters and ``'``
    (other glyphs ``?``), then ``$``."""
    body = "".join(c if c in _ALPHABET else "?" for c in word.lower())
    return "^" * (ORDER - 1) + body + "$"


class CharModel:
    """The counts and, per context, its total and number of distinct next glyphs."""

    def __init__(self, counts: dict[str, int], contexts: dict[str, tuple[int, int]]) -> None:
        self.counts = counts
        self.contexts = contexts
        uni = [c for g, c in counts.items() if len(g) == 1]
        self.total = sum(uni)
        self.vocab = len(uni) + 1  # "?" included

    def prob(self, hist: str, c: str) -> float:
        """P(``c`` | ``hist``), interpolated Witten-Bell from the unigram up."""
        p = (self.counts.get(c, 0) + 1) / (self.total + self.vocab)
        for k in range(len(hist) - 1, -1, -1):
            h = hist[k:]
            got = self.contexts.get(h)
            if got is None:
                break
            t, n = got
            p = (self.counts.get(h + c, 0) + n * p) / (t + n)
        return p

    def cost(self, word: str) -> float:
        s = padded(word)
        out = 0.0
        for i in range(ORDER - 1, len(s)):
            out -= math.log(self.prob(s[i - ORDER + 1 : i], s[i]))
        return out


def _build() -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """The shipped counts and each context's (total, distinct next glyphs)."""
    from repair.lexicons import lexicon_path

    counts: dict[str, int] = {}
    path = lexicon_path(LEXICON)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            g, _tab, c = line.rstrip("\n").partition("\t")
            counts[g] = int(c)
    ctx: dict[str, tuple[int, int]] = {}
    for g, c in counts.items():
        if len(g) > 1:
            t, n = ctx.get(g[:-1], (0, 0))
            ctx[g[:-1]] = (t + c, n + 1)
    return counts, ctx


_MODEL: list[CharModel] = []


def model() -> CharModel:
    """The shipped model (read once; the parsed tables from the per-user cache)."""
    if not _MODEL:
        with _LOCK:
            if not _MODEL:
                from repair.lexicons import lexicon_path
                from repair.resources.cache import disk_cached

                counts, ctx = disk_cached(
                    "char-ngrams-period", [lexicon_path(LEXICON), __file__], _build, tuple
                )
                _MODEL.append(CharModel(counts, ctx))
    return _MODEL[0]


@lru_cache(maxsize=4096)
def spelling_cost(word: str) -> float:
    """Surprisal (nats) of ``word``'s spelling (any case) under the model."""
    return model().cost(word)
