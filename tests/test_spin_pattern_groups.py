"""The spin-form scan compiles one small pattern per first word: same matches as the
one big alternation (``_pattern``), which cost ~20 ms of every start."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

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


def _fresh_matches(text: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """``_matches`` with a new group table, so its plain string comparison is used
    (a cached table compiles a group's pattern after ``_PLAIN_CALLS`` calls)."""
    S._patterns_by_first_word.cache_clear()
    return [(m.start(), m.end()) for m in S._matches(text, keys)]


def test_plain_comparison_matches_the_full_alternation() -> None:
    """Fresh tables per text: the string comparison of ASCII text (and its fallback to
    the pattern next to non-ASCII characters) gives the full alternation's matches."""
    keys = tuple(S.builtin_pairs())
    rng = random.Random(7)
    for text in _texts(keys, rng, 400):
        assert _fresh_matches(text, keys) == [(m.start(), m.end()) for m in _reference(text, keys)]
    odd = ("abc x", "Abc y", "abc", "ſtate law", "state", "\u212aelvin", "kelvin scale")
    odd += ("new york", "new", "in-depth", "it's", "l'amour", "u.s. attorney", "u.k.", "new  age")
    odd += ("new\tdeal", "new york times", "a bit", "a")
    for text in _texts(odd, random.Random(3), 1500):
        assert _fresh_matches(text, odd) == [(m.start(), m.end()) for m in _reference(text, odd)]
    text = "New \t York’s, NEW YORK TIMES. a  bit-x a bit. U.S. Attorney; u.k.x new  age new\tdeal"
    text += " it’s l’amour “new” york a—bit a\u00a0bit"
    assert _fresh_matches(text, odd) == [(m.start(), m.end()) for m in _reference(text, odd)]


def test_a_small_text_compiles_no_group_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean text and a spun one with ASCII words next to the spun phrases compile no
    group alternation (~0.3 ms each of a start); the matches are still found."""
    compiled: list[list[str]] = []
    real = S._alternation

    def spy(alts: list[str], behind: bool = True):  # type: ignore[no-untyped-def]
        compiled.append(alts)
        return real(alts, behind)

    monkeypatch.setattr(S, "_alternation", spy)
    keys = tuple(S.builtin_pairs())
    S._patterns_by_first_word.cache_clear()
    clean = "In the end, the “new” law was passed by the state as soon as it could be."
    spun = "It was earlier than noon in the intervening time, as an alternative to a whole bunch."
    assert [m.group() for m in S._matches(clean, keys)] == [
        m.group() for m in _reference(clean, keys)
    ]
    got = [m.group() for m in S._matches(spun, keys)]
    assert got == [m.group() for m in _reference(spun, keys)]
    assert "earlier than" in got and "in the intervening time" in got
    assert [a for a in compiled if len(a) < 100] == []


def test_uncased_characters_match_no_ascii_key_character() -> None:
    """What lets the plain comparison skip quotes and dashes: under ``re.IGNORECASE``
    none of them matches an ASCII character (``’`` is the key's ``'``, ``['’]``)."""
    for c in S._UNCASED:
        for a in map(chr, range(128)):
            assert re.fullmatch(re.escape(a), c, re.IGNORECASE) is None, (a, c)
