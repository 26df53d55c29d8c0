"""An archive's own OCR confusion table (``repair learn --ocr`` writes one; ``repair fix
--ocr-table`` and ``repair batch --ocr-table`` read it).

The file has the shipped table's format (``lexicons/ocr_confusions.tsv``: a
``# format: repair-lexicon/1; columns: ocr, true, cost, count`` header, then
``ocr<TAB>true<TAB>cost<TAB>count`` rows, ``<split>``/``<merge>`` rows for the spacing
costs).  :func:`read_table` checks it and names the file and line of the first bad row;
:func:`install` makes the OCR channel (:func:`repair.score.ocr_channel.confusions`,
:func:`~repair.score.ocr_channel.spacing_costs`) read it instead of the shipped table,
and empties every table-derived cache so a process may switch tables between texts.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from repair.lexicons import LexiconError, parse_tsv

COLUMNS = ("ocr", "true", "cost", "count")

#: The path of the table :func:`install` put in force (``None``: the shipped one).
_installed: str | None = None


def read_table(path: str | Path) -> tuple[tuple[str, ...], ...]:
    """The rows of the confusion table at ``path``; :class:`LexiconError` naming the file
    and line when it cannot be read, lacks the header or a row is malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read OCR table: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: OCR table is not UTF-8 text") from None
    rows = parse_tsv(text, str(path), COLUMNS)
    for n, line in enumerate(text.splitlines(), 1):
        if n == 1 or not line.strip() or line.startswith("#"):
            continue
        ocr, _true, cost, count = line.split("\t")
        if not ocr:
            raise LexiconError(f"{path}, line {n}: empty ocr column")
        try:
            value = float(cost)
        except ValueError:
            raise LexiconError(f"{path}, line {n}: cost {cost!r} is not a number") from None
        if not math.isfinite(value) or value < 0:
            raise LexiconError(f"{path}, line {n}: cost {cost!r} must be finite and >= 0")
        if count and not count.isdigit():
            raise LexiconError(f"{path}, line {n}: count {count!r} is not a whole number")
    if not any(r[0] and not r[0].startswith("<") for r in rows):
        raise LexiconError(f"{path}: OCR table has no confusion rows")
    return rows


def install(path: str | Path | None) -> None:
    """Read the confusion table at ``path`` (``None``: the shipped one) from now on.

    A no-op when that table is already in force (a forked batch worker inherits its
    parent's); otherwise every cache of the loaded ``repair`` modules is emptied (the
    channel's rows, walk windows and plans, candidate and price caches all derive from
    the table).  Raises :class:`LexiconError` for a bad file, before changing anything.
    """
    global _installed
    key = None if path is None else str(Path(path).resolve())
    if key == _installed:
        return
    rows = None if key is None else read_table(key)
    from repair.score import ocr, ocr_channel

    ocr_channel._override_rows = rows
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    ocr._last[0] = None
    _clear_caches()
    _installed = key


def installed() -> str | None:
    """The path of the installed archive table, or ``None`` (the shipped table)."""
    return _installed


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "repair" or name.startswith("repair.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "__wrapped__"):
                clear()
