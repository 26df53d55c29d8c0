"""Issue 14, session 17: the wide name search walks the target words' prefixes and the
names' (:func:`repair.score.ocr_search.name_prefixes`), not every dictionary prefix.

Compared with the walk over every dictionary prefix and the names (the index it
replaces): the kept readings (:func:`repair.score.ocr_search._target` with names), their
costs, substitutions and order, and the page-word walk made with it, are the same.
"""

from __future__ import annotations

import random

import pytest

from repair.score import ocr_search
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import (
    PrefixIndex,
    confusion_variants,
    confusion_variants_pair,
    confusions,
    is_target,
    prefixes_of,
    vocabulary,
    vocabulary_prefixes,
)


def _plain_index() -> PrefixIndex:
    """Every dictionary prefix and every name's (the index before session 17)."""
    names = [w for w in get_ngrams().names() if len(w) >= ocr_search.NAME_MIN_LEN]
    index = prefixes_of(())
    full = vocabulary_prefixes().all_prefixes()
    index.full = full.union(n.lower()[:i] for n in names for i in range(len(n) + 1))
    return index


def _kept(variants: dict) -> list:
    return [(v, x) for v, x in variants.items() if ocr_search._target(v, True)]


def _garbled(rng: random.Random, word: str, rows: list[tuple[str, str]]) -> str:
    """``word`` printed with one to three learned confusions (true form -> printed)."""
    for _ in range(rng.randint(1, 3)):
        here = [(s, d) for s, d in rows if d and d in word]
        if not here:
            break
        printed, true = rng.choice(here)
        i = word.find(true)
        word = word[:i] + printed + word[i + len(true) :]
    return word


def _tokens() -> list[str]:
    rng = random.Random(17)
    rows = [(s, d) for s, found in confusions().items() for d, _c in found]
    names = sorted(n for n in get_ngrams().names() if len(n) >= 5 and n.isalpha())
    words = sorted(w for w in vocabulary() if len(w) >= 5 and w.isalpha() and is_target(w))
    tokens = [
        "Hiidson",
        "Balgownio",
        "Pittwator",
        "Barnim",
        "Sydncy's",
        "Havcn't",
        "hc's",
        "wliat's",
        "M'Kcnzie",
        "tbe",
        "atlcndanco",
    ]
    for pool in (names, words):
        for w in rng.sample(pool, 120):
            g = _garbled(rng, w, rows)
            tokens.append(g.capitalize() if pool is names else g)
    return tokens


@pytest.fixture(scope="module")
def indexes() -> tuple[PrefixIndex, PrefixIndex]:
    return _plain_index(), ocr_search.name_prefixes()


def test_name_search_keeps_the_same_readings(indexes: tuple[PrefixIndex, PrefixIndex]) -> None:
    plain, index = indexes
    assert index.full is not None and len(index.full) < len(plain.full)  # type: ignore[arg-type]
    found = 0
    for token in _tokens():
        bound = ocr_search.cost_bound(token)
        old = _kept(confusion_variants(token, plain, bound, ocr_search.MAX_SUBS))
        new = _kept(confusion_variants(token, index, bound, ocr_search.MAX_SUBS))
        assert new == old, token
        found += bool(old)
    assert found > 100  # the tokens do reach names and words


def test_pair_walk_with_the_name_index_is_the_same(
    indexes: tuple[PrefixIndex, PrefixIndex],
) -> None:
    plain, index = indexes
    page = prefixes_of(["Hudson", "Balgownie", "Pittwater", "attendance", "Sydney", "haven"])
    for token in _tokens()[:80]:
        bound = ocr_search.cost_bound(token)
        old = confusion_variants_pair(token, plain, page, bound, ocr_search.MAX_SUBS)
        new = confusion_variants_pair(token, index, page, bound, ocr_search.MAX_SUBS)
        assert _kept(new[0]) == _kept(old[0]), token
        assert new[1] == old[1], token


def test_name_index_holds_every_prefix_a_kept_reading_needs(
    indexes: tuple[PrefixIndex, PrefixIndex],
) -> None:
    """Every dictionary prefix that a kept reading can be (a target, or a string
    :func:`is_name` reads as a name) is in the index, with its own prefixes."""
    _plain, index = indexes
    full = index.full
    assert full is not None
    for p in vocabulary_prefixes().all_prefixes():
        if len(p) >= 2 and (is_target(p) or ocr_search._target(p.capitalize(), True)):
            assert all(p[:i] in full for i in range(len(p) + 1)), p
