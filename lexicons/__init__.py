r"""The lexicons (data files in this folder, shipped as ``repair.lexicons``) and their loader.

Files are found with importlib.resources, so they work from a wheel and from an
editable install.

Every file is read on first use only and then kept (``functools.lru_cache``).
A missing file raises :class:`LexiconError` naming the file and the fix; it
never quietly yields an empty lexicon.

A TSV lexicon is data with a format header (as wordfreq's files carry theirs),
checked on load.  Its first line reads::

    # format: repair-lexicon/1; columns: spun, original, strength

then ``#`` comment lines (source, licence, counts) and data rows of exactly the
declared number of tab-separated fields.  A missing or unknown header, or a row
with another number of fields, raises :class:`LexiconError` naming the file and
the line; nothing is silently skipped.

>>> parse_tsv("# format: repair-lexicon/1; columns: a, b\n# note\nx\ty\n", "demo.tsv")
(('x', 'y'),)
>>> parse_tsv("# format: repair-lexicon/1; columns: a, b\nx\n", "demo.tsv")
Traceback (most recent call last):
...
repair.lexicons.LexiconError: demo.tsv, line 2: 1 field(s), the header declares 2 (a, b)
"""

from __future__ import annotations

import csv
import io
import os
import re
from functools import cache
from pathlib import Path


class LexiconError(RuntimeError):
    """A lexicon file is missing or malformed."""


def _folder_on_disk() -> Path | None:
    """This package's folder when it is a plain folder (what ``importlib.resources``
    returns for a package on disk), else None."""
    here = Path(__file__).parent
    return here if here.is_dir() else None


#: Set at import: ``importlib.resources`` (its readers import zipfile, ~3 ms of a cold
#: start) is asked only for a package that is not a folder on disk (a zip).
_FOLDER = _folder_on_disk()


#: A folder whose files take the place of the shipped ones of the same name, for trying a
#: regenerated table without reinstalling (``REPAIR_LEXICONS=/path/to/lexicons``).  An
#: editable install maps ``repair.lexicons`` to the checkout it was installed from, so a
#: second checkout (a git worktree run with ``PYTHONPATH``) would otherwise read the first
#: checkout's tables.  Read once, at import.
OVERRIDE_ENV = "REPAIR_LEXICONS"


def _override_folder() -> Path | None:
    """The folder :data:`OVERRIDE_ENV` names, if it is set and is a folder."""
    value = os.environ.get(OVERRIDE_ENV, "")
    return Path(value) if value and Path(value).is_dir() else None


_OVERRIDE = _override_folder()


def lexicon_path(name: str) -> Path:
    """The path of a shipped lexicon file (or of its :data:`OVERRIDE_ENV` replacement)."""
    if _OVERRIDE is not None and (_OVERRIDE / name).is_file():
        return _OVERRIDE / name
    if _FOLDER is not None and (_FOLDER / name).is_file():
        return _FOLDER / name
    from importlib import resources

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


#: The format version this loader reads.
FORMAT_VERSION = 1
_HEADER_RE = re.compile(r"# format: repair-lexicon/(\d+); columns: (.+)")
#: Shipped files that do not carry the header yet (their owners' build scripts
#: write them); read as before, without the checks.  Empty this set once they do.
UNVERSIONED = frozenset({"spin_en_pairs.tsv"})


def format_header(columns: tuple[str, ...] | list[str]) -> str:
    """The first line a build script writes for a lexicon with these columns."""
    return f"# format: repair-lexicon/{FORMAT_VERSION}; columns: {', '.join(columns)}"


def parse_tsv(
    text: str, source: str, columns: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Data rows of a TSV lexicon, checked against its format header.

    ``columns``, when given, must equal the header's.  Blank lines and ``#``
    comment lines are not rows.  Errors name ``source`` and the line.
    """
    lines = text.splitlines()
    m = _HEADER_RE.fullmatch(lines[0].strip()) if lines else None
    if not m:
        raise LexiconError(
            f"{source}, line 1: no format header (expected {format_header(['...'])!r})"
        )
    if int(m.group(1)) != FORMAT_VERSION:
        raise LexiconError(
            f"{source}, line 1: format version {m.group(1)}, this repair reads {FORMAT_VERSION}"
        )
    declared = tuple(c.strip() for c in m.group(2).split(","))
    if columns is not None and declared != tuple(columns):
        raise LexiconError(
            f"{source}, line 1: columns {', '.join(declared)}; expected {', '.join(columns)}"
        )
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(line.split("\t"))
        if len(row) != len(declared):
            raise LexiconError(
                f"{source}, line {n}: {len(row)} field(s), the header declares "
                f"{len(declared)} ({', '.join(declared)})"
            )
        rows.append(row)
    return tuple(rows)


def _rows_unchecked(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(ln.split("\t")) for ln in text.splitlines() if ln and ln[0] != "#")


@cache
def read_tsv(name: str, columns: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a shipped TSV lexicon, its format header checked (see the module doc)."""
    text = read_text(name)
    if name in UNVERSIONED and not text.startswith("# format:"):
        return _rows_unchecked(text)
    return parse_tsv(text, str(lexicon_path(name)), columns)


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
