"""Reading inputs safely and writing outputs atomically.

Every problem with an input raises :class:`InputError`, whose message names
the file and the problem in one line, so a batch can log it and go on.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from repair.types import RepairResult

#: Inputs larger than this (bytes) are refused: 50 MB of text is ~8 M words,
#: far beyond any article or book chapter; batch users split corpora into documents.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Share of control characters (other than tab/newline/CR/form feed) above which
#: decoded text is called binary.
_MAX_CONTROL_SHARE = 0.01
#: The byte-order mark: kept in the text (a clean file comes out byte-identical).
BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class InputError(Exception):
    """An input that cannot be repaired; ``str(err)`` is ``"<name>: <problem>"``."""

    def __init__(self, name: str, problem: str, reason: str = "bad_input") -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem
        #: a short reason code for counters (``empty``, ``binary``, ``undecodable``, ...)
        self.reason = reason


class OutputError(OSError):
    """A write that failed; ``str(err)`` is ``"<target>: cannot write: <problem>"``.

    ``filename`` is always the file the user named (never a temp file), or
    ``<stdout>``.
    """

    def __str__(self) -> str:
        return f"{self.filename}: cannot write: {self.strerror}"


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 BOM, or text whose every other byte is NUL (BOM-less UTF-16)."""
    if data[:2] in _UTF16_BOMS:
        return True
    sample = data[:4096]
    if len(sample) < 4:
        return False
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd):
        codec = "utf-16-le"
    elif even.count(0) > 0.9 * len(even):
        codec = "utf-16-be"
    else:
        return False
    text = sample.decode(codec, errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
    return printable > 0.95 * len(text)  # text, not a binary file full of NULs


def decode_bytes(
    data: bytes,
    name: str = "<input>",
    max_bytes: int = MAX_INPUT_BYTES,
    keep_bom: bool = True,
) -> str:
    """Decode ``data`` as UTF-8 text, or raise :class:`InputError`.

    A UTF-8 byte-order mark is kept as ``U+FEFF`` at the start of the text (so
    writing the text back gives the same bytes); ``keep_bom=False`` drops it
    (JSON Lines records, whose text is inside the JSON).
    """
    if len(data) > max_bytes:
        raise InputError(
            name, f"too large ({len(data):,} bytes; limit {max_bytes:,}): split it", "too_large"
        )
    if not data.strip():
        raise InputError(name, "empty input (nothing but whitespace)", "empty")
    if _looks_utf16(data):
        raise InputError(
            name,
            "UTF-16 text, not UTF-8; convert it first: "
            f"iconv -f UTF-16 -t UTF-8 {name} > {Path(name).stem}.utf8.txt",
            "undecodable",
        )
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (contains NUL bytes), not text", "binary")
    try:
        text = data.decode("utf-8" if keep_bom else "utf-8-sig")
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
        return decode_bytes(_read_stdin(), "<stdin>", max_bytes)
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


def _read_stdin() -> bytes:
    stdin = sys.stdin
    if stdin is None:  # the process was started with fd 0 closed (``<&-``)
        raise InputError("<stdin>", "standard input is closed", "unreadable")
    try:
        return stdin.buffer.read()
    except (OSError, ValueError) as exc:
        problem = getattr(exc, "strerror", None) or str(exc)
        if isinstance(exc, OSError) and exc.errno == errno.EBADF:
            problem = "standard input is closed"
        raise InputError("<stdin>", f"cannot read: {problem}", "unreadable") from None


def split_bom(text: str) -> tuple[str, str]:
    """``(bom, rest)``: the leading byte-order mark (or ``""``) and the text after it."""
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def repair_keeping_bom(
    text: str, *args: Any, repair: Callable[..., RepairResult] | None = None, **kwargs: Any
) -> RepairResult:
    """``repair(text without its BOM, *args, **kwargs)``; the BOM is put back.

    ``repair`` defaults to :func:`repair.repair_text`.  The result's
    ``original`` and ``text`` both start with the BOM and the edits' offsets
    count it, so they still apply to ``text``.
    """
    from dataclasses import replace

    from repair.types import RepairResult

    if repair is None:
        from repair.pipeline import repair_text as repair
    bom, rest = split_bom(text)
    result = repair(rest, *args, **kwargs)
    if not bom:
        return result
    edits = tuple(replace(e, offset=e.offset + len(bom)) for e in result.edits)
    declined = tuple(replace(d, offset=d.offset + len(bom)) for d in result.declined)
    return RepairResult(text, bom + result.text, edits, result.scores, declined)


_umask_lock = threading.Lock()


def _new_file_mode() -> int:
    """``0o666 & ~umask``: the mode ``open()`` would give a new file."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (follows links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def atomic_write_bytes(
    path: str | os.PathLike[str], chunks: Iterable[bytes], make_parents: bool = True
) -> None:
    """Write ``chunks`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    A reader sees the old file or the whole new one, never a part; on any error
    the temp file is removed and the old file is left as it was.  The file gets
    the mode of the file it replaces, or ``0o666 & ~umask`` if it is new (as
    ``open()`` would give it).  With ``make_parents`` missing folders are
    created.  Errors are raised as :class:`OutputError` naming ``path``.
    """
    atomic_write_group([(path, chunks)], make_parents)


def atomic_write_group(
    files: Iterable[tuple[str | os.PathLike[str], Iterable[bytes]]], make_parents: bool = True
) -> None:
    """Write several files so that either all of them appear or none does.

    Every file is first written in full to a temp file next to it (where a
    full disk or any other write error strikes); only when all are written are
    they renamed into place, in order.  On an error every temp file is removed
    and no target is touched.  A killed process leaves at most hidden
    ``.<name>.*.tmp`` files (or, killed during the renames, the first files of
    the group: callers write the one that marks completion last).
    """
    staged: list[tuple[str, Path, Path]] = []
    try:
        for path, chunks in files:
            tmp, target = _stage(Path(path), chunks, make_parents)
            if tmp is not None:
                staged.append((tmp, target, Path(path)))
        for tmp, target, named in staged:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _output_error(exc, named) from None
    except BaseException:
        for tmp, _target, _named in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def _stage(named: Path, chunks: Iterable[bytes], make_parents: bool) -> tuple[str | None, Path]:
    """Write ``chunks`` to a temp file beside ``named``; return it and the final target.

    A target that is not a regular file (``/dev/stdout``, a FIFO) is written in
    place and no temp file is returned.
    """
    # write through a symbolic link (as cp does), not over it
    target = Path(os.path.realpath(named)) if named.is_symlink() else named
    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            st = os.stat(target)
        except FileNotFoundError:
            mode = _new_file_mode()
        else:
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if not stat.S_ISREG(st.st_mode):
                _write_in_place(target, chunks)
                return None, target
            mode = stat.S_IMODE(st.st_mode)
        fd, tmp = _mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _output_error(exc, named) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise _output_error(exc, named) from None
        raise
    return tmp, target


#: The flags ``tempfile.mkstemp`` opens with (a new file, never through a link).
_TEMP_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_TEMP_FLAGS |= getattr(os, "O_BINARY", 0)


def _mkstemp(prefix: str, suffix: str, dir: Path) -> tuple[int, str]:  # noqa: A002
    """``tempfile.mkstemp(suffix, prefix, dir)`` (a new file of mode 0600, its descriptor
    and absolute path; 12 random hex digits between ``prefix`` and ``suffix``) without
    importing :mod:`tempfile`, which imports shutil, lzma, bz2 and random: ~15 M
    instructions, 1.5 % of a cold start (issue 14, session 18)."""
    folder = os.path.abspath(dir)
    for _attempt in range(10_000):  # tempfile.TMP_MAX
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        sys.audit("tempfile.mkstemp", path)
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


def _write_in_place(target: Path, chunks: Iterable[bytes]) -> None:
    with open(target, "wb") as fh:
        for chunk in chunks:
            fh.write(chunk)
        fh.flush()


def _output_error(exc: OSError, target: str | os.PathLike[str]) -> OutputError:
    if isinstance(exc, OutputError):
        return exc
    code = exc.errno or errno.EIO
    if isinstance(exc, FileNotFoundError):
        problem = f"no such folder {Path(target).parent}"
    else:
        problem = exc.strerror or os.strerror(code)
    return OutputError(code, problem, str(target))


def output_error(exc: OSError, target: str | os.PathLike[str]) -> OutputError:
    """``exc`` (raised while writing ``target``) as an :class:`OutputError` naming ``target``."""
    return _output_error(exc, target)


def atomic_write(path: str | os.PathLike[str], text: str, make_parents: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, [text.encode("utf-8")], make_parents)
