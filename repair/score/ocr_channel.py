"""The OCR channel model and vocabulary: how likely a string is a misreading of a word.

The learned confusion table (``lexicons/ocr_confusions.tsv``, built by
``scripts/build_ocr_confusions.py`` from aligned OCR/gold lines) gives the cost, in
nats, of each glyph confusion ``ocr -> true`` (-ln P(ocr | true), shifted); the
vocabulary (symspellpy's counts plus wordfreq) says what a word is.  From them:
the words a token may be a misreading of (:func:`correction_candidates`,
:func:`single_confusions`), merged words (:func:`split_candidates`, :func:`segment`),
joins, and old spellings that are no misreading at all (:func:`archaic_form`).

Detection, candidate generation and scoring all read this one model; everything is
cached per string, so a long garbled text costs one search per distinct bad token.

>>> best = correction_candidates("shaU")[0]
>>> best.text, best.listed
('shall', True)
>>> [c.parts for c in split_candidates("kingwas")][:1]
[('king', 'was')]
"""

from __future__ import annotations

import importlib.util
import math
import sys
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress
from pathlib import Path
from types import ModuleType

from repair.lexicons import LexiconError, read_tsv
from repair.resources.cache import disk_cached
from repair.resources.frequency import zipf
from repair.resources.sorted_lines import SortedLines

CONFUSIONS_FILE = "ocr_confusions.tsv"
#: Largest number of glyph confusions applied to one token (ICDAR words with
#: three wrong glyphs such as "oharaoteristio" exist, four are rare).
MAX_SUBS = 3
#: Largest summed confusion cost explored (nats); bounds the search.  SMH dev: 6.0 -> 7.5
#: took the WER reduction from 22.0 % to 22.5 % (ICDAR held out 39.2 % -> 39.0 %), ~20 % slower.
MAX_COST = 7.5
#: The bound :func:`confusion_variants` takes when its caller names none: ``None`` reads
#: :data:`MAX_COST`; :func:`wider_walk` sets it for a block (AUTO's self-trained pass,
#: ``repair.score.ocr_docself.SECOND_PASS_MAX_COST``).
_default_bound: list[float | None] = [None]
#: The tokens a :func:`wider_walk` block widens the walk for (``None``: every
#: token); the others keep :data:`MAX_COST`.
_wider_words: list[Container[str] | None] = [None]
#: Cost of an edit symspell found that the confusion table does not list.
UNLISTED_COST = 4.0
#: A word is "known" at this wordfreq Zipf frequency (about 1 per 100 million words)
#: or when the symspell dictionary holds it.
KNOWN_ZIPF = 3.0
#: Both halves of a web-merged word ("ofthe") are at least this frequent (of, the, to).
MERGED_PART_ZIPF = 5.5
#: Merged tokens this long with no 2- or 3-word split go to symspell's word_segmentation.
SEGMENT_MIN_LEN = 10
#: Words a split may produce alone although they are one letter long.
ONE_LETTER = {"a", "i", "o"}

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Correction:
    """A replacement for one token: ``text`` (casing already transferred)."""

    text: str
    cost: float
    subs: tuple[tuple[str, str], ...]
    listed: bool


@dataclass(frozen=True, slots=True)
class Split:
    """A merged token split into known words (``parts``, casing kept)."""

    parts: tuple[str, ...]
    cost: float


@lru_cache(maxsize=1)
def confusions() -> dict[str, tuple[tuple[str, float], ...]]:
    """``{ocr form: ((true form, cost), ...)}`` from ``lexicons/ocr_confusions.tsv``."""
    table: dict[str, dict[str, float]] = {}
    for row in _table_rows():
        if len(row) < 3:
            raise LexiconError(f"{CONFUSIONS_FILE}: row {row!r} needs ocr, true, cost columns")
        src, dst, cost = row[0], row[1], float(row[2])
        if src.startswith("<"):
            continue  # <split>/<merge>: spacing rates (see :func:`spacing_costs`)
        old = table.setdefault(src, {}).get(dst)
        table[src][dst] = cost if old is None else min(old, cost)
    return {s: tuple(sorted(d.items(), key=lambda x: x[1])) for s, d in table.items()}


@lru_cache(maxsize=1)
def spacing_costs() -> dict[str, float]:
    """Learned costs (nats) of a space inserted in a word (``split``) or lost (``merge``)."""
    return {row[0][1:-1]: float(row[2]) for row in _table_rows() if row[0][:1] == "<"}


#: The rows of an archive's own confusion table (``repair fix --ocr-table``, installed by
#: :func:`repair.score.ocr_table.install`), read instead of :data:`CONFUSIONS_FILE`.
_override_rows: tuple[tuple[str, ...], ...] | None = None


def _table_rows() -> tuple[tuple[str, ...], ...]:
    """The confusion table's rows: an installed archive table's, else the shipped one's."""
    if _override_rows is not None:
        return _override_rows
    return read_tsv(CONFUSIONS_FILE)


@lru_cache(maxsize=1)
def _lowered_confusions() -> dict[str, tuple[tuple[str, float, str], ...]]:
    """:func:`confusions` with each true form's lower case: ``(true, cost, lower)`` rows."""
    return {s: tuple((d, c, d.lower()) for d, c in rows) for s, rows in confusions().items()}


#: The lost- and added-glyph rows (``lexicons/ocr_confusions_indel.tsv``, built by
#: ``scripts/build_ocr_confusions.py --indel``): a letter the OCR lost or added, written
#: with the unchanged glyph beside it ("w" -> "wr": a lost "r" after "w"; "is" -> "s":
#: an added "i" before "s"), and figures read as letters.  Read by the confusion walk only
#: (:func:`_walk_rows`: :func:`confusion_variants` and the wide search of
#: :mod:`repair.score.ocr_search`), within its cost bound and substitution count; the
#: other readers of :func:`confusions` do not see them.  Added to the shipped table only
#: (an archive's own table, ``--ocr-table``, is read as it is).
INDEL_FILE = "ocr_confusions_indel.tsv"
INDEL_COLUMNS = ("ocr", "true", "cost", "count", "kind")
INDEL_KINDS = frozenset({"lost", "added", "figure", "lost-any", "added-any"})
#: Switch: the walk reads the rows of :data:`INDEL_FILE` of these kinds (empty: none).
#: Off.  ``("lost-any",)`` (a letter lost after any letter, at its own learned rate) reads
#: on both SMH dev halves (deva 2,036 -> 2,032 tokens, devb 2,541 -> 2,536) and test
#: (5,514 -> 5,509), but ICDAR breaks one token more on file 81's first 300 k and on its
#: gold with synthetic noise (and the 100 k-word OCR text is ~5 % slower); the counted
#: context rows (``lost``: 13 rows of 3-12 counts) add nothing over it, added letters
#: (``added``, ``added-any``) lose characters on both halves ("Onel" -> "One", "Manuell"
#: -> "Manuel").  benchmarks/RESULTS.md, session 39, ocrconf39.  With the guards of
#: :mod:`repair.candidates.ocr_indel` (``MARKED``, ``GLUED_PIECES``; indel39b) ICDAR's
#: rows are equal but gold + noise (166 -> 167) and the 300 k-word OCR text (25,835 ->
#: 25,833 fixed) still lose one / two, for SMH dev -2 / -3 and test -1 tokens.  With the
#: mark guard on the whole printed token (``ocr_indel.WHOLE_TOKEN``, session 40, indel40)
#: gold + noise is equal too (166) and every ICDAR row, the light suite, the clean gate
#: and the audit's broken tokens (129, the same set) equal the rows off, for SMH dev
#: 4,569 -> 4,564 tokens (deva -2, devb -3) and test 5,506 -> 5,505.  Re-measured by the
#: lead on session 40's merged main (with ocrchoice40's re-ordering, ocrseg40, ocrnum40,
#: ocrreach40): SMH dev 4,535 -> 4,531 tokens / 7,326 -> 7,316 chars, test 5,492 -> 5,491
#: tokens but 8,920 -> 8,923 chars, for +3-5 % CPU on OCR text and 2 fewer audit fixes:
#: no held-out gain for the cost, so off.  ``("lost-any",)`` switches the rows on.
INDEL_ROWS: Collection[str] = ()
#: A row costs at least this (nats): counted context rows ("lost", "added", "figure") ...
INDEL_MIN_COST = 4.0
#: ... and the back-off rows of a letter lost / added beside any letter ("lost-any").
INDEL_ANY_MIN_COST = 6.0
#: Also a lost letter that doubles its context glyph ("l" -> "ll"): old print spells
#: single where we double ("shal", "wel", "busines" on ICDAR files 37, 38, 60).
INDEL_DOUBLED = True


@lru_cache(maxsize=1)
def indel_rows() -> tuple[tuple[str, str, float, str], ...]:
    """``(printed, true, cost, kind)`` of :data:`INDEL_FILE`, its format checked:
    :class:`LexiconError` on a bad header, kind, cost or an empty side."""
    out = []
    for n, row in enumerate(read_tsv(INDEL_FILE, INDEL_COLUMNS), 1):
        src, dst, cost, _count, kind = row
        if kind not in INDEL_KINDS or not src or not dst:
            raise LexiconError(f"{INDEL_FILE}: row {n} {row!r}: bad kind or empty side")
        try:
            value = float(cost)
        except ValueError:
            raise LexiconError(f"{INDEL_FILE}: row {n} {row!r}: cost is no number") from None
        if not math.isfinite(value) or value < 0:
            raise LexiconError(f"{INDEL_FILE}: row {n} {row!r}: bad cost")
        out.append((src, dst, value, kind))
    return tuple(out)


def _indel_table() -> dict[str, tuple[tuple[str, float], ...]]:
    """:func:`confusions` with the rows of :data:`INDEL_ROWS`' kinds added (a pair the
    table holds keeps its own cost), each at least its kind's floor."""
    table = {s: dict(rows) for s, rows in confusions().items()}
    for src, dst, cost, kind in indel_rows():
        if kind not in INDEL_ROWS or dst in table.get(src, {}):
            continue
        if not INDEL_DOUBLED and kind.startswith("lost") and _doubles(src, dst):
            continue
        floor = INDEL_ANY_MIN_COST if kind.endswith("-any") else INDEL_MIN_COST
        table.setdefault(src, {})[dst] = max(cost, floor)
    return {s: tuple(sorted(d.items(), key=lambda x: x[1])) for s, d in table.items()}


@lru_cache(maxsize=1)
def indel_pairs() -> frozenset[tuple[str, str]]:
    """The ``(printed, true)`` pairs the walk reads from :data:`INDEL_FILE` now (the
    kinds of :data:`INDEL_ROWS`, rows the main table lacks); empty when it reads none."""
    if not INDEL_ROWS or _override_rows is not None:
        return frozenset()
    table = confusions()
    return frozenset(
        (src, dst)
        for src, dst, _cost, kind in indel_rows()
        if kind in INDEL_ROWS
        and dst not in dict(table.get(src, ()))
        and (INDEL_DOUBLED or not (kind.startswith("lost") and _doubles(src, dst)))
    )


#: The walk reads no lost-letter row at a token's last glyph (see :func:`_window_rows`).
INDEL_FINAL_ONLY_TABLE = True


@lru_cache(maxsize=1)
def _base_walk_rows() -> dict[str, tuple[tuple[str, float, str, tuple[str, str]], ...]]:
    """:func:`_walk_rows` of the main table alone (no row of :data:`INDEL_FILE`)."""
    return {
        s: tuple((d, c, d_low, (s, d)) for d, c, d_low in rows)
        for s, rows in _lowered_confusions().items()
    }


def _doubles(src: str, dst: str) -> bool:
    """Whether the lost glyph of row ``src -> dst`` repeats its context ("l" -> "ll")."""
    return len(src) == 1 and dst == src + src


@lru_cache(maxsize=1)
def _walk_rows() -> dict[str, tuple[tuple[str, float, str, tuple[str, str]], ...]]:
    """The confusion walk's rows per printed form: ``(true, cost, lower, (printed, true))``,
    built once instead of once per position of every token."""
    if INDEL_ROWS and _override_rows is None:
        return {
            s: tuple((d, c, d.lower(), (s, d)) for d, c in rows)
            for s, rows in _indel_table().items()
        }
    return {
        s: tuple((d, c, d_low, (s, d)) for d, c, d_low in rows)
        for s, rows in _lowered_confusions().items()
    }


@lru_cache(maxsize=1)
def _max_src_len() -> int:
    return max(len(s) for s in confusions())


def _dictionary_path() -> str:
    # find_spec locates the package without importing it (importing costs ~20 ms)
    spec = importlib.util.find_spec("symspellpy")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    if folders:
        root = Path(folders[0])
    else:  # a zipped install (importlib.resources imports zipfile: not at start-up)
        from importlib import resources

        root = resources.files("symspellpy")
    path = root / "frequency_dictionary_en_82_765.txt"
    if not path.is_file():
        raise LexiconError(
            "symspellpy's frequency_dictionary_en_82_765.txt is missing: "
            "reinstall symspellpy (pip install --force-reinstall symspellpy)"
        )
    return str(path)


_SYMSPELL = None


def symspell():  # noqa: ANN201 - symspellpy has no type stubs
    """The shared SymSpell index, built lazily once per process and only when a look-up
    needs it (``correction_candidates(..., unlisted=True)``).  Edit distance 1, the only
    distance queried (a distance-2 index takes ~3x as long to build); segmentation does
    not use it (:func:`segment`)."""
    global _SYMSPELL
    with _lock:
        if _SYMSPELL is None:
            from symspellpy import SymSpell

            sym = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
            if not sym.load_dictionary(_dictionary_path(), 0, 1):
                raise LexiconError("symspellpy could not load its English dictionary")
            vocab = vocabulary()
            for word in vocab.keys() - sym.words.keys():  # the added American spellings
                sym.create_dictionary_entry(word, vocab[word])
            _SYMSPELL = sym
        return _SYMSPELL


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, int]:
    """symspell's word counts (82,765 words; lower case), read without the delete index."""
    global _loaded_vocabulary
    vocab = disk_cached("ocr-vocabulary", _target_sources(), _read_vocabulary, dict)
    _loaded_vocabulary = vocab
    return vocab


#: :func:`vocabulary` once loaded (read by :func:`in_vocabulary` without a call).
_loaded_vocabulary: dict[str, int] | None = None


#: Vocabulary questions (:func:`in_vocabulary`) answered from the sorted word lines
#: before the dictionary itself is loaded (~20 ms): a clean or short text asks a few
#: hundred, a long OCR text hundreds of thousands (a dict look-up is ~40x cheaper).
LAZY_VOCABULARY_QUERIES = 2_000
#: Confusion walks over the dictionary (:func:`vocabulary_prefixes`) that test their
#: prefixes on the sorted word lines before the set of all prefixes (~205 k strings,
#: ~45 ms to load) is read: a walk asks ~300 prefixes at ~1.5 us each.
LAZY_PREFIX_WALKS = 16

_vocabulary_queries = 0

#: Past those first questions and walks, the dict and the prefix set are loaded only on
#: text that reads like OCR (issue 14): when the confusion walks (one per unknown word
#: tested as a possible misreading) number at least :data:`OCR_WALK_SHARE` of the
#: vocabulary questions asked (OCR pages make ~0.5 walks a question, clean and spun text
#: 0.03-0.05: a spun 250 k-character document 463 walks, 9,948 questions), or once a
#: document's garble score reached :data:`OCR_LOAD_GARBLE`.  So a long
#: text with no garble keeps searching the word lines (~3 us a question, ~0.5 ms a walk)
#: and never holds the ~27 MB of dict, target words, prefix set and walk trie.  Either is
#: loaded anyway after :data:`LAZY_VOCABULARY_CAP` questions or :data:`LAZY_PREFIX_CAP`
#: walks (the lines' cost stays bounded).  The same answers either way (tested); off:
#: ``LAZY_OCR_GATE = False`` (load after the first 2,000 questions / 16 walks).
LAZY_OCR_GATE = True
OCR_WALK_SHARE = 0.2
#: A document whose garble score (:func:`repair.detect.ocr.detect_ocr`: flagged words per
#: word) reaches this reads like OCR at once (OCR speed text 0.10; clean 0.004, spun
#: 0.005-0.017): its walks and questions load the dict and the set as before.
OCR_LOAD_GARBLE = 0.03
_garbled_text = False
LAZY_VOCABULARY_CAP = 50_000
LAZY_PREFIX_CAP = 2_000
#: Count those two caps per window of a big text (issue 14) instead of per process:
#: :func:`start_window` (called by the pipeline before each window after the first)
#: restarts them, while :func:`ocr_like`'s walk share stays counted over the whole
#: process (a window's first questions are too few for a steady share: session 38).  A
#: 250 k window of spun text asks ~10 k questions and ~460 walks, so a long spun text no
#: longer loads the ~27 MB of dict and prefix set by its 3rd-5th window.  The same answers
#: either way; off: ``WINDOW_LAZY_CAPS = False`` (the process-wide count).
WINDOW_LAZY_CAPS = True
_window_queries = 0
_window_walks = 0


def _questions_in_window() -> int:
    """Vocabulary questions asked since the window's start (all of them if the count was
    restarted below it since: the start then restarts too)."""
    global _window_queries
    if _vocabulary_queries < _window_queries:
        _window_queries = 0
    return _vocabulary_queries - _window_queries


def _walks_in_window(done: int) -> int:
    """Prefix walks done since the window's start (as :func:`_questions_in_window`)."""
    global _window_walks
    if done < _window_walks:
        _window_walks = 0
    return done - _window_walks


#: Before each window of a big text that is not read as OCR (the dictionary never loaded:
#: :data:`LAZY_OCR_GATE`), empty the two word-test memos the OCR gate's questions fill,
#: :func:`_target_test` and :func:`is_known` (issue 14): on an unknown spinner's 5 MB
#: they held ~34 k and ~16 k entries at 28 % and 10 % hits (session 47), strings the next
#: windows rarely ask again (a miss: ~0.5 us).  An OCR text (the dictionary loaded) keeps
#: them as before.  Session 48 (mem48): 5 MB of ``benchmarks/spin_big_text.py``'s text,
#: warm cache, peak 409.4 -> 405.0 MB, output byte-identical; the spun 300 k-word speed
#: text (8 windows) +249 misses, CPU off / on medians 9.12 / 8.95 s (three pairs, load 6),
#: output identical.  Single documents never reach it.  The same answers (pure memos).
#: Off: ``WINDOW_LAZY_MEMOS = False``.
WINDOW_LAZY_MEMOS = True


def start_window() -> None:
    """Restart the lazy gate's caps for a new window (see :data:`WINDOW_LAZY_CAPS`) and,
    on text not read as OCR, empty its word-test memos (:data:`WINDOW_LAZY_MEMOS`)."""
    global _window_queries, _window_walks
    if WINDOW_LAZY_CAPS:
        _window_queries = _vocabulary_queries
        _window_walks = _vocabulary_walks
    if WINDOW_LAZY_MEMOS and _loaded_vocabulary is None:
        _target_test.cache_clear()
        is_known.cache_clear()


def note_garble(score: float) -> None:
    """Called by the OCR detector with a document's garble score before its confusion
    walks (see :data:`OCR_LOAD_GARBLE`)."""
    global _garbled_text
    if score >= OCR_LOAD_GARBLE:
        _garbled_text = True


#: Walks of :func:`vocabulary_prefixes` answered from the word lines so far.
_vocabulary_walks = 0


def ocr_like() -> bool:
    """Whether the questions asked so far read like OCR text (see :data:`OCR_WALK_SHARE`)."""
    return (
        not LAZY_OCR_GATE
        or _garbled_text
        or _vocabulary_walks >= OCR_WALK_SHARE * _vocabulary_queries
    )


def _more_lazy_walks(done: int) -> bool:
    """Whether the vocabulary's prefix walk number ``done + 1`` still searches the lines."""
    global _vocabulary_walks
    _vocabulary_walks = done
    if done < LAZY_PREFIX_WALKS:
        return True
    return _walks_in_window(done) < LAZY_PREFIX_CAP and not ocr_like()


@lru_cache(maxsize=1)
def vocabulary_lines() -> SortedLines[str]:
    """The dictionary's words (lower case) as sorted ``word<TAB>count`` lines, searched
    in place (:class:`~repair.resources.sorted_lines.SortedLines`): read in ~2 ms from the
    per-user cache, where :func:`vocabulary` builds a dict of 82 k entries."""
    text, starts, heads, _total = _vocabulary_lines_cached()
    try:
        return SortedLines(text, 0, block=LINES_BLOCK, index=(starts, heads))
    except ValueError:  # not this text's index (a damaged cache entry)
        return SortedLines(text, 0, block=LINES_BLOCK)


#: Search blocks of the word lines (characters): a prefix test scans one block, and text
#: that is not OCR walks the lines for good (:data:`LAZY_OCR_GATE`): at 4,096 a walk cost
#: ~2.1 ms where the set of all prefixes answers in ~0.8 ms; at 256, ~0.8 ms (5 k block
#: heads, ~0.3 MB; session 33).  The same answers at any size.
LINES_BLOCK = 256


def vocabulary_lines_text() -> str:
    """The text of :func:`vocabulary_lines` (``word<TAB>count`` lines, sorted)."""
    return _vocabulary_lines_cached()[0]


@lru_cache(maxsize=1)
def _vocabulary_lines_cached() -> tuple[str, list[int], list[str], int]:
    """The word lines, their block index (:data:`LINES_BLOCK`) and the sum of the counts
    (:func:`segment`'s total), from the per-user cache: cutting ~5 k blocks cost ~25 M
    instructions of every start, summing 83 k lines ~0.1 s."""
    return disk_cached(  # type: ignore[no-any-return]
        "ocr-vocabulary-lines",
        _target_sources(),
        _vocabulary_lines_built,
        tuple,
        lambda v: len(v) == 4,
    )


def _vocabulary_lines_built() -> tuple[str, list[int], list[str], int]:
    text = _vocabulary_text()
    starts, heads = SortedLines(text, 0, block=LINES_BLOCK).index()
    total = sum(int(line.split("\t", 1)[1]) for line in text.splitlines())
    return text, starts, heads, total


def _vocabulary_text() -> str:
    words = _read_vocabulary()
    if any(w != w.lower() or "\t" in w or "\n" in w for w in words):
        raise LexiconError("the symspell dictionary must hold lower-case words")
    return "".join(f"{w}\t{words[w]}\n" for w in sorted(words))


def preload() -> None:
    """Load the dictionary and its prefix set now (a batch parent does, before it forks:
    a short warm-up text only reads the sorted word lines), and the compiled walk's
    module (:mod:`repair.score.ocr_walk_fast`; its tries are built by the walks)."""
    vocabulary()
    vocabulary_prefixes().all_prefixes()
    from repair.score import ocr_walk_fast

    ocr_walk_fast.module()


def in_vocabulary(low: str) -> bool:
    """``low in vocabulary()``, from :func:`vocabulary_lines` while few questions have
    been asked and the dict is not loaded (the same answer, a cheaper start)."""
    global _vocabulary_queries
    vocab = _loaded_vocabulary
    if vocab is not None:
        return low in vocab
    if _vocabulary_queries >= LAZY_VOCABULARY_QUERIES and (
        _questions_in_window() >= LAZY_VOCABULARY_CAP or ocr_like()
    ):
        return low in vocabulary()
    _vocabulary_queries += 1
    return low in vocabulary_lines()


def _read_vocabulary() -> dict[str, int]:
    counts = _read_shipped()
    from repair.score import ocr_usspell

    if ocr_usspell.US_SPELLINGS:  # "labor", "theater": targets of US pages (issue 12)
        plain_zipf = zipf.__wrapped__  # type: ignore[attr-defined]
        counts.update(ocr_usspell.american_spellings(counts, plain_zipf, TARGET_ZIPF))
    return counts


def _read_shipped() -> dict[str, int]:
    """symspellpy's dictionary as shipped: ``{word: count}``."""
    counts: dict[str, int] = {}
    with open(_dictionary_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                counts[parts[0]] = int(parts[1])
    return counts


#: Answers kept by :func:`is_known` and :func:`is_target` (each ~200 bytes: a long OCR
#: text asks about hundreds of thousands of distinct strings, split parts included).
WORD_TEST_CACHE = 65_536
#: :func:`is_known` asks fewer distinct strings (45 k in a 1 M-word OCR text): at 32,768
#: a replay of its calls loses 0.4 % of the hits (issue 14); at 24,576, 1.1 % of 5 MB of
#: OCR text's (+0.2 s of 135 s CPU, ~1.2 MB less; session 17).  Session 53 (ocrmemo):
#: the 100 k-word OCR speed text asks 47.8 k distinct strings (386 k calls): 24,576 ->
#: 65,536 takes its misses 61.0 k -> 47.8 k, ~140 bytes an entry with its key (+5.7 MB once
#: full); kept at 24,576 by the lead (peak RSS target).
KNOWN_CACHE = 24_576


@lru_cache(maxsize=KNOWN_CACHE)
def is_known(word: str) -> bool:
    """Whether ``word`` (any case) is an English word: symspell's dictionary or wordfreq.

    wordfreq counts web text, where merged function words are common ("ofthe",
    "tothe"): a word only wordfreq knows that splits into two very frequent words
    is not known.

    >>> is_known("concrete"), is_known("ofthe"), is_known("fentanyl")
    (True, False, False)
    """
    low = word.lower()
    if in_vocabulary(low):
        return True
    return zipf(low) >= KNOWN_ZIPF and not _merged_common(low)


def _merged_common(low: str) -> bool:
    return any(
        zipf(low[:i]) >= MERGED_PART_ZIPF and zipf(low[i:]) >= MERGED_PART_ZIPF
        for i in range(1, len(low))
    )


#: A correction produces only dictionary words at least this frequent (Zipf).
TARGET_ZIPF = 2.0


def is_target(word: str) -> bool:
    """Whether ``word`` may be *produced* by a correction (stricter than :func:`is_known`)."""
    low = word.lower()
    if len(low) == 1:
        return low in ONE_LETTER
    targets = _target_words
    if targets is None:
        if _loaded_vocabulary is None:
            return _target_test(low)  # a clean or short text: the dictionary is not read
        targets = _load_target_words()
    return low in targets


def is_target_unmemoised(word: str) -> bool:
    """:func:`is_target`, remembering nothing and counting toward no lazy start: while
    the dictionary is not loaded (text that is not OCR, :data:`LAZY_OCR_GATE`), a search of
    the word lines.  For callers that ask many strings once each (the ~25 one-letter
    substitutions of every non-word type of a page: :mod:`repair.candidates.ocr_pagehabit`),
    whose answers a memo would hold for nothing."""
    low = word.lower()
    if len(low) == 1:
        return low in ONE_LETTER
    targets = _target_words
    if targets is not None:
        return low in targets
    vocab = _loaded_vocabulary
    if vocab is None and not LAZY_OCR_GATE:
        return is_target(low)
    found = low in vocab if vocab is not None else low in vocabulary_lines()
    return found and zipf(low) >= TARGET_ZIPF


#: The target words of 2+ letters (dictionary words of Zipf >= :data:`TARGET_ZIPF`) as
#: the vocabulary's own strings, read once the vocabulary dict is loaded.  A long OCR
#: text asks about hundreds of thousands of distinct strings: a set of ~60 k words
#: (~2 MB of table) answers them all, where a 65,536-entry cache (~10 MB) missed
#: 46 % of them (issue 14).  The same answers (tested).
_target_words: frozenset[str] | None = None


@lru_cache(maxsize=WORD_TEST_CACHE)
def _target_test(low: str) -> bool:
    """:func:`is_target` of a lower-case word of 2+ letters, without the target set."""
    return in_vocabulary(low) and zipf(low) >= TARGET_ZIPF


def _load_target_words() -> frozenset[str]:
    global _target_words
    vocab = vocabulary()
    flags = disk_cached("ocr-target-flags", _target_sources(), _target_flags, bytes)
    if len(flags) != len(vocab):  # a cache written for another dictionary order
        flags = _target_flags()
    _target_words = frozenset(compress(vocab, flags))
    _target_test.cache_clear()
    return _target_words


def _target_flags() -> bytes:
    """One byte per :func:`vocabulary` word, in its order: 1 for a target word of 2+
    letters (Zipf >= :data:`TARGET_ZIPF`)."""
    plain_zipf = zipf.__wrapped__  # type: ignore[attr-defined]  # no 82 k cache entries
    return bytes(len(w) != 1 and plain_zipf(w) >= TARGET_ZIPF for w in vocabulary())


def transfer_case(original: str, word: str) -> str:
    """``word`` with the casing pattern of ``original`` (upper, title or as given)."""
    if len(original) > 1 and original.isupper():
        return word.upper()
    if original[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def read_as(token: str, variant: str, upper: bool) -> str:
    """How a confusion reading ``variant`` of ``token`` is written: all capitals for an
    all-capital token, as walked when the walk changed the first letter, else with the
    token's casing (:func:`transfer_case`)."""
    if upper:
        return variant.upper()
    if variant[:1] != token[:1]:
        return variant
    return transfer_case(token, variant)


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def default_bound(token: str | None = None) -> float:
    """The walk's bound when its caller names none: :data:`MAX_COST`, or the bound a
    :func:`wider_walk` block set (for ``token`` only if the block names it among its
    words).

    >>> default_bound() == MAX_COST
    True
    >>> with wider_walk(10.0, frozenset({"tbeir"})):
    ...     default_bound("tbeir"), default_bound("unto") == MAX_COST
    (10.0, True)
    """
    bound = _default_bound[0]
    if bound is None:
        return MAX_COST
    words = _wider_words[0]
    if words is not None and (token is None or token not in words):
        return MAX_COST
    return bound


@contextmanager
def wider_walk(bound: float | None, words: Container[str] | None = None) -> Iterator[None]:
    """:func:`default_bound` is ``bound`` for the block (``None``: unchanged), for the
    tokens in ``words`` only when given.  The walks' memos must be fresh in
    the block and put back after it (the caller's job: :func:`repair.score.ocr_docself._held`
    swaps them)."""
    was = _default_bound[0], _wider_words[0]
    if bound is not None:
        _default_bound[0] = bound
        _wider_words[0] = words
    try:
        yield
    finally:
        _default_bound[0], _wider_words[0] = was


def confusion_variants(
    token: str,
    prefixes: PrefixIndex | None = None,
    max_cost: float | None = None,
    max_subs: int = MAX_SUBS,
) -> dict[str, tuple[float, tuple[tuple[str, str], ...]]]:
    """Strings reachable from ``token`` by up to :data:`MAX_SUBS` listed confusions.

    Maps each variant to its cheapest (cost, substitutions); ``max_cost`` and
    ``max_subs`` widen or narrow the search.  Case-sensitive: the
    table says which glyph the OCR printed (``U`` for ``ll``, ``H`` for ``li``).
    With ``prefixes`` (lower case), a branch stops as soon as what it has built is no
    word's prefix, which keeps long garbled words cheap; the default is the prefixes
    of the dictionary (:func:`vocabulary_prefixes`), cached per token.  ``max_cost``
    ``None`` is :func:`default_bound`, read at call time.
    """
    if prefixes is None and max_cost is None:
        return _dictionary_variants(token)
    if prefixes is None:
        prefixes = vocabulary_prefixes()
    if max_cost is None:
        max_cost = default_bound(token)
    out: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {}
    # every prefix of the index's words: prefix-closed, so a string is alive (a prefix of
    # some word) exactly when it is in the set, and a whole tail of unchanged glyphs is
    # alive exactly when its last prefix is (one look-up instead of one per glyph)
    alive = prefixes.prefix_set()
    plan = options, cheapest, rest, lows, low_rest = _walk_plan(token)
    fast = prefixes.fast_walk(alive) if max_subs > 0 else None
    if fast is not None:  # the same walk compiled (repair.score.ocr_walk_fast)
        fast[1](fast[0], None, token, *plan, max_cost, max_subs, out, None)
        return out

    # the walk's tables are bound as locals (default arguments): read at every step
    def walk(
        i: int,
        built: str,
        low: str,
        cost: float,
        subs: tuple[tuple[str, str], ...],
        n_subs: int,
        alive: Container[str] = alive,
        max_cost: float = max_cost,
        options: list[tuple[tuple[int, _Rows], ...]] = options,
        cheapest: list[float] = cheapest,
        rest: list[str] = rest,
        low_rest: list[str] = low_rest,
        lows: list[str] = lows,
        token: str = token,
        size: int = len(token),
        out: Variants = out,
        last: int = max_subs - 1,
    ) -> None:
        settle = n_subs == last  # this is the last substitution allowed
        # unchanged glyphs are a loop, substitutions a branch: each prefix checked once
        while True:
            for n, rows in options[i]:
                j = i + n
                for dst, c, dst_low, sub in rows:
                    new_cost = cost + c
                    if new_cost > max_cost:
                        break  # rows are sorted by cost
                    new_low = low + dst_low
                    if new_low and new_low not in alive:
                        continue
                    if settle or new_cost + cheapest[j] > max_cost:
                        # no further substitution fits: the rest of the token as printed
                        tail = new_low + low_rest[j]
                        if not tail or tail in alive:
                            variant = built + dst + rest[j]
                            old = out.get(variant)
                            if old is None or new_cost < old[0]:
                                out[variant] = (new_cost, (*subs, sub))
                        continue
                    walk(j, built + dst, new_low, new_cost, (*subs, sub), n_subs + 1)  # noqa: F821
            if i >= size:
                if subs:
                    old = out.get(built)
                    if old is None or cost < old[0]:
                        out[built] = (cost, subs)
                return
            built += token[i]
            low += lows[i]
            i += 1
            if low not in alive:
                return

    if max_subs > 0:
        walk(0, "", "", 0.0, (), 0)
    # ``walk`` refers to itself: without this, each call would leave a reference cycle
    # (the closure and its tables) for the cyclic collector, which the pipeline pauses
    del walk
    return out


_Rows = tuple[tuple[str, float, str, tuple[str, str]], ...]


#: ASCII tokens' walk plans are made by the compiled module when it is built
#: (``_ocrwalk.walk_plan``: the same lists, the same windows read and kept).
PLAN_FAST = True
#: :mod:`repair.score.ocr_walk_fast`, imported by the first plan (not at start-up).
_walk_fast: list[ModuleType | None] = [None]


def _load_walk_fast() -> ModuleType:
    from repair.score import ocr_walk_fast

    _walk_fast[0] = ocr_walk_fast
    return ocr_walk_fast


def _walk_plan(
    token: str,
) -> tuple[list[tuple[tuple[int, _Rows], ...]], list[float], list[str], list[str], list[str]]:
    """What a confusion walk of ``token`` reads at each position: the table's rows that
    apply there (``(length of the source, rows)``, looked up once per token), the
    cheapest row at or after it (a branch that cannot afford it only keeps glyphs from
    there on), the token's rest as printed and lowered, and each glyph lowered."""
    longest = _max_src_len()
    if PLAN_FAST and token.isascii():  # the same plan compiled (issue 14, session 22)
        fast = (_walk_fast[0] or _load_walk_fast()).module()
        if fast is not None:
            plan = fast.walk_plan(token, _windows, longest, WALK_WINDOWS_KEPT, _window_rows)
            return plan  # type: ignore[no-any-return]
    size = len(token)
    windows = _windows
    options: list[tuple[tuple[int, _Rows], ...]] = []
    cheapest = [math.inf] * (size + 1)
    for i in range(size):
        window = token[i : i + longest]
        known = windows.get(window)
        if known is None:
            if len(windows) >= WALK_WINDOWS_KEPT:
                windows.clear()
            known = windows[window] = _window_rows(window)
        options.append(known[0])
        cheapest[i] = known[1]
    options.append(())  # nothing is read past the end
    for i in range(size - 1, -1, -1):
        if cheapest[i + 1] < cheapest[i]:
            cheapest[i] = cheapest[i + 1]
    rest = [token[i:] for i in range(size + 1)]
    if token.isascii():
        # one glyph, one lower-case glyph: the lowered token's slices are the tails
        lowered = token.lower()
        return options, cheapest, rest, list(lowered), [lowered[i:] for i in range(size + 1)]
    lows = [ch.lower() for ch in token]
    low_rest = [""] * (size + 1)
    tail = ""
    for i in range(size - 1, -1, -1):
        tail = lows[i] + tail
        low_rest[i] = tail
    return options, cheapest, rest, lows, low_rest


#: Printed windows (the next :func:`_max_src_len` glyphs) whose rows are kept for
#: :func:`_walk_plan`: a text has a few tens of thousands.  16,384 (was 65,536): a
#: 250 k-character OCR window meets ~8 k, then ~500 new ones each; a miss is a few dict
#: look-ups (its plan is shared, :data:`_window_plans`), and the 65,536 full (~6 MB of keys
#: and table) were reached only past ~25 MB of input (issue 14, session 18).
WALK_WINDOWS_KEPT = 16_384
_windows: dict[str, tuple[tuple[tuple[int, _Rows], ...], float]] = {}


def _window_rows(window: str) -> tuple[tuple[tuple[int, _Rows], ...], float]:
    """The rows whose printed form starts ``window`` (``(its length, rows)``, shortest
    first) and the cheapest cost among them.

    One answer per set of printed forms (:data:`_window_plans`): the windows of a text
    (tens of thousands kept in :data:`_windows`) share a few hundred answers, so an
    entry of theirs holds no tuples of its own (~250 bytes less each, issue 14)."""
    table = _walk_rows()
    key: tuple[str, ...] | None = None
    if len(window) == 1 and INDEL_FINAL_ONLY_TABLE and indel_pairs():
        # the token's last glyph (only there is a window one glyph long): no lost-letter
        # row, which would read a letter lost at the word's end (an inflection:
        # "demoralise" -> "demoralised", "Scot" -> "Scots")
        table = _base_walk_rows()
        key = ("",)  # this window's plans apart from a longer window's with the same heads
    heads = tuple(window[:n] for n in range(1, len(window) + 1) if table.get(window[:n]))
    if key is not None:
        heads, key = key + heads, heads
    plan = _window_plans.get(heads)
    if plan is not None:
        return plan
    here = []
    best = math.inf
    for head in heads if key is None else key:
        rows = table[head]
        here.append((len(head), rows))
        if rows[0][1] < best:
            best = rows[0][1]
    plan = _window_plans[heads] = (tuple(here), best)
    return plan


#: :func:`_window_rows`'s answers by the printed forms that start a window: bounded by
#: the table (a set of such forms is fixed by its longest one, a printed form of the
#: table), a few hundred in a text.
_window_plans: dict[tuple[str, ...], tuple[tuple[tuple[int, _Rows], ...], float]] = {}


Variants = dict[str, tuple[float, tuple[tuple[str, str], ...]]]


def confusion_variants_pair(
    token: str, first: PrefixIndex, second: PrefixIndex, max_cost: float, max_subs: int
) -> tuple[Variants, Variants]:
    """``(confusion_variants(token, first, max_cost, max_subs), confusion_variants(token,
    second, max_cost, max_subs))`` from one walk (the wide search of a heavily garbled
    page's token and its search of the page's own words share their bounds).

    Exact: a branch lives while what it built is a prefix in either index, and each
    reading goes to the index (or both) whose prefixes hold it.  Both sets are
    prefix-closed, so every branch that leads to a reading of one index is alive in
    that index all along: each result gets the same readings, costs, substitutions
    and order as its own walk (the same depth-first order, filtered).
    """
    one = first.all_prefixes()
    two = second.all_prefixes()
    out1: Variants = {}
    out2: Variants = {}
    size = len(token)
    plan = options, cheapest, rest, lows, low_rest = _walk_plan(token)
    last = max_subs - 1
    fast1 = first.fast_walk(one) if max_subs > 0 else None
    fast2 = second.fast_walk(two) if fast1 is not None else None
    if fast1 is not None and fast2 is not None:  # compiled (repair.score.ocr_walk_fast)
        fast1[1](fast1[0], fast2[0], token, *plan, max_cost, max_subs, out1, out2)
        return out1, out2

    def keep(out: Variants, variant: str, cost: float, subs: tuple[tuple[str, str], ...]) -> None:
        old = out.get(variant)
        if old is None or cost < old[0]:
            out[variant] = (cost, subs)

    def walk(
        i: int,
        built: str,
        low: str,
        cost: float,
        subs: tuple[tuple[str, str], ...],
        n_subs: int,
        one: frozenset[str] = one,
        two: frozenset[str] = two,
        max_cost: float = max_cost,
        options: list[tuple[tuple[int, _Rows], ...]] = options,
        cheapest: list[float] = cheapest,
        low_rest: list[str] = low_rest,
    ) -> None:
        settle = n_subs == last
        while True:
            for n, rows in options[i]:
                j = i + n
                for dst, c, dst_low, sub in rows:
                    new_cost = cost + c
                    if new_cost > max_cost:
                        break
                    new_low = low + dst_low
                    if new_low and new_low not in one and new_low not in two:
                        continue
                    if settle or new_cost + cheapest[j] > max_cost:
                        tail = new_low + low_rest[j]
                        if not tail:
                            keep(out1, built + dst + rest[j], new_cost, (*subs, sub))
                            keep(out2, built + dst + rest[j], new_cost, (*subs, sub))
                            continue
                        if tail in one:
                            keep(out1, built + dst + rest[j], new_cost, (*subs, sub))
                        if tail in two:
                            keep(out2, built + dst + rest[j], new_cost, (*subs, sub))
                        continue
                    walk(j, built + dst, new_low, new_cost, (*subs, sub), n_subs + 1)  # noqa: F821
            if i >= size:
                if subs:
                    if not low or low in one:
                        keep(out1, built, cost, subs)
                    if not low or low in two:
                        keep(out2, built, cost, subs)
                return
            built += token[i]
            low += lows[i]
            i += 1
            if low not in one and low not in two:
                return

    if max_subs > 0:
        walk(0, "", "", 0.0, (), 0)
    del walk  # the closure refers to itself (see confusion_variants)
    return out1, out2


_target_index: PrefixIndex | None = None
#: Searches answered on every prefix before the target part is read (~40 ms, ~2 MB): a
#: clean text asks a few hundred, a garbled one thousands (the answers are the same).
TARGET_PART_AFTER = 1_000
_target_asks = 0


def target_prefixes(now: bool = False) -> PrefixIndex:
    """The prefix index a search that keeps only target words (:func:`is_target`) walks:
    the prefixes of the target words, a prefix-closed part (~147 k strings) of the
    dictionary's prefixes (~205 k) whose branches are the only ones that can end in a
    target word; while the dictionary's prefix set is not loaded (a short text), the
    dictionary index itself.

    Exact for such a search (issue 14, ninth pass): every prefix a walk builds on its
    way to a target word is a prefix of that word (a vocabulary word is ASCII, so its
    glyph-by-glyph lower case is its lower case), so the walk over the part makes the
    same target readings with the same costs, substitutions and order, and skips
    branches that only lead to rare or unlisted strings.  The part's strings are the
    full set's own (read once from the per-user cache, then filtered), read after
    :data:`TARGET_PART_AFTER` searches, or ``now``."""
    global _target_index, _target_asks
    if _target_index is not None:
        return _target_index
    words = vocabulary_prefixes()
    full = words._full
    if full is None:
        return words  # not loaded yet: the lazy line walks give the same targets
    _target_asks += 1
    if _target_asks <= TARGET_PART_AFTER and not now:
        return words  # a short or clean text: not worth reading the part
    other = disk_cached("ocr-nontarget-prefixes", _target_sources(), _nontarget_prefixes, frozenset)
    if not other:
        _target_index = words  # nothing to leave out (or a non-ASCII word): every prefix
        return words
    index = prefixes_of(())
    index.full = full - other  # the full set's own strings
    index.trie_cache = ("target", _target_sources())
    _target_index = index
    _release_full_set()
    return index


def target_part() -> PrefixIndex:
    """:func:`target_prefixes` now: the dictionary's prefix set is read first when the
    part is not cut yet (a garbled page's wide search, the name search's base)."""
    if _target_index is None:
        vocabulary_prefixes().all_prefixes()
    return target_prefixes(now=True)


def _release_full_set() -> None:
    """Let the dictionary's full prefix set go (~205 k strings: an 8.4 MB table and
    ~3 MB of prefixes no part keeps, issue 14, session 17) once the parts the walks
    read are cut from it: the target part (:func:`target_prefixes`, also the base of
    the name search's set) and a frequent part (:func:`frequent_prefixes`; the
    real-word search and the capitals-in-text search share one).  No walk of the
    pipeline reads the full set after that; a caller that does (a walk with no
    prefixes given, a frequent part of another floor) has it read again, the same set.
    """
    words = vocabulary_prefixes()
    if words._full is None or _target_index is None or _target_index is words:
        return
    if not any(index is not words for index in _frequent_index.values()):
        return
    words._full = None
    words._trie = None  # and its trie


def _target_sources() -> list[str]:
    """What the target words depend on: the dictionary, this module (the rule), and the
    word frequencies (:mod:`repair.resources.frequency`, its code and data)."""
    from repair.resources import frequency
    from repair.score import ocr_usspell

    sources = [_dictionary_path(), __file__, frequency.__file__]
    if ocr_usspell.US_SPELLINGS:  # the switch's two dictionaries are cached apart
        sources.append(ocr_usspell.__file__)
    table = frequency._table_path()
    if table is not None:
        sources.append(str(table))
    from repair.lexicons import lexicon_path

    try:
        shipped = lexicon_path(frequency.ZIPF_TABLE)
    except (LexiconError, OSError):
        return sources
    if Path(shipped).is_file():
        sources.append(str(shipped))
    return sources


def _nontarget_prefixes() -> frozenset[str]:
    """The dictionary's prefixes that are no prefix of a target word (nor a one-letter
    target): ~58 k strings, cheaper to store and read than the ~147 k kept.  Empty when
    a dictionary word is not ASCII (the exactness argument of :func:`target_prefixes`
    needs ASCII words): then every prefix is walked."""
    words = vocabulary()
    if not all(w.isascii() for w in words):
        return frozenset()
    plain_zipf = zipf.__wrapped__  # type: ignore[attr-defined]  # no 82 k cache entries
    targets = [
        w for w in words if (w in ONE_LETTER if len(w) == 1 else plain_zipf(w) >= TARGET_ZIPF)
    ]
    targets += [w for w in ONE_LETTER if w not in words]
    kept = {"", *(w[:i] for w in targets for i in range(1, len(w) + 1))}
    return _all_prefixes() - kept


_frequent_index: dict[float, PrefixIndex] = {}


def frequent_prefixes(min_zipf: float) -> PrefixIndex:
    """The prefix index a walk over the dictionary's prefixes needs when it keeps only
    readings at least ``min_zipf`` common (``zipf(reading.lower()) >= min_zipf``): the
    prefixes of the dictionary prefixes that are that common (~35 k strings at Zipf
    3.5, of ~205 k), as the full set's own strings; while the full set is not loaded
    (a short or clean text), the dictionary index itself.

    Exact for such a walk (issue 14, eleventh pass), as :func:`target_prefixes`: a
    kept reading ``r`` ends a branch whose lowered prefixes are the prefixes of its
    lowered text ``l``; ``l`` is a dictionary prefix (the branch lived), and an ASCII
    string (the dictionary is ASCII, else every prefix is walked), so ``l`` is
    ``r.lower()``: a dictionary prefix of Zipf >= ``min_zipf``, whose prefixes are all
    in the part.  Every branch to ``r`` lives, so ``r`` gets the same cost and
    substitutions; only branches that end in no kept reading are cut."""
    known = _frequent_index.get(min_zipf)
    if known is not None:
        return known
    words = vocabulary_prefixes()
    full = words._full
    if full is None:
        return words  # not loaded yet: the full walk gives the same kept readings
    kept = disk_cached(
        f"ocr-frequent-prefixes-{min_zipf}",
        _target_sources(),
        lambda: _frequent_words(min_zipf),
        tuple,
    )
    if not kept:
        _frequent_index[min_zipf] = words  # a non-ASCII dictionary: every prefix
        return words
    part = {"", *(w[:i] for w in kept for i in range(1, len(w) + 1))}
    index = prefixes_of(())
    index.full = frozenset(p for p in full if p in part)  # the full set's own strings
    index.trie_cache = (f"frequent-{min_zipf}", _target_sources())
    _frequent_index[min_zipf] = index
    _release_full_set()
    return index


def _frequent_words(min_zipf: float) -> tuple[str, ...]:
    """The dictionary's prefixes (words or not) of Zipf >= ``min_zipf``, sorted; empty
    when a dictionary word is not ASCII (:func:`frequent_prefixes` then walks them all)."""
    if not all(w.isascii() for w in vocabulary()):
        return ()
    plain_zipf = zipf.__wrapped__  # type: ignore[attr-defined]  # no 205 k cache entries
    return tuple(sorted(p for p in _all_prefixes() if p and plain_zipf(p) >= min_zipf))


#: Walks kept by :func:`_dictionary_variants`.  Every variant of a token is kept, words or
#: not, so an entry is large; its main reader, :func:`correction_candidates`, keeps its
#: own (much smaller) answer per token, so a short memory is enough here.
DICTIONARY_VARIANTS_CACHE = 4096


@lru_cache(maxsize=DICTIONARY_VARIANTS_CACHE)
def _dictionary_variants(token: str) -> dict[str, tuple[float, tuple[tuple[str, str], ...]]]:
    return confusion_variants(token, vocabulary_prefixes())


@lru_cache(maxsize=1)
def vocabulary_prefixes() -> PrefixIndex:
    """Prefix test over the dictionary words: the set of all their prefixes (built once,
    ~0.1 s, or read from the per-user cache), read when first needed: the first
    :data:`LAZY_PREFIX_WALKS` walks search :func:`vocabulary_lines` instead (same
    answers); the sorted word list is not kept."""
    index = prefixes_of(())
    index.lazy(_load_prefix_set, vocabulary_lines(), LAZY_PREFIX_WALKS, _more_lazy_walks)
    index.trie_cache = ("vocabulary", _target_sources())
    index.lines_trie = (_lines_prefix_set, _lines_prefix_count)
    return index


#: Switch (issue 14, session 33): a confusion walk on the word lines (text that is not OCR,
#: :data:`LAZY_OCR_GATE`) uses the compiled walk over the dictionary's trie (~1.6 MB, read
#: from the per-user cache) once :data:`TRIE_AFTER` walks are done, as a walk on the
#: loaded set does, without loading the prefix set (~15 MB) or the dict: the same trie,
#: so the same readings, costs and order; on main's 12.74 G -> 13.50 G instructions of a
#: rare-spun 50 k-word text, these walks in Python were the difference.
LINES_TRIE = True


def _lines_words() -> list[str]:
    return [line.split("\t", 1)[0] for line in vocabulary_lines_text().splitlines()]


def _lines_prefix_set() -> frozenset[str]:
    """:func:`_all_prefixes` made from the word lines (no dict): the same set (the lines
    hold the dictionary's words), made only to build its trie when it is not cached."""
    return _prefix_set(_lines_words())


@lru_cache(maxsize=1)
def _lines_prefix_count() -> int:
    """``len(_all_prefixes())`` without the set (the size :func:`repair.score.ocr_walk_fast.
    build_cached` checks a cached trie by), from the per-user cache."""
    return disk_cached(  # type: ignore[no-any-return]
        "ocr-prefix-count", _target_sources(), _count_line_prefixes, int
    )


def _count_line_prefixes() -> int:
    """The distinct prefixes of the sorted words (and ""): each word adds those past the
    prefix it shares with the word before it."""
    words = _lines_words()
    count = 1 if words else 0
    prev = ""
    for word in words:
        shared = 0
        top = min(len(prev), len(word))
        while shared < top and prev[shared] == word[shared]:
            shared += 1
        count += len(word) - shared
        prev = word
    return count


def _load_prefix_set() -> frozenset[str]:
    """:func:`_all_prefixes`, with the dictionary words as :func:`vocabulary`'s own key
    strings: only the other prefixes (~122 k) are read from the per-user cache, so the
    ~83 k words are held once, not twice (~4.5 MB, issue 14).  The same set."""
    vocab = vocabulary()
    rest = disk_cached("ocr-prefix-rest", _target_sources(), _prefixes_not_words, tuple)
    return frozenset(chain(vocab, rest))


def _prefixes_not_words() -> tuple[str, ...]:
    """The prefixes of :func:`_all_prefixes` that are not dictionary words, sorted."""
    vocab = vocabulary()
    return tuple(sorted(p for p in _all_prefixes() if p not in vocab))


def _all_prefixes() -> frozenset[str]:
    """Every prefix of the dictionary words (and ""): ~205 k strings, ~20 MB, built in
    ~0.1 s or read from the per-user cache in ~0.04 s, once per process that meets OCR
    text; the confusion walk's prefix test becomes one set look-up instead of a binary
    search (real OCR pages ask ~60 new prefixes a token)."""
    words = _sorted_vocabulary()
    return frozenset(["", *(w[:i] for w in words for i in range(1, len(w) + 1))])


def _prefix_set(words: list[str]) -> frozenset[str]:
    """Every prefix of ``words`` (and "" when there are any)."""
    if not words:
        return frozenset()
    return frozenset(["", *(w[:i] for w in words for i in range(1, len(w) + 1))])


def _sorted_vocabulary() -> list[str]:
    return prefixes_of(vocabulary())._words


#: An index gets the compiled walk's trie (:meth:`PrefixIndex.fast_walk`) on its walk after
#: this many (the first ones walk in Python): a trie of the ~150 k-prefix target part
#: takes ~30 ms to build, a short or clean text walks an index a few times.
TRIE_AFTER = 32


class PrefixIndex:
    """``p in index`` tells whether ``p`` is a prefix of some word (lower case).

    A sorted list and a binary search: about 10x cheaper to build than the set
    of all ~300k prefixes it replaces (which cost ~0.27 s of every cold start).
    """

    __slots__ = (
        "_words",
        "memo",
        "_full",
        "_loader",
        "_lines",
        "_lazy_walks",
        "_lazy_done",
        "_lazy_more",
        "_trie",
        "_walks",
        "trie_cache",
        "lines_trie",
        "_lines_fast",
    )

    #: Answers remembered (the confusion walk asks the same prefixes again and again).
    MEMO_MAX = 400_000

    def __init__(self, words: object) -> None:
        self._words = sorted({w.lower() for w in words})  # type: ignore[attr-defined]
        self.memo: dict[str, bool] = {}
        self._full: frozenset[str] | None = None
        self._loader: Callable[[], frozenset[str]] | None = None
        self._lines: SortedLines[str] | None = None
        self._lazy_walks = 0
        self._lazy_done = 0
        self._lazy_more: Callable[[int], bool] | None = None
        self._trie: tuple[frozenset[str], object] | None = None  # the compiled walk's
        self._walks = 0
        #: ``(name, sources)`` of a fixed set (:func:`vocabulary_prefixes`, the target and
        #: frequent parts): its trie's tables are kept in the per-user cache
        #: (:func:`repair.score.ocr_walk_fast.build_cached`).
        self.trie_cache: tuple[str, list[str]] | None = None
        #: ``(make the set, its size)`` for a lazy index with :attr:`trie_cache`: its walks
        #: on the word lines use the cached trie without the set (:data:`LINES_TRIE`).
        self.lines_trie: tuple[Callable[[], frozenset[str]], Callable[[], int]] | None = None
        self._lines_fast: tuple[object, Callable[..., None]] | None | bool = False

    @property
    def full(self) -> frozenset[str] | None:
        """Every prefix, when built or loadable (:func:`vocabulary_prefixes`: read on
        first use); answers without a search."""
        if self._full is None and self._loader is not None:
            self._full = self._loader()
        return self._full

    @full.setter
    def full(self, value: frozenset[str] | None) -> None:
        self._full = value
        self._trie = None

    def fast_walk(self, alive: Container[str]) -> tuple[object, Callable[..., None]] | None:
        """``(trie, walk)`` of the compiled confusion walk for ``alive`` (this index's
        set, as :meth:`prefix_set` or :meth:`all_prefixes` gave it), or None: walk in
        Python (:mod:`repair.score.ocr_walk_fast`; not before this index's walk
        number :data:`TRIE_AFTER`, so a short or clean text
        neither builds a trie nor imports it).  Kept with the set it was built for."""
        held = self._trie
        if held is not None and held[0] is alive:
            return held[1]  # type: ignore[return-value]
        if type(alive) is _LinePrefixes:
            return self._fast_on_lines()
        if type(alive) is not frozenset:
            return None
        self._walks += 1
        if self._walks <= TRIE_AFTER:
            return None
        from repair.score import ocr_walk_fast

        if not ocr_walk_fast.FAST:
            return None
        key = self.trie_cache
        lines_fast = self._lines_fast
        if key is not None and alive is self._full and lines_fast:
            fast = lines_fast  # the same set's trie, read for the walks on the lines
        elif key is not None and alive is self._full:
            fast = ocr_walk_fast.build_cached(alive, *key)
        else:
            fast = ocr_walk_fast.build(alive)
        self._trie = (alive, fast)
        return fast

    def _fast_on_lines(self) -> tuple[object, Callable[..., None]] | None:
        """The compiled walk for a walk on the word lines (:data:`LINES_TRIE`): the trie of
        the set the lines stand for, read from the per-user cache (the set is made only to
        build it when it is not cached), from this index's walk :data:`TRIE_AFTER` on."""
        known = self._lines_fast
        if known is not False:
            return known  # type: ignore[return-value]
        self._walks += 1
        make = self.lines_trie
        if self._walks <= TRIE_AFTER or not LINES_TRIE or make is None:
            return None
        key = self.trie_cache
        if key is None:
            return None
        from repair.score import ocr_walk_fast

        if not ocr_walk_fast.FAST:
            return None
        fast = ocr_walk_fast.build_cached(make[0], *key, nodes=make[1]())
        self._lines_fast = fast
        return fast

    def lazy(
        self,
        loader: Callable[[], frozenset[str]],
        lines: SortedLines[str],
        walks: int,
        more: Callable[[int], bool] | None = None,
    ) -> None:
        """Every prefix comes from ``loader`` when first needed; until then, the first
        ``walks`` callers of :meth:`alive` test prefixes on ``lines`` (the same words as
        sorted ``word<TAB>value`` lines: the same answers).  With ``more``, a walk is
        answered from the lines while ``more(walks done so far)`` holds instead (called
        once a walk; ``walks`` is then not read)."""
        self._loader, self._lines, self._lazy_walks = loader, lines, walks
        self._lazy_more, self._lazy_done = more, 0

    def _on_lines(self) -> bool:
        """Whether this walk searches the word lines (counted), not the set."""
        if self._full is not None or self._lines is None:
            return False
        more = self._lazy_more
        if more is not None:
            if not more(self._lazy_done):
                return False
            self._lazy_done += 1
            return True
        if self._lazy_walks > 0:
            self._lazy_walks -= 1
            return True
        return False

    def alive(self) -> Callable[[str], bool]:
        """The prefix test for one search: a set look-up, or a search of the word lines
        while the set is not loaded and lazy walks are left."""
        if self._on_lines():
            return self._lines.has_prefix  # type: ignore[union-attr]
        return self.all_prefixes().__contains__

    def prefix_set(self) -> Container[str]:
        """:meth:`alive` as a container (``p in it``): the set itself, or the word lines'
        prefix test while the set is not loaded and lazy walks are left."""
        if self._on_lines():
            return _LinePrefixes(self._lines)  # type: ignore[arg-type]
        return self.all_prefixes()

    def fork(self) -> PrefixIndex:
        """The same words with memos of its own (a search that asks many other
        prefixes does not evict this index's answers)."""
        other = PrefixIndex(())
        other._words = self._words
        other.full = self.full
        return other

    def all_prefixes(self) -> frozenset[str]:
        """Every prefix of the words (and "" when there are words): built once, on the
        first call, unless :attr:`full` holds it already."""
        full = self.full
        if full is None:
            full = self._full = _prefix_set(self._words)
        return full

    def __contains__(self, prefix: object) -> bool:
        if not isinstance(prefix, str):
            return False
        hit = self.memo.get(prefix)
        if hit is not None:
            return hit
        return self.check(prefix)

    def check(self, prefix: str) -> bool:
        """``prefix in self`` for a string the memo does not hold yet (remembered)."""
        full = self.full
        if full is not None:
            return prefix in full
        i = bisect_left(self._words, prefix)
        hit = i < len(self._words) and self._words[i].startswith(prefix)
        if len(self.memo) >= self.MEMO_MAX:
            self.memo.clear()
        self.memo[prefix] = hit
        return hit


class _LinePrefixes:
    """``p in it``: whether some word of sorted lines starts with ``p``."""

    __slots__ = ("_lines",)

    def __init__(self, lines: SortedLines[str]) -> None:
        self._lines = lines

    def __contains__(self, prefix: object) -> bool:
        return isinstance(prefix, str) and self._lines.has_prefix(prefix)


def prefixes_of(words: object) -> PrefixIndex:
    """A prefix index (lower case) over ``words``."""
    return PrefixIndex(words)


# 2,048 (was 4,096): 5 MB of OCR text asks 24 k of 2.2 k tokens, 4 hits lost; 653 bytes each,
# 1.3 MB less once a longer text fills it (replay, session 18)
@lru_cache(maxsize=2_048)
def single_confusions(token: str, targets: bool = True) -> tuple[Correction, ...]:
    """Known words one listed confusion away from ``token`` (real-word errors: "tho" ->
    "the", "bo" -> "be"), cheapest first; no search, one pass over the positions.
    With ``targets=False`` every such string (the caller checks it, e.g. against names)."""
    table = _single_rows()
    longest = _max_src_len()
    found: dict[str, Correction] = {}
    for i in range(len(token)):
        for n in range(1, min(longest, len(token) - i) + 1):
            for dst, c, subs in table.get(token[i : i + n], ()):
                variant = token[:i] + dst + token[i + n :]
                if not variant or (targets and not is_target(variant)):
                    continue
                if len(variant) > 1 and not variant[1:].islower():
                    continue
                if variant[:1] == token[:1]:
                    variant = transfer_case(token, variant)
                old = found.get(variant)
                if old is None or c < old.cost:
                    found[variant] = Correction(variant, c, subs, True)
    return tuple(sorted(found.values(), key=lambda c: (c.cost, -zipf(c.text.lower()))))


@lru_cache(maxsize=1)
def _single_rows() -> dict[str, tuple[tuple[str, float, tuple[tuple[str, str]]], ...]]:
    """:func:`confusions` rows as ``(true, cost, ((printed, true),))``: the substitution
    tuples built once, shared by every cached :func:`single_confusions` answer (a
    ``targets=False`` answer holds ~60 readings: ~8 KB each before, issue 14)."""
    return {s: tuple((d, c, ((s, d),)) for d, c in rows) for s, rows in confusions().items()}


def correction_candidates(token: str, unlisted: bool = False) -> tuple[Correction, ...]:
    """Known words ``token`` may be an OCR misreading of, cheapest first (see
    :func:`_correction_candidates`).

    One cache entry per ``(token, unlisted)`` however the caller spells the call:
    ``lru_cache`` keys ``f(t)`` and ``f(t, False)`` apart, so detection's question and
    the candidate builder's re-did the search (and the default walk, once its own
    short cache had let the token go) for every non-word of a garbled page (issue 14).
    Two caches keyed by the token alone: ``lru_cache`` keeps a one-string key as the
    string itself, a ``(token, unlisted)`` key as a tuple (~70 bytes more an entry).
    """
    return _unlisted_candidates(token) if unlisted else _listed_candidates(token)


#: Answers kept by :func:`_listed_candidates` (~365 bytes each): 5 MB of OCR text asks
#: 179 k of 36 k tokens; an LRU of 32,768 loses 0.1 % of the hits (+0.1 s) and holds
#: ~6 MB less than one of 50,000 once full (``benchmarks/cache_replay.py``; session 17).
LISTED_CACHE = 32_768


@lru_cache(maxsize=LISTED_CACHE)
def _listed_candidates(token: str) -> tuple[Correction, ...]:
    return _correction_candidates(token, False)


@lru_cache(maxsize=16_384)  # unlisted readings: asked for garbled pages' non-words only
def _unlisted_candidates(token: str) -> tuple[Correction, ...]:
    return _correction_candidates(token, True)


def _correction_candidates(token: str, unlisted: bool) -> tuple[Correction, ...]:
    """Known words ``token`` may be an OCR misreading of, cheapest first.

    Listed confusions come from the table; with ``unlisted`` symspell adds
    one-substitution candidates the table does not list (``listed=False``, higher
    cost).  Off by default: on the ICDAR training part they broke five correct
    (archaic) tokens for each one they fixed ("kitchin" -> "kitchen"); even with the
    archaic guard, allowing them for non-words in garbled documents took the
    character-error reduction from 36.7% to 36.3% and broken tokens from 0.06% to 0.14%.
    """
    upper = len(token) > 1 and token.isupper()
    base = token.lower() if upper else token
    found: dict[str, Correction] = {}
    # only target words are kept: the walk needs only the target words' prefixes
    words = target_prefixes()
    variants = confusion_variants(base, words)
    if upper:
        # headline capitals have their own misreadings ("TIIE": II -> H, "BV": V -> Y);
        # the table's capital rows are read on the token as printed, then lowered
        variants = dict(variants)
        for variant, (cost, subs) in confusion_variants(token, words).items():
            low = variant.lower()
            if low not in variants or cost < variants[low][0]:
                variants[low] = (cost, subs)
    for variant, (cost, subs) in variants.items():
        if not variant or not is_target(variant):
            continue
        if not upper and not variant[1:].islower() and len(variant) > 1:
            continue  # "pH" -> "oIl": a capital left inside a word is not a reading
        if upper:
            text = variant.upper()
        elif variant[:1] != token[:1]:
            text = variant  # the first glyph itself was misread ("Hkewise" -> "likewise")
        else:
            text = transfer_case(token, variant)
        old = found.get(text.lower())
        if old is None or cost < old.cost:
            # interned: the same reading recurs across tokens' cached answers (issue 14)
            found[text.lower()] = Correction(sys.intern(text), cost, subs, True)
    if unlisted and len(base) >= 5 and base.isalpha():
        from symspellpy import Verbosity

        for item in symspell().lookup(base.lower(), Verbosity.CLOSEST, 1):
            term = item.term
            if term in found or item.distance != 1 or len(term) != len(base):
                continue  # unlisted edits: single substitutions only
            if not is_target(term):
                continue
            diff = [(a, b) for a, b in zip(base.lower(), term, strict=True) if a != b]
            if diff and diff[0] in _ARCHAIC:
                continue
            text = sys.intern(transfer_case(token, term))
            found[term] = Correction(text, UNLISTED_COST, tuple(diff), False)
    return tuple(sorted(found.values(), key=lambda c: (c.cost, -zipf(c.text.lower()))))


#: Substitutions that are old spelling or printing conventions, not OCR errors.
_ARCHAIC = {("i", "j"), ("u", "v"), ("v", "u"), ("i", "y"), ("y", "i"), ("j", "i")}
#: Old words that are one glyph away from a modern one ("shew" / "show").
ARCHAIC_WORDS = frozenset(
    "shew shewed shewn hath doth thee thou thy thine ye wilt shalt hast art hee shee bee "
    "mee wee doe goe tho' whilst betwixt ere oft nay yea withal sith wert hadst didst asmuch "
    "forasmuch inasmuch tryal".split()
)
_SWAPS = (("u", "v"), ("v", "u"), ("i", "j"), ("j", "i"))


#: 8,192 (was 16,384): 1.2 MB less once full for +0.18 s on 5 MB of OCR (cache replay, issue 14)
@lru_cache(maxsize=8_192)
def archaic_form(token: str) -> str | None:
    """The modern word ``token`` is an old spelling of, or ``None``.

    Early modern print spells "tooke", "shee", "dayes", "ranne", "controversie",
    "iudgment", "vpon": the gold of historical OCR keeps them, so they are not
    errors.  We recognise them by undoing one such convention and finding a known
    word: drop one "e" (doubled consonant too), "ie" -> "y", u/v and i/j swaps.

    >>> archaic_form("tooke"), archaic_form("ranne"), archaic_form("iudgment")
    ('took', 'ran', 'judgment')
    >>> archaic_form("tbe") is None
    True
    """
    low = token.lower()
    if low in ARCHAIC_WORDS:
        return low
    if len(low) < 3:
        return None
    options = []
    if low.endswith("e"):
        options.append(low[:-1])
        if len(low) > 4 and low[-2] == low[-3] and low[-2] in "bdfglmnprst":
            options.append(low[:-2])
    if low.endswith("ie"):
        options.append(low[:-2] + "y")
    options.extend(low[:i] + low[i + 1 :] for i, ch in enumerate(low) if ch == "e")
    if low.startswith("in"):
        options.append("en" + low[2:])  # "inclosing", "intreated", "inough"
    if low.endswith(("est", "eth")) and len(low) > 5:
        options.extend((low[:-3], low[:-2]))  # "knowest", "maketh"
    if low.endswith("ll"):
        options.append(low[:-1])  # "tryall", "generall"
    for old, new in (("ou", "oo"), ("oa", "o"), ("o", "oa")):  # "bloud", "hoast", "rosted"
        i = low.find(old)
        while i >= 0:
            options.append(low[:i] + new + low[i + len(old) :])
            i = low.find(old, i + 1)
    for a, b in _SWAPS:
        options.extend(low[:i] + b + low[i + 1 :] for i, ch in enumerate(low) if ch == a)
    for o in options:
        if o in ARCHAIC_WORDS or len(o) >= 2 and in_vocabulary(o) and zipf(o) >= 2.5:
            return o
    return None


#: 16,384 splits kept (~290 bytes each): 5 MB of OCR text asks 203 k of 22 k tokens; an
#: LRU of 16,384 loses 0.5 % of the hits (+0.06 s) for ~5 MB less when full (session 17).
@lru_cache(maxsize=16_384)
def split_candidates(token: str) -> tuple[Split, ...]:
    """Ways to split a merged token ("kingwas", "thematter") into 2 or 3 known words.

    Each part must be a target word; one-letter parts only "a" (and not last).  The
    cost prefers fewer, more frequent parts.  When no 2- or 3-word split exists,
    symspellpy's ``word_segmentation`` (with no spelling correction) gives its answer
    if it is a clean split.
    """
    low = token.lower()
    out: dict[tuple[str, ...], float] = {}

    def add(parts: list[str]) -> None:
        if len(parts[-1]) == 1:
            return  # "soya" is not "soy a"
        if (
            any(len(p) == 1 and p != "a" for p in parts)
            or len(parts) > 2
            and min(zipf(p) for p in parts) < 4.0
        ):
            return  # "inough" is not "i no ugh"
        if all(is_target(p) for p in parts):
            cost = 1.0 * (len(parts) - 1) + 0.5 * sum(max(0.0, 5.0 - zipf(p)) for p in parts)
            key = tuple(parts)
            out[key] = min(out.get(key, cost), cost)

    for i in range(1, len(low)):
        a, b = low[:i], low[i:]
        if is_target(a):
            if is_target(b):
                add([a, b])
            for j in range(1, len(b)):
                if is_target(b[:j]) and is_target(b[j:]):
                    add([a, b[:j], b[j:]])
    if not out and len(low) >= SEGMENT_MIN_LEN:
        # four or more merged words ("werenoneofthe"): the most probable segmentation
        parts = segment(low)
        if len(parts) > 1:
            add(list(parts))
    splits = []
    for parts, cost in sorted(out.items(), key=lambda x: x[1]):
        pos, cased = 0, []
        for p in parts:
            cased.append(token[pos : pos + len(p)])
            pos += len(p)
        splits.append(Split(tuple(cased), cost))
    return tuple(splits[:8])


#: Longest dictionary word a segmentation tries (characters).
_SEGMENT_MAX_WORD = 24


@lru_cache(maxsize=1)
def _total_count() -> int:
    vocab = _loaded_vocabulary
    if vocab is None and LAZY_OCR_GATE:  # the lines' counts: the same sum, no dict
        return _vocabulary_lines_cached()[3]
    return sum((vocab or vocabulary()).values())


def _word_count(word: str) -> int:
    """``vocabulary().get(word, 0)``, from the word lines while the dict is not loaded
    (:data:`LAZY_OCR_GATE`: a segmentation in text that is not OCR loads no dict)."""
    vocab = _loaded_vocabulary
    if vocab is not None:
        return vocab.get(word, 0)
    if not LAZY_OCR_GATE:
        return vocabulary().get(word, 0)
    found = vocabulary_lines().get(word)
    return int(found) if found else 0


def segment(low: str) -> tuple[str, ...]:
    """The most probable split of ``low`` into dictionary words (unigram Viterbi over the
    symspell counts, as symspellpy's ``word_segmentation`` without spelling correction,
    without building its 2-3 s delete index); ``()`` when no split into known words exists.

    >>> segment("werenoneofthe")
    ('were', 'none', 'of', 'the')
    """
    total = _total_count()
    n = len(low)
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0)
    for i in range(1, n + 1):
        for j in range(max(0, i - _SEGMENT_MAX_WORD), i):
            prev = best[j]
            count = _word_count(low[j:i])
            if prev is None or not count:
                continue
            score = prev[0] + math.log(count / total)
            if best[i] is None or score > best[i][0]:  # type: ignore[index]
                best[i] = (score, j)
    if best[n] is None:
        return ()
    parts = []
    i = n
    while i > 0:
        j = best[i][1]  # type: ignore[index]
        parts.append(low[j:i])
        i = j
    return tuple(reversed(parts))


_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ly")


# 16,384 answers (~150 bytes each): 5 MB of OCR text asks 603 k of 28 k words; an LRU of
# 16,384 loses 0.7 % of the hits (+0.04 s) for ~2.4 MB less when full (session 17)
@lru_cache(maxsize=16_384)
def is_word_form(word: str) -> bool:
    """Whether ``word`` is a known word or a regular inflection of a fairly common one.

    "quicks" (cricket's fast bowlers) is in no dictionary but is "quick" + "s": a
    valid word, so "quicks and" is two words, not a split "quicksand".

    >>> is_word_form("quicks"), is_word_form("iudg")
    (True, False)
    """
    if is_known(word):
        return True
    low = word.lower()
    for suf in _SUFFIXES:
        stem = low[: -len(suf)]
        if low.endswith(suf) and len(stem) >= 3 and is_known(stem) and zipf(stem) >= 3.0:
            return True
    return False


def join_candidate(left: str, right: str) -> str | None:
    """``left + right`` if that is a target word (for "con crete", "conc-⏎rete")."""
    joined = left + right
    return joined if is_target(joined) else None
