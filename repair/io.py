"""Reading inputs safely and writing outputs atomically.

Every problem with an input raises :class:`InputError`, whose message names
the file and the problem in one line, so a batch can log it and go on.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

#: Inputs larger than this (bytes) are refused: 50 MB of text is ~8 M words,
#: far beyond any article or book chapter; batch users split corpora into documents.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Share of control characters (other than tab/newline/CR/form feed) above which
#: decoded text is called binary.
_MAX_CONTROL_SHARE = 0.01


class InputError(Exception):
    """An input that cannot be repaired; ``str(err)`` is ``"<name>: <problem>"``."""

    def __init__(self, name: str, problem: str, reason: str = "bad_input") -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem
        #: a short reason code for counters (``empty``, ``binary``, ``undecodable``, ...)
        self.reason = reason


def decode_bytes(data: bytes, name: str = "<input>", max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Decode ``data`` as UTF-8 text (BOM allowed), or raise :class:`InputError`."""
    if len(data) > max_bytes:
        raise InputError(
            name, f"too large ({len(data):,} bytes; limit {max_bytes:,}): split it", "too_large"
        )
    if not data.strip():
        raise InputError(name, "empty input (nothing but whitespace)", "empty")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (contains NUL bytes), not text", "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8",
            "undecodable",
        ) from None
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(name, "binary file (too many control characters), not text", "binary")
    return text


def read_input(path: str | os.PathLike[str], max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Read a text file (or ``-`` for standard input) as UTF-8.

    Raises :class:`InputError` for a missing file, a directory, an unreadable,
    binary, undecodable, empty or huge input.
    """
    name = str(path)
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes)
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file", "missing")
    if p.is_dir():
        raise InputError(name, "is a directory (use `repair batch` for folders)", "directory")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                name, f"too large ({size:,} bytes; limit {max_bytes:,}): split it", "too_large"
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied", "unreadable") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}", "unreadable") from None
    return decode_bytes(data, name, max_bytes)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (follows links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def atomic_write_bytes(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    A reader sees the old file or the whole new one, never a part; on any error
    the temp file is removed and the old file is left as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, [text.encode("utf-8")])
