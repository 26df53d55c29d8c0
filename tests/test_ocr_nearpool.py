"""The bag-distance filter before rapidfuzz's Levenshtein searches
(:mod:`repair.score.ocr_nearpool`; issue 14, session 61): the same hits, in the same
order, with the same indices, as rapidfuzz over the whole pool."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from repair.score import ocr_nearpool

_ALPHABET = "etaoinshrdlucmfwypvbgkqjxz" + "EAST" + "éü'-ß"


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_ALPHABET[: rng.choice((8, 26, 35))]) for _ in range(n))


def _near(rng: random.Random, word: str, edits: int) -> str:
    w = list(word)
    for _ in range(edits):
        op = rng.randrange(3)
        at = rng.randrange(len(w) + 1)
        if op == 0 or not w:
            w.insert(at, rng.choice(_ALPHABET))
        elif op == 1:
            del w[min(at, len(w) - 1)]
        else:
            w[min(at, len(w) - 1)] = rng.choice(_ALPHABET)
    return "".join(w)


def _pool(rng: random.Random, query: str, size: int) -> list[str]:
    pool = [_word(rng, rng.randint(1, 14)) for _ in range(size)]
    pool += [_near(rng, query, rng.randint(0, 5)) for _ in range(size // 4)]
    pool += [query, query]  # repeated words: ties broken by index
    rng.shuffle(pool)
    return pool


def _rapidfuzz(query: str, pool: object, cutoff: int, limit: int | None) -> list[tuple]:
    hits = process.extract(
        query, pool, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=limit
    )
    return [tuple(h) for h in hits]


def test_needs_the_extension() -> None:
    assert ocr_nearpool._module() is not None, "python setup.py build_ext --inplace"


@pytest.mark.parametrize("kind", [list, tuple])
def test_the_same_hits_as_rapidfuzz(kind: type) -> None:
    rng = random.Random(61)
    for case in range(600):
        query = _word(rng, rng.randint(1, 12)) if case % 5 else ""
        pool = kind(_pool(rng, query, rng.choice((0, 3, 40, 400))))
        cutoff = rng.randint(0, 7)
        limit = rng.choice((None, None, 1, 3, 14, 10_000))
        got = [tuple(h) for h in ocr_nearpool.extract(query, pool, cutoff, limit)]
        assert got == _rapidfuzz(query, pool, cutoff, limit), (query, cutoff, limit)


def test_the_bound_never_drops_a_hit() -> None:
    """Every word within ``cutoff`` plain edits survives both filters."""
    mod = ocr_nearpool._module()
    rng = random.Random(7)
    for _ in range(300):
        query = _word(rng, rng.randint(2, 10))
        pool = tuple(_pool(rng, query, 200))
        cutoff = rng.randint(0, 5)
        sig = mod.signature(pool)
        by_word = mod.survivors(query, pool, cutoff)
        for kept in (by_word, mod.survivors_sig(query, pool, sig, cutoff)):
            left = set(pool) if kept is None else set(kept[0])
            assert {w for w in pool if Levenshtein.distance(query, w) <= cutoff} <= left
            if kept is not None:
                assert [pool[k] for k in kept[1]] == kept[0]  # in order, with their indices


def test_a_changed_tuple_is_signed_again() -> None:
    """The signature memo holds its tuple: a new tuple at a reused id is signed anew."""
    first = tuple(f"word{i}" for i in range(50))
    assert ocr_nearpool.extract("word7", first, 0) == [("word7", 0, 7)]
    ocr_nearpool._signatures.clear()
    ocr_nearpool._signatures[id(("x",))] = (("y",), b"")  # a stale entry at some id
    second = ("house", "mouse", "horse")
    assert ocr_nearpool.extract("hause", second, 1) == [("house", 1, 0)]


@pytest.mark.parametrize("on", [True, False])
def test_rapidfuzz_reads_fewer_words(on: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the filter rapidfuzz is asked of the words that may be near only (fails with the
    switch ignored)."""
    monkeypatch.setattr(ocr_nearpool, "NEAR_FILTER", on)
    pool = tuple(_pool(random.Random(3), "strength", 2_000))
    want = _rapidfuzz("strcngth", pool, 2, None)
    read: list[int] = []
    real = process.extract

    def spy(query, choices, **kw):  # type: ignore[no-untyped-def]
        read.append(len(choices))
        return real(query, choices, **kw)

    monkeypatch.setattr(process, "extract", spy)
    hits = ocr_nearpool.extract("strcngth", pool, 2)
    assert [tuple(h) for h in hits] == want
    assert (sum(read) < len(pool) / 10) if on else read == [len(pool)]


def test_a_garbled_page_repairs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.bench.speed import speed_text
    from repair.pipeline import repair_text

    text = speed_text("ocr", 3_000)
    monkeypatch.setattr(ocr_nearpool, "NEAR_FILTER", False)
    off = repair_text(text)
    monkeypatch.setattr(ocr_nearpool, "NEAR_FILTER", True)
    on = repair_text(text)
    assert on.text == off.text
    assert [repr(e) for e in on.edits] == [repr(e) for e in off.edits]


def test_ships_on() -> None:
    assert ocr_nearpool.NEAR_FILTER and ocr_nearpool.SIGNATURES and ocr_nearpool.LISTS


def test_signatures_kept_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signature memo is cleared past its count or its bytes, and answers the same."""
    monkeypatch.setattr(ocr_nearpool, "SIGNATURE_BYTES", 1_000)
    ocr_nearpool._signatures.clear()
    ocr_nearpool._signed[0] = 0
    rng = random.Random(5)
    for _ in range(40):
        pool = tuple(_pool(rng, "window", 30))
        got = [tuple(h) for h in ocr_nearpool.extract("windcw", pool, 2)]
        assert got == _rapidfuzz("windcw", pool, 2, None)
        assert ocr_nearpool._signed[0] <= 1_000 + 33 * len(pool)
    assert len(ocr_nearpool._signatures) <= ocr_nearpool.SIGNATURES_KEPT
