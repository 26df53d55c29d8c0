"""The price of a reading with every letter confusion the aligned lines show (issue 12,
session 23): the slot's short real words ("ms" -> "was") and the context's readings.

:func:`repair.score.ocr_price.channel_cost` prices a reading with the main learned table,
which keeps a pair seen once or twice only at a real-word-proof cost (every confusion walk
reads its rows) and prices what it lacks at a generic 5 nats a glyph: "ms" -> "was" (m/wa)
costs 6.5 there, "ni" -> "in" (a transposition) 10, "tin" -> "the" (in/he) 9.5.  The
readings that are *retrieved* and then priced (:mod:`repair.candidates.ocr_slot`,
:func:`repair.candidates.ocr_context.cheapest_readings`) can afford the whole learned
table: ``lexicons/ocr_slot_confusions.tsv`` (``scripts/build_ocr_slot_confusions.py``:
every letter unit of up to two glyphs a side the aligned SMH dev / ICDAR lines show,
smoothed towards its shape's pooled rate: 3.9, 5.3 and 5.7 nats for the three above).
:func:`table_cost` reads a token as a word by those units, equal glyphs free and the main
channel's generic edits (the compiled programme of ``ocr_price._block_cost`` when built);
:func:`slot_cost` is the cheaper of it and the main channel's price.
"""

from __future__ import annotations

from functools import lru_cache

from repair.lexicons import read_tsv
from repair.score import ocr_price  # module level: priced per slot word (issue 14)

SLOT_CONFUSIONS_FILE = "ocr_slot_confusions.tsv"
#: The slot rows of an installed archive profile (``None``: the shipped lexicon); set by
#: :func:`repair.score.ocr_table.install`, which also empties the caches.
override_rows: tuple[tuple[str, ...], ...] | None = None
#: Longest printed side of a unit read.
_MAX_SIDE = 2


@lru_cache(maxsize=1)
def _by_printed() -> dict[str, dict[str, float]]:
    """``{printed: {true lower case: cost}}`` of the slot table."""
    out: dict[str, dict[str, float]] = {}
    table = read_tsv(SLOT_CONFUSIONS_FILE) if override_rows is None else override_rows
    for row in table:
        src, dst, cost = row[0], row[1].lower(), float(row[2])
        rows = out.setdefault(src, {})
        if cost < rows.get(dst, 99.0):
            rows[dst] = cost
    return out


@lru_cache(maxsize=4_096)
def _rows_from(piece: str) -> tuple[dict[str, float], int]:
    """The units reading printed ``piece`` (as printed or lowered, the cheaper) and the
    longest true side among them (-1: none)."""
    table = _by_printed()
    rows = dict(table.get(piece, {}))
    low = piece.lower()
    if low != piece:
        for dst, c in table.get(low, {}).items():
            if c < rows.get(dst, 99.0):
                rows[dst] = c
    return rows, max(map(len, rows), default=-1)


def _reads(token: str) -> list[list[tuple[dict[str, float], int]]]:
    n = len(token)
    return [
        [_rows_from(token[i : i + a]) for a in range(1, min(_MAX_SIDE, n - i) + 1)]
        for i in range(n)
    ]


@lru_cache(maxsize=16_384)
def table_cost(token: str, word: str) -> float:
    """Cheapest reading of printed ``token`` as ``word`` (lower case) by the slot table's
    units, equal glyphs (free) and generic edits (:data:`repair.score.ocr_price.GENERIC_SUB`
    and its kin)."""
    reads = _reads(token)
    fast = ocr_price._compiled_block_cost()
    if fast is not None:  # repair/score/_ocrwalk.c: the same programme
        lows = [c.lower() for c in token]
        return fast(
            lows, word, reads, ocr_price.GENERIC_SUB, ocr_price.GENERIC_DROP, ocr_price.GENERIC_ADD
        )  # type: ignore[no-any-return]
    return ocr_price._block_dp(token, word, reads)


def slot_cost(token: str, word: str, limit: float) -> float:
    """Nats for printing ``word`` as ``token``: the cheaper of the main channel's price
    (:func:`repair.score.ocr_price.channel_cost_upto`, above ``limit`` when cut short)
    and :func:`table_cost`."""
    return min(ocr_price.channel_cost_upto(token, word, limit), table_cost(token, word.lower()))
