"""Helpers shared by the commands: messages, exit codes, reading inputs and references."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

from repair.cli.params import Exit, Option
from repair.io import InputError, OutputError, output_error, read_input, split_bom

#: Exit codes scripts can trust.
EXIT_OK = 0
EXIT_INPUT = 1  # an input or output problem (missing, binary, undecodable, empty, refused)
EXIT_USAGE = 2  # bad options (typer/click's own code)
EXIT_CHANGES = 3  # --check: the text would be changed


def hide_flag_types() -> None:
    """Typer's help shows a flag as ``--check <bool>`` and a repeatable option as
    ``<list[Path]>``; show flags bare and repeatable ones by their element type."""
    try:
        from typer import core
    except ImportError:  # another typer layout: keep its help as it is
        return
    for cls in (getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)):
        original = getattr(cls, "display_type_rich", None)
        if original is None or getattr(original, "_repair_patched", False):
            continue
        cls.display_type_rich = _display_type(original)


def _display_type(original: Any) -> Any:
    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) and self.metavar is None:
            return None
        shown = original(self, ctx)
        if isinstance(shown, str) and shown.startswith("<list[") and "]>" in shown:
            inner = shown[len("<list[") : shown.index("]>")]
            rest = shown[shown.index("]>") + 2 :]
            shown = f"<{inner.lower() if inner == 'Path' else inner}>{rest}"
        return shown

    display_type_rich._repair_patched = True  # type: ignore[attr-defined]
    return display_type_rich


def say(message: str) -> None:
    """Print a line to stderr; a broken or full stderr is not worth a traceback."""
    if sys.stderr is None:  # started with fd 2 closed: print(file=None) would use stdout
        return
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def fail(message: str, code: int = EXIT_INPUT) -> Exit:
    """Print ``repair: <message>`` to stderr and return an Exit to raise."""
    say(f"repair: {message}")
    return Exit(code)


def read_or_exit(path: str) -> str:
    try:
        return read_input(path)
    except InputError as exc:
        raise fail(str(exc)) from None


def txt_files(p: Path, what: str) -> list[Path]:
    """A folder's ``*.txt`` files (recursively), or ``[p]``; an empty folder is refused."""
    if not p.is_dir():
        return [p]
    found = sorted(f for f in p.rglob("*.txt") if f.is_file())
    if not found:
        raise fail(f"{p}: no .txt files in the {what} folder")
    return found


# ----------------------------------------------------------------- options several commands take


def reference_option(help: str) -> Any:
    """``--reference/-r`` (repeatable paths, checked when read: one line, exit 1)."""
    return Option("--reference", "-r", help=help, readable=False)


def lexicon_option(readable: bool = False) -> Any:
    """``--lexicon`` (repeatable paths; unless ``readable``, checked when read: exit 1)."""
    return Option(
        "--lexicon",
        help="Substitution pairs learned by `repair learn` (repeatable).",
        readable=readable,
    )


def ocr_table_option() -> Any:
    """``--ocr-table`` (a path, checked when read: exit 1 naming the file and line)."""
    return Option(
        "--ocr-table",
        help="OCR profile learned by `repair learn --ocr` for this archive (its confusion, "
        "slot and mark tables instead of the shipped ones).",
        readable=False,
    )


def install_ocr_table(path: Path | None) -> None:
    """Put ``--ocr-table`` in force before any repair; a bad file exits 1, one line."""
    if path is None:
        return
    from repair.lexicons import LexiconError
    from repair.score.ocr_table import install

    try:
        install(path)
    except LexiconError as exc:
        raise fail(str(exc)) from None


def min_confidence_option(verb: str = "Apply") -> Any:
    """``--min-confidence`` in [0, 1]; ``verb`` says what happens to the edits above it."""
    return Option(
        "--min-confidence", min=0.0, max=1.0, help=f"{verb} only edits at least this confident."
    )


def require_lexicons(paths: list[Path] | None) -> None:
    """Exit 1, one line, at the first ``--lexicon`` path that is not a file."""
    for lx in paths or []:
        if not lx.is_file():
            raise fail(f"{lx}: no such lexicon file")


def read_references(paths: list[Path] | None) -> list[str]:
    """Read ``--reference`` files (a folder means every ``*.txt`` file in it)."""
    texts: list[str] = []
    for p in paths or []:
        for f in txt_files(p, "--reference"):
            texts.append(split_bom(read_or_exit(str(f)))[1])
    return texts


def check_writable_target(path: Path, what: str) -> None:
    """Refuse, before any work, an output path that cannot be written (as ``cp`` does):
    a missing folder (never created silently) or a directory."""
    if path.is_dir():
        raise fail(f"{path}: cannot write {what}: is a directory")
    parent = path.parent
    if not parent.is_dir():
        raise fail(f"{path}: cannot write {what}: no such folder {parent}")


def _silence_stdout() -> None:
    """After a failed write to stdout, point fd 1 at /dev/null so the interpreter's
    final flush does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout; raise :class:`OutputError` naming ``<stdout>``.

    A reader that went away (``repair fix x | head``) is not an error worth a
    message: that raises ``Exit(1)`` quietly.
    """
    if sys.stdout is None:  # started with fd 1 closed (``>&-``)
        raise OutputError(errno.EBADF, "standard output is closed", "<stdout>")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        if exc.errno == errno.EPIPE:
            raise Exit(EXIT_INPUT) from None
        raise output_error(exc, "<stdout>") from None


def write_stderr(text: str) -> None:
    """Write ``text`` (a report) to stderr; raise :class:`OutputError` naming ``<stderr>``."""
    if sys.stderr is None:
        raise OutputError(errno.EBADF, "standard error is closed", "<stderr>")
    try:
        sys.stderr.write(text)
        if text and not text.endswith("\n"):
            sys.stderr.write("\n")
        sys.stderr.flush()
    except OSError as exc:
        raise output_error(exc, "<stderr>") from None


__all__ = [
    "EXIT_CHANGES",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "OutputError",
    "check_writable_target",
    "fail",
    "install_ocr_table",
    "ocr_table_option",
    "read_or_exit",
    "read_references",
    "say",
    "txt_files",
    "write_stderr",
    "write_stdout",
]
