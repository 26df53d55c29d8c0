"""Paper-mill word habits learned from the tortured-phrase list, as candidate originals.

``lexicons/tortured_words.tsv`` (``scripts/build_tortured_words.py``) reads the
Problematic Paper Screener pairs word by word: "profound learning" → "deep learning"
shows that the paper mills' thesaurus writes "profound" for "deep".  The habit recurs in
phrases no list has ("profound convolutional features"), so :func:`learned` offers
"deep" as a candidate original of "profound" to any multi-word term or rare word.  The
decision stays with the evidence (a known term, the LM, the document).

Each mapping counts the phrase families that show it, per half of the families
(``dev``/``test``); :data:`HELD_OUT` halves do not count, so an evaluation can hold a
half out (``benchmarks/tortured_general_eval.py``).

>>> learned("profound")[:1]
('deep',)
>>> learned("deep")
()
"""

from __future__ import annotations

from functools import lru_cache

from repair.lexicons import read_tsv

LEXICON = "tortured_words.tsv"
COLUMNS = ("spun", "original", "dev_families", "test_families")
#: Halves of the phrase families whose mappings are not used (evaluation only).
HELD_OUT: frozenset[str] = frozenset()
#: Candidate originals kept per written word (most families first).
MAX_LEARNED = 4


def _read_counts(held_out: frozenset[str]) -> dict[str, dict[str, int]]:
    """spun word -> original -> phrase families (outside ``held_out`` halves), parsed and
    checked from the lexicon."""
    counts: dict[str, dict[str, int]] = {}
    for spun, original, dev, test in read_tsv(LEXICON, COLUMNS):
        n = (0 if "dev" in held_out else int(dev)) + (0 if "test" in held_out else int(test))
        if n:
            counts.setdefault(spun, {})[original] = n
    return counts


def _build(held_out: frozenset[str]) -> tuple[dict, dict]:
    """(:func:`_counts`, :func:`_table`) of ``held_out``, built from the lexicon."""
    counts = _read_counts(held_out)
    table = {
        w: tuple(o for o, _n in sorted(rows.items(), key=lambda r: (-r[1], r[0]))[:MAX_LEARNED])
        for w, rows in counts.items()
    }
    return counts, table


@lru_cache(maxsize=4)
def _built(held_out: frozenset[str]) -> tuple[dict, dict]:
    """:func:`_build`, kept in the per-user cache keyed by the lexicon and this module
    (parsing and sorting ~3,000 rows cost every start that meets a candidate ~10 ms)."""
    from repair.lexicons import lexicon_path
    from repair.resources.cache import disk_cached

    name = "tortured-words-" + ("-".join(sorted(held_out)) or "all")
    return disk_cached(name, [lexicon_path(LEXICON), __file__], lambda: _build(held_out), tuple)


def _counts(held_out: frozenset[str]) -> dict[str, dict[str, int]]:
    """spun word -> original -> phrase families (outside ``held_out`` halves)."""
    return _built(held_out)[0]


def _table(held_out: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """spun word -> its :data:`MAX_LEARNED` originals, most families first."""
    return _built(held_out)[1]


def learned(word: str) -> tuple[str, ...]:
    """Originals the paper mills' thesaurus is known to replace by ``word`` (lower case),
    most families first; ``()`` for a word with no learned habit."""
    return _table(HELD_OUT).get(word, ())


@lru_cache(maxsize=16)
def _habits(held_out: frozenset[str], min_families: int) -> dict[str, tuple[str, ...]]:
    return {
        w: tuple(o for o in origs if _counts(held_out)[w][o] >= min_families)
        for w, origs in _table(held_out).items()
        if any(_counts(held_out)[w][o] >= min_families for o in origs)
    }


def habit_table(min_families: int = 1) -> dict[str, tuple[str, ...]]:
    """Written word -> its :func:`habits` (read-only)."""
    return _habits(HELD_OUT, min_families)


def habits(word: str, min_families: int = 1) -> tuple[str, ...]:
    """:func:`learned` originals of ``word`` shown by at least ``min_families`` families."""
    return _habits(HELD_OUT, min_families).get(word, ())


def is_habit(word: str, min_families: int = 1) -> bool:
    """Whether ``word`` (lower case) is the written form of a learned habit shown by at
    least ``min_families`` phrase families."""
    return word in _habits(HELD_OUT, min_families)


def family_count(word: str, original: str) -> int:
    """Phrase families showing the habit ``original`` → ``word`` (0 when unknown)."""
    return _counts(HELD_OUT).get(word, {}).get(original, 0)
