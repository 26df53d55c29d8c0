r"""Look-ups in a sorted ``key<TAB>value`` text, in place: no dict is built.

A table of a few hundred thousand lines costs 0.03-0.1 s and tens of MB to turn
into a dict in every process; most runs look up a few hundred keys.  The lines
(sorted by key, in code-point order for ``str``, byte order for ``bytes``; UTF-8
keeps one equal to the other) are cut into blocks of ~4 KB; a look-up bisects
the blocks' first keys, then searches one block for ``"\n" key "\t"``: ~2 us.

>>> t = SortedLines("# header\nbar\t7\nfoo\t12,x\n", start=9)
>>> t.get("foo"), t.get("bar"), t.get("fo"), t.get("zzz"), t.get("a"), len(t), list(t)
('12,x', '7', None, None, None, 2, ['bar', 'foo'])
>>> SortedLines(b"k\tv\n", start=0).get(b"k")
b'v'
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import AnyStr, Generic

#: Search blocks of about this many characters (or bytes).
BLOCK = 4096

#: Look keys up with the compiled :meth:`SortedLines.get` (``repair/resources/_sortedlines.c``,
#: built by ``setup.py`` when a C compiler is there: the same bisection and the same first
#: ``"\n" key "\t"`` of the block, by memmem; tested equal to :meth:`SortedLines.search`).
#: The 128,722 look-ups of one ``repair fix`` of 100 k OCR words (zipf misses, dictionary
#: tests), replayed in one process (best of 5, load ~9): 0.230 -> 0.104 s (1.8 -> 0.8 us;
#: issue 14, session 44, ocrspeed44).  False: the Python search.
COMPILED = True


def compiled(name: str) -> Callable[..., object] | None:
    """``repair.resources._sortedlines.<name>``, or None when the module is not built."""
    try:
        from repair.resources import _sortedlines  # type: ignore[attr-defined]
    except ImportError:  # no C compiler at install: the Python search (the same answers)
        return None
    return getattr(_sortedlines, name)  # type: ignore[no-any-return]


_GET = compiled("get")


class SortedLines(Generic[AnyStr]):
    """``key -> value`` over ``blob[start:]``: sorted ``key<TAB>value`` lines, each ending
    in a newline, keys unique and holding no tab or newline (the caller checks the file);
    searched in blocks of about ``block`` characters (or bytes)."""

    __slots__ = ("_blob", "_heads", "_nl", "_starts", "_tab")

    def __init__(
        self,
        blob: AnyStr,
        start: int,
        block: int = BLOCK,
        index: tuple[list[int], list[AnyStr]] | None = None,
    ) -> None:
        """``index``: :meth:`index` of this table as built before (blob, start and block
        the same; :func:`indexed` reads it from the per-user cache), taken as it is."""
        nl: AnyStr = "\n" if isinstance(blob, str) else b"\n"  # type: ignore[assignment]
        tab: AnyStr = "\t" if isinstance(blob, str) else b"\t"  # type: ignore[assignment]
        end = len(blob)
        if start > end or (start and blob[start - 1 : start] != nl):
            raise ValueError("the data must start at a line start")
        if start < end and not blob.endswith(nl):
            raise ValueError("the last line does not end with a newline")
        if index is not None:
            starts, heads = list(index[0]), list(index[1])
            if len(starts) != len(heads) + 1 or starts[-1] != end or starts[:1] != [start][:1]:
                raise ValueError("the index is not this table's")
            self._heads = heads
        else:
            starts = [start] if start < end else []
            while starts and starts[-1] + block < end:
                cut = blob.find(nl, starts[-1] + block)
                if cut + 1 >= end:
                    break
                starts.append(cut + 1)
            self._heads = [blob[s : blob.index(tab, s)] for s in starts]
            starts.append(end)
        self._blob, self._starts, self._nl, self._tab = blob, starts, nl, tab

    def index(self) -> tuple[list[int], list[AnyStr]]:
        """The blocks' starts (and the end) and first keys: what ``index=`` takes."""
        return list(self._starts), list(self._heads)

    def get(self, key: AnyStr) -> AnyStr | None:
        """The value of ``key``, None when it is not in the table."""
        if _GET is not None and COMPILED:
            value = _GET(self._blob, self._heads, self._starts, key)
            if value is not NotImplemented:
                return value  # type: ignore[return-value]
        return self.search(key)

    def search(self, key: AnyStr) -> AnyStr | None:
        """:meth:`get` in Python (the reference of the compiled look-up)."""
        i = bisect_right(self._heads, key) - 1
        if i < 0:
            return None
        needle = self._nl + key + self._tab
        # a block's first line: its "\n" is the last character of the block before
        p = self._blob.find(needle, max(self._starts[i] - 1, 0), self._starts[i + 1])
        if p < 0:
            if i or self._starts[0] or not self._blob.startswith(key + self._tab):
                return None
            p = -1  # the very first line of a blob with no header
        q = p + len(needle)
        return self._blob[q : self._blob.index(self._nl, q)]

    def has_prefix(self, prefix: AnyStr) -> bool:
        """Whether some key starts with ``prefix`` (``""``: whether there are keys).

        The keys starting with ``prefix`` are one run of lines; its first line is in the
        block whose first key is the last one not after ``prefix``, or is the next
        block's first key."""
        if self._nl in prefix or self._tab in prefix:
            return False
        heads = self._heads
        i = bisect_right(heads, prefix) - 1
        if i < 0:
            return bool(heads) and heads[0].startswith(prefix)
        if heads[i].startswith(prefix):
            return True
        if self._blob.find(self._nl + prefix, self._starts[i], self._starts[i + 1]) >= 0:
            return True
        return i + 1 < len(heads) and heads[i + 1].startswith(prefix)

    def with_prefix(self, prefix: AnyStr) -> list[tuple[AnyStr, AnyStr]]:
        """The ``(key, value)`` lines whose key starts with ``prefix`` (non-empty), in
        order: the one run of lines :meth:`has_prefix` finds, read to its end."""
        if not prefix or self._nl in prefix or self._tab in prefix:
            return []
        heads, blob, nl, tab = self._heads, self._blob, self._nl, self._tab
        i = max(0, bisect_right(heads, prefix) - 1)
        pos, end = self._starts[i] if heads else 0, self._starts[-1]
        out: list[tuple[AnyStr, AnyStr]] = []
        while pos < end:
            cut = blob.index(tab, pos)
            key = blob[pos:cut]
            stop = blob.index(nl, cut)
            if key.startswith(prefix):
                out.append((key, blob[cut + 1 : stop]))
            elif key > prefix:
                break  # sorted: past the run
            pos = stop + 1
        return out

    def __contains__(self, key: object) -> bool:
        return isinstance(key, type(self._blob)) and self.get(key) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[AnyStr]:
        """The keys, in order (slow: for tests and tools)."""
        blob, tab, nl = self._blob, self._tab, self._nl
        pos, end = self._starts[0], self._starts[-1]
        while pos < end:
            cut = blob.index(tab, pos)
            yield blob[pos:cut]
            pos = blob.index(nl, cut) + 1

    def __len__(self) -> int:
        return self._blob.count(self._nl, self._starts[0], self._starts[-1])


#: Bump when the cut into blocks changes: every index :func:`indexed` kept is then rebuilt.
INDEX_VERSION = 1


def indexed(
    name: str, path: str | os.PathLike[str], blob: str, start: int, block: int = BLOCK
) -> SortedLines[str]:
    """``SortedLines(blob, start, block)`` of the text of the file ``path``, its block
    index kept in the per-user cache (:func:`repair.resources.cache.stat_cached`, by the
    file's path, size and mtime): cutting a table of several MB into blocks costs more than
    reading it (the spin phrase table: ~4,000 blocks, ~2 % of a small ``repair fix``;
    issue 14, cold start).  The same blocks, so the same look-ups."""
    from repair.resources.cache import stat_cached

    index = stat_cached(
        f"lines-index-{name}",
        [path],
        lambda: SortedLines(blob, start, block).index(),
        kind=tuple,
        extra=f"{INDEX_VERSION} {start} {block} {len(blob)}",
    )
    try:
        return SortedLines(blob, start, block, index=index)
    except ValueError:
        return SortedLines(blob, start, block)
