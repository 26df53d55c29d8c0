"""Automatic self-training on by default (session 44, lead): a garbled text is repaired,
self-trained on and repaired again; ``RepairConfig(ocr_self_train=False)`` and
``repair fix --one-pass`` keep one pass; a clean text never counts its garble rate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_docself, ocr_table
from tests.test_ocr_docself28 import DOCUMENT, Z_WORDS
from tests.test_ocr_docself43 import _shipped_table  # noqa: F401  (autouse: shipped tables around each test)

ROOT = Path(__file__).resolve().parent.parent


def test_on_by_default_and_one_pass_keeps_the_plain_repair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ocr_docself.AUTO is True and RepairConfig().ocr_self_train is True
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    plain = repair_text(DOCUMENT, config=RepairConfig(ocr_self_train=False)).text
    assert plain == DOCUMENT  # the shipped tables read no z as h
    fixed = repair_text(DOCUMENT).text
    changed = [(a, b) for a, b in zip(DOCUMENT.split(), fixed.split(), strict=True) if a != b]
    assert changed and all(Z_WORDS.get(a.strip(",.")) == b.strip(",.") for a, b in changed)
    assert ocr_table.installed() is None  # the shipped tables are back


def test_a_clean_first_pass_is_not_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[str] = []
    monkeypatch.setattr(
        "repair.score.ocr_docself.still_unknown", lambda text: counted.append(text) or []
    )
    seed = sorted((ROOT / "seeds").glob("001_*.txt"))[0].read_text(encoding="utf-8")
    assert repair_text(seed).text == seed
    assert counted == []
    monkeypatch.setattr(ocr_docself, "AUTO_MIN_GARBLE", 0.0)
    repair_text(seed)
    assert counted == [seed]


def test_fix_one_pass_option(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "repair", "fix", str(doc), "-q", "--one-pass"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert run.stdout == DOCUMENT + "\n" or run.stdout == DOCUMENT


def test_batch_one_pass_repairs_each_document_once(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from repair.cli import app

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    for flag, want in (("--one-pass", True), (None, False)):
        out = tmp_path / f"out{want}"
        args = ["batch", str(inp), str(out), "-j", "1", "-q"] + ([flag] if flag else [])
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        got = (out / "doc.txt").read_text(encoding="utf-8")
        assert (got.rstrip("\n") == DOCUMENT.rstrip("\n")) is want
