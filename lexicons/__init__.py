"""The lexicons (data files in this folder, shipped as ``repair.lexicons``) and their loader.

Files are found with importlib.resources, so they work from a wheel and from an
editable install.

Every file is read on first use only and then kept (``functools.lru_cache``).
A missing file raises :class:`LexiconError` naming the file and the fix; it
never quietly yields an empty lexicon.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path


class LexiconError(RuntimeError):
    """A lexicon file is missing or malformed."""


def lexicon_path(name: str) -> Path:
    """The path of a shipped lexicon file."""
    candidate = resources.files(__name__) / name
    if candidate.is_file():
        return Path(str(candidate))
    raise LexiconError(
        f"lexicon {name!r} not found in {Path(str(resources.files(__name__)))}; "
        "reinstall repair (pip install .) or check the file name"
    )


@cache
def read_text(name: str) -> str:
    """The whole text of a shipped lexicon file."""
    return lexicon_path(name).read_text(encoding="utf-8")


@cache
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
