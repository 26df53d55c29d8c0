"""The complete prefix set of the dictionary answers as the binary search does (issue 14)."""

from __future__ import annotations

from repair.score.ocr_channel import (
    confusion_variants,
    prefixes_of,
    vocabulary,
    vocabulary_prefixes,
)


def test_prefix_set_agrees_with_the_binary_search() -> None:
    full = vocabulary_prefixes()
    assert full.full is not None and full.fork().full is full.full
    plain = prefixes_of(vocabulary())  # no set: bisect only
    assert plain.full is None
    probes = ["", "c", "conc", "concre", "concrete", "concretez", "tbe", "xq", "rnay", "qu", "zzz"]
    for word in list(vocabulary())[:2000:7]:
        probes += [word[: len(word) // 2], word, word + "q", "x" + word]
    for p in probes:
        assert (p in full) == (p in plain), p


def test_confusion_walk_is_the_same_with_and_without_the_set() -> None:
    plain = prefixes_of(vocabulary())
    tokens = ["tbe", "rnodern", "Tbe", "conncil", "goverument", "wi1l", "liave", "tlie", "xyzzy"]
    for token in tokens:
        assert confusion_variants(token) == confusion_variants(token, plain), token


def test_name_prefix_set_agrees_with_the_binary_search() -> None:
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_search import NAME_MIN_LEN, name_prefixes

    index = name_prefixes()
    assert index.full is not None
    names = [w for w in get_ngrams().names() if len(w) >= NAME_MIN_LEN][:3000:3]
    probes = ["", "mc", "mck", "xq", "zzz"]
    for name in names:
        low = name.lower()
        probes += [low[:2], low[: len(low) // 2], low, low + "q", "q" + low]
    every = [w for w in get_ngrams().names() if len(w) >= NAME_MIN_LEN]
    bisect_only = prefixes_of([*vocabulary(), *every])  # no set: bisect only
    for p in probes:  # the set answers as the bisect over the same words
        assert (p in index) == (p in bisect_only), p
