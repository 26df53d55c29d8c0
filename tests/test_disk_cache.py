"""The per-user disk cache is an optimisation only: same values, any failure builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repair.resources import cache


def _builder(calls: list[int]):  # noqa: ANN202
    def build() -> dict[str, int]:
        calls.append(1)
        return {"b": 2, "a": 1}

    return build


def test_second_read_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    src = tmp_path / "src.txt"
    src.write_text("x")
    calls: list[int] = []
    build = _builder(calls)
    first = cache.disk_cached("t", [src], build, dict)
    second = cache.disk_cached("t", [src], build, dict)
    assert first == second == {"b": 2, "a": 1} and list(second) == ["b", "a"]
    assert calls == [1]
    src.write_text("y")  # a changed source is a new entry
    cache.disk_cached("t", [src], build, dict)
    assert calls == [1, 1]
    assert not [p for p in (tmp_path / "c").iterdir() if p.suffix == ".tmp"]


def test_corrupt_or_wrong_type_entries_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    src = tmp_path / "src.txt"
    src.write_text("x")
    calls: list[int] = []
    build = _builder(calls)
    cache.disk_cached("t", [src], build, dict)
    (entry,) = tmp_path.glob("t-*.marshal")
    for junk in (b"", b"\xff\x00garbage", __import__("marshal").dumps([1, 2])):
        entry.write_bytes(junk)
        assert cache.disk_cached("t", [src], build, dict) == {"b": 2, "a": 1}
    assert len(calls) == 4


def test_unwritable_or_disabled_cache_still_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src.txt"
    src.write_text("x")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    calls: list[int] = []
    for setting in (str(blocker / "sub"), "off", ""):
        monkeypatch.setenv(cache.ENV, setting)
        assert cache.disk_cached("t", [src], _builder(calls), dict) == {"b": 2, "a": 1}
    assert len(calls) == 3
    if os.geteuid() != 0:  # root writes anywhere
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        monkeypatch.setenv(cache.ENV, str(ro))
        assert cache.disk_cached("t", [src], _builder(calls), dict) == {"b": 2, "a": 1}


def test_ocr_vocabulary_is_the_same_with_and_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair.score import ocr_channel as oc

    monkeypatch.setenv(cache.ENV, str(tmp_path))
    for _ in range(2):  # build and write, then read back
        oc.vocabulary.cache_clear()
        oc.vocabulary_prefixes.cache_clear()
        oc.vocabulary_lines.cache_clear()
        oc._vocabulary_lines_cached.cache_clear()
        vocab = oc.vocabulary()
        assert vocab == oc._read_vocabulary() and list(vocab) == list(oc._read_vocabulary())
        words = oc.prefixes_of(oc._read_vocabulary())._words
        full = oc.vocabulary_prefixes().full
        assert full == {w[:i] for w in words for i in range(len(w) + 1)}
        lines = oc.vocabulary_lines()
        assert list(lines) == words and all(lines.get(w) == str(vocab[w]) for w in words)
    assert len(list(tmp_path.glob("ocr-*.marshal"))) == 3  # words, sorted lines, prefix set
    oc.vocabulary.cache_clear()
    oc.vocabulary_prefixes.cache_clear()
    oc.vocabulary_lines.cache_clear()
    oc._vocabulary_lines_cached.cache_clear()


def test_tortured_lexicon_is_the_same_with_and_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair.detect import tortured

    rows = tortured._entry_fields(tortured.LEXICON)
    expected = [tortured.Entry(*r) for r in rows]
    for setting in ("off", str(tmp_path), str(tmp_path)):  # no cache, write, read back
        monkeypatch.setenv(cache.ENV, setting)
        tortured.load_lexicon.cache_clear()
        lex = tortured.load_lexicon()
        assert list(lex.entries) == expected
        assert all(e.units[0] == k for k, es in lex.by_first.items() for e in es)
    assert len(list(tmp_path.glob("tortured-*.marshal"))) == 1
    tortured.load_lexicon.cache_clear()


def test_old_versions_are_pruned_but_other_names_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "c"
    monkeypatch.setenv(cache.ENV, str(folder))
    src = tmp_path / "src.txt"
    calls: list[int] = []
    build = _builder(calls)
    assert cache.disk_cached("t-extra", [], build, dict) == {"b": 2, "a": 1}
    for i in range(cache.KEEP + 3):
        src.write_text(f"version {i}")
        cache.disk_cached("t", [src], build, dict)
    assert calls == [1] * (cache.KEEP + 4)
    mine = [p for p in folder.glob("t-*.marshal") if not p.name.startswith("t-extra-")]
    assert len(mine) == cache.KEEP
    cache.disk_cached("t", [src], build, dict)  # the newest version is still a hit
    assert len(calls) == cache.KEEP + 4
    # another name that shares the prefix is not pruned with "t"
    assert len(list(folder.glob("t-extra-*.marshal"))) == 1


def test_file_digest_is_remembered_only_for_settled_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import time

    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    src = tmp_path / "src.txt"
    src.write_text("x")
    assert cache.file_digest(src) == (1, hashlib.sha256(b"x").digest())
    assert not list((tmp_path / "c").glob("sha256-*"))  # just written: not remembered
    old = time.time_ns() - 10 * cache.SETTLED_NS
    os.utime(src, ns=(old, old))
    assert cache.file_digest(src) == (1, hashlib.sha256(b"x").digest())
    assert len(list((tmp_path / "c").glob("sha256-*"))) == 1
    src.write_text("y")  # same size, a new mtime: a new digest
    assert cache.file_digest(src) == (1, hashlib.sha256(b"y").digest())
    before = set((tmp_path / "c").glob("sha256-*"))
    os.utime(src, ns=(old + 1, old + 1))
    assert cache.file_digest(src) == (1, hashlib.sha256(b"y").digest())
    # the remembered digest is read back (a planted wrong one shows it is used)
    (entry,) = set((tmp_path / "c").glob("sha256-*")) - before
    entry.write_bytes(__import__("marshal").dumps((1, b"planted")))
    assert cache.file_digest(src) == (1, b"planted")
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.file_digest(src) == (1, hashlib.sha256(b"y").digest())
