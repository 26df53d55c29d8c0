"""Wider candidates for a written word already judged a spinner's: Moby past the cut.

The reverse synonym table (:mod:`repair.candidates.spin_synonyms`) keeps, per written
Moby lemma, the first 18 originals of a ranking by list overlap and Zipf: every candidate
costs an LM evaluation on every content word of every document, clean or spun.  A
rare-synonym spinner's originals are often further down (``benchmarks/spin_outcome.py``:
rare spinner, dev, 428 missed and 124 wrong substitutions whose original is not a
candidate; about 200 of them at positions 18-35 of that ranking).

``lexicons/spin_synonyms_wide.tsv`` (``scripts/build_spin_synonyms.py --wide``) holds
positions 18-35 of written lemmas rarer than Zipf 4.0, already inflected for every word
form lemminflect knows (run time needs no lemminflect: :func:`wide_originals` is a
look-up).  They are read only by the spin stage's wide reading
(:func:`repair.stages.spin.wide_reading`): in a document whose spinner-agnostic gate is
open, for a rare written word the first reading did not restore.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from repair.candidates.spin_synonyms import (
    _UPOS,
    STOPWORDS,
    _is_lemma,
    add_inflected,
    readings_of,
)
from repair.lexicons import format_header
from repair.resources.sorted_lexicon import read_sorted_lexicon
from repair.resources.sorted_lines import SortedLines

TABLE = "spin_synonyms_wide.tsv"
COLUMNS = ("written", "originals")


class OriginalsTable(Mapping[str, tuple[str, ...]]):
    """``written -> originals`` over a sorted ``written<TAB>originals`` lexicon, looked up
    in place (:class:`~repair.resources.sorted_lines.SortedLines`): each look-up splits
    one row; no dict of ~20 k tuples is built (18 MB for the wide table, issue 14)."""

    __slots__ = ("_lines",)

    def __init__(self, lines: SortedLines[str]) -> None:
        self._lines = lines

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self._lines.get(word) if isinstance(word, str) else None
        return default if value is None else tuple(value.split(","))

    def __getitem__(self, word: str) -> tuple[str, ...]:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return word in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def read_originals_table(table: str) -> OriginalsTable:
    """A sorted ``written<TAB>originals`` table of ``lexicons/`` (originals comma-separated),
    its schema checked once per file version: written word form -> its originals."""
    lines, _comments = read_sorted_lexicon(table, COLUMNS)
    return OriginalsTable(lines)


@lru_cache(maxsize=1)
def wide_table() -> OriginalsTable:
    """Written word form -> its wide originals, inflected like it (schema checked)."""
    return read_originals_table(TABLE)


def wide_originals(word: str) -> tuple[str, ...]:
    """The wide originals of the lower-case ``word`` (inflected like it; may be empty)."""
    return wide_table().get(word, ())


def wide_originals_live(word: str, lemmas: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """:func:`wide_originals` computed from ``lemmas`` (spun lemma -> originals past the
    cut) with lemminflect, as :func:`~repair.candidates.spin_synonyms.originals_of_live`
    reads Moby's rows: each reading of the word whose part of speech the original has as a
    lemma, inflected like the word; ambiguous inflections skipped (build time only)."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    readings = readings_of(word) or {u: (word,) for u in _UPOS if word in lemmas}
    out: list[str] = []
    for upos, found in readings.items():
        if upos not in _UPOS or not found:
            continue
        lemma = found[0]
        origs = tuple(o for o in lemmas.get(lemma, ()) if _is_lemma(o, upos))
        if not origs:
            continue
        add_inflected(out, word, lemma, upos, origs)
    return tuple(out)


def table_text(lemmas: Mapping[str, Sequence[str]], header: Sequence[str]) -> str:
    """The text of :data:`TABLE`: :func:`wide_originals_live` of every word form lemminflect
    knows and every lemma of ``lemmas``, where it has originals (``header``: the comment
    lines after the format line; build scripts)."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    from repair.resources.lemmas import getAllLemmas

    getAllLemmas("the")  # loads the dictionaries (or repair.resources.lemmas' tables)
    lem = Lemmatizer()
    known = {w.lower() for w in (*lem._getLemmaDict(), *lem._getOverridesDict())}
    words = sorted(known | {s for s in lemmas if s.isalpha() and s.islower()})
    rows = ((w, wide_originals_live(w, lemmas)) for w in words)
    lines = [format_header(COLUMNS), *header, *(f"{w}\t{','.join(o)}" for w, o in rows if o)]
    return "\n".join(lines) + "\n"
