"""The on-disk state of a batch run, so a killed run can be resumed (datatrove's pattern).

Everything lives in ``OUTPUT/.repair-batch/``:

* ``plan.json``: the options and the list of shards, written once;
* ``parts/<shard>.*``: a finished shard's outputs (JSON Lines records, report lines);
* ``completions/<shard>.json``: the completion marker, holding the shard's stats;
* ``pairs.tsv``: substitution pairs learned over the corpus (``--learn``);
* ``ocr_table.tsv``: the corpus's own OCR profile (``--self-train``, or automatic:
  :mod:`repair.batch.ocr_auto`), then ``ocr_table.json``, its completion marker;
* ``finished``: written after the final files were assembled;
* ``lock``: held (``flock``) by the running batch, naming its pid and host.  The
  kernel drops the lock when that process dies, even by ``kill -9``, so a
  killed run never blocks its resumption.

Every file is written to a temp file and renamed into place, and a shard's
marker is written only after its outputs, so a run killed at any moment
leaves either a complete shard or one that is redone from scratch.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from repair.batch.sources import Shard
from repair.io import atomic_write_bytes, atomic_write_group

STATE_DIR = ".repair-batch"
#: Bumped when the layout of the state folder changes (2: shards sized by words).
STATE_VERSION = 2

#: File descriptors of the locks this process holds (closed in forked workers).
_held_locks: list[int] = []


def close_inherited_locks() -> None:
    """In a forked worker: close the copies of the parent's lock files.

    A ``flock`` lives as long as any descriptor of it is open; workers must not
    keep a killed batch's lock alive (the parent's own descriptor holds it).
    """
    while _held_locks:
        try:
            os.close(_held_locks.pop())
        except OSError:
            pass


class BatchError(Exception):
    """A problem that stops the whole batch; the message names the fix."""


def atomic_copy(src: Path, dst: Path, chunk: int = 1 << 20) -> None:
    """Copy ``src`` to ``dst`` atomically (streamed, whatever its size)."""

    def chunks() -> Iterable[bytes]:
        with open(src, "rb") as fh:
            while block := fh.read(chunk):
                yield block

    atomic_write_bytes(dst, chunks())


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(path, [json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")])


class State:
    """The state folder of one OUTPUT folder."""

    def __init__(self, output: str | os.PathLike[str]) -> None:
        self.output = Path(output)
        self.dir = self.output / STATE_DIR
        self.completions = self.dir / "completions"
        self.parts = self.dir / "parts"
        self.plan_path = self.dir / "plan.json"
        self.pairs_path = self.dir / "pairs.tsv"
        self.ocr_table_path = self.dir / "ocr_table.tsv"
        #: written after :attr:`ocr_table_path`: the learned table is complete (what it
        #: learned from)
        self.ocr_table_done_path = self.dir / "ocr_table.json"
        self.finished_path = self.dir / "finished"

    # -- lock -----------------------------------------------------------------------------

    def lock(self) -> None:
        """Take the run's lock, or raise :class:`BatchError` naming the running batch."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            return
        lock_path = self.dir / "lock"
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            where = self.output if not self.dir.is_dir() else lock_path
            raise BatchError(f"{where}: cannot write: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "unknown"
            finally:
                os.close(fd)
            raise BatchError(
                f"{self.output}: another repair batch is already running ({holder}) on this "
                "folder; wait for it to finish, or stop it and run the same command to resume"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
        self._lock_fd = fd
        _held_locks.append(fd)

    def unlock(self) -> None:
        fd = getattr(self, "_lock_fd", None)
        if fd is None:
            return
        self._lock_fd = None
        if fd in _held_locks:
            _held_locks.remove(fd)
        os.close(fd)  # releases the flock; the file stays (it would race a new run)

    # -- plan -----------------------------------------------------------------------------

    def load_plan(self, options: dict[str, Any]) -> dict[str, Any] | None:
        """The saved plan, or ``None``; raises if it was made with other options."""
        if not self.plan_path.is_file():
            return None
        plan = json.loads(self.plan_path.read_text(encoding="utf-8"))
        if plan.get("version") != STATE_VERSION or plan.get("options") != options:
            raise BatchError(
                f"{self.output} holds a batch run started with other options or another "
                f"version ({self.plan_path}); run the same command as before to resume it, "
                "or choose a new OUTPUT folder (or delete this one) to start over"
            )
        return plan

    def save_plan(self, options: dict[str, Any], shards: list[Shard], extra: dict) -> dict:
        plan = {
            "version": STATE_VERSION,
            "options": options,
            "shards": [s.to_json() for s in shards],
            **extra,
        }
        atomic_write_json(self.plan_path, plan)
        return plan

    # -- shards ---------------------------------------------------------------------------

    def marker(self, shard: Shard) -> Path:
        return self.completions / f"{shard.name}.json"

    def is_done(self, shard: Shard) -> bool:
        """Marker and part files present (a shard whose parts were lost is redone)."""
        if not self.marker(shard).is_file() or not self.part(shard, "report").is_file():
            return False
        return shard.kind != "jsonl" or self.part(shard, "records").is_file()

    def load_stats(self, shard: Shard) -> dict[str, Any]:
        return json.loads(self.marker(shard).read_text(encoding="utf-8"))

    def part(self, shard: Shard, kind: str) -> Path:
        """``kind`` is ``records`` (JSON Lines output) or ``report`` (sidecar lines)."""
        return self.parts / f"{shard.name}.{kind}.jsonl"

    def complete(self, shard: Shard, stats: dict[str, Any]) -> None:
        """Write the completion marker (after the shard's outputs are in place)."""
        atomic_write_json(self.marker(shard), stats)

    def clean_temp(self) -> int:
        """Delete temp files a killed run left behind (ours: ``.<name>.*.tmp``)."""
        removed = 0
        if not self.output.is_dir():
            return 0
        for dirpath, _dirnames, filenames in os.walk(self.output):
            for name in filenames:
                if name.startswith(".") and name.endswith(".tmp"):
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
        return removed

    def finish(self) -> None:
        atomic_write_bytes(self.finished_path, [b"done\n"])
        shutil.rmtree(self.parts, ignore_errors=True)

    def write_final(self, files: list[tuple[Path, Iterable[bytes]]]) -> None:
        """Write the final outputs all-or-nothing (see :func:`repair.io.atomic_write_group`):
        a full disk leaves none of them, never some without their siblings."""
        atomic_write_group(files)

    @property
    def finished(self) -> bool:
        return self.finished_path.is_file()
