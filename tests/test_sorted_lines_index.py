"""Issue 14, cold start: a sorted table's block index kept in the per-user cache
(:func:`repair.resources.sorted_lines.indexed`) gives the blocks, and so the look-ups,
of the table cut afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair.candidates import spin_channel, spin_phrase, spin_synonyms
from repair.resources import cache
from repair.resources.sorted_lines import BLOCK, SortedLines, indexed

TEXT = "# header\n" + "".join(f"k{i:05d}\tv{i}\n" for i in range(3000))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def test_an_index_round_trips_and_a_foreign_index_is_refused() -> None:
    fresh = SortedLines(TEXT, 9, block=256)
    again = SortedLines(TEXT, 9, block=256, index=fresh.index())
    assert again.index() == fresh.index() and len(fresh.index()[1]) > 50
    for k in ("k00000", "k01234", "k02999", "k03000", "a", "zz"):
        assert again.get(k) == fresh.get(k)
        assert again.has_prefix(k[:4]) == fresh.has_prefix(k[:4])
    other = SortedLines(TEXT[: len(TEXT) // 2 + TEXT[len(TEXT) // 2 :].index("\n") + 1], 9)
    with pytest.raises(ValueError):
        SortedLines(TEXT, 9, block=256, index=other.index())


def test_indexed_reads_the_index_back_from_the_cache(own_cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TEXT, encoding="utf-8")
    cold = indexed("t", path, TEXT, 9, 256)
    assert list(own_cache.glob("lines-index-t-*.marshal"))
    warm = indexed("t", path, TEXT, 9, 256)
    assert cold.index() == warm.index() == SortedLines(TEXT, 9, 256).index()


_TABLES = {
    "phrases": (spin_phrase.phrase_lines, spin_phrase.PHRASE_BLOCK),
    "channel": (spin_channel._table, BLOCK),
    "forms": (spin_synonyms.precomputed, BLOCK),
}


@pytest.mark.parametrize("name", sorted(_TABLES))
def test_the_shipped_tables_cut_from_the_cache_are_cut_as_afresh(
    name: str, own_cache: Path
) -> None:
    getter, block = _TABLES[name]
    getter.cache_clear()
    try:
        cold = getter()
        getter.cache_clear()
        warm = getter()
    finally:
        getter.cache_clear()
    if warm is None:
        pytest.skip("the forms table is stale for this lemminflect")
    assert list(own_cache.glob("lines-index-*.marshal"))
    fresh = SortedLines(warm._blob, warm._starts[0], block)
    assert cold.index() == warm.index() == fresh.index()
    keys = list(warm)[::97]
    assert keys and all(warm.get(k) == fresh.get(k) is not None for k in keys)
