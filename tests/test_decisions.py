"""Decision reason codes counted per stage (issue 11 item 6, :mod:`repair.decisions`): in
``scores.decisions`` (JSON report, ``repair scan --json``), the scan table's ``declined``
column, the HTML report and the batch summary."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repair.batch.summary import print_summary, summarize
from repair.cli import app
from repair.config import RepairConfig
from repair.decisions import decision_counts, declined, merge
from repair.io import repair_keeping_bom
from repair.pipeline import repair_text
from repair.report.html import render
from repair.score import ocr_knownform
from repair.types import Edit, RepairResult
from repair.write import spans_to_base

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_ocr_broken28 import PAGE  # noqa: E402  (a page with a known name the gate keeps)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SPUN = SEEDS / "000_82c06b63a97e6cbd.txt"


def test_counts_skip_non_counters_and_zeros() -> None:
    details = {
        "english_share": 0.98,
        "spin": {"decisions": {"applied": 0, "lm_against": 2}, "profile_score": 0.9},
        "ocr": {"garbled": True},
        "collocation": {"rare_word_decisions": {"weak": 1}, "mill_word_decisions": {"weak": 2}},
    }
    assert decision_counts(details) == {"collocation": {"weak": 3}, "spin": {"lm_against": 2}}
    assert decision_counts({}) == {}
    assert declined({"spin": {"applied": 5, "carried": 1, "guarded": 2}}) == 2
    total: dict[str, dict[str, int]] = {"spin": {"applied": 1}}
    merge(total, {"spin": {"applied": 2, "lm_against": 1}, "ocr": {"known_form": 1}})
    assert total == {"spin": {"applied": 3, "lm_against": 1}, "ocr": {"known_form": 1}}


def test_spin_decisions_reach_the_scores_json() -> None:
    r = repair_text(SPUN.read_text("utf-8"))
    spin = r.scores.to_json()["decisions"]["spin"]
    assert spin["applied"] == sum(e.kind == "spin" for e in r.edits)
    assert declined({"spin": spin}) > 0 and set(spin) - {"applied"}


def test_known_form_refusals_counted_in_the_ocr_decisions() -> None:
    r = repair_text(PAGE, config=RepairConfig())
    ocr = r.scores.decisions["ocr"]
    assert ocr["known_form"] >= 1  # "Delamare" kept
    assert ocr["applied"] >= sum(e.kind == "ocr" for e in r.edits)


def test_no_known_form_count_without_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_knownform, "KNOWN_FORM_GATE", False)
    assert "known_form" not in repair_text(PAGE, config=RepairConfig()).scores.decisions["ocr"]


def test_scan_json_and_table_show_decisions() -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["scan", str(SPUN), "--json"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.stdout.splitlines()[0])
    assert row["decisions"]["spin"]["applied"] == row["edits_by_kind"]["spin"]
    table = runner.invoke(app, ["scan", str(SPUN)])
    assert table.exit_code == 0 and "declined" in table.stdout
    n = declined(row["decisions"])
    assert f"{n:,}" in table.stdout.splitlines()[-1]


def test_html_report_lists_decisions() -> None:
    text = SPUN.read_text("utf-8")
    page = render(repair_text(text), name="000.txt")
    assert 'class="decisions"' in page and "<code>lm_against</code>" in page


def _shard(decisions: dict | None) -> dict:
    st = {
        "documents": 1, "failed": 0, "changed": 1, "words": 10, "edits": 1,
        "edits_by_kind": {"spin": 1}, "failures": [], "seconds": 0.1, "pid": 1,
        "max_rss_kb": 1000,
    }  # fmt: skip
    if decisions is not None:
        st["decisions"] = decisions
    return st


def test_batch_summary_adds_up_decisions(tmp_path: Path) -> None:
    shards = [
        _shard({"spin": {"applied": 1, "lm_against": 2}}),
        _shard({"spin": {"lm_against": 1}, "ocr": {"known_form": 3}}),
        _shard(None),  # a shard finished by an older version
    ]
    s = summarize(shards, run_stats=shards, wall_seconds=1.0, engine="local", jobs=1)
    assert s["decisions"] == {"ocr": {"known_form": 3}, "spin": {"applied": 1, "lm_against": 3}}
    out = tmp_path / "summary.txt"
    with out.open("w") as f:
        print_summary(s, file=f)
    printed = out.read_text()
    assert "declined: spin lm_against" in printed and "declined: ocr known_form" in printed
    assert "declined: spin applied" not in printed


# --------------------------------------------------------------------------- declined spans

KEEP = replace(RepairConfig(), keep_declined=True)
SPIN_REASONS = {"lm_against", "weak_evidence", "below_threshold", "proper_noun", "book_pair",
                "guarded", "inconsistent_mapping"}  # fmt: skip


def _check_spans(text: str, result: RepairResult) -> None:
    assert result.declined, "nothing declined"
    for d in result.declined:
        assert text[d.offset : d.offset + d.length] == d.original
    assert list(result.declined) == sorted(result.declined, key=lambda d: (d.offset, d.length))


def test_declined_spans_only_when_asked() -> None:
    text = SPUN.read_text("utf-8")
    assert repair_text(text).declined == ()
    r = repair_text(text, config=KEEP)
    _check_spans(text, r)
    assert "spin" in {d.stage for d in r.declined} <= {"spin", "collocation", "tortured"}
    assert all(d.reason != "applied" for d in r.declined)
    edited = {(e.offset, e.end) for e in r.edits}
    assert not any((d.offset, d.offset + d.length) in edited for d in r.declined)


def test_collocation_and_tortured_stages_list_their_declined_words() -> None:
    # a clean abstract of the tortured suite: the rare-word pass reads some words and
    # leaves them (lm_against, sparse), the mills' habit reader leaves a term (weak_term)
    path = Path(__file__).parent.parent / "benchmarks/suites/tortured/clean013.damaged.txt"
    text = path.read_text("utf-8")
    r = repair_text(text, config=KEEP)
    _check_spans(text, r)
    assert r.text == text  # declined, not edited
    by_stage = {d.stage for d in r.declined}
    assert {"collocation", "tortured"} <= by_stage
    assert all(d.reason and d.reason != "applied" for d in r.declined)
    counts = r.scores.decisions
    for stage in ("collocation", "tortured"):
        listed = sum(d.stage == stage for d in r.declined)
        assert 0 < listed <= sum(n for k, n in counts[stage].items() if k != "applied")
    assert repair_text(text).declined == ()


def test_declined_spans_on_the_input_after_an_earlier_stage_changed_it() -> None:
    # the mojibake stage runs before spin and shortens the text: spin's spans must be
    # moved back to the input's offsets
    plain = SPUN.read_text("utf-8")
    prefix = "CafÃ© owners â€œsaid soâ€\x9d.\n\n" * 3
    r = repair_text(prefix + plain, config=KEEP)
    assert any(e.kind == "mojibake" for e in r.edits)
    _check_spans(prefix + plain, r)
    # the same words declined for the same reasons as without the prefix, each at its place
    want = [
        (d.offset + len(prefix), d.original, d.reason)
        for d in repair_text(plain, config=KEEP).declined
    ]
    got = {(d.offset, d.original, d.reason) for d in r.declined if d.offset >= len(prefix)}
    assert len(got & set(want)) >= 0.9 * len(want)  # (the prefix moves a few decisions)


def test_declined_spans_across_windows_and_a_bom() -> None:
    text = SPUN.read_text("utf-8")
    small = replace(KEEP, whole_document_chars=3000, window_chars=2000)
    r = repair_keeping_bom("\ufeff" + text + "\n\n" + text, (), small)
    _check_spans("\ufeff" + text + "\n\n" + text, r)
    assert max(d.offset for d in r.declined) > len(text)  # the second copy's, moved


def test_spans_to_base_maps_positions_inside_and_after_edits() -> None:
    e1 = Edit(0, 3, "abc", "X", "ocr", 1.0, "R")  # "abc def ghi" -> "X def ghi"
    e2 = Edit(8, 3, "ghi", "", "ocr", 1.0, "R")  # -> "X def " (a point at a deletion: after it)
    assert spans_to_base([e2, e1], [(2, 5), (0, 1), (6, 6), (0, 6)]) == [
        (4, 7), (0, 3), (11, 11), (0, 11)
    ]  # fmt: skip


def test_json_and_html_reports_list_declined_spans(tmp_path: Path) -> None:
    runner = CliRunner()
    out, rep = tmp_path / "out.txt", tmp_path / "rep.json"
    res = runner.invoke(app, ["fix", str(SPUN), "-q", "-o", str(out), "--report", "json",
                              "--report-file", str(rep)])  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(rep.read_text("utf-8"))
    text = SPUN.read_text("utf-8")
    assert data["declined"] and all(
        text[d["offset"] : d["offset"] + d["length"]] == d["original"] for d in data["declined"]
    )
    assert {d["reason"] for d in data["declined"] if d["stage"] == "spin"} <= SPIN_REASONS
    assert all(d["reason"] and d["reason"] != "applied" for d in data["declined"])
    html = tmp_path / "rep.html"
    res = runner.invoke(app, ["fix", str(SPUN), "-q", "-o", str(out), "--report", "html",
                              "--report-file", str(html)])  # fmt: skip
    assert res.exit_code == 0 and "Declined (" in html.read_text("utf-8")
