"""Command-line interface: ``repair fix | scan | learn | batch | bench``.

Each command lives in its own module and registers itself on :data:`app`;
the commands only parse arguments and call the library.

``main`` runs ``fix`` and ``scan`` through :mod:`repair.cli.fast` (argparse over
the same typer declarations): typer's own parser imports pydantic, which costs
more than a whole ``repair fix`` of a short file.  ``--help``, the other commands
and any argument list the fast path cannot take go to typer as before.
"""

from __future__ import annotations

import importlib
import sys

from repair.cli.app import app

for _module in ("fix", "scan", "learn", "batch", "bench", "serve"):
    try:
        importlib.import_module(f"repair.cli.{_module}")
    except ModuleNotFoundError as exc:  # a command whose module is not written yet
        if exc.name != f"repair.cli.{_module}":
            raise


#: Commands run through the fast path when their arguments allow it.
_FAST = frozenset({"fix", "scan"})


def main() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if args and args[0] in _FAST:
        from repair.cli.fast import run_fast

        code = run_fast(app, args[0], args[1:])
        if code is not None:
            raise SystemExit(code)
    app()


__all__ = ["app", "main"]
