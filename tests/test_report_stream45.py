"""``fix --report json --report-file``: the report written piece by piece, the same bytes
as the whole rendered report (issue 14: a big text's report is never held whole)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import repair.cli.fix as cli_fix
import repair.report.json as json_report
from repair.cli import app
from repair.report import render, render_pieces
from repair.types import Declined, DocScores, Edit, RepairResult
from tests.conftest import SPUN_SEED

runner = CliRunner()


def _result(declined: bool = True, edits: bool = True) -> RepairResult:
    text = "Trump mentioned it.\nThe r😀sult\twas fine.  Th1s is  odd."
    e1 = Edit(
        6, 9, "mentioned", "said", "spin", 0.912345, "SPIN_PAIR",
        evidence={"gain": 3.1, "nan": float("nan"), "pair": ("a", "b"), "line": "x\ny"},
        alternatives=("stated",),
    )  # fmt: skip
    e2 = Edit(41, 4, "Th1s", "This", "ocr", 0.8, "OCR_WORD", message="a\nb")
    out = "Trump said it.\nThe r😀sult\twas fine.  This is  odd."
    dec = (Declined(24, 6, "r😀sult", "ocr", "weak_evidence"),) if declined else ()
    return RepairResult(
        text, out if edits else text, (e2, e1) if edits else (), DocScores(words=9), dec
    )


@pytest.mark.parametrize("declined", [True, False])
@pytest.mark.parametrize("edits", [True, False])
@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_the_pieces_join_to_the_whole_report(
    declined: bool, edits: bool, indent: int | None
) -> None:
    r = _result(declined, edits)
    whole = json_report.render(r, "doc.txt", indent=indent)
    assert "".join(json_report.chunks(r, "doc.txt", indent=indent)) == whole


@pytest.mark.parametrize("fmt", ["json", "diff", "html"])
def test_render_pieces_is_render_in_every_format(fmt: str) -> None:
    r = _result()
    assert "".join(render_pieces(r, fmt, name="doc.txt")) == render(r, fmt, name="doc.txt")


def test_the_pieces_build_one_match_at_a_time() -> None:
    """Each match is built when its piece is asked for, not all of them first."""
    r = _result()
    built: list[int] = []
    real = json_report.match

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return real(*args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(json_report, "match", counting)
    try:
        pieces = json_report.chunks(r, "doc.txt")
        next(pieces)  # the head: no match yet
        assert built == []
        next(pieces)  # '"matches": ['
        next(pieces)  # the first match
        assert len(built) == 1
        list(pieces)
        assert len(built) == 2
    finally:
        mp.undo()


def test_fix_writes_the_json_report_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI never renders the whole JSON report with STREAM_REPORT on; the same bytes."""
    out, rep_on, rep_off = tmp_path / "out.txt", tmp_path / "on.json", tmp_path / "off.json"
    args = ["fix", str(SPUN_SEED), "-q", "-o", str(out), "--report", "json", "--report-file"]
    monkeypatch.setattr(cli_fix, "STREAM_REPORT", False)
    res = runner.invoke(app, [*args, str(rep_off)])
    assert res.exit_code == 0, res.output

    def whole(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the whole report was rendered")

    monkeypatch.setattr(cli_fix, "STREAM_REPORT", True)
    monkeypatch.setattr(json_report, "render", whole)
    res = runner.invoke(app, [*args, str(rep_on)])
    assert res.exit_code == 0, res.output
    assert rep_on.read_bytes() == rep_off.read_bytes()
    assert b'"matches": [\n    {' in rep_on.read_bytes()
