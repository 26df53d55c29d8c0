"""An archive's own OCR profile (``repair learn --ocr`` writes one; ``repair fix
--ocr-table`` and ``repair batch --ocr-table`` read it).

A profile holds every learned OCR table an archive may replace, one section each::

    # format: repair-ocr-profile/1
    # (comment lines: what the profile was learned from)
    ## table: ocr_confusions.tsv
    # format: repair-lexicon/1; columns: ocr, true, cost, count
    e	c	1.20	310
    ...
    ## table: ocr_slot_confusions.tsv
    # format: repair-lexicon/1; columns: ocr, true, cost, count
    ...
    ## table: ocr_marks.tsv
    # format: repair-lexicon/1; columns: mark, context, fate, count
    ...

Each section is the named shipped lexicon's file verbatim (its own format header, the
columns of :data:`TABLES`).  A section left out keeps the shipped table; a file that is
a plain confusion table (the shipped ``ocr_confusions.tsv`` format, what ``learn --ocr``
wrote before profiles) is read as a profile with that one section.  :func:`read_profile`
checks every section (format header, columns, numbers) and names the file and line of the
first bad row; :func:`install` makes the OCR channel
(:func:`repair.score.ocr_channel.confusions`), the slot price
(:mod:`repair.score.ocr_slotprice`) and the glued-marks model
(:mod:`repair.candidates.ocr_glued`) read it instead of the shipped tables, and empties
every table-derived cache so a process may switch profiles between texts.
"""

from __future__ import annotations

import importlib
import math
import sys
from pathlib import Path

from repair.lexicons import LexiconError, format_header, parse_tsv, read_tsv

COLUMNS = ("ocr", "true", "cost", "count")
CONFUSIONS = "ocr_confusions.tsv"
SLOT = "ocr_slot_confusions.tsv"
MARKS = "ocr_marks.tsv"
#: The tables a profile may hold (shipped file name -> columns), in the order written.
TABLES: dict[str, tuple[str, ...]] = {
    CONFUSIONS: COLUMNS,
    SLOT: COLUMNS,
    MARKS: ("mark", "context", "fate", "count"),
}
#: The module reading each table other than the confusions: :func:`install` sets its
#: ``override_rows`` to the profile's rows (``None``: the shipped lexicon).
READERS = {SLOT: "repair.score.ocr_slotprice", MARKS: "repair.candidates.ocr_glued"}
PROFILE_FORMAT = "# format: repair-ocr-profile/1"
SECTION = "## table: "

Rows = tuple[tuple[str, ...], ...]

#: The path of the profile :func:`install` put in force (``None``: the shipped tables).
_installed: str | None = None
#: The installed profile's tables other than the confusions (see :data:`READERS`).
_overrides: dict[str, Rows] = {}


def read_table(path: str | Path) -> Rows:
    """The confusion rows of the profile (or plain confusion table) at ``path``;
    :class:`LexiconError` as :func:`read_profile`, or when it has no confusion table."""
    rows = read_profile(path).get(CONFUSIONS)
    if rows is None:
        raise LexiconError(f"{path}: OCR profile has no {CONFUSIONS} section")
    return rows


def read_profile(path: str | Path) -> dict[str, Rows]:
    """``{table name: rows}`` of the profile at ``path`` (see the module doc);
    :class:`LexiconError` naming the file and line when it cannot be read, a section is
    unknown, repeated or lacks its header, or a row is malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read OCR table: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: OCR table is not UTF-8 text") from None
    lines = text.splitlines()
    if not lines or lines[0].strip() != PROFILE_FORMAT:
        return {CONFUSIONS: _check(text, str(path), CONFUSIONS, 0)}
    out: dict[str, Rows] = {}
    starts = [n for n, ln in enumerate(lines) if ln.startswith(SECTION)]
    for n, ln in enumerate(lines[1 : starts[0] if starts else None], 2):
        if ln.strip() and not ln.startswith("#"):
            raise LexiconError(f"{path}, line {n}: a row before the first {SECTION!r} line")
    for k, start in enumerate(starts):
        name = lines[start][len(SECTION) :].strip()
        if name not in TABLES:
            raise LexiconError(
                f"{path}, line {start + 1}: unknown table {name!r} (one of {', '.join(TABLES)})"
            )
        if name in out:
            raise LexiconError(f"{path}, line {start + 1}: table {name!r} given twice")
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        out[name] = _check("\n".join(lines[start + 1 : end]), str(path), name, start + 1)
    if not out:
        raise LexiconError(f"{path}: OCR profile has no {SECTION!r} section")
    return out


def _check(text: str, path: str, name: str, offset: int) -> Rows:
    """The checked rows of one table ``text`` whose first line is line ``offset + 1``."""
    try:
        rows = parse_tsv(text, path, TABLES[name])
    except LexiconError as exc:
        raise LexiconError(_shift(str(exc), path, offset)) from None
    cost_col = 2 if TABLES[name] == COLUMNS else None
    for n, line in enumerate(text.splitlines(), offset + 1):
        if n == offset + 1 or not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not fields[0]:
            raise LexiconError(f"{path}, line {n}: empty {TABLES[name][0]} column")
        if cost_col is not None:
            cost = fields[cost_col]
            try:
                value = float(cost)
            except ValueError:
                raise LexiconError(f"{path}, line {n}: cost {cost!r} is not a number") from None
            if not math.isfinite(value) or value < 0:
                raise LexiconError(f"{path}, line {n}: cost {cost!r} must be finite and >= 0")
        count = fields[-1]
        if count and not count.isdigit():
            raise LexiconError(f"{path}, line {n}: count {count!r} is not a whole number")
    if name == CONFUSIONS and not any(r[0] and not r[0].startswith("<") for r in rows):
        raise LexiconError(f"{path}: OCR table has no confusion rows")
    return rows


def _shift(message: str, path: str, offset: int) -> str:
    """``parse_tsv``'s message with its section line number made the file's."""
    head = f"{path}, line "
    if not message.startswith(head):
        return message
    num, _, rest = message[len(head) :].partition(":")
    return f"{head}{int(num) + offset}:{rest}" if num.isdigit() else message


def install(path: str | Path | None, clear_memos: bool = True) -> None:
    """Read the profile at ``path`` (``None``: the shipped tables) from now on.

    A no-op when that profile is already in force (a forked batch worker inherits its
    parent's); otherwise every cache of the loaded ``repair`` modules is emptied (the
    channel's rows, walk windows and plans, slot and mark models, candidate and price
    caches all derive from the tables).  Raises :class:`LexiconError` for a bad file,
    before changing anything.  ``clear_memos=False`` leaves the ``lru_cache`` memos as
    they are (a caller that has swapped in empty ones,
    :func:`repair.score.ocr_docself.auto_repair`).
    """
    from repair.score.profile_lock import PROFILE

    with PROFILE.exclusive():  # no repair in another thread reads the tables meanwhile
        _install(path, clear_memos)


def _install(path: str | Path | None, clear_memos: bool) -> None:
    global _installed
    key = None if path is None else str(Path(path).resolve())
    if key == _installed:
        return
    profile = {} if key is None else read_profile(key)
    from repair.score import ocr, ocr_channel

    ocr_channel._override_rows = profile.get(CONFUSIONS)
    _overrides.clear()
    _overrides.update({n: r for n, r in profile.items() if n in READERS})
    for name, module in READERS.items():
        mod = importlib.import_module(module)
        mod.override_rows = _overrides.get(name)  # type: ignore[attr-defined]
    ocr_channel._windows.clear()
    ocr_channel._window_plans.clear()
    ocr._last[0] = None
    if clear_memos:
        _clear_caches()
    _installed = key


def installed() -> str | None:
    """The path of the installed archive profile, or ``None`` (the shipped tables)."""
    return _installed


def _read_tsv(name: str, columns: tuple[str, ...] | None = None) -> Rows:
    """The installed profile's rows of ``name``, else the shipped lexicon's."""
    rows = _overrides.get(name)
    return read_tsv(name, columns) if rows is None else rows


def rows_in_force(name: str) -> Rows:
    """The rows of table ``name`` the repair reads now (installed profile's or shipped)."""
    if name == CONFUSIONS:
        from repair.score.ocr_channel import _table_rows

        return _table_rows()
    return _read_tsv(name, TABLES[name])


def profile_text(tables: dict[str, Rows], comments: list[str] | tuple[str, ...] = ()) -> str:
    """A profile holding ``tables`` (``{name: rows}``; written in :data:`TABLES` order),
    ``comments`` (without ``#``) after its format line."""
    out = [PROFILE_FORMAT, *(f"# {c}" for c in comments)]
    for name, columns in TABLES.items():
        if name in tables:
            out += [f"{SECTION}{name}", format_header(columns)]
            out += ["\t".join(row) for row in tables[name]]
    return "\n".join(out) + "\n"


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "repair" or name.startswith("repair.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "__wrapped__"):
                clear()
