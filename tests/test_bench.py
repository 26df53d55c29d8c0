"""repair bench: metrics on hand-made pairs with known answers, suite loading, the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repair.bench import speed
from repair.bench.metrics import Counts, doc_metrics, f_beta, ngram_overlap
from repair.bench.peers import PEERS, PySpellChecker, get_peer
from repair.bench.plot import render_svg
from repair.bench.results import END, START, write_results_md
from repair.bench.suites import (
    SuiteError,
    icdar_pairs,
    load_builtin,
    load_folder,
    load_jsonl,
    load_mojibake,
    load_user_suite,
)
from repair.cli import app
from repair.types import Edit

CASES = json.loads((Path(__file__).parent / "cases" / "bench_metrics.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_metrics_cases(case: dict) -> None:
    got = doc_metrics(case["damaged"], case["clean"], case["output"]).to_json()
    for key, want in case["expect"].items():
        if isinstance(want, float):
            assert got[key] == pytest.approx(want), key
        else:
            assert got[key] == want, key


def test_counts_add_and_rates() -> None:
    a = doc_metrics("teh cat", "the cat", "the cat")
    b = doc_metrics("a dgo", "a dog", "a dgo")
    total = a + b
    assert (total.docs, total.err_before, total.err_after) == (2, 2, 1)
    assert total.reduction == pytest.approx(0.5)
    assert total.precision == 1.0 and total.recall == 0.5
    assert Counts().reduction is None


def test_f_beta_weights_precision() -> None:
    assert f_beta(1, 1, 4) == pytest.approx((1.25 * 1 * 0.25) / (0.25 * 1 + 0.25))
    assert f_beta(1, 1, 4) > f_beta(1, 4, 1)  # precision counts more than recall
    assert f_beta(0, 0, 0) is None


def test_per_kind_split_from_edits() -> None:
    ocr = Edit(0, 3, "teh", "the", "ocr", 0.9, "OCR_X")
    damaged = "teh man mentioned it"
    spin = Edit(8, 9, "mentioned", "said", "spin", 0.9, "SPIN_X")
    output = "the man said it"
    c = doc_metrics(damaged, "the man said it", output, [ocr, spin])
    assert c.by_kind == {
        "ocr": {"edits": 1, "tp": 1, "broken": 0},
        "spin": {"edits": 1, "tp": 1, "broken": 0},
    }
    broken = doc_metrics("the man said it", "the man said it", "the men said it", [])
    assert broken.by_kind == {"other": {"edits": 1, "tp": 0, "broken": 1}}


def test_ngram_overlap() -> None:
    assert ngram_overlap("the cat sat", ["a cat sat down"], 1) == pytest.approx(2 / 3)
    assert ngram_overlap("the cat sat", ["a cat sat down"], 2) == pytest.approx(1 / 2)
    assert ngram_overlap("", ["x"], 1) is None


# ---------------------------------------------------------------- suites


def test_folder_suite(tmp_path: Path) -> None:
    (tmp_path / "a.damaged.txt").write_text("teh cat", "utf-8")
    (tmp_path / "a.clean.txt").write_text("the cat", "utf-8")
    (tmp_path / "b.damaged.txt").write_text("orphan", "utf-8")
    suite = load_folder(tmp_path, "mine")
    assert [(p.name, p.damaged, p.clean) for p in suite.pairs] == [("a", "teh cat", "the cat")]
    assert suite.notes and "without a .clean.txt" in suite.notes[0]
    assert load_user_suite(tmp_path).pairs == suite.pairs
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SuiteError, match="no NAME.damaged.txt"):
        load_folder(empty)


def test_jsonl_suite(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    lines = [{"damaged": "teh", "clean": "the", "name": "x"}, {"damaged": "ok", "clean": "ok"}]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", "utf-8")
    suite = load_jsonl(f)
    assert [p.name for p in suite.pairs] == ["x", "s:2"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"damaged": "x"}\n', "utf-8")
    with pytest.raises(SuiteError, match="bad.jsonl:1"):
        load_jsonl(bad)
    with pytest.raises(SuiteError, match="no such file"):
        load_user_suite(tmp_path / "missing.jsonl")


def test_icdar_segments_skip_unaligned_gold(tmp_path: Path) -> None:
    ocr_in = "HEADER 12 the kingwas very glad hereof,and caused them all to come"
    ocr_al = "HEADER 12 the king@was very glad hereof,@and caused them all to come"
    gold = "######### the king was very glad hereof, and caused them all to come"
    assert len(ocr_al) == len(gold)
    f = tmp_path / "7.txt"
    f.write_text(f"[OCR_toInput] {ocr_in}\n[OCR_aligned] {ocr_al}\n[ GS_aligned] {gold}\n")
    pairs, cut = icdar_pairs(f, max_chars=None)
    assert cut == 0 and len(pairs) == 1
    assert pairs[0].damaged == "the kingwas very glad hereof,and caused them all to come"
    assert pairs[0].clean == "the king was very glad hereof, and caused them all to come"
    capped, cut = icdar_pairs(f, max_chars=60)
    assert cut > 0 and len(capped[0].damaged) < len(pairs[0].damaged)
    assert pairs[0].damaged.startswith(capped[0].damaged)
    assert pairs[0].clean.startswith(capped[0].clean)


def test_mojibake_suite(tmp_path: Path) -> None:
    cases = [
        {"original": "voilÃ  le travail", "fixed": "voilà le travail", "expect": "pass"},
        {"original": "x", "fixed": "y", "fixed-encoding": "x", "expect": "pass"},
    ]
    (tmp_path / "synthetic.json").write_text(json.dumps(cases), "utf-8")
    suite = load_mojibake(tmp_path)
    assert [(p.damaged, p.clean) for p in suite.pairs] == [
        ("voilÃ  le travail", "voilà le travail"),
        ("x", "x"),
    ]


def test_missing_data_skips_with_a_message(tmp_path: Path) -> None:
    suite = load_builtin("mojibake", mojibake_path=tmp_path / "nowhere")
    assert suite.skipped and "nowhere" in suite.skipped and not suite.pairs
    with pytest.raises(SuiteError, match="unknown suite"):
        load_builtin("nope")


def test_clean_suite_has_seeds_with_and_without_references() -> None:
    suite = load_builtin("clean", icdar_path=Path("/nonexistent"))
    names = [p.name for p in suite.pairs]
    assert "seed001+refs" in names
    assert all(p.damaged == p.clean for p in suite.pairs)
    assert next(p for p in suite.pairs if p.name == "seed001+refs").references


# ---------------------------------------------------------------- peers


def test_peers_have_names_and_fix() -> None:
    for name in PEERS:
        peer = get_peer(name)
        assert peer.name == name
    assert get_peer("none").fix("Teh x.") == "Teh x."
    with pytest.raises(ValueError, match="unknown tool"):
        get_peer("nope")


def test_pyspellchecker_keeps_punctuation_and_case() -> None:
    assert PySpellChecker().fix("Teh cat, sat.") == "The cat, sat."


# ---------------------------------------------------------------- CLI, results, plot


def test_cli_on_a_tiny_data_suite(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    pairs = [
        {"damaged": "Clean text stays as it is.", "clean": "Clean text stays as it is."},
        {"damaged": "The cat sta on teh mat.", "clean": "The cat sat on the mat."},
    ]
    data.write_text("\n".join(json.dumps(p) for p in pairs) + "\n", "utf-8")
    md = tmp_path / "RESULTS.md"
    md.write_text(
        f"# Results\n\nintro by the lead\n\n{START}\nOLD SECTION\n{END}\n\n## Other\nkept\n"
    )
    out = tmp_path / "r.json"
    res = CliRunner().invoke(
        app,
        ["bench", "--data", str(data), "--tool", "none", "--tool", "repair", "--json", str(out),
         "--results-md", str(md), "--startup-runs", "0", "--no-references", "-q"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    results = json.loads(out.read_text("utf-8"))
    assert results["meta"]["tools"] == ["repair", "none"]  # ours first
    [suite] = results["suites"]
    assert suite["name"] == "tiny" and suite["pairs"] == 2
    none = suite["results"]["none"]
    assert (none["err_before"], none["err_after"], none["hyp_edits"]) == (2, 2, 0)
    assert none["clean_docs"] == 1 and none["clean_changed"] == 0
    text = md.read_text("utf-8")
    assert "intro by the lead" in text and "## Other\nkept" in text and "OLD SECTION" not in text
    assert text.count(START) == 1 and "| repair |" in text and "cores" in text
    ET.fromstring((tmp_path / "bench_results.svg").read_text("utf-8"))


def test_cli_rejects_unknown_suite_and_tool() -> None:
    res = CliRunner().invoke(app, ["bench", "nope", "-q"])
    assert res.exit_code == 2 and "unknown suite" in res.output
    res = CliRunner().invoke(app, ["bench", "clean", "--tool", "grammarly", "-q"])
    assert res.exit_code == 2 and "unknown tool" in res.output


def test_results_md_created_and_appended(tmp_path: Path) -> None:
    results = _tiny_results()
    md = tmp_path / "new" / "RESULTS.md"
    write_results_md(md, results)
    assert md.read_text("utf-8").startswith("# Benchmark results")
    other = tmp_path / "other.md"
    other.write_text("# Mine\n", "utf-8")
    write_results_md(other, results)
    text = other.read_text("utf-8")
    assert text.startswith("# Mine\n") and START in text and END in text
    ET.fromstring(render_svg(results))


def _tiny_results() -> dict:
    c = doc_metrics("teh cat", "the cat", "the cat").to_json()
    return {
        "meta": {
            "command": "repair bench",
            "tools": ["repair"],
            "machine": {
                "cores": 2,
                "cpu": "x",
                "ram_gb": 1,
                "python": "3",
                "os": "L",
                "date": "d",
                "commit": None,
                "packages": {},
            },
        },  # fmt: skip
        "suites": [{"name": "s", "pairs": 1, "skipped": "", "notes": [], "results": {"repair": c}}],
        "overall": {"repair": c},
    }


@pytest.mark.slow
def test_startup_measures_a_fresh_process(tmp_path: Path) -> None:
    from repair.bench.speed import measure_startup

    f = tmp_path / "in.txt"
    f.write_text("The cat sat.", "utf-8")
    s = measure_startup("none", f, runs=1)
    assert not s.error and s.wall_s and s.peak_mb and s.peak_mb < 200
    assert s.bytecode == speed.BYTECODE_CACHED and s.to_json()["bytecode"] == s.bytecode


@pytest.mark.slow
def test_a_startup_run_keeps_its_bytecode_in_the_prefix_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # under PYTHONDONTWRITEBYTECODE (an editable install's shell) no .pyc would be written:
    # the prefix environment lifts it, so the measured runs read compiled modules
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    f = tmp_path / "in.txt"
    f.write_text("The cat sat.", "utf-8")
    prefix = tmp_path / "pycache"
    cmd = speed.fix_command("none", f)
    assert speed.run_once(cmd, speed.bytecode_env(str(prefix)))[2] == 0
    written = {p.name.split(".")[0] for p in prefix.rglob("*.pyc")}
    assert {"peers", "subprocess"} <= written  # the package's modules and the standard library's
    assert speed.run_once(cmd)[2] == 0  # the environment as it is: no prefix


def test_the_bytecode_note_says_how_modules_are_found() -> None:
    assert "prefix /p" in speed.bytecode_note({"PYTHONPYCACHEPREFIX": "/p"})
    assert "compiled in every process" in speed.bytecode_note({"PYTHONDONTWRITEBYTECODE": "1"})
    assert "next to the sources" in speed.bytecode_note({})
    assert speed.bytecode_env("/p") == {"PYTHONPYCACHEPREFIX": "/p", "PYTHONDONTWRITEBYTECODE": ""}


def test_run_suite_names_clean_documents_a_tool_changed() -> None:
    from repair.bench.runner import _Tool, run_suite
    from repair.bench.suites import Pair, Suite

    quote = "“Hi,” she said."
    suite = Suite("s", [Pair("quotes", quote, quote), Pair("plain", "Hi.", "Hi.")])
    res = run_suite(suite, [_Tool("ftfy"), _Tool("none")])
    assert res["clean_changed_docs"] == {"ftfy": ["quotes"]}  # ftfy uncurls quotes
    assert res["results"]["none"]["clean_changed"] == 0
    assert res["results"]["ftfy"]["clean_changed"] == 1


def test_max_pairs_caps_and_says_so(tmp_path: Path) -> None:
    from repair.bench.suites import load_suites

    f = tmp_path / "s.jsonl"
    f.write_text("".join(json.dumps({"damaged": f"x{i}", "clean": "x"}) + "\n" for i in range(5)))
    [suite] = load_suites([], [f], max_pairs=2)
    assert len(suite.pairs) == 2 and "2 of 5 pairs" in suite.notes[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"damaged": "x", "clean": "x", "references": "oops"}) + "\n")
    with pytest.raises(SuiteError, match="references"):
        load_jsonl(bad)


def test_cli_baseline_shows_how_numbers_moved(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    data.write_text(json.dumps({"damaged": "The cat sta.", "clean": "The cat sat."}) + "\n")
    common = ["bench", "--data", str(data), "--tool", "none", "--startup-runs", "0"]
    common += ["--no-references"]
    first = tmp_path / "a.json"
    res = CliRunner().invoke(app, [*common, "--json", str(first), "-q"])
    assert res.exit_code == 0, res.output
    second = tmp_path / "b.json"
    res = CliRunner().invoke(app, [*common, "--json", str(second), "--baseline", str(first)])
    assert res.exit_code == 0, res.output
    assert json.loads(second.read_text("utf-8"))["baseline"]["path"] == str(first)
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    res = CliRunner().invoke(app, [*common, "--baseline", str(bad), "-q"])
    assert res.exit_code == 1 and "not a `repair bench --json` result" in res.output


def test_a_missing_peer_package_is_skipped_not_scored(tmp_path, monkeypatch) -> None:
    import sys

    from repair.bench.runner import run_bench
    from repair.bench.suites import load_user_suite

    (tmp_path / "a.damaged.txt").write_text("Tbe cat sat on tbe mat.\n", encoding="utf-8")
    (tmp_path / "a.clean.txt").write_text("The cat sat on the mat.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "spellchecker", None)  # import now raises
    res = run_bench(
        [load_user_suite(tmp_path)], tools=("repair", "pyspellchecker", "none"), startup_runs=0
    )
    assert res["meta"]["tools"] == ["repair", "none"]
    assert "pyspellchecker" in res["meta"]["unavailable_tools"]


def test_the_speed_table_and_the_requirement_say_how_bytecode_was_found() -> None:
    from repair.bench.results import notes, speed_table

    start = {"tool": "repair", "wall_s": 0.3, "peak_mb": 90.0, "cpu_s": 0.25,
             "bytecode": speed.BYTECODE_CACHED}  # fmt: skip
    results = {
        "meta": {"tools": ["repair"]},
        "suites": [],
        "speed": {
            "throughput": {},
            "startup": [start],
            "requirement": {
                "requirement": "r",
                "wall_s": 0.3,
                "peak_mb": 90.0,
                "pass": True,
                "bytecode": speed.BYTECODE_CACHED,
            },  # fmt: skip
        },
    }
    assert speed.BYTECODE_CACHED in speed_table(results)[0]
    assert any(speed.BYTECODE_CACHED in line for line in notes(results))
