"""Book-register word and word-pair counts: a bigram model for scientific prose.

The context LM (:mod:`repair.resources.lm`) is trained on news: it knows "we propose
a" and "this paper" poorly and "neural network" not better than "nervous web".  The
symspellpy package (a run-time dependency) ships word counts (82,765 words) and word-pair
counts (242,342 pairs) taken from the Google Books Ngram corpus, a register that
includes scientific and technical books.  ``scripts/build_bigram_counts.py`` packs both
into ``lexicons/bigram_counts.bin`` so that a look-up costs a hash and a bisection and
loading costs a few milliseconds (parsing the text files costs 0.5 s).

File format: a header line ``repair-bigram-counts 1 N TOTAL`` (N keys; TOTAL the sum of
the word counts), a ``#`` note line (source and licence), then little-endian tables:
65,537 uint32 bucket offsets (keys whose top 16 bits are b start there), N sorted
uint64 keys (BLAKE2b-8 of a word or of "first second") and N uint8 counts (ln of the
count in eighths of a nat, so a count is kept to 6 %).

>>> m = get_bigrams()
>>> m.logprob_next("neural", "network") > m.logprob_next("nervous", "network")
True
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from functools import lru_cache

from repair.lexicons import LexiconError, lexicon_path
from repair.resources import key_table

LEXICON = "bigram_counts.bin"
MAGIC = "repair-bigram-counts"
VERSION = 1
BUCKET_BITS = 16
#: Counts are stored as round(ln(count) * STEPS).
STEPS = 8
#: Weight of the unigram back-off for an unseen pair (stupid back-off, Brants et al. 2007).
BACKOFF = math.log(0.05)
#: ln-probability of a word the counts do not know.
UNKNOWN = -20.0


def key(text: str) -> int:
    """The 64-bit key of a word or a "first second" pair (BLAKE2b-8, little-endian)."""
    return key_table.key(text)


def encode(words: dict[str, int], pairs: dict[str, int], note: str) -> bytes:
    """The lexicon file for word counts and ``"a b"`` pair counts."""
    values: dict[int, int] = {}
    for table in (words, pairs):
        for text, count in table.items():
            k = key(text)
            if k in values:
                raise ValueError(f"key collision or duplicate: {text!r}")
            values[k] = min(255, max(0, round(math.log(max(count, 1)) * STEPS)))
    keys = sorted(values)
    offsets = array("I", [0] * ((1 << BUCKET_BITS) + 1))
    for k in keys:
        offsets[(k >> (64 - BUCKET_BITS)) + 1] += 1
    for b in range(1, len(offsets)):
        offsets[b] += offsets[b - 1]
    head = f"{MAGIC} {VERSION} {len(keys)} {sum(words.values())}\n{note}\n".encode()
    return (
        head
        + offsets.tobytes()
        + array("Q", keys).tobytes()
        + array("B", [values[k] for k in keys]).tobytes()
    )


class Bigrams:
    """Read-only counts of ``lexicons/bigram_counts.bin``; use :func:`get_bigrams`."""

    def __init__(self, blob: bytes) -> None:
        first = blob.index(b"\n")
        second = blob.index(b"\n", first + 1)
        head = blob[:first].decode().split()
        if len(head) != 4 or head[0] != MAGIC or head[1] != str(VERSION):
            raise LexiconError(f"{LEXICON}: not a version-{VERSION} bigram table: {head!r}")
        n, self.total = int(head[2]), int(head[3])
        pos = second + 1
        n_off = (1 << BUCKET_BITS) + 1
        self._offsets = array("I")
        self._offsets.frombytes(blob[pos : pos + 4 * n_off])
        pos += 4 * n_off
        self._keys = array("Q")
        self._keys.frombytes(blob[pos : pos + 8 * n])
        pos += 8 * n
        self._counts = blob[pos : pos + n]
        if len(self._counts) != n or self._offsets[-1] != n:
            raise LexiconError(f"{LEXICON}: truncated ({len(self._counts)} of {n} counts)")
        self._log_total = math.log(self.total)
        self._table = key_table.table(self._offsets, self._keys, BUCKET_BITS)

    def log_count(self, text: str) -> float | None:
        """ln of the count of a word or ``"a b"`` pair, or None when unseen."""
        i = self._table.index(text)
        return self._counts[i] / STEPS if i >= 0 else None

    def log_counts(self, texts: Iterable[str]) -> list[float | None]:
        """:meth:`log_count` of each of ``texts``, in order (the same look-up in one loop:
        the topic fit reads ~70 pairs a word, most of them unseen; compiled when built:
        :mod:`repair.resources.key_table`)."""
        return self._table.scaled(texts, self._counts, STEPS)

    def pair_sum(self, word: str, keys: Iterable[str]) -> float:
        """The sum of :meth:`log_count` over the stored pairs of ``word`` with each of
        ``keys`` other than ``word`` (``"word k"``, or ``"k word"`` where ``k < word``):
        the same float as summing the :meth:`log_counts` of those pair texts (every count
        is a whole number of eighths, so any order of the sum is exact), without a Python
        string per pair (compiled when built: :mod:`repair.resources.key_table`; an
        extension built before ``pair_sum`` existed sums in Python, the same ints)."""
        table = self._table
        if not hasattr(table, "pair_sum"):  # a stale _keyhash build
            table = key_table.PyTable(self._offsets, self._keys, BUCKET_BITS)
        return table.pair_sum(word, keys, self._counts) / STEPS

    def unigram_logprob(self, word: str) -> float:
        c = self.log_count(word)
        return UNKNOWN if c is None else c - self._log_total

    def logprob_next(self, prev: str, word: str) -> float:
        """ln P(word | prev), with a stupid back-off to the word's unigram probability."""
        pair = self.log_count(f"{prev} {word}")
        first = self.log_count(prev)
        if pair is not None and first is not None:
            return min(0.0, pair - first)
        return BACKOFF + self.unigram_logprob(word)

    def fit(self, left: str | None, word: str, right: str | None) -> float:
        """How well ``word`` fits between its neighbours: ln P(word | left) + ln P(right |
        word) − ln P(right) (either side may be None: a sentence edge or punctuation)."""
        score = self.logprob_next(left, word) if left else self.unigram_logprob(word)
        if right:
            score += self.logprob_next(word, right) - self.unigram_logprob(right)
        return score


@lru_cache(maxsize=1)
def get_bigrams() -> Bigrams:
    """The shipped table, read once per process."""
    return Bigrams(lexicon_path(LEXICON).read_bytes())
