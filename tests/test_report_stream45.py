"""``fix --report json --report-file``: the report written piece by piece, the same bytes
as the whole rendered report (issue 14: a big text's report is never held whole)."""

from __future__ import annotations

from dataclasses import replace
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


def test_the_pieces_build_one_match_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each match is built when the encoder reaches it, not all of them first."""
    r = _result()
    built: list[int] = []
    real = json_report.match

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(json_report, "match", counting)
    monkeypatch.setattr(json_report, "PIECE_CHARS", 1)
    seen = []
    for piece in json_report.chunks(r, "doc.txt"):
        seen.append((piece, len(built)))
    at = next(n for piece, n in seen if '"matches"' in piece)
    assert at == 0 and len(built) == 2


def test_the_pieces_leave_no_cycle_per_match() -> None:
    """Where the collector is off (``repair fix``'s quick exit), writing the report leaves
    no garbage cycle per match (one encoder call for all, not one a match)."""
    import gc

    base = _result()
    many = RepairResult(
        base.original * 300,
        base.text * 300,
        tuple(
            e
            for k in range(300)
            for e in (replace(x, offset=x.offset + k * len(base.original)) for x in base.edits)
        ),
        base.scores,
        base.declined * 300,
    )
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _piece in json_report.chunks(many, "doc.txt"):
            pass
        left = gc.collect()
    finally:
        if was:
            gc.enable()
    assert left < 200  # one call: a few dozen; one per match: ~30 objects a match


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
