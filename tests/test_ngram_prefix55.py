"""Session 55 (speedocr, issue 14): a prefix's sorted run of listed words is cut out of the
word list whole (``ngrams.RUN_SLICE``); the same words in the same order as the scan."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from repair.score import ngrams
from repair.score.ngrams import WordList, encode_words


def _both(wl: WordList, prefix: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    monkeypatch.setattr(ngrams, "RUN_SLICE", True)
    on = wl.with_prefix(prefix)
    monkeypatch.setattr(ngrams, "RUN_SLICE", False)
    return on, wl.with_prefix(prefix)


@pytest.mark.parametrize("sample_bytes", [1, 7, 64, 1024, 10**9])
def test_run_is_the_scan_on_a_small_list(
    sample_bytes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(sample_bytes)
    words = {"".join(rng.choice("abcé") for _ in range(rng.randint(1, 6))) for _ in range(400)}
    words |= {"a", "ab", "abc", "b", "ba", "c", "cé", "éa"}
    path = tmp_path / "w.txt.gz"
    path.write_bytes(encode_words(sorted(words)))
    wl = WordList(path)
    monkeypatch.setattr(wl, "SAMPLE_BYTES", sample_bytes)
    prefixes = {w[:k] for w in words for k in range(1, len(w) + 1)}
    prefixes |= {"", "\n", "0", "zz", "abcé" * 3, "é", "éé", "d", "A"}
    seen = 0
    for p in sorted(prefixes):
        on, off = _both(wl, p, monkeypatch)
        assert on == off, p
        assert on == sorted((w for w in words if p and w.startswith(p)), key=str.encode)
        seen += len(on)
    assert seen > len(words)


def test_run_is_the_scan_on_the_shipped_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    table = ngrams.get_ngrams()
    two = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
    for wl in (table.word_list(), table.name_list()):
        if not isinstance(wl, WordList):
            pytest.skip("no shipped word list")
        words = list(wl)
        prefixes = set(two) | set(string.ascii_letters)
        prefixes |= {w[:k] for w in words[::997] for k in (1, 2, 3, 5)}
        prefixes |= {words[0], words[-1], words[-1] + "a"}
        for p in sorted(prefixes):
            on, off = _both(wl, p, monkeypatch)
            assert on == off, p


@pytest.mark.parametrize("flag", [True, False])
def test_run_cut_whole(flag: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # on, the run is cut out whole (:meth:`WordList._run`); off, the lines are scanned
    path = tmp_path / "w.txt.gz"
    path.write_bytes(encode_words([f"w{i:05d}" for i in range(3000)]))
    wl = WordList(path)
    monkeypatch.setattr(ngrams, "RUN_SLICE", flag)
    runs: list[bytes] = []
    real = WordList._run

    def spy(self, key, k, keys, offsets):  # type: ignore[no-untyped-def]
        runs.append(key)
        return real(self, key, k, keys, offsets)

    monkeypatch.setattr(WordList, "_run", spy)
    assert wl.with_prefix("w01") == [f"w{i:05d}" for i in range(1000, 2000)]
    assert runs == ([b"w01"] if flag else [])


def test_run_slice_ships_on() -> None:
    assert ngrams.RUN_SLICE
