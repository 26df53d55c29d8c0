"""Issue 14, session 56: the channel price aligns its two sides in C
(``repair/score/_ocralign.c``, :data:`repair.score.ocr_price.COMPILED_ALIGN`) instead of
building rapidfuzz's opcode objects: the same runs as ``Levenshtein.opcodes`` (adjacent
differing opcodes merged), so the same prices, and rapidfuzz is not asked."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from rapidfuzz.distance import Levenshtein

from repair.score import ocr_price

_ocralign = pytest.importorskip("repair.score._ocralign")


def _reference_runs(low: str, target: str) -> tuple[tuple[int, int, int, int], ...]:
    """The runs :func:`ocr_price.channel_cost_upto` prices, from rapidfuzz's opcodes."""
    runs: list[list[int]] = []
    for tag, s1, s2, d1, d2 in Levenshtein.opcodes(low, target).as_list():
        if tag == "equal":
            continue
        if runs and runs[-1][1] == s1 and runs[-1][3] == d1:
            runs[-1][1], runs[-1][3] = s2, d2
        else:
            runs.append([s1, s2, d1, d2])
    return tuple((a, b, c, d) for a, b, c, d in runs)


@pytest.mark.parametrize(
    "alphabet", ["ab", "abc", "abcdef", "abcdefghijklmnopqrstuvwxyz", "aé\u0131ß€\U0001d518"]
)
def test_runs_are_rapidfuzz_runs(alphabet: str) -> None:
    rng = random.Random(56)
    for _ in range(4_000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _ocralign.runs(a, b) == _reference_runs(a, b), (a, b)


def test_runs_of_garbled_words() -> None:
    for a, b in [
        ("tlie", "the"),
        ("ijondon", "london"),
        ("conllnuid", "continued"),
        ("rnmm", "mm"),
        ("aab", "ab"),
        ("abab", "baba"),
        ("", "abc"),
        ("abc", ""),
        ("x" * 64, "y" * 64),
    ]:
        assert _ocralign.runs(a, b) == _reference_runs(a, b), (a, b)


def test_long_sides_are_left_to_rapidfuzz() -> None:
    # over 64 glyphs once the common prefix and suffix are stripped: not aligned here
    assert _ocralign.runs("a" * 65, "b" * 65) is None
    assert _ocralign.runs("a" * 65, "") is None
    # a long common affix is stripped first
    assert _ocralign.runs("q" * 100 + "ab", "q" * 100 + "b") == _reference_runs(
        "q" * 100 + "ab", "q" * 100 + "b"
    )


@contextmanager
def _align(on: bool) -> Iterator[None]:
    saved = ocr_price.COMPILED_ALIGN
    ocr_price.COMPILED_ALIGN = on
    try:
        yield
    finally:
        ocr_price.COMPILED_ALIGN = saved


def _triples() -> list[tuple[str, str, float]]:
    from repair.score.ocr_channel import vocabulary

    rows = sorted(ocr_price._rows())
    words = sorted(w for w in vocabulary() if 4 <= len(w) <= 10 and w.isalpha())
    rng = random.Random(56)
    out = [
        ("tbe", "the", 99.0),
        ("Ijondon", "london", 99.0),
        ("Ijondon", "condor", 0.5),
        ("İstanbul", "istanbul", 99.0),  # "İ" lowers to two glyphs
        ("İİstanbul", "stanbul", 99.0),
        ("THE", "the", 0.0),
        ("", "a", 9.0),
        ("a", "", 9.0),
        ("x" * 70, "y" * 70, 999.0),  # the rapidfuzz path
        ("cipcctcd", "expected", 99.0),
    ]
    for _ in range(2_000):
        word = rng.choice(words)
        chars = list(word)
        for _ in range(rng.randint(1, 3)):
            src, dst = rng.choice(rows)
            k = rng.randrange(len(chars))
            if rng.random() < 0.6 and dst and dst[0] == chars[k]:
                chars[k] = src
            elif rng.random() < 0.5:
                del chars[k]
            else:
                chars.insert(k, rng.choice("ilrnmce"))
        token = "".join(chars)
        if rng.random() < 0.3:
            token = token.capitalize()
        out.append((token, rng.choice([word, rng.choice(words)]), rng.choice([2.0, 6.0, 99.0])))
    return out


def test_prices_are_the_same_floats() -> None:
    triples = _triples()
    with _align(False):
        ocr_price._block_cost.cache_clear()
        before = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    with _align(True):
        ocr_price._block_cost.cache_clear()
        after = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    assert after == before
    assert any(b > lim for b, (_t, _w, lim) in zip(before, triples, strict=True))  # some cut short


def test_not_built_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    triples = _triples()[:300]
    with _align(True):
        built = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
        monkeypatch.setattr(ocr_price, "_ALIGN", False)  # as when the extension is absent
        fallback = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    assert fallback == built


def test_switch_keeps_rapidfuzz_out(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def counting(a: str, b: str):  # type: ignore[no-untyped-def]
        asked.append((a, b))
        return Levenshtein.opcodes(a, b)

    monkeypatch.setattr(ocr_price, "_OPCODES", counting)
    with _align(True):
        on = ocr_price.channel_cost_upto("Ijondon", "london", 99.0)
    assert asked == []
    with _align(False):
        off = ocr_price.channel_cost_upto("Ijondon", "london", 99.0)
    assert asked == [("ijondon", "london")]
    assert on == off
