"""The methods :mod:`dataclasses` writes for repair's classes, compiled once per user.

Python 3.11's ``dataclasses`` builds each generated method (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``...) by ``exec`` of a source string: ~250 of them
for repair's ~40 dataclasses, ~9 % of the instructions of a small ``repair fix`` spent in
Python's parser (issue 14, cold start; callgrind, session 15).  :func:`install` gives
``dataclasses`` an ``exec`` that, for a class of a ``repair`` module, runs the code object
``compile`` made of the same source string the last time (kept in the per-user cache,
:mod:`repair.resources.cache`, one table keyed by the Python version), and compiles on a
miss: the same source, file name (``"<string>"``) and flags as ``exec`` of the string,
so the same code runs.  Any other class, a non-string argument or a disabled cache goes
to the builtin ``exec`` unchanged.  New entries are written at exit.
"""

# no ``from __future__ import annotations`` here: ``exec`` of a string inherits the future
# flags of the frame that calls it, and :func:`cached_exec` is that frame for other classes
import builtins
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from repair.resources import digest as hashes

#: A table holding more than this many sources is rewritten with this process's only.
MAX_ENTRIES = 2_000
_NAME = "dataclass-code"

_table: dict[str, CodeType] = {}
_used: set[str] = set()
_path: Path | None = None
_dirty = False


def _compile(source: str) -> CodeType:
    """What ``exec(source, ...)`` compiles in :mod:`dataclasses` (no future flags)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> Any:  # noqa: A002
    """``exec(source, globals, locals)``; for a repair class, from the compiled table."""
    if type(source) is str and isinstance(globals, dict) and _path is not None:
        module = globals.get("__name__")
        if isinstance(module, str) and (module == "repair" or module.startswith("repair.")):
            code = _table.get(source)
            if code is None:
                code = _table[source] = _compile(source)
                _mark_dirty()
            _used.add(source)
            source = code
    return builtins.exec(source, globals, locals)


def _mark_dirty() -> None:
    global _dirty
    if not _dirty:
        _dirty = True
        import atexit

        atexit.register(save)


def save() -> None:
    """Write the table if this process compiled anything new."""
    global _dirty
    if not _dirty or _path is None:
        return
    from repair.resources.cache import _store

    table = _table if len(_table) <= MAX_ENTRIES else {s: _table[s] for s in _used}
    _store(_path.parent, _NAME, _path, table)
    _dirty = False


def _load(path: Path) -> dict[str, CodeType]:
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {s: c for s, c in value.items() if type(s) is str and type(c) is CodeType}


def install() -> None:
    """Give :mod:`dataclasses` the cached ``exec`` (once; a no-op with the cache off)."""
    global _path
    import dataclasses

    if getattr(dataclasses, "exec", None) is cached_exec:
        return
    from repair.resources.cache import FORMAT, cache_dir

    folder = cache_dir()
    if folder is None:
        return
    key = hashes.sha256(f"{FORMAT}\0dataclass-code\0{sys.version}\0".encode()).hexdigest()
    _path = folder / f"{_NAME}-{key[:32]}.marshal"
    _table.update(_load(_path))
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]
