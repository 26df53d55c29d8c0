"""The parallel-source signal: n-grams of clean reports of the same story (``--reference``).

* :func:`reference_ngrams` – lower-case word 2- and 3-grams of the references;
* :func:`ngram_support` counts how many n-grams around a candidate they contain.

The pairs harvested from the references are candidates:
:mod:`repair.candidates.reference`.

>>> grams = reference_ngrams(("Trump told reporters.",))
>>> ngram_support(["trump"], ["told"], ["reporters"], grams)
3
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from repair.candidates.reference import words_of

__all__ = ["ngram_support", "reference_ngrams"]


@lru_cache(maxsize=16)
def reference_ngrams(references: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """All word 2- and 3-grams of the references (lower case)."""
    grams: set[tuple[str, ...]] = set()
    for ref in references:
        ws = words_of(ref)
        for n in (2, 3):
            grams.update(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))
    return frozenset(grams)


def ngram_support(
    left: Sequence[str], middle: Sequence[str], right: Sequence[str], grams: frozenset
) -> int:
    """How many 2/3-grams spanning ``middle`` and its context occur in ``grams``."""
    if not grams:
        return 0
    seq = [w.lower() for w in (*left, *middle, *right)]
    a, b = len(left), len(left) + len(middle)
    hits = 0
    for n in (2, 3):
        for i in range(len(seq) - n + 1):
            if i < b and i + n > a and tuple(seq[i : i + n]) in grams:
                hits += 1
    return hits
