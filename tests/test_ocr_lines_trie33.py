"""Issue 14, session 33 (ocrwalk33): a confusion walk on the word lines (text that is not
OCR, :data:`repair.score.ocr_channel.LAZY_OCR_GATE`) uses the compiled walk over the
dictionary's trie read from the per-user cache (:data:`repair.score.ocr_channel.LINES_TRIE`),
without loading the prefix set or the dict: the same readings, costs and order as the
walk on the set.  Skipped when the compiled walk is not built.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repair.score import ocr_channel as oc
from repair.score import ocr_walk_fast

pytest.importorskip("repair.score._ocrwalk")

TOKENS = (
    "tbe rnodern conncil goverument wi1l Tlie liave arid bo jndge cornmittee tlie aud lionse "
    "Goverument mnst wbich sliould tbat"
).split()


def _lines_index() -> oc.PrefixIndex:
    """The dictionary's lazy index (as :func:`oc.vocabulary_prefixes` makes it) whose set
    must never load, past its first :data:`oc.TRIE_AFTER` walks."""

    def no_set() -> frozenset[str]:
        raise AssertionError("the prefix set was loaded")

    index = oc.prefixes_of(())
    index.lazy(no_set, oc.vocabulary_lines(), 0, lambda done: True)
    index.trie_cache = ("vocabulary", oc._target_sources())
    index.lines_trie = (oc._lines_prefix_set, oc._lines_prefix_count)
    index._walks = oc.TRIE_AFTER
    return index


def _on_set() -> oc.PrefixIndex:
    full = oc.prefixes_of(())
    full.full = oc._all_prefixes()
    return full  # walked in Python: its first walks


@pytest.mark.parametrize("subs", [1, 2, 3])
def test_lines_walk_is_compiled_and_the_set_walk(subs: int) -> None:
    index = _lines_index()
    for token in TOKENS:
        got = oc.confusion_variants(token, index, oc.MAX_COST, subs)
        want = oc.confusion_variants(token, _on_set(), oc.MAX_COST, subs)
        assert list(got.items()) == list(want.items())
    assert index._lines_fast  # the compiled walk was used
    assert index._full is None


def test_switch_off_walks_the_lines_in_python(monkeypatch) -> None:
    monkeypatch.setattr(oc, "LINES_TRIE", False)
    index = _lines_index()
    got = oc.confusion_variants("goverument", index)
    assert not index._lines_fast
    assert got == oc.confusion_variants("goverument", _on_set())


def test_first_lines_walks_are_python() -> None:
    index = _lines_index()
    index._walks = 0
    for _ in range(oc.TRIE_AFTER):
        oc.confusion_variants("tbe", index)
        assert index._lines_fast is False
    oc.confusion_variants("tbe", index)
    assert index._lines_fast


def test_prefix_count_without_the_set() -> None:
    assert oc._lines_prefix_count() == len(oc._all_prefixes())


def test_cached_trie_needs_no_set(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    made: list[int] = []

    def make() -> frozenset[str]:
        made.append(1)
        return oc._lines_prefix_set()

    key = ("vocabulary", oc._target_sources())
    first = ocr_walk_fast.build_cached(make, *key, nodes=oc._lines_prefix_count())
    assert first is not None and made == [1]  # not cached: the set was made once
    again = ocr_walk_fast.build_cached(make, *key, nodes=oc._lines_prefix_count())
    assert again is not None and made == [1]  # read back: no set
    module = ocr_walk_fast.module()
    assert module.trie_dump(again[0]) == module.trie_dump(first[0])
    eager = ocr_walk_fast.build_cached(oc._all_prefixes(), *key)  # the set's own entry
    assert eager is not None and module.trie_dump(eager[0]) == module.trie_dump(first[0])


def test_wrong_size_is_built_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    made: list[int] = []

    def make() -> frozenset[str]:
        made.append(1)
        return frozenset(["", "a", "ab"])

    ocr_walk_fast.build_cached(make, "tiny", [__file__], nodes=3)
    ocr_walk_fast.build_cached(make, "tiny", [__file__], nodes=3)
    assert made == [1]
    ocr_walk_fast.build_cached(make, "tiny", [__file__], nodes=4)  # not this set's size
    assert made == [1, 1]


def test_loaded_set_reuses_the_lines_trie() -> None:
    index = _lines_index()
    oc.confusion_variants("tbe", index)
    lines_fast = index._lines_fast
    assert lines_fast
    index.lazy(oc._all_prefixes, oc.vocabulary_lines(), 0, lambda done: False)
    got = oc.confusion_variants("goverument", index)  # now on the set
    assert index._full is not None
    assert index._trie is not None and index._trie[1] is lines_fast
    assert got == oc.confusion_variants("goverument", _on_set())
