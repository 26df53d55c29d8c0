"""Issue 14, session 22: the tries of the fixed prefix sets are kept in the per-user cache
(:func:`repair.score.ocr_walk_fast.build_cached`).

The trie read back must be the one built from the set (the same tables), and a damaged
cache file (not marshal, the wrong shape, the wrong size, tables that are no trie) must
be refused and replaced by the built trie.  Skipped when the extension is not built.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path

import pytest

from repair.score import ocr_channel, ocr_search, ocr_walk_fast

compiled = pytest.importorskip("repair.score._ocrwalk")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(folder))
    monkeypatch.setattr(ocr_walk_fast, "CACHE_TRIES", True)
    return folder


def _source(tmp_path: Path) -> list[str]:
    src = tmp_path / "words.txt"
    src.write_text("the set's source\n")
    return [str(src)]


def _tables(fast: tuple[object, object] | None) -> tuple[bytes, bytes]:
    assert fast is not None
    return compiled.trie_dump(fast[0])


def _file(folder: Path, name: str) -> Path:
    (path,) = folder.glob(f"ocr-trie-{name}-*.marshal")
    return path


def test_cached_trie_is_the_built_one(cache: Path, tmp_path: Path) -> None:
    alive = ocr_channel.vocabulary_prefixes().all_prefixes()  # ~205 k strings
    built = compiled.trie_dump(compiled.trie(alive))
    first = ocr_walk_fast.build_cached(alive, "t", _source(tmp_path))  # a miss: built, stored
    assert _tables(first) == built
    assert marshal.loads(_file(cache, "t").read_bytes()) == built
    again = ocr_walk_fast.build_cached(alive, "t", _source(tmp_path))  # read back
    assert _tables(again) == built
    assert again is not None and again[0] is not first[0]  # type: ignore[index]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short: not marshal
        lambda b: marshal.dumps(("not", "bytes")),
        lambda b: marshal.dumps((b"\x01\x00\x00\x00", b"")),  # the wrong size
        lambda b: marshal.dumps((b"\x09" * 8, b"a\x00\x00\x00")),  # no trie: bad starts
    ],
)
def test_damaged_cache_file_is_rebuilt(
    cache: Path, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    alive = frozenset(["", "a", "ab", "abc", "b", "ba", "x"])
    built = compiled.trie_dump(compiled.trie(alive))
    ocr_walk_fast.build_cached(alive, "d", _source(tmp_path))
    path = _file(cache, "d")
    path.write_bytes(damage(path.read_bytes()))
    assert _tables(ocr_walk_fast.build_cached(alive, "d", _source(tmp_path))) == built
    assert marshal.loads(path.read_bytes()) == built  # stored again


def test_unsorted_labels_are_refused() -> None:
    start, label = compiled.trie_dump(compiled.trie(frozenset(["", "a", "b", "c"])))
    assert compiled.trie_load(start, label) is not None
    swapped = label[:4] + label[8:12] + label[4:8] + label[12:]  # siblings out of order
    assert compiled.trie_load(start, swapped) is None
    assert compiled.trie_load(start, label[:4] + b"\xff" * 12) is None  # no code point


def test_fixed_indexes_name_their_cache() -> None:
    assert ocr_channel.vocabulary_prefixes().trie_cache is not None
    assert ocr_channel.target_part().trie_cache is not None
    assert ocr_search.name_prefixes().trie_cache is not None


def test_an_extension_built_before_the_cache_builds_the_trie(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extension without ``trie_dump``/``trie_load`` (an install older than the Python
    code) still walks: the trie is built, nothing is cached."""

    class Old:
        trie = staticmethod(compiled.trie)
        walk = compiled.walk

    monkeypatch.setattr(ocr_walk_fast, "module", lambda: Old)
    alive = frozenset({"", "t", "th", "the"})
    got = ocr_walk_fast.build_cached(alive, "old", _source(tmp_path))
    assert got is not None and got[1] is compiled.walk
    assert not cache.exists() or not any(cache.rglob("*ocr-trie-old*"))
