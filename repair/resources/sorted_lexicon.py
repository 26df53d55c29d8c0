"""A shipped two-column lexicon read in place as :class:`SortedLines`: no dict is built.

For generated tables (``written<TAB>value`` rows, sorted by key in code-point order,
keys unique, no blank or comment line after the head comments): the format header is
checked on every load, the whole body (two non-empty cells per row, keys strictly
ascending) once per file version (memoised by its size and mtime_ns,
:func:`~repair.resources.cache.stat_cached`).  A table of ~20 k rows costs ~2 MB as one
string instead of ~18 MB as a dict of tuples (issue 14).
"""

from __future__ import annotations

from repair.lexicons import LexiconError, format_header, lexicon_path, read_text
from repair.resources.cache import stat_cached
from repair.resources.sorted_lines import SortedLines


def read_sorted_lexicon(name: str, columns: tuple[str, str]) -> tuple[SortedLines[str], str]:
    """``key -> value`` of the lexicon ``name`` (format header checked against
    ``columns``, body checked once per file version), and its head comment lines (the
    text between the format line and the first row, for fingerprints)."""
    text = read_text(name)
    cut = text.find("\n")
    header = text if cut < 0 else text[:cut]
    if header.strip() != format_header(columns):
        raise LexiconError(f"{name}, line 1: expected {format_header(columns)!r}")
    pos = len(text) if cut < 0 else cut + 1
    head = pos
    while text.startswith("#", pos):  # comments head the file only
        cut = text.find("\n", pos)
        pos = len(text) if cut < 0 else cut + 1
    comments = text[head:pos]
    if pos < len(text) and not text.endswith("\n"):
        text += "\n"
    stat_cached(
        f"sorted-lexicon-checked:{name}",
        [lexicon_path(name)],
        lambda: check_sorted_rows(name, text, pos),
        kind=bool,
        extra=f"{len(text)} {check_sorted_rows.__code__.co_code.hex()}",
    )
    return SortedLines(text, pos), comments


def check_sorted_rows(name: str, text: str, pos: int) -> bool:
    """True, or :class:`LexiconError` naming the first line of ``text[pos:]`` that is not
    ``key<TAB>value`` with two non-empty cells, or whose key is not after the one before."""
    last: str | None = None
    first = text.count("\n", 0, pos) + 1
    for n, line in enumerate(text[pos:].split("\n")[:-1], first):
        key, tab, value = line.partition("\t")
        if not key or not tab or not value or "\t" in value or "\r" in line:
            raise LexiconError(f"{name}, line {n}: need 'key<TAB>value': {line!r}")
        if last is not None and key <= last:
            raise LexiconError(f"{name}, line {n}: key {key!r} is not after {last!r}")
        last = key
    return True
