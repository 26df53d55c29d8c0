"""Writing files the way users expect (issue 16): modes, BOMs, UTF-16, the real target named
in every error, all-or-nothing groups of files."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

import repair.io as rio
from repair.io import InputError, atomic_write, decode_bytes, read_input


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda m: os.umask(m)
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_a_new_file_gets_0666_minus_the_umask(tmp_path: Path, umask, mask: int) -> None:
    umask(mask)
    p = tmp_path / "new.txt"
    atomic_write(p, "text")
    assert _mode(p) == 0o666 & ~mask  # mkstemp alone gives 0600


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    p = tmp_path / "shared.txt"
    p.write_text("old")
    for mode in (0o644, 0o640, 0o664, 0o600):
        p.chmod(mode)
        atomic_write(p, "new")
        assert _mode(p) == mode and p.read_text() == "new"


def test_a_symlink_is_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new" and _mode(real) == 0o640


def test_a_fifo_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and got == [b"through the pipe"]


def test_a_utf8_bom_is_kept_so_the_bytes_survive() -> None:
    data = "\ufeffA clean text.\n".encode()
    assert decode_bytes(data).encode("utf-8") == data


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_with_the_iconv_line(codec: str) -> None:
    data = "A clean English sentence, in UTF-16.\n".encode(codec)
    with pytest.raises(InputError) as info:
        decode_bytes(data, "doc.txt")
    msg = str(info.value)
    assert "UTF-16" in msg and "iconv -f UTF-16 -t UTF-8 doc.txt" in msg and "binary" not in msg


def test_binary_with_many_nuls_is_still_binary() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(bytes([0, 1, 0, 2, 0, 3, 0, 0xFF, 0, 0x80] * 50), "blob.bin")
    assert info.value.reason == "binary"


def test_closed_stdin_is_an_input_error(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        read_input("-")


def test_errors_name_the_target_not_the_temp_file(tmp_path: Path, monkeypatch) -> None:
    # -o that is a directory
    with pytest.raises(OSError) as info:
        atomic_write(tmp_path, "x")
    assert info.value.filename == str(tmp_path) and ".tmp" not in str(info.value)
    # a folder we may not write to (simulated: the tests may run as root)
    target = tmp_path / "out.txt"

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".out.txt.x.tmp"))

    monkeypatch.setattr(rio, "_mkstemp", denied)
    with pytest.raises(OSError) as info:
        atomic_write(target, "x")
    assert info.value.filename == str(target)
    assert str(info.value) == f"{target}: cannot write: Permission denied"


def test_full_disk_names_the_target_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "report.html"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(rio.os, "fsync", full)
    with pytest.raises(OSError) as info:
        atomic_write(target, "x" * 1000)
    assert str(info.value) == f"{target}: cannot write: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_a_group_is_written_all_or_nothing(tmp_path: Path, monkeypatch) -> None:
    real = rio._mkstemp

    def full_on_b(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(".b."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(rio, "_mkstemp", full_on_b)
    files = [(tmp_path / n, [n.encode()]) for n in ("a", "b", "c")]
    with pytest.raises(OSError, match="b: cannot write: No space left"):
        rio.atomic_write_group(files)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(rio, "_mkstemp", real)
    rio.atomic_write_group(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "c"]


def test_missing_parent_is_created_only_when_asked(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info:
        atomic_write(tmp_path / "no" / "such" / "out.txt", "x", make_parents=False)
    assert "no such folder" in str(info.value) and not (tmp_path / "no").exists()
    atomic_write(tmp_path / "yes" / "out.txt", "x")
    assert (tmp_path / "yes" / "out.txt").read_text() == "x"
