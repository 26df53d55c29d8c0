"""The CLI as a user runs it: exit codes, messages, stdout/stderr, files never overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from repair.cli import app
from tests.conftest import CLEAN_SEEDS, SPUN_SEED

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_help_everywhere() -> None:
    for cmd in ([], ["fix"], ["scan"]):
        res = run(*cmd, "--help")
        assert res.exit_code == 0 and "Usage" in res.output


def test_fix_clean_seed_is_byte_identical() -> None:
    res = run("fix", str(CLEAN_SEEDS[0]), "-q")
    assert res.exit_code == 0
    assert res.stdout == CLEAN_SEEDS[0].read_text(encoding="utf-8")


def test_fix_stdin() -> None:
    res = run("fix", "-", "-q", input="A clean sentence.\n")
    assert res.exit_code == 0 and res.stdout == "A clean sentence.\n"


def test_bad_inputs_give_one_line_messages(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(tmp_path / "empty.txt"): "empty input",
        str(tmp_path / "bin.dat"): "binary file",
        str(tmp_path / "latin1.txt"): "not UTF-8",
    }
    for path, message in cases.items():
        res = run("fix", path)
        assert res.exit_code == 1, path
        assert message in res.stderr and path in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1


def test_output_file_is_written_and_input_never_overwritten(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Some clean text.\n", encoding="utf-8")
    res = run("fix", str(src), "-o", str(src))
    assert res.exit_code == 1 and "refusing to overwrite" in res.stderr
    assert src.read_text(encoding="utf-8") == "Some clean text.\n"
    out = tmp_path / "out" / "fixed.txt"
    res = run("fix", str(src), "-o", str(out), "-q")  # a missing folder is refused, as cp does
    assert res.exit_code == 1 and "no such folder" in res.stderr and not out.parent.exists()
    out.parent.mkdir()
    res = run("fix", str(src), "-o", str(out), "-q")
    assert res.exit_code == 0 and res.stdout == ""
    assert out.read_text(encoding="utf-8") == "Some clean text.\n"


def test_check_exit_codes() -> None:
    assert run("fix", str(CLEAN_SEEDS[1]), "--check", "-q").exit_code == 0


def test_no_profile_leaves_the_seed_profile_out() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    spun = SPUN_SEED.read_text(encoding="utf-8")
    without = repair_text(spun, config=RepairConfig(spin_profile=None)).text
    assert without != repair_text(spun).text
    assert run("fix", str(SPUN_SEED), "-q", "--no-profile").stdout == without
    # the console path (no typer) reads the flag the same way
    cmd = [sys.executable, "-m", "repair", "fix", str(SPUN_SEED), "-q", "--no-profile"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert res.stdout == without


def test_unknown_stage_is_a_usage_error() -> None:
    res = run("fix", str(CLEAN_SEEDS[0]), "--only", "nonsense")
    assert res.exit_code == 2 and "unknown stage" in res.stderr


def test_scan_json_lines_and_bad_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    res = run("scan", "--json", str(CLEAN_SEEDS[0]), str(SPUN_SEED), str(tmp_path / "empty.txt"))
    assert res.exit_code == 1
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(CLEAN_SEEDS[0]), str(SPUN_SEED)]
    assert {"spin", "garble", "mojibake", "tortured", "edits_per_1000_words"} <= set(rows[0])
    assert "empty input" in res.stderr


def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "repair", "fix", str(CLEAN_SEEDS[2]), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == CLEAN_SEEDS[2].read_text(encoding="utf-8")


def test_non_english_text_is_left_alone_and_said_so() -> None:
    text = (
        "Der Präsident traf sich am Donnerstag mit dem chinesischen Staatschef in "
        "Südkorea und sprach über Zölle und den Handel zwischen beiden Ländern.\n"
    )
    res = run("fix", "-", input=text)
    assert res.exit_code == 0 and res.stdout == text
    assert "does not look like English" in res.stderr
