"""Issue 14, session 57: the block price's programme runs over each printed run's rows
packed as a table of code points and costs (``repair/score/_ocrblock.c``,
:data:`repair.score.ocr_price.BLOCK_TABLE`) instead of looking up every substring of the
true side in the run's dict: the same rows at the same cells, so the same floats as
``_ocrwalk.block_cost`` and the Python programme."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from repair.score import ocr_price, ocr_walk_fast

_ocrblock = pytest.importorskip("repair.score._ocrblock")
_ocrwalk = pytest.importorskip("repair.score._ocrwalk")

_ALPHABETS = ["ab", "abc", "ilmnrce", "abcdefghijklmnopqrstuvwxyz", "aé\u0131ß€\U0001d518"]


@contextmanager
def _table(on: bool) -> Iterator[None]:
    saved = ocr_price.BLOCK_TABLE
    ocr_price.BLOCK_TABLE = on
    try:
        yield
    finally:
        ocr_price.BLOCK_TABLE = saved


def _clear() -> None:
    for memo in (ocr_price._block_cost, ocr_price._tables, ocr_price._packed_from):
        memo.cache_clear()


def _random_rows(rng: random.Random, alphabet: str) -> tuple[dict[str, float], int]:
    """A run's rows as :func:`ocr_price._rows_from` gives them: true runs of 0-3 glyphs."""
    rows: dict[str, float] = {}
    for _ in range(rng.choice([0, 0, 1, 3, 12])):
        true = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        rows[true] = rng.choice([0.3, 1.25, 2.0, 4.5, rng.random() * 5])
    return rows, max(map(len, rows), default=-1)


@pytest.mark.parametrize("alphabet", _ALPHABETS)
def test_packed_programme_is_the_dict_programme(alphabet: str) -> None:
    rng = random.Random(57)
    for _ in range(3_000):
        n, m = rng.randint(0, 7), rng.randint(0, 7)
        src = "".join(rng.choice(alphabet + "İ") for _ in range(n))
        dst = "".join(rng.choice(alphabet) for _ in range(m))
        reads = [[_random_rows(rng, alphabet) for _ in range(min(3, n - i))] for i in range(n)]
        lows = [c.lower() for c in src]
        tables = [[_ocrblock.pack(rows) for rows, _ in ri] for ri in reads]
        want = _ocrwalk.block_cost(lows, dst, reads, 5.0, 5.0, 5.0)
        got = _ocrblock.cost(lows, dst, tables, 5.0, 5.0, 5.0)
        assert got == want, (src, dst, reads)
        assert got == ocr_price._block_dp(src, dst, reads), (src, dst)


def test_pack_refuses_what_it_cannot_hold() -> None:
    assert _ocrblock.pack({}) == b""
    assert len(_ocrblock.pack({"": 1.0, "rn": 0.5, "\U0001d518": 2.0})) == 3 * 24
    with pytest.raises(ValueError):
        _ocrblock.pack({"abcd": 1.0})
    with pytest.raises(TypeError):
        _ocrblock.pack({1: 1.0})
    with pytest.raises(TypeError):
        _ocrblock.cost(["a"], "a", [[b"x"]], 5.0, 5.0, 5.0)  # not a whole number of rows
    with pytest.raises(ValueError):
        _ocrblock.cost(["a"], "a", [[b"", b""]], 5.0, 5.0, 5.0)  # a run past the end


def _pairs() -> list[tuple[str, str]]:
    """Printed / true blocks of the learned table's rows in context, and random ones."""
    rows = sorted(ocr_price._rows())
    rng = random.Random(57)
    out = [("tbe", "the"), ("Ijo", "lo"), ("İs", "is"), ("rn", "m"), ("", "a"), ("a", "")]
    for _ in range(3_000):
        src, dst = rng.choice(rows)
        left, right = rng.choice("aeiost"), rng.choice("aeiost")
        printed = left + (src.upper() if rng.random() < 0.2 else src) + right
        out.append((printed, left + dst + right))
        a = "".join(rng.choice("ilrnmcehtu1|") for _ in range(rng.randint(1, 5)))
        b = "".join(rng.choice("ilrnmcehtu") for _ in range(rng.randint(0, 5)))
        out.append((a, b))
    return out


def test_block_prices_are_the_same_floats() -> None:
    pairs = _pairs()
    with _table(False):
        _clear()
        before = [ocr_price._block_cost(s, d) for s, d in pairs]
    with _table(True):
        _clear()
        after = [ocr_price._block_cost(s, d) for s, d in pairs]
    _clear()
    assert after == before
    assert len(set(before)) > 50  # the table's rows were read, not only generic edits


def test_switch_uses_the_packed_programme(monkeypatch: pytest.MonkeyPatch) -> None:
    """On, the dict programme (``_ocrwalk.block_cost``) is never asked; off, it is."""
    mod = ocr_walk_fast.module()
    assert mod is not None
    asked: list[str] = []
    real = mod.block_cost

    def counting(lows, dst, reads, *rest):  # type: ignore[no-untyped-def]
        asked.append(dst)
        return real(lows, dst, reads, *rest)

    monkeypatch.setattr(mod, "block_cost", counting)
    _clear()
    ocr_price._block_cost("tlie", "the")  # as shipped (the switch's default)
    assert asked == []
    with _table(True):
        _clear()
        on = ocr_price._block_cost("tlie", "the")
    assert asked == []
    with _table(False):
        _clear()
        off = ocr_price._block_cost("tlie", "the")
    assert asked == ["the"]
    _clear()
    assert on == off


def test_not_built_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _pairs()[:400]
    with _table(True):
        _clear()
        built = [ocr_price._block_cost(s, d) for s, d in pairs]
        monkeypatch.setattr(ocr_price, "_BLOCK", False)  # as when the extension is absent
        _clear()
        fallback = [ocr_price._block_cost(s, d) for s, d in pairs]
    _clear()
    assert fallback == built


def test_channel_prices_are_the_same_floats() -> None:
    from repair.score.ocr_channel import vocabulary

    words = sorted(w for w in vocabulary() if 4 <= len(w) <= 9 and w.isalpha())
    rng = random.Random(570)
    triples = [("Ijondon", "london", 99.0), ("conllnuid", "continued", 99.0)]
    for _ in range(1_000):
        word = rng.choice(words)
        chars = list(word)
        k = rng.randrange(len(chars))
        chars[k : k + 1] = rng.choice(["rn", "li", "c", "1", "", chars[k] * 2])
        triples.append(
            ("".join(chars), rng.choice([word, rng.choice(words)]), rng.choice([3.0, 99.0]))
        )
    with _table(False):
        _clear()
        before = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    with _table(True):
        _clear()
        after = [ocr_price.channel_cost_upto(t, w, lim) for t, w, lim in triples]
    _clear()
    assert after == before
