"""The complete prefix set of the dictionary answers as the binary search does (issue 14)."""

from __future__ import annotations

from repair.score.ocr_channel import (
    ONE_LETTER,
    confusion_variants,
    is_target,
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
    # the target words (one-letter ones too) and the names: the name search's set
    targets = [w for w in vocabulary() if (w in ONE_LETTER if len(w) == 1 else is_target(w))]
    bisect_only = prefixes_of([*targets, *every])  # no set: bisect only
    for p in probes:  # the set answers as the bisect over the same words
        assert (p in index) == (p in bisect_only), p


def test_name_search_reads_as_over_every_dictionary_prefix() -> None:
    """The name search walks the target part and the names' prefixes (session 17): the
    same readings, costs, substitutions and order as over every dictionary prefix and
    the names (the set it walked before)."""
    from repair.score import ocr_search
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import _load_prefix_set

    names = [w for w in get_ngrams().names() if len(w) >= ocr_search.NAME_MIN_LEN]
    wide = prefixes_of(())
    wide.full = _load_prefix_set().union(n.lower()[:i] for n in names for i in range(len(n) + 1))
    assert ocr_search.name_prefixes().full < wide.full  # a smaller walk
    tokens = [
        "Pittwator",
        "Balgownio",
        "Hnvvkosburj",
        "Svdney",
        "Parramattn",
        "Tbe",
        "Wolloughby",
        "Mclbourne",
        "Goulbnrn",
        "Newcastlo",
        "tlie",
        "Brisbaue",
    ]
    plain = ocr_search.wide_candidates.__wrapped__
    for token in tokens:
        now = plain(token, True)
        before = ocr_search.name_prefixes
        ocr_search.name_prefixes = lambda: wide  # type: ignore[assignment]
        try:
            then = plain(token, True)
        finally:
            ocr_search.name_prefixes = before
        assert now == then, token
    assert any(plain(t, True) for t in tokens)


def test_full_set_is_let_go_once_its_parts_are_cut() -> None:
    """The dictionary's full prefix set is released once the target part and a frequent
    part are cut from it (session 17, a fresh process); a walk with no prefixes given
    reads it again, with the same answers."""
    import subprocess
    import sys

    code = (
        "from repair.score import ocr_channel as c\n"
        "c.vocabulary_prefixes().all_prefixes()\n"
        "c.target_part()\n"
        "assert c.vocabulary_prefixes()._full is not None\n"
        "c.frequent_prefixes(3.5)\n"
        "assert c.vocabulary_prefixes()._full is None\n"
        "assert c.target_part().full and c.frequent_prefixes(3.5).full\n"
        "assert c.vocabulary_prefixes()._full is None\n"
        "plain = c.prefixes_of(c.vocabulary())\n"
        "for t in ('tbe', 'rnodern', 'wi1l', 'AU'):\n"
        "    assert c.confusion_variants(t) == c.confusion_variants(t, plain), t\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
