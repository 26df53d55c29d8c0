"""The frequency signal: wordfreq's Zipf scale (0 = unseen, ~7 = "the").

Start-up cost: ``import wordfreq`` pulls in langcodes, regex and its tokenizers
(~0.1 s CPU) before its table is read.  A word made of ASCII letters (with inner
apostrophes) is one token to wordfreq's English tokenizer (lower-cased, ’ -> ',
apostrophes at its ends dropped, no number smashing),
so its Zipf value is a pure function of the centibel bucket it sits in; for
those words :func:`zipf` reads wordfreq's own ``large_en`` table (the ``best``
English list) directly and computes the value with wordfreq's formula (a phrase of
such words combines them as wordfreq does).
Every other word goes through wordfreq's tokenizer (importing wordfreq) and then
``_word_frequency``'s steps on the same table, so wordfreq never loads its own
second copy.  Both paths give wordfreq's number: ``tests/test_startup_frequency.py``
checks every word of the table and a sample of other strings.

Words of Latin-1 letters (``détente``, ``Straße``) are one token too (no word
boundary inside a run of letters); wordfreq case-folds them, so they take the
table path with ``str.casefold``.

The table itself is read from ``lexicons/zipf_en_buckets.tsv`` (the same word ->
bucket pairs, sorted; ``scripts/build_zipf_table.py``) and searched in place by
bisection: no dict of 321k words is built (0.1 s and ~40 MB per process).  Its
header records the size and SHA-256 of the wordfreq file it came from; when the
installed file differs, wordfreq's own file is read instead (same values).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from repair.resources import sorted_lines
from repair.resources.sorted_lines import SortedLines

#: Words whose Zipf value is read from the table without wordfreq's tokenizer: ASCII
#: letters with inner apostrophes (straight or curly).  wordfreq's English tokenizer
#: keeps such a word as one token when it is in the table (tested on every one; an
#: unknown "l'amour" may be split), drops apostrophes at its ends and uncurls the
#: inner ones (group 1 is that token before lower-casing).
_ASCII_WORD = re.compile(r"['’]*([A-Za-z]+(?:['’][A-Za-z]+)*)['’]*\Z")


def _table_path() -> Path | None:
    """wordfreq's English 'large' list (its 'best' list for English), if installed."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _buckets() -> dict[str, int] | None:
    """word -> centibel bucket (its frequency is 10 ** (-bucket / 100)); None if unreadable."""
    path = _table_path()
    if path is None:
        return None
    import gzip

    import msgpack

    with gzip.open(path, "rb") as infile:
        data = msgpack.load(infile, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, int] = {}
    for index, bucket in enumerate(data[1:]):
        table.update(dict.fromkeys(bucket, index))
    return table


#: Words of ASCII and Latin-1 letters (no ×, ÷): one token to wordfreq, case-folded.
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+\Z")

#: The shipped copy of the table (see the module docstring).
ZIPF_TABLE = "zipf_en_buckets.tsv"
_TABLE_HEADER = b"# format: repair-lexicon/1; columns: word, bucket"
_TABLE_SOURCE = b"# source: wordfreq large_en.msgpack.gz; "


def _source_fingerprint(path: Path) -> bytes:
    from repair.resources.cache import file_digest  # remembered per file version

    size, digest = file_digest(path)
    return b"size %d; sha256 %s" % (size, digest.hex().encode())


def table_text(table: Mapping[str, int], path: Path | None = None) -> bytes:
    """The bytes of :data:`ZIPF_TABLE` for ``table`` read from wordfreq's file ``path``."""
    source = path or _table_path()
    if source is None:
        raise ValueError("wordfreq's large_en table is not installed")
    lines = [
        _TABLE_HEADER,
        _TABLE_SOURCE + _source_fingerprint(source) + b"; words %d" % len(table),
        b"# word<TAB>centibel bucket (frequency 10 ** (-bucket / 100)), sorted by UTF-8 bytes;"
        b" data: wordfreq (Robyn Speer et al.), CC BY-SA 4.0; built by scripts/build_zipf_table.py",
    ]
    body = []
    for word, index in table.items():
        key = word.encode("utf-8")
        if b"\t" in key or b"\n" in key:
            raise ValueError(f"word {word!r} holds a tab or newline")
        body.append(b"%s\t%d" % (key, index))
    body.sort()
    return b"\n".join(lines + body) + b"\n"


#: Search blocks of the zipf table (bytes): a look-up scans one block; at 1,024 a miss
#: of :func:`zipf` costs ~1.4 us instead of ~2.8 us at 4,096 (~50 k misses per 100 k
#: OCR words), for ~1 ms more to cut the 3.9 MB table at start (issue 14, session 37).
#: The same answers at any size.
ZIPF_BLOCK = 1024


class SortedTable:
    r"""word -> bucket, looked up in place in the sorted lines of :data:`ZIPF_TABLE`.

    >>> t = SortedTable(b"# h\n# s\n# c\nbar\t7\nfoo\t12\n")
    >>> t.get("foo"), t.get("bar"), t.get("fo"), t.get("zzz"), t.get("a")
    (12, 7, None, None, None)
    """

    __slots__ = ("_lines",)

    def __init__(self, blob: bytes, header_lines: int = 3) -> None:
        start = 0
        for _ in range(header_lines):
            start = blob.index(b"\n", start) + 1
        self._lines = SortedLines(blob, start, ZIPF_BLOCK)

    def get(self, word: str) -> int | None:
        """The bucket of ``word``, None when it is not in the table."""
        try:
            value = self._lines.get(word.encode("utf-8"))
        except UnicodeEncodeError:
            return None
        return None if value is None else int(value)


def _shipped_table() -> SortedTable | None:
    """The shipped table when it was made from the installed wordfreq file, else None."""
    source = _table_path()
    if source is None:
        return None
    from repair.lexicons import LexiconError, lexicon_path

    try:
        blob = lexicon_path(ZIPF_TABLE).read_bytes()
    except (LexiconError, OSError):
        return None
    expected = _TABLE_HEADER + b"\n" + _TABLE_SOURCE + _source_fingerprint(source) + b"; "
    if not blob.startswith(expected):
        return None
    return SortedTable(blob)


@lru_cache(maxsize=1)
def _table() -> Mapping[str, int] | SortedTable | None:
    """The word -> bucket table used by :func:`zipf`: the shipped copy, or wordfreq's file."""
    return _shipped_table() or _buckets()


#: wordfreq's ``minimum`` for ``zipf_frequency(word, "en")``: ``zipf_to_freq(0.0)``.
_MIN_FREQ = 10**0.0 / 1e9


def _to_zipf(freq: float) -> float:
    """wordfreq's ``round(freq_to_zipf(freq), 2)``."""
    return round(math.log(freq, 10) + 9, 2)


def _rounded(freq: float) -> float:
    """wordfreq's last step of ``_word_frequency``: at least the minimum, 3 significant digits."""
    unrounded = max(freq, _MIN_FREQ)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


@cache
def _bucket_zipf(index: int) -> float:
    """wordfreq's ``zipf_frequency`` for a one-token word in bucket ``index``.

    The same steps as ``wordfreq._word_frequency`` then ``zipf_frequency``:
    ``cB_to_freq``, the 1/f combination of one token, rounding to 3 significant
    digits, ``freq_to_zipf``, rounding to hundredths.
    """
    return _to_zipf(_rounded(1.0 / (1.0 / 10 ** (-index / 100))))


#: wordfreq's value for a word missing from the table (it returns the minimum unrounded).
_UNSEEN = _to_zipf(_MIN_FREQ)


def _wordfreq_zipf(word: str) -> float:
    """Any other word: wordfreq's tokenizer, then ``_word_frequency``'s steps on our table.

    wordfreq's own lookup would load a second copy of the same table (~40 MB).
    """
    table = _table()
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    from wordfreq import digit_freq, lossy_tokenize, smash_numbers

    tokens = lossy_tokenize(word, "en")
    if not tokens:
        return _UNSEEN
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        index = table.get(smashed)
        if index is None:
            return _UNSEEN
        freq = 10 ** (-index / 100)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    return _to_zipf(_rounded(1.0 / one_over_result))


#: Read a word of ASCII letters and apostrophes in the shipped table with the compiled
#: ``_sortedlines.ascii_bucket`` (:data:`_ASCII_WORD`'s group, lowered, looked up and its
#: bucket parsed in C; the same answers, tested against :func:`_python_table_zipf`).  The
#: 79,728 zipf misses of one ``repair fix`` of 100 k OCR words, replayed in one process
#: (best of 5, load ~8): 0.186 -> 0.063 s (2.3 -> 0.8 us a word); a run with an empty
#: cache (927 k misses: the dictionary's target flags) 2.4 -> 0.8 s.  Output of the OCR,
#: clean and spun identity sets unchanged (``benchmarks/ocr_identity.py``; issue 14,
#: session 44, ocrspeed44).  False: the Python path.
COMPILED = True

_ASCII_BUCKET = sorted_lines.compiled("ascii_bucket")


def _table_zipf(word: str, table: Mapping[str, int] | SortedTable) -> float | None:
    """The fast path: ``word`` is one or more space-separated :data:`_ASCII_WORD` words.

    None when wordfreq's tokenizer is needed (another character, or an unknown
    word with an inner apostrophe).  Several words combine as in
    ``_word_frequency``: ``1 / f = 1 / f1 + 1 / f2 + ...``; any unknown -> unseen.
    """
    if (
        _ASCII_BUCKET is not None
        and COMPILED
        and sorted_lines.COMPILED
        and type(table) is SortedTable
    ):
        lines = table._lines
        index = _ASCII_BUCKET(lines._blob, lines._heads, lines._starts, word)
        if index is not NotImplemented:
            if index is None:
                return None
            return _UNSEEN if index < 0 else _bucket_zipf(index)  # type: ignore[operator]
    return _python_table_zipf(word, table)


def _python_table_zipf(word: str, table: Mapping[str, int] | SortedTable) -> float | None:
    """:func:`_table_zipf` in Python (the reference of the compiled one-word path)."""
    parts = word.split()
    if not parts:
        return None
    indexes: list[int] = []
    unknown = False
    for part in parts:
        m = _ASCII_WORD.match(part)
        if m is not None:
            key = m.group(1).lower().replace("’", "'")
        elif _LATIN_WORD.match(part):
            key = part.casefold()
        else:
            return None
        index = table.get(key)
        if index is None:
            if "'" in key:  # wordfreq may split it ("l'amour" -> l, amour)
                return None
            unknown = True
        else:
            indexes.append(index)
    if unknown:
        return _UNSEEN
    if len(indexes) == 1:
        return _bucket_zipf(indexes[0])
    one_over_result = 0.0
    for index in indexes:
        one_over_result += 1.0 / 10 ** (-index / 100)
    return _to_zipf(_rounded(1.0 / one_over_result))


#: Values kept by :func:`zipf` (~150 bytes an entry).  A miss costs ~11 us (a table
#: search), a hit ~0.1 us: the call stream of 5 MB of OCR text (3.5 M calls, 67 k
#: distinct strings; ``benchmarks/cache_replay.py``) replayed through an LRU of 24,576
#: loses 1.4 % of its hits (+0.55 s of 135 s CPU) and holds ~11 MB less than one of
#: 100,000 once full (a 50 MB text; issue 14, session 17).  Session 53 (ocrmemo): the
#: 100 k-word OCR speed text asks 60 k distinct words (575 k calls): 24,576 -> 65,536 takes
#: its misses 78.8 k -> 60.4 k (an 11 k-word article's 36.4 k -> 30.7 k), ~140 bytes an
#: entry with its key (+5.7 MB once full); kept at 24,576 by the lead (peak RSS target).
ZIPF_CACHE = 24_576


@lru_cache(maxsize=ZIPF_CACHE)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (wordfreq 'best' list), cached."""
    table = _table()
    if table is not None:
        value = _table_zipf(word, table)
        if value is not None:
            return value
    return _wordfreq_zipf(word)


def word_rate(word: str) -> float:
    """The clean-English rate of ``word`` per running word: Zipf is log10 of the
    frequency per billion words, so ``10 ** (zipf - 9)`` (1e-9 for a word the list lacks).

    >>> round(word_rate("the") * 100, 1)
    5.4
    """
    return 10.0 ** (zipf(word) - 9.0)


def preload() -> None:
    """Load the table and wordfreq itself now (a batch parent does, before it forks)."""
    _table()
    _wordfreq_zipf("naïve")
