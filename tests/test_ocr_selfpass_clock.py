"""benchmarks/ocr_selfpass_clock.py: the self-training pass counted (issue 14, session 51)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import ocr_selfpass_clock  # noqa: E402

from repair.bench.speed import speed_text  # noqa: E402


@pytest.fixture(scope="module")
def ocr_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("selfpass") / "ocr.txt"
    path.write_text(speed_text("ocr", 1_500), encoding="utf-8")
    return path


def test_passes_counted(ocr_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from repair.stages import ocr as ocr_stage

    plain = type(ocr_stage.STAGE).candidates
    assert ocr_selfpass_clock.main([str(ocr_file), "--words", "1500", "--pairs", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2
    words, off, on, *_rest, passes, _edits = rows[1].split()
    assert int(words) > 1_000 and float(off) > 0 and float(on) > 0
    # a garbled text under AUTO_MAX_WORDS: one OCR pass with AUTO off, two with it on
    assert passes == "1/2"
    assert type(ocr_stage.STAGE).candidates is plain  # the counting wrapper is removed


def test_clock_restores_auto(ocr_file: Path) -> None:
    from repair.score import ocr_docself

    was = ocr_docself.AUTO
    calls = [0]
    cpu, passes, _edits = ocr_selfpass_clock.clock("Tbe cat sat on tbe mat.", not was, calls)
    assert cpu >= 0 and passes == 0  # the stage is not wrapped: nothing counted
    assert ocr_docself.AUTO is was
