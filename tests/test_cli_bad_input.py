"""The cases of ``tests/cases/bad_input.json``: every bad input gives its exit code and one
line naming the file and the problem (no traceback, no usage box)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repair.cli import app
from tests.conftest import ROOT

CASES = json.loads((ROOT / "tests" / "cases" / "bad_input.json").read_text("utf-8"))["cases"]


def _make(tmp: Path, files: dict[str, dict]) -> None:
    for rel, spec in files.items():
        p = tmp / rel
        if spec.get("dir"):
            p.mkdir(parents=True, exist_ok=True)
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        if "bytes" in spec:
            p.write_bytes(spec["bytes"].encode("latin-1"))
        else:
            p.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))


def _run(args: list[str], stdin: str | None, stdout: str | None = None) -> tuple[int, str]:
    closed = [fd for fd, how in ((0, stdin), (1, stdout)) if how == "closed"]
    if closed:  # a real process started with fd 0 or 1 closed (`repair fix - <&-`, `>&-`)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-m", "repair", *args],
            stdin=None if 0 in closed else subprocess.DEVNULL,
            stdout=None if 1 in closed else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            preexec_fn=lambda: [os.close(fd) for fd in closed] and None,
        )
        return proc.returncode, proc.stderr.decode("utf-8", "replace")
    res = CliRunner().invoke(app, args, input=stdin)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception  # a traceback: the test must fail loudly
    return res.exit_code, res.stderr


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_bad_input(tmp_path: Path, case: dict) -> None:
    _make(tmp_path, case.get("files", {}))
    args = [a.replace("{tmp}", str(tmp_path)) for a in case["args"]]
    code, stderr = _run(args, case.get("stdin"), case.get("stdout"))
    assert code == case["exit"], stderr
    lines = stderr.strip().splitlines()
    if case.get("one_line"):
        assert len(lines) == 1, stderr
        assert lines[0].startswith("repair: "), stderr
    assert re.search(case["message"], stderr, re.M), stderr
    assert "Traceback" not in stderr


def test_big_file_changed_between_reads_is_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big input is read twice (checked whole, then streamed by pieces). If it is
    rewritten in between with bytes that are not UTF-8, the run stops with one line
    naming the file, and ``-o`` leaves no output (no traceback, no partial file)."""
    import repair.cli.fix as fix

    src = tmp_path / "big.txt"
    src.write_bytes(b"The council met on Monday.\n" * 10 + b"\xff\xfe broken \x80\n")
    checked = "The council met on Monday.\n" * 40_000  # what the first read saw
    monkeypatch.setattr(fix, "read_or_exit", lambda path: checked)
    out = tmp_path / "out.txt"
    code, stderr = _run(["fix", str(src), "-o", str(out), "-q"], None)
    assert code == 1, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"repair: {src}: changed while being read"), stderr
    assert lines[0].endswith("nothing was written"), stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]
