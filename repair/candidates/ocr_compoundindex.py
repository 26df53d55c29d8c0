"""Closed compounds of the dictionary by a sorted index (issue 14, session 59, speedcompound).

:func:`repair.candidates.ocr_lightmerge.compounds` asks whether the dictionary holds a word
made of a piece and another known word, the piece first or last.  Scanning the 83 k word
lines with a regular expression per piece cost ~8 ms a piece; here the words starting with
a piece are one run of the sorted word lines (found by bisecting their block index), and
the words ending with it one run of the same words spelt backwards, sorted (built once,
kept in the per-user cache): a few microseconds a piece, the same answers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from repair.resources.cache import disk_cached
from repair.resources.frequency import zipf
from repair.resources.sorted_lines import SortedLines

#: The other word of a compound: ASCII lower-case letters only (what ``[a-z]`` matched).
_LETTERS = re.compile(r"[a-z]+")


def has_compound(piece: str, head: bool, min_len: int, min_zipf: float) -> bool:
    """Whether a dictionary word is ``piece`` followed (``head``) or preceded by a word of
    at least ``min_len`` ASCII lower-case letters and at least ``min_zipf`` (Zipf).

    >>> has_compound("box", False, 3, 3.0), has_compound("based", True, 3, 3.0)
    (True, False)
    """
    if "\n" in piece or "\t" in piece:
        raise ValueError("a piece holds no tab or newline")
    if head:
        blob, starts, heads = _forward()
        for word in _run(blob, starts, heads, piece):
            if _other(word[len(piece) :], min_len, min_zipf):
                return True
        return False
    blob, starts, heads = _backward()
    for drow in _run(blob, starts, heads, piece[::-1]):
        if _other(drow[len(piece) :][::-1], min_len, min_zipf):
            return True
    return False


def _other(rest: str, min_len: int, min_zipf: float) -> bool:
    return len(rest) >= min_len and _LETTERS.fullmatch(rest) is not None and zipf(rest) >= min_zipf


def _run(blob: str, starts: list[int], heads: list[str], prefix: str) -> Iterator[str]:
    """The keys of the sorted ``key<TAB>...`` lines of ``blob`` that start with ``prefix``.

    They are one run: it starts at the first key not before ``prefix``, in the block whose
    first key is the last one not after ``prefix`` (or the first block), or at the next
    block's first line; the first key after ``prefix`` not starting with it ends it."""
    pos = starts[max(bisect_right(heads, prefix) - 1, 0)] if heads else len(blob)
    end = len(blob)
    while pos < end:
        tab = blob.index("\t", pos)
        key = blob[pos:tab]
        if key.startswith(prefix):
            yield key
        elif key > prefix:
            return
        pos = blob.index("\n", tab) + 1


@lru_cache(maxsize=1)
def _forward() -> tuple[str, list[int], list[str]]:
    """The dictionary's sorted ``word<TAB>count`` lines and their block index."""
    from repair.score.ocr_channel import _vocabulary_lines_cached

    text, starts, heads, _total = _vocabulary_lines_cached()
    return text, starts, heads


@lru_cache(maxsize=1)
def _backward() -> tuple[str, list[int], list[str]]:
    """The dictionary's words spelt backwards, sorted, as ``drow<TAB>`` lines, and their
    block index: from the per-user cache (building costs ~0.1 s)."""
    from repair.score import ocr_channel

    got = disk_cached(
        "ocr-vocabulary-backward",
        [*ocr_channel._target_sources(), __file__],
        _backward_built,
        tuple,
        lambda v: len(v) == 3,
    )
    return got  # type: ignore[no-any-return]


def _backward_built() -> tuple[str, list[int], list[str]]:
    from repair.score.ocr_channel import LINES_BLOCK, vocabulary_lines_text

    text = vocabulary_lines_text()
    words = [line[: line.index("\t")] for line in text.split("\n") if line]
    blob = "".join(f"{drow}\t\n" for drow in sorted(w[::-1] for w in words))
    starts, heads = SortedLines(blob, 0, block=LINES_BLOCK).index()
    return blob, starts, heads
