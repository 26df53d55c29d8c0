"""Lazy, cached access to the data files in ``lexicons/`` (shipped as ``repair.lexicons``).

Every file is read on first use only and then kept (``functools.lru_cache``).
A missing file raises :class:`LexiconError` naming the file and the fix; it
never quietly yields an empty lexicon.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path


class LexiconError(RuntimeError):
    """A lexicon file is missing or malformed."""


def lexicon_path(name: str) -> Path:
    """The path of a shipped lexicon file (works from a wheel and from a checkout)."""
    try:
        base = resources.files("repair.lexicons")
        candidate = base / name
        if candidate.is_file():
            return Path(str(candidate))
    except ModuleNotFoundError:
        pass
    local = Path(__file__).resolve().parent.parent / "lexicons" / name
    if local.is_file():
        return local
    raise LexiconError(
        f"lexicon {name!r} not found in the installed package nor in ./lexicons; "
        "reinstall repair (pip install .) or check the file name"
    )


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    """The whole text of a shipped lexicon file."""
    return lexicon_path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV lexicon; lines starting with ``#`` are comments (source, licence)."""
    text = read_text(name)
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(tuple(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))


def read_tsv_file(path: Path) -> tuple[tuple[str, ...], ...]:
    """Rows of a user-supplied TSV file (``--lexicon``), comments skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon is not UTF-8 text") from exc
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(tuple(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
