"""The CLI findings of the hostile test run (issue 16) that need more than a bad file:
BOMs, file modes, full disks, terminals, help text, the HTML deep link."""

from __future__ import annotations

import errno
import os
import pty
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import repair.io as rio
from repair.cli import app
from tests.conftest import CLEAN_SEEDS, ROOT, SPUN_SEED, one_line

runner = CliRunner()
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


# -- 5: a BOM survives ----------------------------------------------------------------------


def test_a_clean_file_with_a_bom_comes_out_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "bom.txt"
    data = b"\xef\xbb\xbf" + CLEAN_SEEDS[0].read_bytes()
    src.write_bytes(data)
    out = tmp_path / "out.txt"
    res = run("fix", str(src), "-o", str(out))
    assert res.exit_code == 0 and "0 edits" in res.stderr
    assert out.read_bytes() == data
    assert run("fix", str(src), "--check", "-q").exit_code == 0


def test_a_bom_does_not_hide_the_first_word_and_offsets_count_it(tmp_path: Path) -> None:
    import json

    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbf" + SPUN_SEED.read_bytes())
    res = run("fix", str(src), "-q", "--report", "json")
    assert res.exit_code == 0
    out = res.stdout.encode("utf-8")
    assert out.startswith(b"\xef\xbb\xbf")
    report = json.loads(res.stderr)
    text = src.read_text("utf-8")
    for m in report["matches"]:
        original = text[m["offset"] : m["offset"] + m["length"]]
        assert (
            original
            == m["context"]["text"][m["context"]["offset"] : m["context"]["offset"] + m["length"]]
        )


# -- 1: file modes ----------------------------------------------------------------------------


def test_outputs_are_not_private(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    old = os.umask(0o022)
    try:
        out, rep = tmp_path / "out.txt", tmp_path / "report.html"
        res = run("fix", str(src), "-o", str(out), "--report", "html", "--report-file", str(rep))
        assert res.exit_code == 0, res.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        assert stat.S_IMODE(rep.stat().st_mode) == 0o644
        out.chmod(0o664)
        assert run("fix", str(src), "-o", str(out), "-q").exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o664  # a replaced file keeps its mode
    finally:
        os.umask(old)


# -- 6: write errors name the real target --------------------------------------------------------


def test_full_stdout_is_named_stdout(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "repair", "fix", str(src), "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=ENV,
            timeout=120,
        )
    line = one_line(proc.stderr.decode())
    assert proc.returncode == 1
    assert line == "repair: <stdout>: cannot write: No space left on device"


def test_a_reader_that_went_away_is_not_a_traceback(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `repair fix x | head -c 0`: nobody reads
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "repair", "fix", str(CLEAN_SEEDS[0]), "-q"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=ENV,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 1 and proc.stderr.decode() == ""


def test_full_disk_on_the_report_file_names_it(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    rep = tmp_path / "report.json"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(rio.os, "fsync", full)
    res = run("fix", str(src), "-q", "--report", "json", "--report-file", str(rep))
    assert res.exit_code == 1
    assert one_line(res.stderr) == f"repair: {rep}: cannot write: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_unwritable_folder_names_the_output_not_the_temp_file(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    out = tmp_path / "out.txt"

    def denied(*args, **kwargs):  # what a read-only folder does (the tests may run as root)
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".out.txt.z.tmp"))

    monkeypatch.setattr(rio, "_mkstemp", denied)
    res = run("fix", str(src), "-o", str(out))
    assert res.exit_code == 1
    assert one_line(res.stderr) == f"repair: {out}: cannot write: Permission denied"


# -- 7: the smaller ones -----------------------------------------------------------------------


def test_unreadable_reference_exits_1_withone_line(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    ref = tmp_path / "ref.txt"
    ref.write_text("Another clean sentence.\n")
    real_access, real_read = os.access, Path.read_bytes

    def access(path, mode, *args, **kwargs):  # chmod 000 does not stop root: simulate it
        if os.fspath(path) == str(ref):
            return False
        return real_access(path, mode, *args, **kwargs)

    def read_bytes(self):
        if str(self) == str(ref):
            raise PermissionError(errno.EACCES, "Permission denied", str(ref))
        return real_read(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    for cmd in ("fix", "scan"):
        res = run(cmd, str(src), "-r", str(ref))
        assert res.exit_code == 1, cmd
        assert one_line(res.stderr) == f"repair: {ref}: permission denied"


def test_html_report_is_not_dumped_on_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("A clean sentence.\n")
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "repair", "fix", str(src), "--report", "html"],
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=ENV,
            timeout=120,
        )
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if secondary >= 0:
            os.close(secondary)
        os.close(primary)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 2 and "<html" not in shown and len(shown) < 1000
    assert "--report-file" in shown
    # to a file it is fine, and so is stderr redirected to a file
    res = run("fix", str(src), "-q", "--report", "html", "--report-file", str(tmp_path / "r.html"))
    assert res.exit_code == 0 and (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html")


def test_help_shows_flags_without_a_bool_type() -> None:
    for cmd in ("fix", "batch", "learn", "scan"):
        res = run(cmd, "--help")
        assert res.exit_code == 0
        assert "<bool>" not in res.output and "list[" not in res.output, cmd


def test_html_deep_link_e3_is_the_edit_labelled_3(tmp_path: Path) -> None:
    from repair import repair_text
    from repair.report import render

    page = render(repair_text(SPUN_SEED.read_text("utf-8")), "html", name="000.txt")
    links = re.findall(r'<a href="#e-(\d+)">(\d+)</a>', page)
    assert len(links) > 3 and all(a == b for a, b in links)  # the table links #e-N to edit N
    # the tooltip of the edit labelled #3 is the one the script opens for #e-3
    tip = re.search(
        r'id="tip-(\d+)"[^>]*>(?:(?!id="tip-).)*?<span class="num">#3</span>', page, re.S
    )
    assert tip is not None and tip.group(1) == "2"
    chromium = shutil.which("chromium")
    if chromium is None:
        return
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    args = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600",
        "--virtual-time-budget=2000", "--dump-dom", path.as_uri() + "#e-3",
    ]  # fmt: skip
    try:
        dom = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not answer")
    if 'data-ready="1"' not in dom:
        pytest.skip("chromium did not run the page")
    opened = re.findall(r'<div class="tip [^"]*" id="tip-(\d+)"(?![^>]*hidden)[^>]*>', dom)
    assert opened == ["2"]  # #e-3 opens the edit labelled #3 (ids count from 0)


def test_ctrl_c_during_the_repair_isone_line(tmp_path: Path, monkeypatch) -> None:
    import repair.cli.fix as fix_cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(fix_cli, "repair_keeping_bom", interrupted)
    out = tmp_path / "out.txt"
    res = run("fix", str(CLEAN_SEEDS[0]), "-o", str(out))
    assert res.exit_code == 130 and not out.exists()
    assert one_line(res.stderr) == "repair: interrupted; nothing was written"
