"""A per-user disk cache for data built from shipped files at start-up (never required).

Some resources are cheap to store but slow to build in every process: the OCR
vocabulary (82,765 words parsed from symspellpy's dictionary, then sorted for the
prefix test) costs ~80 ms of a 0.4 s cold start.  :func:`disk_cached` keeps the
built value as a :mod:`marshal` file under the user's cache folder and reads it
back in a few milliseconds.

The file name is a hash of everything the value depends on: the cache format,
the Python version (marshal's format), the builder's code object, and the size
and SHA-256 of each source file: the data files and the modules holding the code
that builds the value (an edit to either gives a new name).  A stale value
therefore cannot be read.  The name holds no path: the builder's code is hashed
without its file name (:func:`code_fingerprint`), so every checkout or install
whose sources have the same bytes shares one entry instead of evicting the others'
(issue 14: seven checkouts of one machine rebuilt the OCR tables at start-up).
After each write only the newest :data:`KEEP` files of that name stay (another
version of the package sharing the folder keeps its own), so the folder does not
grow with every upgrade.

The cache is an optimisation only: when the folder cannot be created or written,
the file is missing, unreadable or of the wrong type, the value is built as if
there were no cache (the same value: builders are pure functions of their
sources).  Writes go to a temporary file in the same folder, then ``os.replace``,
so concurrent processes never read a half-written file.

Where: ``$REPAIR_CACHE_DIR`` if set (``off`` or empty disables the cache), else
``$XDG_CACHE_HOME/repair``, else ``~/.cache/repair``.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import CodeType
from typing import Any, TypeVar

from repair.resources import digest as hashes

T = TypeVar("T")

#: Bump to ignore every file written by an older layout.
FORMAT = 1
ENV = "REPAIR_CACHE_DIR"
#: Files kept per cached name (the newest by modification time).
KEEP = 4


def cache_dir() -> Path | None:
    """The cache folder, or None when disabled (``REPAIR_CACHE_DIR=off`` or empty)."""
    env = os.environ.get(ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "repair"
    try:
        return Path.home() / ".cache" / "repair"
    except RuntimeError:  # no home directory
        return None


def code_fingerprint(code: CodeType) -> bytes:
    """:func:`marshal.dumps` of ``code`` with the file name of it and of every code object
    nested in it (lambdas, comprehensions) emptied: what the code does, not where it lies.
    Two copies of one module in two folders give the same bytes; any edit of the code
    (its instructions, constants, names, line numbers) gives other bytes."""
    return marshal.dumps(_without_filename(code))


def _without_filename(code: CodeType) -> CodeType:
    consts = tuple(_without_filename(c) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename="", co_consts=consts)


def _key(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[..., object]) -> str:
    return _sources_key(f"{FORMAT}\0{name}\0{sys.version}\0", sources, build)


def _sources_key(
    head: str, sources: Sequence[str | os.PathLike[str]], build: Callable[..., object]
) -> str:
    """The name of a value: ``head``, the builder's code and every source's size and digest."""
    h = hashes.sha256()
    h.update(head.encode())
    h.update(code_fingerprint(build.__code__))
    for src in sources:
        size, digest = file_digest(src)
        h.update(b"\0%d\0" % size)
        h.update(digest)
    return h.hexdigest()[:32]


#: A file's digest is remembered only once it is this much older than the clock (ns):
#: a write in the same clock tick as an earlier one may keep its size and mtime.
SETTLED_NS = 2_000_000_000


def file_digest(path: str | os.PathLike[str]) -> tuple[int, bytes]:
    """``(size, SHA-256 digest)`` of a file's bytes, remembered in the cache folder by
    its (path, size, mtime_ns, inode) once it has not changed for :data:`SETTLED_NS`
    (as git treats "racily clean" files): a shipped lexicon of several MB is then not
    read and hashed by every process.  A file modified later gets another mtime, so
    a stale digest cannot be read."""
    folder = cache_dir()
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if folder is None or st is None or st.st_mtime_ns > time.time_ns() - SETTLED_NS:
        data = Path(path).read_bytes()
        return len(data), hashes.sha256(data).digest()
    where = os.path.abspath(path)
    tag = hashes.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    stamp = f"{FORMAT}\0{where}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}"
    key = hashes.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    entry = folder / f"sha256-{tag}-{key}.marshal"
    try:
        value = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        value = None
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes):
        return value  # type: ignore[return-value]
    data = Path(path).read_bytes()
    value = (len(data), hashes.sha256(data).digest())
    try:
        again = os.stat(path)
    except OSError:
        return value
    if (again.st_size, again.st_mtime_ns, again.st_ino) == (
        st.st_size,
        st.st_mtime_ns,
        st.st_ino,
    ) and len(data) == st.st_size:
        _store(folder, f"sha256-{tag}", entry, value)
    return value


def disk_cached(
    name: str,
    sources: Sequence[str | os.PathLike[str]],
    build: Callable[[], T],
    kind: type = object,
    check: Callable[[T], bool] | None = None,
) -> T:
    """``build()``, read from the per-user cache when a current copy is there.

    ``build`` must depend only on the files ``sources`` (list the data files *and*
    the modules whose code builds the value: any edit to them gives a new cache
    entry) and return a value :mod:`marshal` can store (dict, list, tuple, str, int,
    float, frozenset...); ``kind`` is the type a cached value must have to be used,
    and ``check``, when given, must pass on a value read back (else it is built and
    stored again).
    """
    return _cached(name, lambda: _key(name, sources, build), build, kind, check)


def _stat_key(
    name: str, paths: Sequence[str | os.PathLike[str]], build: Callable[..., object], extra: str
) -> str:
    return _sources_key(f"{FORMAT}\0stat\0{name}\0{sys.version}\0{extra}\0", paths, build)


def stat_cached(
    name: str,
    paths: Sequence[str | os.PathLike[str]],
    build: Callable[[], T],
    kind: type = object,
    extra: str = "",
    apart: str = "",
) -> T:
    """``build()``, memoised in the per-user cache by the contents of ``paths``.

    For values that are cheap to store but costly to compute from large files (a
    file's sha256, the result of checking its whole format): the key holds each
    file's SHA-256 as :func:`file_digest` remembers it by (path, size, mtime_ns,
    inode), so a hit reads no file content, only ``os.stat`` and two small cache
    files, whatever the files' size; a file rewritten in place gets a new
    ``mtime_ns``, so its digest is taken again.  Keyed by content, not by path: a
    second checkout with the same files shares the entry (issue 14).  ``extra`` (a
    string) joins the key for anything else the value depends on.  ``build`` must be pure and
    raise (never return a value to keep) when it fails: exceptions are not cached.
    ``apart`` (``"module:function"``, a function that reads this very entry): on a miss,
    the entry is built by that function in a child interpreter (:func:`build_apart`) and
    read back here, so the build's transient memory is never this process's.
    """
    return _cached(name, lambda: _stat_key(name, paths, build, extra), build, kind, apart=apart)


#: Build a cache entry that names its builder (``stat_cached(..., apart=...)``) in a child
#: interpreter on a miss, then read it back (issue 14): a cold cache's builds otherwise
#: leave their transient memory in the process's arenas for the whole run.  The Moby
#: reverse index (``spin_mobyrev.ranked_index`` / ``wide_ranked_index``) reads every Moby
#: list (~120 MB).  Peak RSS on a cold cache (session 48, mem48; ``python -m repair fix
#: FILE``, ``benchmarks/spin_big_text.py``'s text): its first 250 k window 394.6 -> 302.0 MB
#: (warm: 286 MB), 5 MB 490.8 -> 421.9 MB (warm: 409.4 MB), outputs byte-identical, +1.5 s
#: CPU once (two interpreter starts); a warm cache runs the same statements.  The 50 MB
#: text's 567 MB (session 46) was a cold run.  The same value (the parent reads the
#: stored entry, as a warm run does); if the child fails the process builds it itself.
#: Off: ``BUILD_APART = False``.
BUILD_APART = True
#: Set in the child's environment: it builds the entry itself (no grandchild).
APART_ENV = "REPAIR_BUILD_APART"
#: Seconds a child may take before the process builds the entry itself.
APART_TIMEOUT = 600


def build_apart(target: str) -> bool:
    """Run ``module:function`` in a child interpreter (this process's ``sys.path`` and
    environment, the cache folder included) with :data:`APART_ENV` set; whether it ended
    without error.  Never within such a child, nor when :data:`BUILD_APART` is off."""
    if not BUILD_APART or os.environ.get(APART_ENV) or ":" not in target:
        return False
    import subprocess

    module, _, function = target.partition(":")
    env = dict(os.environ)
    env[APART_ENV] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    code = f"import importlib; importlib.import_module({module!r}).{function}()"
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=APART_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def compiled_code(name: str, source: str, filename: str) -> CodeType:
    """``compile(source, filename, "exec")``, kept in the per-user cache under ``name`` by
    the SHA-256 of ``source`` (and the Python version: marshal's and the bytecode's format).

    For Python generated at run time from a shipped model (the spin trees: ~10 ms to
    compile on every start, ~0.1 ms to read back): the same source always gives the same
    code object, and any other source another file name.
    """

    def key() -> str:
        h = hashes.sha256(f"{FORMAT}\0code\0{sys.version}\0{filename}\0".encode())
        h.update(source.encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:32]

    return _cached(name, key, lambda: compile(source, filename, "exec"), CodeType)


def generated_code(
    name: str, inputs: bytes, generator: CodeType, source: Callable[[], str], filename: str
) -> CodeType:
    """``compile(source(), filename, "exec")``, kept in the per-user cache under ``name`` by
    the SHA-256 of what the source is generated from: ``inputs`` (the data, e.g. a model's
    numbers marshalled) and ``generator`` (the code object that writes the source), so a
    hit neither writes the source nor compiles it (:func:`compiled_code` keys by the
    source, which costs as much to write as the trees' ~4 k nodes take to walk; issue 14,
    cold start).  ``source`` must be a pure function of those two."""

    def key() -> str:
        h = hashes.sha256(f"{FORMAT}\0generated\0{sys.version}\0{filename}\0".encode())
        h.update(marshal.dumps(generator))
        h.update(b"\0")
        h.update(inputs)
        return h.hexdigest()[:32]

    return _cached(name, key, lambda: compile(source(), filename, "exec"), CodeType)


def _cached(
    name: str,
    key: Callable[[], str],
    build: Callable[[], T],
    kind: type,
    check: Callable[[T], bool] | None = None,
    apart: str = "",
) -> T:
    """Read ``{name}-{key()}.marshal`` if it holds a ``kind`` (that passes ``check``);
    else build (in a child interpreter first when ``apart`` names the builder:
    :func:`build_apart`) and store it."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{key()}.marshal"
    except OSError:
        return build()
    for attempt in (0, 1) if apart else (0,):
        if attempt and not build_apart(apart):
            break
        found, value = _read(path, kind, check)
        if found:
            return value  # type: ignore[no-any-return]
    value = build()
    _store(folder, name, path, value)
    return value


def _read(path: Path, kind: type, check: Callable[[Any], bool] | None = None) -> tuple[bool, Any]:
    """``(True, value)`` for the ``kind`` value (that passes ``check``) stored at
    ``path``, else ``(False, None)``."""
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return False, None
    if isinstance(value, kind) and (check is None or check(value)):
        return True, value
    return False, None


def stat_peek(
    name: str,
    paths: Sequence[str | os.PathLike[str]],
    build: Callable[[], T],
    kind: type,
    extra: str,
) -> T | None:
    """What :func:`stat_cached` with the same arguments reads from the per-user cache, or
    None when the cache holds no such entry (or is off): nothing is built or stored (for
    a value too costly to build in every process that could use it)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        path = folder / f"{name}-{_stat_key(name, paths, build, extra)}.marshal"
    except OSError:
        return None
    return _read(path, kind)[1]  # type: ignore[no-any-return]


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    import tempfile  # only on a miss: its import costs a few ms of every start

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):  # unwritable folder, or a value marshal cannot store
        return
    _prune(folder, name)


def _prune(folder: Path, name: str) -> None:
    """Remove all but the newest :data:`KEEP` files ``{name}-{32 hex}.marshal``."""
    n = len(name) + 1
    try:
        mine = [
            p
            for p in folder.glob(f"{name}-*.marshal")
            if len(p.name) == n + 32 + 8 and all(c in "0123456789abcdef" for c in p.name[n:-8])
        ]
        if len(mine) <= KEEP:
            return
        mine.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for p in mine[KEEP:]:
            p.unlink(missing_ok=True)
    except OSError:  # another process pruned first, or a read-only folder
        pass
