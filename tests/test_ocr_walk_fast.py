"""Issue 14, session 19: the compiled confusion walk (``repair/score/_ocrwalk.c``, used
through :mod:`repair.score.ocr_walk_fast`) gives what the Python walk gives.

Each test walks the same tokens both ways: the readings, their costs, substitutions and
the dicts' order must be the same (``list(variants.items())``), for single and pair walks,
on the target part, the name index, small page indexes with non-ASCII words, and tokens
garbled by the learned table.  Skipped when the extension is not built (the Python walk
is then the only one).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from repair.score import ocr_channel, ocr_search, ocr_walk_fast
from repair.score.ocr_channel import (
    PrefixIndex,
    confusion_variants,
    confusion_variants_pair,
    prefixes_of,
    vocabulary,
)
from tests.ocr_garble import garble, printed_forms

compiled = pytest.importorskip("repair.score._ocrwalk")


@contextmanager
def _walks(fast: bool, *indexes: PrefixIndex) -> Iterator[None]:
    """Walk ``indexes`` compiled (their trie at once) or in Python."""
    saved = ocr_walk_fast.FAST
    ocr_walk_fast.FAST = fast
    for index in indexes:
        index._trie = None
        index._walks = ocr_channel.TRIE_AFTER + 1 if fast else 0
    try:
        yield
    finally:
        ocr_walk_fast.FAST = saved
        for index in indexes:
            index._trie = None


def _garbled(n: int, seed: int) -> list[str]:
    """Dictionary words with one to three glyphs printed as the table says OCR prints
    them (each true form replaced by one of its printed forms)."""
    printed = printed_forms()
    rng = random.Random(seed)
    words = sorted(w for w in vocabulary() if w.isalpha() and 3 <= len(w) <= 12)
    out = []
    for word in rng.sample(words, n):
        out.append(garble(word.capitalize() if rng.random() < 0.2 else word, printed, rng, 3))
    return out


_ODD = [
    "İstanbul",
    "Müller",
    "ſtrasse",
    "naïve",
    "Straße",
    "ǅemal",
    "tlie",
    "ofthe",
    "a",
    "",
    "I1l",
    "c0rn",
    "MAN",
    "o'clock",
    "rn'sieur",
]


def _page() -> PrefixIndex:
    words = [
        "the",
        "müller",
        "istanbul",
        "i̇stanbul",
        "strasse",
        "straße",
        "naïve",
        "corn",
        "clock",
        "o'clock",
        "mem",
        "member",
        "ǆemal",
        "x",
    ]
    return prefixes_of(words)


def _both(index: PrefixIndex, tokens: list[str], bound: float, subs: int) -> None:
    with _walks(False, index):
        plain = [list(confusion_variants(t, index, bound, subs).items()) for t in tokens]
    with _walks(True, index):
        fast = [list(confusion_variants(t, index, bound, subs).items()) for t in tokens]
        assert index._trie is not None and index._trie[1] is not None  # compiled indeed
    assert fast == plain


@pytest.mark.parametrize("subs", [1, 3, 5])
def test_single_walk_matches_python_on_the_target_part(subs: int) -> None:
    index = ocr_search._word_prefixes()
    tokens = _garbled(150, seed=subs) + _ODD
    _both(index, tokens, 9.5, subs)


def test_single_walk_matches_python_on_names_and_a_page() -> None:
    tokens = _garbled(120, seed=7) + _ODD
    _both(ocr_search.name_prefixes(), tokens, 7.5, 3)
    _both(_page(), tokens + ["Mullcr", "Istanbnl", "strassc", "mernber"], 10.0, 4)
    _both(prefixes_of(()), tokens[:20], 10.0, 3)  # an empty index


def test_pair_walk_matches_python() -> None:
    first, second = ocr_search.name_prefixes(), _page()
    tokens = _garbled(120, seed=11) + _ODD + ["Mullcr", "Istanbnl", "mernber"]
    with _walks(False, first, second):
        plain = [confusion_variants_pair(t, first, second, 9.5, 5) for t in tokens]
    with _walks(True, first, second):
        fast = [confusion_variants_pair(t, first, second, 9.5, 5) for t in tokens]
    for (a1, a2), (b1, b2) in zip(plain, fast, strict=True):
        assert list(b1.items()) == list(a1.items())
        assert list(b2.items()) == list(a2.items())
    assert any(a2 for a1, a2 in plain)  # the page found something


def test_trie_refuses_sets_that_are_not_prefix_closed() -> None:
    assert compiled.trie(frozenset(["", "a", "ab", "b"])) is not None
    assert compiled.trie(frozenset()) is not None
    assert compiled.trie(frozenset(["a", "ab"])) is not None  # "" is never tested
    assert compiled.trie(frozenset(["", "a", "abc"])) is None
    assert compiled.trie(frozenset(["", "ab"])) is None
    assert compiled.trie(frozenset(["", "a", "bc"])) is None
    with pytest.raises(TypeError):
        compiled.trie({"a"})


def test_a_refused_set_walks_in_python() -> None:
    index = prefixes_of(())
    index.full = frozenset(["", "t", "th", "the", "tha"] + ["xyz"])  # "x", "xy" missing
    with _walks(True, index):
        got = list(confusion_variants("tbe", index, 9.0, 2).items())
        assert index._trie is not None and index._trie[1] is None
    with _walks(False, index):
        assert got == list(confusion_variants("tbe", index, 9.0, 2).items())


def test_first_walks_of_an_index_are_python() -> None:
    index = prefixes_of(["the", "then"])
    index.all_prefixes()
    for _ in range(ocr_channel.TRIE_AFTER):
        confusion_variants("tbe", index, 9.0, 2)
    assert index._trie is None
    confusion_variants("tbe", index, 9.0, 2)
    assert index._trie is not None or not ocr_walk_fast.FAST


def test_compiled_block_cost_is_the_python_programme() -> None:
    """``_ocrwalk.block_cost`` gives :func:`ocr_price._block_dp`'s cost exactly (float
    equality) over the same rows, on runs built from the table's rows with their case,
    noise, odd glyphs ("İ" lowers to two) and empty sides."""
    from repair.score import ocr_price

    rows = sorted(ocr_price._rows())
    rng = random.Random(19)
    pairs = [("tbe", "the"), ("Ijondon", "london"), ("rn", "m"), ("", "a"), ("a", ""), ("", "")]
    pairs += [("İstanbul", "istanbul"), ("ſtrasse", "strasse"), ("ǅemal", "džemal"), ("o'c", "oc")]
    for _ in range(3_000):
        src, dst = "", ""
        for _ in range(rng.randint(1, 3)):
            p, t = rng.choice(rows)
            if rng.random() < 0.3:
                p = p.upper()
            if rng.random() < 0.3:
                ch = rng.choice("aeiouhlnrstİſ")
                p, t = p + ch, t + ch.lower()
            src, dst = src + p, dst + t
        if rng.random() < 0.2:
            dst = dst[:-1]
        pairs.append((src[:9], dst[:9]))
    costs = set()
    for src, dst in pairs:
        n = len(src)
        reads = [
            [ocr_price._rows_from(src[i : i + a]) for a in range(1, min(3, n - i) + 1)]
            for i in range(n)
        ]
        want = ocr_price._block_dp(src, dst, reads)
        lows = [c.lower() for c in src]
        got = compiled.block_cost(lows, dst, reads, 5.0, 5.0, 5.0)
        assert got == want, (src, dst)
        costs.add(want)
        if src and dst:  # other generic prices too
            assert compiled.block_cost(lows, dst, reads, 2.5, 7.0, 1.25) == _dp_priced(
                src, dst, reads, 2.5, 7.0, 1.25
            ), (src, dst)
    assert len(costs) > 50  # costs vary


def _dp_priced(src: str, dst: str, reads: list, sub: float, drop: float, add: float) -> float:
    """:func:`ocr_price._block_dp` with other generic prices."""
    from repair.score import ocr_price

    saved = ocr_price.GENERIC_SUB, ocr_price.GENERIC_DROP, ocr_price.GENERIC_ADD
    ocr_price.GENERIC_SUB, ocr_price.GENERIC_DROP, ocr_price.GENERIC_ADD = sub, drop, add
    try:
        return ocr_price._block_dp(src, dst, reads)
    finally:
        ocr_price.GENERIC_SUB, ocr_price.GENERIC_DROP, ocr_price.GENERIC_ADD = saved


def test_block_cost_uses_the_compiled_programme_only_when_on() -> None:
    from repair.score import ocr_price

    saved = ocr_walk_fast.FAST
    try:
        ocr_walk_fast.FAST = False
        assert ocr_price._compiled_block_cost() is None
        ocr_walk_fast.FAST = True
        assert ocr_price._compiled_block_cost() is compiled.block_cost
    finally:
        ocr_walk_fast.FAST = saved
