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
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

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
    table = _buckets()
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


def _table_zipf(word: str, table: dict[str, int]) -> float | None:
    """The fast path: ``word`` is one or more space-separated :data:`_ASCII_WORD` words.

    None when wordfreq's tokenizer is needed (another character, or an unknown
    word with an inner apostrophe).  Several words combine as in
    ``_word_frequency``: ``1 / f = 1 / f1 + 1 / f2 + ...``; any unknown -> unseen.
    """
    parts = word.split()
    if not parts:
        return None
    indexes: list[int] = []
    unknown = False
    for part in parts:
        m = _ASCII_WORD.match(part)
        if m is None:
            return None
        key = m.group(1).lower().replace("’", "'")
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


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (wordfreq 'best' list), cached."""
    table = _buckets()
    if table is not None:
        value = _table_zipf(word, table)
        if value is not None:
            return value
    return _wordfreq_zipf(word)


def preload() -> None:
    """Load the table and wordfreq itself now (a batch parent does, before it forks)."""
    _buckets()
    _wordfreq_zipf("naïve")
