"""The spin-form scan compiles one small pattern per first word: same matches as the
one big alternation (``_pattern``), which cost ~20 ms of every start."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from repair.candidates import spin as S


def _reference(text: str, keys: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The scan before the split: the full alternation at every candidate word."""
    full = S._pattern(keys)
    first = S._first_words(keys)
    assert first is not None
    end = 0
    for w in S._WORD_START.finditer(text):
        p = w.start()
        if p < end or w.group().lower() not in first:
            continue
        m = full.match(text, p)
        if m is not None:
            end = m.end()
            yield m


def _texts(keys: tuple[str, ...], rng: random.Random, n: int) -> Iterator[str]:
    extra = ["ſtate", "K", "İs", "in", "the", "new", "York", ".", "'s", "’", "x", "café", "ABC"]
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 25)):
            t = rng.choice(keys) if rng.random() < 0.5 else rng.choice(extra)
            r = rng.random()
            t = t.upper() if r < 0.25 else t.capitalize() if r < 0.5 else t
            parts.append(t)
        yield "".join(rng.choice([" ", "  ", "-", "'", ". ", "\t", ""]) + p for p in parts)


def test_groups_match_the_full_alternation_on_the_shipped_profile() -> None:
    keys = tuple(S.builtin_pairs())
    assert len(keys) > 500
    rng = random.Random(14)
    found = 0
    for text in _texts(keys, rng, 1500):
        got = [(m.start(), m.end()) for m in S._matches(text, keys)]
        assert got == [(m.start(), m.end()) for m in _reference(text, keys)], text
        found += len(got)
    assert found > 1000


def test_groups_match_with_odd_keys() -> None:
    """Upper-case and non-ASCII first words (``ſ`` and ``K`` match ``s`` and ``k``)."""
    keys = ("abc x", "Abc y", "abc", "ſtate law", "state", "\u212aelvin", "kelvin scale", "café au")
    keys += ("new york", "new", "in-depth", "it's", "l'amour")
    rng = random.Random(5)
    for text in _texts(keys, rng, 3000):
        got = [(m.start(), m.end()) for m in S._matches(text, keys)]
        assert got == [(m.start(), m.end()) for m in _reference(text, keys)], text
    # "ſtate law" (a non-ASCII first word) matches "STATE law", as in the full alternation
    assert [m.group() for m in S._matches("The STATE law, Kelvin scale.", keys)] == [
        "STATE law",
        "Kelvin scale",
    ]
