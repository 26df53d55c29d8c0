"""The channel cost of reading a printed token as a given word: a weighted alignment.

:func:`repair.score.ocr_channel.confusion_variants` *searches* forward from the
printed token through learned confusions only.  For words several glyph errors away,
some of which the table never saw ("Ijondon" for "London", "conllnuid" for
"continued"), :mod:`repair.candidates.ocr_far` instead *retrieves* words near the token
by plain edit distance and asks this module what the channel would charge.

:func:`channel_cost` aligns the token with the word (letters compared in lower case,
:func:`rapidfuzz.distance.Levenshtein.opcodes`), takes each run of differing glyphs
(widened by one matching glyph on each side, so "li" -> "h" or "rn" -> "m" can use
their context) and prices it with a small dynamic programme over the learned
confusion table (:func:`repair.score.ocr_channel.confusions`: multi-glyph rows
included, the printed side looked up as printed and lowered) and generic edits the
table never saw, at :data:`GENERIC_SUB`, :data:`GENERIC_DROP` (a printed glyph the
page did not have) and :data:`GENERIC_ADD` (a glyph the print lost) nats.

>>> channel_cost("tbe", "the") < 2.0
True
>>> channel_cost("Ijondon", "london") < channel_cost("Ijondon", "condor")
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from repair.score import ocr_walk_fast

#: Cost (nats) of a substitution, a printed glyph too many, a glyph lost, that the
#: learned table does not list (its listed rows cost 0.3-4.5).
GENERIC_SUB = 5.0
GENERIC_DROP = 5.0
GENERIC_ADD = 5.0
#: Longest printed / true run of one table row read here.
_MAX_RUN = 3


@lru_cache(maxsize=1)
def _rows() -> dict[tuple[str, str], float]:
    """``{(printed, true lower case): cost}`` of the learned table (both printed cases)."""
    from repair.score.ocr_channel import confusions

    out: dict[tuple[str, str], float] = {}
    for src, rows in confusions().items():
        for dst, cost in rows:
            key = (src, dst.lower())
            if cost < out.get(key, 99.0):
                out[key] = cost
    return out


@lru_cache(maxsize=1)
def _by_printed() -> dict[str, tuple[tuple[str, float], ...]]:
    """:func:`_rows` by printed form: ``{printed: ((true lower case, cost), ...)}``, only
    true runs of at most :data:`_MAX_RUN` glyphs (longer ones are never read)."""
    out: dict[str, list[tuple[str, float]]] = {}
    for (src, dst), cost in _rows().items():
        if len(dst) <= _MAX_RUN:
            out.setdefault(src, []).append((dst, cost))
    return {src: tuple(rows) for src, rows in out.items()}


@lru_cache(maxsize=4_096)
def _rows_from(piece: str) -> tuple[dict[str, float], int]:
    """The rows that read printed ``piece`` (``{true run: cost}``: as printed or lowered,
    the cheaper of the two, what :func:`_block_cost_plain` takes at each step) and the
    longest true run among them."""
    table = _by_printed()
    rows = dict(table.get(piece, ()))
    low = piece.lower()
    if low != piece:
        for dst, c2 in table.get(low, ()):
            c = rows.get(dst)
            if c is None or c2 < c:
                rows[dst] = c2
    return rows, max(map(len, rows), default=-1)


#: Prices kept by :func:`_block_cost` (~230 bytes an entry with its key).  The 8,192 of a
#: 1 M-word replay thrash within one pass of a 10-100 k-word OCR text: the 100 k-word speed
#: text asks 77.7 k distinct (printed, true) pairs in 197 k calls (misses 92.3 k at 8,192,
#: 82.0 k at 32,768), a self-trained 11 k-word article ~17 k a pass (37.1 k -> 34.7 k over
#: both passes).  +5.6 MB once full (session 53, ocrmemo); kept at 8,192 by the lead (peak
#: RSS target).
BLOCK_COST_CACHE = 8_192
#: Read sets kept by :func:`_reads` (~830 bytes an entry: the lowered glyphs and the row
#: lists, whose dicts :func:`_rows_from` shares).  One call per :func:`_block_cost` miss:
#: the 100 k-word speed text asks 12.3 k distinct printed blocks in 92 k calls (misses
#: 25.7 k at 128, 13.0 k at 8,192), the 11 k-word article 6.3 k (10.6 k -> 6.3 k).
#: +6.7 MB once full (session 53, ocrmemo; was 128).
READS_CACHE = 8_192


@lru_cache(maxsize=BLOCK_COST_CACHE)
def _block_cost(src: str, dst: str) -> float:
    """Cheapest reading of printed ``src`` as true ``dst`` (lower case): table rows,
    equal glyphs (free) and generic edits.  The rows of each printed run are looked up
    once (:func:`_rows_from`: printed and lowered forms merged, only as long true runs
    as it has): the same steps with the same costs as :func:`_block_cost_plain`, so the
    same minimum (issue 14)."""
    if BLOCK_TABLE and COMPILED_CALL and ocr_walk_fast.FAST:
        block = _BLOCK if _BLOCK is not None else _load_block()
        if block:  # the rows as packed tables, compared glyph by glyph (_ocrblock.c)
            lows, tables = _tables(src)
            return block(lows, dst, tables, GENERIC_SUB, GENERIC_DROP, GENERIC_ADD)  # type: ignore[no-any-return]
    lows, reads = _reads(src)
    mod = ocr_walk_fast._module if ocr_walk_fast._loaded else ocr_walk_fast.module()
    if mod is not None and ocr_walk_fast.FAST:  # the same programme compiled (_ocrwalk.c)
        return mod.block_cost(lows, dst, reads, GENERIC_SUB, GENERIC_DROP, GENERIC_ADD)  # type: ignore[no-any-return]
    return _block_dp(src, dst, reads)


@lru_cache(maxsize=READS_CACHE)
def _reads(src: str) -> tuple[list[str], list[list[tuple[dict[str, float], int]]]]:
    """Printed ``src`` glyph by glyph lowered, and the rows of every printed run of it
    (:func:`_rows_from`), by start glyph: what :func:`_block_cost` prices ``src`` with,
    looked up once per printed block, whatever the true side (issue 14).  Read only."""
    mod = ocr_walk_fast._module if ocr_walk_fast._loaded else ocr_walk_fast.module()
    compiled = getattr(mod, "reads", None) if COMPILED_CALL and ocr_walk_fast.FAST else None
    if compiled is not None:  # the same, compiled (an older build has no ``reads``)
        return compiled(src, _rows_from, _MAX_RUN)  # type: ignore[no-any-return]
    n = len(src)
    reads = [
        [_rows_from(src[i : i + a]) for a in range(1, min(_MAX_RUN, n - i) + 1)] for i in range(n)
    ]
    return [c.lower() for c in src], reads


#: Switch: with :data:`COMPILED_CALL`, :func:`_block_cost` runs its programme over each
#: printed run's rows packed as a table of code points and costs (``repair/score/
#: _ocrblock.c``, built when a compiler is there; :func:`_packed_from`, :func:`_tables`)
#: instead of making every substring of the true side and looking it up in the run's
#: dict: the same rows tried at the same cells, so the same minimum (the same float; see
#: the module's comment).  The 100 k-word OCR speed text's 93 k block prices 0.19 -> 0.05
#: s replayed (session 57, speedc, issue 14).  Off (or not built): ``_ocrwalk.block_cost``.
BLOCK_TABLE = True
#: ``_ocrblock.cost`` once looked for (False: not built).
_BLOCK: Callable[..., float] | bool | None = None


def _load_block() -> Callable[..., float] | bool:
    """The compiled block programme over packed rows, or False when it is not built."""
    global _BLOCK
    try:
        from repair.score import _ocrblock  # type: ignore[attr-defined]
    except ImportError:
        _BLOCK = False
    else:
        _BLOCK = _ocrblock.cost
    return _BLOCK


@lru_cache(maxsize=4_096)
def _packed_from(piece: str) -> bytes:
    """:func:`_rows_from`'s rows of printed ``piece`` packed for ``_ocrblock.cost`` (one
    entry a row: the cost and the true run's code points; ``b""`` when it has none)."""
    from repair.score import _ocrblock  # type: ignore[attr-defined]

    return _ocrblock.pack(_rows_from(piece)[0])  # type: ignore[no-any-return]


@lru_cache(maxsize=READS_CACHE)
def _tables(src: str) -> tuple[list[str], list[list[bytes]]]:
    """:func:`_reads` with each printed run's rows packed (:func:`_packed_from`): printed
    ``src`` glyph by glyph lowered, and the packed rows of every printed run of it, by start
    glyph (shared with :func:`_packed_from`'s memo, as :func:`_reads` shares the dicts).
    Read only."""
    mod = ocr_walk_fast._module if ocr_walk_fast._loaded else ocr_walk_fast.module()
    compiled = getattr(mod, "reads", None)
    if compiled is not None:  # the same loop as _reads, compiled
        return compiled(src, _packed_from, _MAX_RUN)  # type: ignore[no-any-return]
    n = len(src)
    tables = [
        [_packed_from(src[i : i + a]) for a in range(1, min(_MAX_RUN, n - i) + 1)] for i in range(n)
    ]
    return [c.lower() for c in src], tables


def _compiled_channel() -> Callable[..., float] | None:
    """``_ocrwalk.channel_upto`` when the optional extension is built (and
    :data:`repair.score.ocr_walk_fast.FAST` is on), else ``None``."""
    mod = ocr_walk_fast.module()
    return None if mod is None else getattr(mod, "channel_upto", None)


def _compiled_block_cost() -> Callable[..., float] | None:
    """``_ocrwalk.block_cost`` when the optional extension is built (and
    :data:`repair.score.ocr_walk_fast.FAST` is on), else ``None``."""
    mod = ocr_walk_fast.module()
    return None if mod is None else mod.block_cost  # type: ignore[no-any-return]


def _block_dp(src: str, dst: str, reads: list[list[tuple[dict[str, float], int]]]) -> float:
    """:func:`_block_cost`'s dynamic programme in Python over the rows it looked up."""
    n, m = len(src), len(dst)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        row_i = best[i]
        for j in range(m + 1):
            here = row_i[j]
            if here == inf:
                continue
            if i < n and j < m:
                step = 0.0 if src[i].lower() == dst[j] else GENERIC_SUB
                if here + step < best[i + 1][j + 1]:
                    best[i + 1][j + 1] = here + step
            if i < n:
                if here + GENERIC_DROP < best[i + 1][j]:
                    best[i + 1][j] = here + GENERIC_DROP
                a = 0
                for rows, longest in reads[i]:
                    a += 1
                    if longest < 0:
                        continue
                    ahead = best[i + a]
                    get = rows.get
                    for b in range(0, min(longest, m - j) + 1):
                        c = get(dst[j : j + b])
                        if c is not None and here + c < ahead[j + b]:
                            ahead[j + b] = here + c
            if j < m and here + GENERIC_ADD < row_i[j + 1]:
                row_i[j + 1] = here + GENERIC_ADD
    return best[n][m]


def _block_cost_plain(src: str, dst: str) -> float:
    """:func:`_block_cost` as first written: every (printed run, true run) pair looked up
    (kept for the tests)."""
    rows = _rows()
    n, m = len(src), len(dst)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            if i < n and j < m:
                step = 0.0 if src[i].lower() == dst[j] else GENERIC_SUB
                if here + step < best[i + 1][j + 1]:
                    best[i + 1][j + 1] = here + step
            if i < n and here + GENERIC_DROP < best[i + 1][j]:
                best[i + 1][j] = here + GENERIC_DROP
            if j < m and here + GENERIC_ADD < best[i][j + 1]:
                best[i][j + 1] = here + GENERIC_ADD
            for a in range(1, min(_MAX_RUN, n - i) + 1):
                piece = src[i : i + a]
                low = piece.lower()
                for b in range(0, min(_MAX_RUN, m - j) + 1):
                    want = dst[j : j + b]
                    c = rows.get((piece, want))
                    if low != piece:
                        c2 = rows.get((low, want))
                        if c2 is not None and (c is None or c2 < c):
                            c = c2
                    if c is not None and here + c < best[i + a][j + b]:
                        best[i + a][j + b] = here + c
    return best[n][m]


@lru_cache(maxsize=1_024)
def channel_cost(token: str, word: str) -> float:
    """Nats the channel charges for printing ``word`` (any case) as ``token``."""
    return channel_cost_upto(token, word, _INF)


_INF = float("inf")

#: Switch: :func:`channel_cost_upto` is one call of ``_ocrwalk.channel_cost`` when the
#: extension is built (and :data:`repair.score.ocr_walk_fast.FAST` is on); off, the
#: lowering and the opcodes are done here and only the run loop is compiled.
COMPILED_CALL = True


#: Switch: with :data:`COMPILED_CALL`, :func:`channel_cost_upto` aligns the two sides in C
#: (``repair/score/_ocralign.c``, built when a compiler is there) instead of asking
#: rapidfuzz's ``Levenshtein.opcodes`` and reading its list of 5-tuples back: the same runs
#: (rapidfuzz's affix strip and backtrack over the same matrix; checked on every pair of
#: the 100 k-word OCR speed text and on 300 k random pairs), so the same prices.  The 126 k
#: calls of that text (117 k distinct pairs) 0.82 -> 0.34 s replayed (session 56, issue 14).
#: Off (or not built): rapidfuzz's opcodes.
COMPILED_ALIGN = True
#: ``_ocralign.channel_cost`` once looked for (False: not built).
_ALIGN: Callable[..., float | None] | bool | None = None


def _load_align() -> Callable[..., float | None] | bool:
    """The compiled aligner's ``channel_cost``, or False when the extension is not built."""
    global _ALIGN
    try:
        from repair.score import _ocralign  # type: ignore[attr-defined]
    except ImportError:
        _ALIGN = False
    else:
        _ALIGN = _ocralign.channel_cost
    return _ALIGN


def channel_cost_upto(token: str, word: str, limit: float) -> float:
    """:func:`channel_cost` when it is at most ``limit``, else a value above ``limit``
    (the blocks priced before the sum passed it; the rest are not priced).  The same
    blocks in the same order as :func:`channel_cost`, so the same float when not cut
    short; a cut sum is a lower bound of the cost (every block costs >= 0), so the cost
    is above ``limit`` too (issue 14: the page-far readings price many words only to
    learn they are dearer than a bound).

    >>> channel_cost_upto("Ijondon", "london", 99.0) == channel_cost("Ijondon", "london")
    True
    >>> channel_cost_upto("Ijondon", "condor", 0.5) > 0.5
    True
    """
    if COMPILED_ALIGN and COMPILED_CALL and ocr_walk_fast.FAST:
        align = _ALIGN if _ALIGN is not None else _load_align()
        if align:
            # the alignment made in C too (repair/score/_ocralign.c: rapidfuzz's runs without
            # its opcode objects; session 56); None for a side it does not align (> 64 glyphs)
            got = align(token, word, limit, _block_cost)
            if got is not None:
                return got  # type: ignore[no-any-return]
    mod = ocr_walk_fast._module if ocr_walk_fast._loaded else ocr_walk_fast.module()
    whole = getattr(mod, "channel_cost", None) if COMPILED_CALL and ocr_walk_fast.FAST else None
    if whole is not None:
        # the whole call compiled (lowering, opcodes, run loop: repair/score/_ocrwalk.c;
        # issue 14, session 37): the same blocks priced in the same order
        return whole(token, word, limit, _OPCODES or _load_opcodes(), _block_cost)  # type: ignore[no-any-return]
    low, target = token.lower(), word.lower()
    if low == target:
        return 0.0
    opcodes = _OPCODES or _load_opcodes()
    fast = _compiled_channel()
    if fast is not None:  # the same loop compiled (repair/score/_ocrwalk.c)
        return fast(token, low, target, opcodes(low, target).as_list(), limit, _block_cost)  # type: ignore[no-any-return]
    n, m = len(low), len(target)
    block = _block_cost
    cost = 0.0
    # the differing opcodes merged into runs between equal stretches; each run priced
    # (and the sum checked) as soon as the next one starts
    i1 = i2 = j1 = j2 = -1
    for tag, s1, s2, d1, d2 in opcodes(low, target).as_list():
        if tag == "equal":
            continue
        if i1 >= 0 and i2 == s1 and j2 == d1:
            i2, j2 = s2, d2
            continue
        if i1 >= 0:
            cost += block(*_block_span(token, low, target, n, m, i1, i2, j1, j2))
            if cost > limit:
                return cost
        i1, i2, j1, j2 = s1, s2, d1, d2
    if i1 >= 0:
        cost += block(*_block_span(token, low, target, n, m, i1, i2, j1, j2))
    return cost


def _block_span(
    token: str, low: str, target: str, n: int, m: int, i1: int, i2: int, j1: int, j2: int
) -> tuple[str, str]:
    """The printed and true sides of the run ``low[i1:i2]`` -> ``target[j1:j2]`` with one
    equal glyph of context on each side ("tlie" -> "the": li -> h)."""
    a1, a2 = max(0, i1 - 1), min(n, i2 + 1)
    b1, b2 = max(0, j1 - 1), min(m, j2 + 1)
    if i1 > 0 and j1 > 0 and low[i1 - 1] != target[j1 - 1]:
        a1, b1 = i1, j1
    if i2 < n and j2 < m and low[i2] != target[j2]:
        a2, b2 = i2, j2
    return token[a1:a2], target[b1:b2]


_OPCODES: Callable[[str, str], Any] | None = None


def _load_opcodes() -> Callable[[str, str], Any]:
    """``rapidfuzz``'s ``Levenshtein.opcodes``, imported on first use (rapidfuzz costs
    ~10 ms to import, and a clean text never asks)."""
    global _OPCODES
    from rapidfuzz.distance import Levenshtein

    _OPCODES = Levenshtein.opcodes
    return _OPCODES


#: Above a bound by this much more (nats), a cost is above it after a float subtraction
#: too (costs are sums of a few dozen nats: rounding is ~1e-14).
SLACK = 1e-6


def cheapest_priced(
    token: str, near: list[tuple[int, str]], cap: float, margin: float
) -> list[tuple[float, str]]:
    """The words ``near`` (``(plain distance, word)``) priced as readings of ``token``,
    sorted by (cost, word), as far as a "clear cheapest" test reads them (the cheapest
    at most ``cap`` nats, the next at least ``margin`` more: ``ocr_farlong.clear_cheapest``,
    ``ocr_pagefar.page_far_reading``): the cheapest exactly, and when it costs at most
    ``cap``, every word that costs less than ``margin`` more than it.  A word priced above
    ``min(cap, cheapest so far + margin)`` is left out before all its blocks are priced
    (:func:`channel_cost_upto`): it can be neither the cheapest nor a runner-up within
    the margin.  The nearest are priced first, so the cheapest bounds the rest early;
    a word cut at ``cap`` is priced again when the cheapest leaves it inside the margin
    (issue 14)."""
    inf = float("inf")
    best = inf
    page: list[tuple[float, str]] = []
    cut: list[tuple[float, str]] = []  # (the bound it passed, word)
    for _d, w in sorted(near):
        limit = min(cap, best + margin) + SLACK
        c = channel_cost_upto(token, w, limit)
        if c > limit:
            cut.append((limit, w))
            continue
        page.append((c, w))
        if c < best:
            best = c
    if best <= cap:
        need = best + margin + SLACK
        for limit, w in cut:
            if limit < need:
                c = channel_cost_upto(token, w, need)
                if c <= need:
                    page.append((c, w))
    page.sort()
    return page
