"""The topic pick's compiled pair sum (session 35, issue 14): ``Table.pair_sum`` builds
each pair text of a word with its context keys, hashes and sums the stored counts in C
(``repair/resources/_keyhash.c``) or in Python (:class:`~repair.resources.key_table.PyTable`),
and the topic fit reads it instead of a Python pair string and float per pair.  These
tests pin that both give the sum of the counts :meth:`Bigrams.log_counts` reads for the
same pair texts, so the topic gains are the same floats."""

from __future__ import annotations

import random

import pytest

from repair.document import Document
from repair.resources import key_table
from repair.resources.bigrams import STEPS, Bigrams
from repair.score import spin_topic

try:
    from repair.resources import _keyhash  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not built
    _keyhash = None


def _tables() -> list[key_table.KeyTable]:
    book = spin_topic.get_table()
    out: list[key_table.KeyTable] = [key_table.PyTable(book._offsets, book._keys, 16)]
    if _keyhash is not None:
        out.append(_keyhash.Table(book._offsets, book._keys, 16))
    return out


def _vocab() -> list[str]:
    words = (
        "bank money loan credit interest market river water fish boat court judge law "
        "trial jury police crime army war soldier battle music song band film actor "
        "school student teacher church priest god science research theory data"
    ).split()
    # inflected keys, non-ASCII keys (UTF-8 order = code point order) and pair texts
    # longer than one BLAKE2b block and than the C function's stack buffer
    return words + ["naïve", "éclair", "zebra", "a", "ab", "b" * 130, "c" * 300, "中文"]


def _want(book: Bigrams, word: str, keys: list[str]) -> float:
    pairs = [f"{word} {k}" if word < k else f"{k} {word}" for k in keys if k != word]
    return sum([0.0 if v is None else v for v in book.log_counts(pairs)])


def test_pair_sum_is_the_sum_of_the_pairs_counts() -> None:
    book = spin_topic.get_table()
    vocab = _vocab()
    rng = random.Random(35)
    found = 0
    for _ in range(400):
        word = rng.choice(vocab)
        keys = rng.sample(vocab, rng.randrange(0, len(vocab))) + [word]  # the word itself
        want = _want(book, word, keys)
        found += want > 0
        for table in _tables():
            got = table.pair_sum(word, set(keys), book._counts)
            assert isinstance(got, int)
            assert got / STEPS == want
            assert table.pair_sum(word, iter(keys), book._counts) == got  # any iterable
        assert book.pair_sum(word, keys) == want
    assert found > 50  # stored pairs are summed, not only misses


@pytest.mark.skipif(_keyhash is None, reason="_keyhash not built")
def test_pair_sum_errors() -> None:
    book = spin_topic.get_table()
    table = _tables()[1]
    with pytest.raises(TypeError):
        table.pair_sum("bank", ["money", 3], book._counts)
    with pytest.raises(TypeError):
        table.pair_sum(3, ["money"], book._counts)
    with pytest.raises(UnicodeEncodeError):
        table.pair_sum("bank", ["\ud800"], book._counts)
    with pytest.raises(IndexError):  # a stored pair past the values
        table.pair_sum("bank", ["money", "loan", "river", "interest"], b"")
    assert table.pair_sum("bank", [], b"") == 0


def test_topic_gains_equal_with_python_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The row gains read through the compiled table are the floats the Python table
    gives (the fallback without a C compiler)."""
    text = (
        "The bank raised its interest rate on every loan, and the market fell. "
        "Credit grew scarce; the river of money that fed the boom ran dry. "
        "Judges and police said the crime wave in the market was over. "
    ) * 6
    doc = Document(text)
    book = spin_topic.get_table()
    rows = [("bank", ["money", "river", "credit"], 4), ("market", ["court", "trial"], 100)]
    compiled = [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in rows]
    spin_topic._keys.clear()
    monkeypatch.setattr(key_table, "COMPILED", False)
    py_book = Bigrams.__new__(Bigrams)
    py_book.__dict__.update(book.__dict__)
    py_book._table = key_table.table(book._offsets, book._keys, 16)
    assert isinstance(py_book._table, key_table.PyTable)
    monkeypatch.setattr(spin_topic, "get_table", lambda: py_book)
    python = [spin_topic.row_topic_gains(doc, w, o, s) for w, o, s in rows]
    spin_topic._keys.clear()
    assert python == compiled
    assert any(g != 0.0 for row in compiled for g in row)


def _small_table(texts: list[str], bits: int = 4) -> tuple[object, object]:
    from array import array

    keys = sorted({key_table.key(t) for t in texts})
    offsets = array("I", [0] * ((1 << bits) + 1))
    for k in keys:
        offsets[(k >> (64 - bits)) + 1] += 1
    for b in range(1, len(offsets)):
        offsets[b] += offsets[b - 1]
    return offsets, array("Q", keys)


def test_pair_sum_hashes_every_length() -> None:
    """Every pair stored (value 1 each): the sum counts each pair text, so each one's
    hash (four at a time or alone) is BLAKE2b-8's; pair texts of 3 to 260 bytes, around
    the 128-byte block."""
    rng = random.Random(3)
    alpha = "abcdefghijklmnopqrstuvwxyzé中"
    vocab = sorted(
        {"".join(rng.choice(alpha) for _ in range(rng.randrange(1, 130))) for _ in range(120)}
        | {"x" * n for n in (1, 62, 63, 64, 126, 127, 128)}
    )
    word = "m" * 63
    for w in (word, "a", "\U0001f600"):
        pairs = [f"{w} {k}" if w < k else f"{k} {w}" for k in vocab if k != w]
        if w == word:  # "mmm... xxx..." is one whole block
            assert any(len(p.encode()) == 128 for p in pairs)
        offsets, keys = _small_table(pairs)
        tables: list[key_table.KeyTable] = [key_table.PyTable(offsets, keys, 4)]  # type: ignore[arg-type]
        if _keyhash is not None:
            tables.append(_keyhash.Table(offsets, keys, 4))
        for table in tables:
            assert table.pair_sum(w, vocab, bytes([1]) * len(keys)) == len(set(pairs))
            for n in range(0, 9):  # leftovers of a group of four
                want = {f"{w} {k}" if w < k else f"{k} {w}" for k in vocab[:n] if k != w}
                assert table.pair_sum(w, vocab[:n], bytes([1]) * len(keys)) == len(want)


def test_pair_sum_with_a_stale_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``_keyhash`` built before ``pair_sum`` (a table with only ``index``/``scaled``):
    the topic fit sums in Python, the same float."""
    book = spin_topic.get_table()

    class Stale:
        def __init__(self, inner: key_table.KeyTable) -> None:
            self.index = inner.index
            self.scaled = inner.scaled

    want = book.pair_sum("bank", ["money", "loan", "river", "bank", "zebra"])
    monkeypatch.setattr(book, "_table", Stale(book._table))
    assert not hasattr(book._table, "pair_sum")
    assert book.pair_sum("bank", ["money", "loan", "river", "bank", "zebra"]) == want > 0
