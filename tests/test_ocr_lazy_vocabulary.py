"""The OCR vocabulary's lazy start (issue 14): until a text has asked enough, the
dictionary's word and prefix questions are answered from its sorted word lines, with the
same answers as the dict and the set of all prefixes."""

from __future__ import annotations

import random

import pytest

from repair.resources.sorted_lines import SortedLines
from repair.score import ocr_channel as oc


def _probes() -> list[str]:
    rng = random.Random(14)
    words = sorted(oc.vocabulary())
    probes = ["", "a", "c", "conc", "concrete", "concretez", "tbe", "xq", "zzz", "\t", "a\nb"]
    probes += ["é", "ß", "zzzzzz", "~", "0", "aa", "ab\tc", "!"]
    for word in rng.sample(words, 3000) + words[:50] + words[-50:]:
        probes += [word, word[: len(word) // 2], word[:-1], word + "q", "x" + word, word + "\n"]
    return probes


def test_word_lines_answer_as_the_dictionary() -> None:
    lines = oc.vocabulary_lines()
    vocab = oc.vocabulary()
    assert list(lines) == sorted(vocab)
    for p in _probes():
        assert (p in lines) == (p in vocab), p


def test_prefix_search_on_the_lines_answers_as_the_prefix_set() -> None:
    lines = oc.vocabulary_lines()
    full = oc._all_prefixes()
    for p in _probes():
        assert lines.has_prefix(p) == (p in full), p


def test_has_prefix_on_small_tables() -> None:
    t = SortedLines("# h\nab\t1\nabc\t2\nb\t3\nbcd\t4\n", start=4)
    probes = ["", "a", "ab", "abc", "abcd", "b", "bc", "bcd", "c", "0"]
    answers = {p: t.has_prefix(p) for p in probes}
    assert answers == {
        "": True, "a": True, "ab": True, "abc": True, "abcd": False,
        "b": True, "bc": True, "bcd": True, "c": False, "0": False,
    }  # fmt: skip
    assert not SortedLines("", start=0).has_prefix("")
    assert not SortedLines("", start=0).has_prefix("a")
    # blocks of ~4 KB: a run of keys with the prefix across a block boundary
    keys = sorted(f"{w}{i:05d}" for w in ("ka", "kb", "kc") for i in range(2000))
    big = SortedLines("".join(f"{k}\t{i}\n" for i, k in enumerate(keys)), start=0)
    for p in ["ka", "kb", "kc", "kd", "k", "ka01999", "kb00000", "kc01999", "kc019999", "j"]:
        assert big.has_prefix(p) == any(k.startswith(p) for k in keys), p


@pytest.fixture
def lazy_index() -> tuple[oc.PrefixIndex, list[int]]:
    loads: list[int] = []

    def load() -> frozenset[str]:
        loads.append(1)
        return oc._all_prefixes()

    index = oc.prefixes_of(())
    index.lazy(load, oc.vocabulary_lines(), 5)
    return index, loads


def test_lazy_walks_then_the_set(lazy_index: tuple[oc.PrefixIndex, list[int]]) -> None:
    """The first walks search the lines, later ones load the set once; every walk's
    variants equal those of the complete set."""
    index, loads = lazy_index
    full = oc.prefixes_of(())
    full.full = oc._all_prefixes()
    tokens = ["tbe", "rnodern", "Tbe", "conncil", "goverument", "wi1l", "liave", "tlie", "xyzzy"]
    tokens += ["hcre", "aud", "tbat", "Goveruor", "rn", "ofthe"]
    for n, token in enumerate(tokens):
        got = oc.confusion_variants(token, index)
        assert got == oc.confusion_variants(token, full), token
        assert len(loads) == (0 if n < 5 else 1)
    assert index.full is not None and len(loads) == 1


def test_reading_full_loads_the_set(lazy_index: tuple[oc.PrefixIndex, list[int]]) -> None:
    """Callers that read ``.full`` (the wide search's fork, the name index) get the set."""
    index, loads = lazy_index
    assert index.full == oc._all_prefixes() and loads == [1]
    assert index.fork().full is index.full
    assert ("conc" in index) and ("xq" not in index) and loads == [1]


def test_in_vocabulary_before_and_after_the_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = oc.vocabulary()
    probes = _probes()[:2000]
    # the dict loaded: answered by it
    assert [oc.in_vocabulary(p) for p in probes] == [p in vocab for p in probes]
    # the dict not loaded: answered by the lines, then by the dict past the limit
    monkeypatch.setattr(oc, "_vocabulary_queries", 0)
    monkeypatch.setattr(oc, "_window_queries", 0)  # no window started (session 39)
    monkeypatch.setattr(oc, "LAZY_VOCABULARY_QUERIES", 1000)
    monkeypatch.setattr(oc, "_loaded_vocabulary", None)
    calls: list[int] = []

    def counted() -> dict[str, int]:
        calls.append(1)
        return vocab

    monkeypatch.setattr(oc, "vocabulary", counted)
    monkeypatch.setattr(oc, "_garbled_text", True)  # OCR text (session 33: LAZY_OCR_GATE)
    assert [oc.in_vocabulary(p) for p in probes] == [p in vocab for p in probes]
    assert len(calls) == len(probes) - 1000
    # text that does not read like OCR: the lines answer up to LAZY_VOCABULARY_CAP
    calls.clear()
    monkeypatch.setattr(oc, "_vocabulary_queries", 0)
    monkeypatch.setattr(oc, "_window_queries", 0)  # no window started (session 39)
    monkeypatch.setattr(oc, "_garbled_text", False)
    monkeypatch.setattr(oc, "_vocabulary_walks", 0)
    monkeypatch.setattr(oc, "LAZY_VOCABULARY_CAP", 1500)
    assert [oc.in_vocabulary(p) for p in probes] == [p in vocab for p in probes]
    assert len(calls) == len(probes) - 1500


def test_preload_loads_the_dictionary_and_the_prefix_set() -> None:
    """A batch parent preloads them before forking (shared pages, one load)."""
    oc.preload()
    assert oc._loaded_vocabulary is not None
    assert oc.vocabulary_prefixes()._full is not None
