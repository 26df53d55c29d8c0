"""Helpers shared by the commands: messages, exit codes, reading inputs and references."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from repair.io import InputError, read_input

#: Exit codes scripts can trust.
EXIT_OK = 0
EXIT_INPUT = 1  # an input or output problem (missing, binary, undecodable, empty, refused)
EXIT_USAGE = 2  # bad options (typer/click's own code)
EXIT_CHANGES = 3  # --check: the text would be changed


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``repair: <message>`` to stderr and return an Exit to raise."""
    print(f"repair: {message}", file=sys.stderr)
    return typer.Exit(code)


def read_or_exit(path: str) -> str:
    try:
        return read_input(path)
    except InputError as exc:
        raise fail(str(exc)) from None


def read_references(paths: list[Path] | None) -> list[str]:
    """Read ``--reference`` files (a folder means every ``*.txt`` file in it)."""
    texts: list[str] = []
    for p in paths or []:
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            texts.append(read_or_exit(str(f)))
    return texts
