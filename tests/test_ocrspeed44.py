"""The compiled sorted-lines look-up answers as the Python search does (issue 14, session 44)."""

from __future__ import annotations

import random

import pytest

from repair.resources import sorted_lines
from repair.resources.sorted_lines import SortedLines

compiled = pytest.importorskip("repair.resources._sortedlines")


def _keys(words: list[str], rng: random.Random) -> list[str]:
    """The words, their neighbours in the sort order and strings a search must not match."""
    out = list(words)
    for w in words:
        out += [w[:-1], w + "a", w[1:], w.upper(), w + "\t", "\n" + w, w + "é", w + "ſ", w + "🙂"]
    out += ["", "\t", "\n", "\t\n", " ", "\x00", "a\tb", "\U0010ffff"]
    for _ in range(300):  # a key that spans lines: "word\tvalue\nnext" matches in the blob
        a, b = rng.sample(words, 2)
        out += [f"{a}\t", f"{a}\t1\n{b}", f"{b}\n{a}"]
    return out


def _table(words: list[str], header: str, rng: random.Random) -> str:
    lines = sorted(set(words))
    values = ["1", "23", "4,x", "", "é", "7 8"]
    return header + "".join(f"{w}\t{rng.choice(values)}\n" for w in lines)


def _agree(t: SortedLines, keys: list) -> int:
    found = 0
    for k in keys:
        want = t.search(k)
        assert compiled.get(t._blob, t._heads, t._starts, k) == want, k
        assert t.get(k) == want, k
        found += want is not None
    return found


@pytest.mark.parametrize("alphabet", ["ascii", "latin1", "bmp", "astral"])
@pytest.mark.parametrize("header", ["", "# head\n"])
@pytest.mark.parametrize("block", [1, 16, 64, 4096])
def test_compiled_get_is_the_python_search(alphabet: str, header: str, block: int) -> None:
    rng = random.Random(hash((alphabet, header, block)) & 0xFFFF)
    letters = {
        "ascii": "abcdefghij'",
        "latin1": "abcdéèñ'",
        "bmp": "abcſŀ‘’",
        "astral": "ab🙂𝔞",
    }[alphabet]
    words = list({"".join(rng.choices(letters, k=rng.randint(1, 7))) for _ in range(400)})
    blob = _table(words, header, rng)
    keys = _keys(words, rng)
    t = SortedLines(blob, len(header), block)
    assert _agree(t, keys) >= len(set(words))
    tb = SortedLines(blob.encode("utf-8"), len(header.encode("utf-8")), block)
    assert _agree(tb, [k.encode("utf-8", "surrogatepass") for k in keys]) >= len(set(words))


def test_compiled_get_on_the_shipped_tables() -> None:
    """The zipf table (bytes) and the dictionary's word lines (str), on the speed suite's
    OCR words and their near misses."""
    import re
    from pathlib import Path

    from repair.bench.speed import ocr_speed_text
    from repair.resources import frequency
    from repair.score import ocr_channel

    root = Path(__file__).resolve().parent.parent
    text = ocr_speed_text(3_000, root)
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)})
    keys = _keys(words, random.Random(44))
    table = frequency._table()
    if isinstance(table, frequency.SortedTable):
        zipf_lines = table._lines
        assert _agree(zipf_lines, [k.encode("utf-8", "surrogatepass") for k in keys]) > 1_000
    assert _agree(ocr_channel.vocabulary_lines(), keys) > 1_000


def test_other_types_take_the_python_path(monkeypatch: pytest.MonkeyPatch) -> None:
    t = SortedLines("a\t1\nb\t2\n", 0)
    assert compiled.get(t._blob, t._heads, t._starts, b"a") is NotImplemented
    assert compiled.get(t._blob, tuple(t._heads), t._starts, "a") is NotImplemented
    with pytest.raises(TypeError):
        t.get(b"a")  # type: ignore[arg-type]  # the Python search's error, as before
    assert (b"a" in t, "a" in t, "c" in t) == (False, True, False)
    monkeypatch.setattr(sorted_lines, "COMPILED", False)
    assert (t.get("b"), t.get("c")) == ("2", None)


def test_compiled_get_off_the_contract() -> None:
    """Unsorted lines and repeated keys (no table of ours): still the Python search's answer."""
    rng = random.Random(7)
    words = ["".join(rng.choice("abc\t") for _ in range(rng.randint(1, 4))) for _ in range(300)]
    lines = [f"{w}\t{i}\n" for i, w in enumerate(words)]
    for _ in range(5):
        rng.shuffle(lines)
        for block in (1, 8, 40):
            t = SortedLines("".join(lines), 0, block)
            _agree(t, _keys([w for w in words if w], rng))


def _apostrophe_forms(words: list[str], rng: random.Random) -> list[str]:
    out = []
    for w in words:
        cut = rng.randint(0, len(w))
        out += [w, w.capitalize(), w.upper(), f"'{w}", f"{w}’", f"’'{w}''", w[:cut] + "'" + w[cut:]]
        out += [w[:cut] + "’" + w[cut:], w[:cut] + "''" + w[cut:], w[:cut] + "’’" + w[cut:]]
        out += [f"{w} {w}", f" {w}", f"{w}\n", w + "é", w + "1", w + "-"]
    return out + ["", "'", "’", "''", "a'", "'a", "a'b", "A’B", "l'amour", "o'clock", "rock'n'roll"]


def test_compiled_zipf_path_is_the_python_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """``frequency._table_zipf`` with the compiled one-word path equals the Python path on
    the table's own words and the speed suite's OCR words, in every apostrophe and case form."""
    import re
    from pathlib import Path

    from repair.bench.speed import ocr_speed_text
    from repair.resources import frequency

    table = frequency._table()
    if not isinstance(table, frequency.SortedTable):
        pytest.skip("the shipped zipf table is not in use")
    rng = random.Random(4)
    own = [k.decode() for k in table._lines if k.isascii()]
    text = ocr_speed_text(3_000, Path(__file__).resolve().parent.parent)
    words = rng.sample(own, 3_000) + sorted(set(re.findall(r"\w+(?:'\w+)?", text)))
    assert frequency._ASCII_BUCKET is not None and frequency.COMPILED
    seen = set()
    for w in _apostrophe_forms(words, rng):
        want = frequency._python_table_zipf(w, table)
        assert frequency._table_zipf(w, table) == want, w
        seen.add(want)
    assert None in seen and frequency._UNSEEN in seen and len(seen) > 100
    monkeypatch.setattr(frequency, "COMPILED", False)  # the switch: the Python path
    monkeypatch.setattr(frequency, "_python_table_zipf", lambda w, t: "python")
    assert frequency._table_zipf("word", table) == "python"


def test_without_the_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    """No compiled module (an install without a C compiler): the Python search and path."""
    from repair.resources import frequency

    t = SortedLines(b"# h\nbar\t7\nfoo\t12\n", 4, 8)
    want = [t.search(k) for k in (b"bar", b"foo", b"fo", b"zz", b"a")]
    monkeypatch.setattr(sorted_lines, "_GET", None)
    monkeypatch.setattr(frequency, "_ASCII_BUCKET", None)
    assert (
        [t.get(k) for k in (b"bar", b"foo", b"fo", b"zz", b"a")]
        == want
        == [b"7", b"12", None, None, None]
    )
    table = frequency._table()
    for w in ("The", "don’t", "'tis", "l'amour", "xqzv", "a''b", "naïve", "two words"):
        assert frequency._table_zipf(w, table) == frequency._python_table_zipf(w, table)
