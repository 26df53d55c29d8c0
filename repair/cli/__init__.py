"""Command-line interface: ``repair fix | scan | learn | batch | bench``.

Each command lives in its own module and registers itself on :data:`app`;
the commands only parse arguments and call the library.
"""

from __future__ import annotations

import importlib

from repair.cli.app import app

for _module in ("fix", "scan", "learn", "batch", "bench", "serve"):
    try:
        importlib.import_module(f"repair.cli.{_module}")
    except ModuleNotFoundError as exc:  # a command whose module is not written yet
        if exc.name != f"repair.cli.{_module}":
            raise


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
