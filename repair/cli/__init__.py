"""Command-line interface: ``repair fix | scan | learn | batch | bench | serve``.

Each command lives in its own module and registers itself on the registry
:data:`repair.cli.app.app`; the commands only parse arguments and call the library.

``main`` runs ``fix`` and ``scan`` through :mod:`repair.cli.fast` (argparse over
the commands' own declarations), importing only that command's module and
neither typer nor click: typer's import and parser cost more than a whole
``repair fix`` of a short file.  ``--help``, the other commands and any argument
list the fast path cannot take go to typer as before: ``repair.cli.app`` (this
package's attribute ``app``) is the typer application, built on first use.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from functools import lru_cache
from typing import Any

# the registry module; its package attribute is dropped so that ``app`` below is the
# typer application (a submodule import sets the attribute only once, here)
from repair.cli import app as _registry_module

globals().pop("app", None)

_COMMANDS = ("fix", "scan", "learn", "batch", "bench", "serve")
#: True in a process started by :func:`entry` (which ends by :func:`os._exit` once the
#: work is done): a command may skip work only a long-lived process needs (issue 14).
ONE_SHOT = False
#: Commands run through the fast path when their arguments allow it.
_FAST = frozenset({"fix", "scan"})


def _load(module: str) -> None:
    try:
        importlib.import_module(f"repair.cli.{module}")
    except ModuleNotFoundError as exc:  # a command whose module is not written yet
        if exc.name != f"repair.cli.{module}":
            raise


@lru_cache(maxsize=1)
def typer_app() -> Any:
    """The typer application with every command (imports typer and every command)."""
    for module in _COMMANDS:
        _load(module)
    return _registry_module.app.typer()


def __getattr__(name: str) -> Any:
    if name == "app":
        return typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if args and args[0] in _FAST:
        from repair.cli.fast import run_fast

        _load(args[0])
        code = run_fast(_registry_module.app, args[0], args[1:])
        if code is not None:
            raise SystemExit(code)
    typer_app()()


def entry() -> None:
    """``repair`` as a process (the console script and ``python -m repair``): :func:`main`,
    then a quick exit once the work is done (issue 14, cold start).

    Tearing the interpreter down (freeing every module, table and the language model one
    object at a time, a last garbage collection) cost ~6 % of a small ``repair fix``.  When
    :func:`main` ends with an integer code and no other thread runs, the ``atexit``
    functions run (logging, multiprocessing, caches), ``stdout`` and ``stderr`` are flushed
    and the process ends with :func:`os._exit`.  Anything else (an exception, a message as
    exit code, a live thread, a profiler or tracer such as ``python -m cProfile`` or
    coverage, a flush that fails) leaves by the normal exit.  Files are written through
    ``with`` blocks, closed before this point.  Only for the process's own entry point:
    in-process callers use :func:`main`, which still raises ``SystemExit``.
    """
    global ONE_SHOT
    ONE_SHOT = True
    collecting = gc.isenabled()  # a command may pause the collector for the quick exit
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    finally:
        ONE_SHOT = False
    if code is None:
        code = 0
    if not isinstance(code, int) or not _quick_exit_safe():
        _collector(collecting)
        raise SystemExit(code)
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # let the normal exit report it as Python does
        _collector(collecting)
        raise SystemExit(code) from None
    status = code & 0xFF  # the status Python gives sys.exit(code)
    # (no object the collector tracks is made from here on: nothing is collected; an
    # in-process caller whose os._exit returns gets the collector back)
    _collector(collecting)
    os._exit(status)


def _collector(enabled: bool) -> None:
    """The cyclic collector as it was when :func:`entry` began (the process goes on)."""
    if enabled:
        gc.enable()


def _quick_exit_safe() -> bool:
    """No thread but this one (a non-daemon thread must be joined at exit), and no
    profiler or tracer that writes its results after the program returns."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


__all__ = ["app", "entry", "main", "typer_app"]
