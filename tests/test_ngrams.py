"""The period n-gram table: format checks, API behaviour, thread-safe loading."""

from __future__ import annotations

import doctest
import gzip
import math
import threading
from pathlib import Path

import pytest

from repair.score import ngrams
from repair.score.ngrams import (
    BOS,
    EOS,
    OOV_LOGPROB,
    NgramFormatError,
    NgramTable,
    WordList,
    encode,
    encode_words,
    get_ngrams,
    norm,
)


def _tiny(tmp_path: Path) -> NgramTable:
    """A hand-counted table: 'the cat sat' twice, 'the dog sat' once."""
    words = sorted([BOS, EOS, "cat", "dog", "sat", "the"], key=lambda w: w.encode())
    ix = {w: i for i, w in enumerate(words)}
    sents = [["the", "cat", "sat"]] * 2 + [["the", "dog", "sat"]]
    uni = dict.fromkeys(words, 0)
    big: dict[tuple[int, int], int] = {}
    hist = dict.fromkeys(words, 0)
    for s in sents:
        for w in [*s, EOS]:
            uni[w] += 1
        seq = [BOS, *s, EOS]
        for a, b in zip(seq, seq[1:], strict=False):
            big[ix[a], ix[b]] = big.get((ix[a], ix[b]), 0) + 1
            hist[a] += 1
    foll = dict.fromkeys(words, 0)
    prec = dict.fromkeys(words, 0)
    for a, b in big:
        foll[words[a]] += 1
        prec[words[b]] += 1
    data = encode(
        words,
        [uni[w] for w in words],
        [hist[w] for w in words],
        [foll[w] for w in words],
        [prec[w] for w in words],
        [0] * len(words),
        {k: v for k, v in big.items() if v >= 2},
        "tiny test table",
    )
    path = tmp_path / "t.bin.gz"
    path.write_bytes(data)
    wpath = tmp_path / "w.txt.gz"
    wpath.write_bytes(encode_words(["mare", "hats"], "tiny list"))
    return NgramTable(path, wpath)


def test_tiny_table_counts_and_backoff(tmp_path: Path) -> None:
    t = _tiny(tmp_path)
    assert t.tokens == 12 and t.note == "tiny test table"
    assert t.count("The") == 3 and t.count("cat") == 2 and t.count("mare") == 0
    assert t.known("mare") and t.known("HATS") and not t.known("rats")
    # kept bigram (count 2): (2 - 0.75)/3 + 0.75*2/3*Pcont(cat)
    # 'cat' follows 1 of the 6 distinct bigrams seen (Kneser-Ney continuation)
    pcont_cat = (1 + 0.5) / (6 + 0.5 * 6)
    assert t.bigram_logprob("the", "cat") == pytest.approx(math.log(1.25 / 3 + 0.5 * pcont_cat))
    # pruned bigram (count 1) falls back to the continuation share only
    assert t.bigram_logprob("the", "dog") < t.bigram_logprob("the", "cat")
    assert t.bigram_logprob("the", "mare") < t.bigram_logprob("the", "dog")
    assert t.unigram_logprob("rat") == OOV_LOGPROB < t.unigram_logprob("mare")
    assert t.context_score("the", "cat", "sat") > t.context_score("the", "mare", "sat")
    assert t.context_score(None, "cat", None) == t.unigram_logprob("cat")


def test_header_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin.gz"
    bad.write_bytes(gzip.compress(b"something else 1 2 3\n# x\n"))
    with pytest.raises(NgramFormatError, match=r"bad\.bin\.gz: line 1"):
        NgramTable(bad)
    bad.write_bytes(gzip.compress(b"repair-ngrams 99 1 0 0 1\n# x\n"))
    with pytest.raises(NgramFormatError, match=r"line 1: format version 99"):
        NgramTable(bad)
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(NgramFormatError, match=r"bad\.bin\.gz: line 1: not a gzip"):
        NgramTable(bad)


def test_truncated_table_is_refused(tmp_path: Path) -> None:
    t = _tiny(tmp_path)
    raw = gzip.decompress(t.path.read_bytes())
    cut = tmp_path / "cut.bin.gz"
    cut.write_bytes(gzip.compress(raw[:-10]))
    with pytest.raises(NgramFormatError, match=r"cut\.bin\.gz: section '\w+': file truncated"):
        NgramTable(cut)


def test_word_list_malformed_line_is_named(tmp_path: Path) -> None:
    p = tmp_path / "w.txt.gz"
    p.write_bytes(gzip.compress(b"# repair-words 1 3\n# note\nabc\nbad word\nxyz"))
    with pytest.raises(NgramFormatError, match=r"w\.txt\.gz: line 4"):
        WordList(p)
    p.write_bytes(gzip.compress(b"# repair-words 1 5\n# note\nabc\nxyz"))
    with pytest.raises(NgramFormatError, match=r"header says 5 words, found 2"):
        WordList(p)


def test_word_list_lookup_every_word(tmp_path: Path) -> None:
    words = ["a", "ab", "abc", "b", "ba", "zz", "é"]
    p = tmp_path / "w.txt.gz"
    p.write_bytes(encode_words(words))
    wl = WordList(p)
    assert wl.size == len(words)
    assert all(w in wl for w in words)
    assert not any(w in wl for w in ["", "aa", "abcd", "c", "zzz", "e"])


def test_norm() -> None:
    assert norm("Sydney\u2019s") == "sydney's"
    assert norm("1843") == norm("14th") == "<num>"
    assert norm(BOS) == BOS


# -- the shipped table ---------------------------------------------------------


def test_shipped_table_loads_and_is_shared() -> None:
    t = get_ngrams()
    assert t.size > 40_000 and t.bigrams > 150_000 and t.tokens > 2_000_000
    assert "public domain" in t.note
    seen: list[NgramTable] = []
    threads = [threading.Thread(target=lambda: seen.append(get_ngrams())) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(s is t for s in seen)


@pytest.mark.parametrize("word", ["omnibus", "steamer", "colonial", "thence", "wharf", "Hobart"])
def test_period_vocabulary_known(word: str) -> None:
    assert get_ngrams().known(word)


@pytest.mark.parametrize(
    ("left", "gold", "wrong", "right"),
    [
        ("came", "from", "horn", "the"),
        ("one", "of", "ot", "the"),
        ("will", "be", "bo", "held"),
        ("of", "June", "Tune", "last"),
        ("per", "cent", "rent", None),
    ],
)
def test_context_prefers_the_real_word(left: str, gold: str, wrong: str, right: str) -> None:
    t = get_ngrams()
    assert t.context_score(left, gold, right) > t.context_score(left, wrong, right)


def test_sentence_boundaries() -> None:
    t = get_ngrams()
    assert t.bigram_logprob(BOS, "the") > t.bigram_logprob(BOS, "of")
    assert t.bigram_logprob("said", EOS) > t.bigram_logprob("the", EOS)


def test_doctests() -> None:
    res = doctest.testmod(ngrams)
    assert res.attempted > 5 and res.failed == 0


@pytest.mark.parametrize(
    "word",
    ["macadamising", "tapsters", "colony's", "to-morrow", "colonising", "crush'd", "a", "I"],
)
def test_known_inflections_and_spellings(word: str) -> None:
    assert get_ngrams().known(word)


@pytest.mark.parametrize("word", ["tbe", "aud", "tho", "bo", "canses", "tlie", "lnnd", "ofleied"])
def test_ocr_garble_is_not_known(word: str) -> None:
    assert not get_ngrams().known(word)


def test_names_apart_from_words() -> None:
    t = get_ngrams()
    assert t.is_name("Wollongong") and t.is_name("M'Donald") and t.is_name("Goulburn's")
    assert not t.is_name("tbe") and not t.known("Coolamon") and t.is_name("Coolamon")


def test_short_words_need_evidence(tmp_path: Path) -> None:
    t = _tiny(tmp_path)  # 'cat' (2) and 'the' (3) are too rare for 3-letter words
    assert not t.known("cat") and not t.known("the") and t.count("the") == 3
    assert t.known("mares")  # inflection of a listed word
    assert t.is_name("anything") is False  # no names file: nothing is a name


@pytest.mark.parametrize("word", ["thence", "shewn", "connexion", "gaol", "waggon", "wharfinger"])
def test_period_words_the_modern_lm_lacks(word: str) -> None:
    from repair.resources.lm import get_lm

    assert not get_lm().known(word) and get_ngrams().known(word)


def test_mixed_context_prefers_period_spelling_over_modern_name() -> None:
    from repair.resources.lm import get_lm
    from repair.score.ngrams import mixed_context_score

    lm = get_lm()
    # the modern trigram alone prefers the name "Shawn" to the period spelling "shewn"
    modern = lm.logprob("shewn", ["it", "was"]) + lm.logprob("to", ["was", "shewn"])
    assert modern < lm.logprob("shawn", ["it", "was"]) + lm.logprob("to", ["was", "shawn"])
    assert mixed_context_score(["it", "was"], "shewn", "to") > mixed_context_score(
        ["it", "was"], "shawn", "to"
    )


def test_case_logprob_prefers_always_capitalised_words() -> None:
    t = get_ngrams()
    assert t.case_logprob("June", True) > t.case_logprob("tune", True)
    assert t.case_logprob("tune", False) > t.case_logprob("June", False)
    assert t.case_logprob("xqzv", True) == pytest.approx(math.log(0.5))
