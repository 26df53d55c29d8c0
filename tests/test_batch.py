"""``repair batch``: sharding, outputs, bad documents, exactly-once resume after kill -9."""

from __future__ import annotations

import gzip
import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repair.batch import BatchError, BatchOptions, run_batch
from repair.batch.sources import RawDoc, Shard, discover, plan_shards, read_shard
from repair.batch.state import STATE_DIR, State
from repair.batch.worker import Worker, WorkerSettings
from repair.config import RepairConfig
from repair.pipeline import repair_text
from tests.conftest import CLEAN_SEEDS, ROOT, SPUN_SEED

CASES = json.loads((ROOT / "tests" / "cases" / "batch_bad_docs.json").read_text("utf-8"))["cases"]


def _paragraphs() -> list[str]:
    paras = []
    for p in [SPUN_SEED, *CLEAN_SEEDS]:
        paras += [x for x in p.read_text("utf-8").split("\n") if len(x.split()) > 5]
    return paras


def make_corpus(root: Path, n_txt: int = 6, n_jsonl: int = 9) -> Path:
    """Seeds as .txt (one in a subfolder) + a JSON Lines file of paragraphs with extra fields."""
    inp = root / "in"
    (inp / "sub").mkdir(parents=True)
    paras = _paragraphs()
    for i in range(n_txt):
        folder = inp / "sub" if i % 3 == 0 else inp
        (folder / f"doc{i:02d}.txt").write_text(paras[i % len(paras)] + "\n", "utf-8")
    with open(inp / "news.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n_jsonl):
            rec = {"id": f"n{i}", "text": paras[(i * 7) % len(paras)], "meta": {"i": i}}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return inp


def corpus_and_output(
    root: Path, n_txt: int, n_jsonl: int, jobs: int, shard_size: int
) -> tuple[Path, dict[str, bytes]]:
    """A corpus under ``root`` and the :func:`tree` of its uninterrupted run (``root/clean``)."""
    inp = make_corpus(root, n_txt=n_txt, n_jsonl=n_jsonl)
    run_batch(BatchOptions(inp, root / "clean", jobs=jobs, shard_size=shard_size))
    return inp, tree(root / "clean")


def interrupted_run(monkeypatch, opts: BatchOptions, after_shards: int = 2) -> None:
    """Run ``opts`` on the local engine, interrupted (Ctrl-C) after ``after_shards`` shards."""
    import repair.batch.local as local

    real = local.run_local

    def dies(*args, **kwargs):
        for i, stats in enumerate(real(*args, **kwargs)):
            if i == after_shards:
                raise KeyboardInterrupt
            yield stats

    monkeypatch.setattr(local, "run_local", dies)
    with pytest.raises(KeyboardInterrupt):
        run_batch(opts)
    monkeypatch.setattr(local, "run_local", real)


def tree(out: Path) -> dict[str, bytes]:
    """Every output file but the state folder and the run-dependent summary."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and STATE_DIR not in p.parts and p.name != "summary.json"
    }


# -- sources -------------------------------------------------------------------------------


def test_plan_shards_cuts_jsonl_by_documents_and_reads_back_every_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": f"text {i}"}) for i in range(7)]
    lines.insert(3, "")  # blank lines are not documents
    data = "\n".join(lines) + "\n"
    (tmp_path / "a.jsonl").write_text(data, "utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(data.rstrip("\n"))  # no final newline
    shards = plan_shards(tmp_path, ["a.jsonl", "b.jsonl.gz"], shard_size=3)
    assert [s.docs for s in shards] == [3, 3, 1, 3, 3, 1]
    for name in ("a.jsonl", "b.jsonl.gz"):
        ids = [d.id for s in shards if s.files == (name,) for d in read_shard(tmp_path, s)]
        assert ids == [str(i) for i in range(7)], name
    assert Shard.from_json(shards[1].to_json()) == shards[1]


def test_discover_skips_hidden_files_reports_and_other_files(tmp_path: Path) -> None:
    for rel in (
        "a.txt",
        "b.jsonl",
        "c.json.gz",
        ".hidden.txt",
        ".git/x.txt",
        "old.repair.jsonl",
        "notes.md",
        "d/e.txt",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", "utf-8")
    root, files, ignored = discover(tmp_path)
    assert root == tmp_path.resolve()
    assert files == ["a.txt", "b.jsonl", "c.json.gz", "d/e.txt"]
    assert ignored == ["notes.md", "old.repair.jsonl"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_bad_document_gets_its_reason(tmp_path: Path, case: dict) -> None:
    raw = case["bytes"].encode("latin-1")
    if case["format"] == "txt":
        (tmp_path / "bad.txt").write_bytes(raw)
        shard = Shard(0, "txt", ("bad.txt",), docs=1)
    else:
        (tmp_path / "bad.jsonl").write_bytes(b'{"id": "ok", "text": "fine"}\n' + raw + b"\n")
        shard = plan_shards(tmp_path, ["bad.jsonl"], 10)[0]
    docs = list(read_shard(tmp_path, shard))
    assert docs[-1].error is not None and docs[-1].error.reason == case["reason"]
    if case["format"] == "jsonl":
        assert docs[0].error is None and docs[0].text == "fine"  # the file goes on


def test_too_large_document_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "b", "text": "word " * 50}) + "\n")
    shard = plan_shards(tmp_path, ["big.jsonl"], 10)[0]
    (doc,) = read_shard(tmp_path, shard, max_chars=100)
    assert doc.error is not None and doc.error.reason == "too_large"


# -- the worker ------------------------------------------------------------------------------


def test_worker_turns_a_crashing_stage_into_a_failure(monkeypatch, tmp_path: Path) -> None:
    worker = Worker(WorkerSettings(str(tmp_path), str(tmp_path)), warm_up=False)

    def boom(*args, **kwargs):
        raise RuntimeError("stage bug")

    monkeypatch.setattr("repair.batch.worker.repair_text", boom)
    res = worker.repair(RawDoc("d1", "x.txt", text="Some text."))
    assert res.text is None and res.failure is not None
    assert res.failure["reason"] == "repair_error" and "stage bug" in res.failure["message"]


def test_worker_gives_up_a_document_that_takes_too_long(monkeypatch, tmp_path: Path) -> None:
    def stuck(*args, **kwargs):
        try:
            time.sleep(30)
        except Exception:  # a stage's catch-all must not swallow the timeout
            pass
        raise AssertionError("not interrupted")

    monkeypatch.setattr("repair.batch.worker.repair_text", stuck)
    settings = WorkerSettings(str(tmp_path), str(tmp_path), doc_timeout=0.2)
    worker = Worker(settings, warm_up=False)
    res = worker.repair(RawDoc("d1", "x.txt", text="Some text."))
    assert res.failure is not None and res.failure["reason"] == "timeout"
    from repair.types import DocScores, RepairResult

    def quick(text, *args, **kwargs):
        return RepairResult(text, text, (), DocScores(words=2))

    monkeypatch.setattr("repair.batch.worker.repair_text", quick)  # the next document is fine
    assert worker.repair(RawDoc("d2", "y.txt", text="Some text.")).failure is None


def test_worker_report_is_strict_json_whatever_the_evidence(monkeypatch, tmp_path: Path) -> None:
    from repair.types import DocScores, Edit, RepairResult

    def odd(text, references=(), config=None, *, pairs=None, doc_id=""):
        edit = Edit(0, 4, "Teh ", "The ", "ocr", 0.9, "X", evidence={"s": {2, 1}, "n": math.nan})
        return RepairResult(text, "The " + text[4:], (edit,), DocScores(words=2))

    monkeypatch.setattr("repair.batch.worker.repair_text", odd)
    worker = Worker(WorkerSettings(str(tmp_path), str(tmp_path)), warm_up=False)
    res = worker.repair(RawDoc("d1", "x.txt", text="Teh cat."))
    (match,) = json.loads(res.report)["matches"]
    assert res.failure is None and match["evidence"] == {"s": [1, 2], "n": None}


def test_worker_passes_learned_pairs_and_references(monkeypatch, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("spun\toriginal\tweight\nearlier than\tbefore\t0.75\n", "utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("A clean reference text.", "utf-8")
    seen = {}

    def fake(text, references=(), config=None, *, pairs=None, doc_id=""):
        seen.update(refs=references, pairs=dict(pairs or {}))
        return repair_text(text, references, config, doc_id=doc_id)

    monkeypatch.setattr("repair.batch.worker.repair_text", fake)
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("earlier than\tsooner than\t0.5\nassembly\tmeeting\t0.9\n", "utf-8")
    settings = WorkerSettings(
        str(tmp_path),
        str(tmp_path),
        references=(str(ref),),
        lexicons=(str(lexicon),),
        learned_pairs=str(pairs),
    )
    Worker(settings, warm_up=False).repair(RawDoc("d", "d.txt", text="He left earlier than us."))
    assert seen["refs"] == ("A clean reference text.",)
    # learned pairs and --lexicon pairs both reach repair_text; learned ones win a clash
    assert seen["pairs"] == {"earlier than": ("before", 0.75), "assembly": ("meeting", 0.9)}


# -- whole runs ------------------------------------------------------------------------------


def test_batch_outputs_match_repair_text_and_keep_other_fields(tmp_path: Path) -> None:
    inp = make_corpus(tmp_path)
    (inp / "bad.txt").write_bytes(b"\x00\x00binary")
    with open(inp / "news.jsonl", "a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(inp, out, jobs=2, shard_size=4))

    assert summary["documents"] == 6 + 9 + 2 and summary["failed"] == 2
    assert summary["failures_by_reason"] == {"binary": 1, "malformed_json": 1}
    for p in sorted(inp.rglob("*.txt")):
        rel = p.relative_to(inp).as_posix()
        if rel == "bad.txt":
            assert not (out / rel).exists()
            continue
        assert (out / rel).read_text("utf-8") == repair_text(p.read_text("utf-8")).text
    records = [json.loads(x) for x in (out / "news.jsonl").read_text("utf-8").splitlines()]
    originals = [json.loads(x) for x in (inp / "news.jsonl").read_text("utf-8").splitlines()[:-1]]
    assert [r["id"] for r in records] == [o["id"] for o in originals]
    for rec, orig in zip(records, originals, strict=True):
        assert rec["meta"] == orig["meta"] and list(rec) == list(orig)
        assert rec["text"] == repair_text(orig["text"]).text
    report = [json.loads(x) for x in (out / "news.repair.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in report] == [*(o["id"] for o in originals), "news.jsonl:10"]
    assert report[-1]["error"]["reason"] == "malformed_json"
    assert set(report[0]) >= {"id", "scores", "matches"} and "words" in report[0]["scores"]
    texts = [json.loads(x)["id"] for x in (out / "texts.repair.jsonl").read_text().splitlines()]
    assert sorted(texts) == sorted(p.relative_to(inp).as_posix() for p in inp.rglob("*.txt"))
    assert json.loads((out / "summary.json").read_text("utf-8"))["documents"] == 17
    assert not (out / STATE_DIR / "parts").exists()  # cleaned once finished


@pytest.mark.slow
def test_local_engine_works_without_fork(tmp_path: Path) -> None:
    """spawn / forkserver (macOS, Python 3.14+): each process builds its own worker."""
    from repair.batch.local import run_local

    inp = make_corpus(tmp_path, n_txt=4, n_jsonl=0)
    shards = plan_shards(inp, sorted(p.relative_to(inp).as_posix() for p in inp.rglob("*.txt")), 2)
    settings = WorkerSettings(str(inp), str(tmp_path / "out"))
    stats = list(run_local(settings, shards, 2, start_method="forkserver"))
    assert sorted(s["shard"] for s in stats) == [0, 1]
    for p in inp.rglob("*.txt"):
        rel = p.relative_to(inp)
        assert (tmp_path / "out" / rel).read_text("utf-8") == repair_text(p.read_text()).text


def test_keep_failed_copies_bad_documents_unchanged_in_place(tmp_path: Path) -> None:
    inp = make_corpus(tmp_path, n_txt=2, n_jsonl=4)
    (inp / "bad.txt").write_bytes(b"\x00\x00binary")
    lines = (inp / "news.jsonl").read_bytes().splitlines(keepends=True)
    lines.insert(2, b"{broken\n")
    lines.insert(4, b'{"id": "no-text"}\n')
    (inp / "news.jsonl").write_bytes(b"".join(lines))
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(inp, out, jobs=1, shard_size=3, keep_failed=True))
    assert summary["failed"] == 3
    assert (out / "bad.txt").read_bytes() == b"\x00\x00binary"
    got = (out / "news.jsonl").read_bytes().splitlines(keepends=True)
    assert len(got) == len(lines) and got[2] == b"{broken\n" and got[4] == lines[4]
    good = [json.loads(x)["id"] for i, x in enumerate(got) if i not in (2, 4)]
    assert good == ["n0", "n1", "n2", "n3"]


def test_gzipped_json_lines_in_gzipped_out(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    texts = _paragraphs()[:5]
    with gzip.open(inp / "part.json.gz", "wt", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": t, "url": f"u{i}"}) + "\n")
    out = tmp_path / "out"
    run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    with gzip.open(out / "part.json.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert [(r["id"], r["url"]) for r in records] == [(i, f"u{i}") for i in range(5)]
    assert [r["text"] for r in records] == [repair_text(t).text for t in texts]
    sidecar = (out / "part.repair.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["id"] for x in sidecar] == [str(i) for i in range(5)]


def test_clean_seeds_come_out_byte_identical(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for p in CLEAN_SEEDS:
        (inp / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(inp, out, jobs=1, references=tuple(CLEAN_SEEDS)))
    assert summary["edits"] == 0 and summary["changed"] == 0
    for p in CLEAN_SEEDS:
        assert (out / p.name).read_bytes() == p.read_bytes()


def test_rerun_of_a_finished_batch_changes_nothing(tmp_path: Path) -> None:
    inp = make_corpus(tmp_path, n_txt=3, n_jsonl=3)
    out = tmp_path / "out"
    run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    before = tree(out)
    again = run_batch(BatchOptions(inp, out, jobs=2, shard_size=2))
    assert tree(out) == before and again["run"]["documents"] == 0


def test_resume_discards_partial_files_and_redoes_unfinished_shards(
    monkeypatch, tmp_path: Path
) -> None:
    inp, clean = corpus_and_output(tmp_path, n_txt=4, n_jsonl=12, jobs=1, shard_size=2)
    out = tmp_path / "out"
    interrupted_run(monkeypatch, BatchOptions(inp, out, jobs=1, shard_size=2))
    state = State(out)
    shards = [Shard.from_json(s) for s in json.loads(state.plan_path.read_text("utf-8"))["shards"]]
    done = [s for s in shards if state.is_done(s)]
    assert 2 <= len(done) < len(shards) and not (out / "summary.json").exists()
    # junk a killed run could leave: a temp file, a stray part of an unfinished shard
    todo = [s for s in shards if not state.is_done(s)]
    state.part(todo[0], "records").write_text('{"id": "partial"')
    (out / ".doc01.txt.abc.tmp").write_text("half")
    summary = run_batch(BatchOptions(inp, out, jobs=2, shard_size=2))
    assert summary["run"]["documents"] == sum(s.docs for s in todo)
    assert tree(out) == clean


def test_refuses_changed_options_and_unsafe_folders(tmp_path: Path) -> None:
    inp = make_corpus(tmp_path, n_txt=2, n_jsonl=2)
    out = tmp_path / "out"
    run_batch(BatchOptions(inp, out, jobs=1))
    with pytest.raises(BatchError, match="other options"):
        run_batch(BatchOptions(inp, out, jobs=1, min_confidence=0.9))
    with pytest.raises(BatchError, match="outside the input"):
        run_batch(BatchOptions(inp, inp / "out"))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(BatchError, match="not empty"):
        run_batch(BatchOptions(inp, tmp_path / "full"))
    with pytest.raises(BatchError, match="no such lexicon"):
        run_batch(BatchOptions(inp, tmp_path / "o2", lexicons=(tmp_path / "nope.tsv",)))
    (out / "summary.json").unlink()
    (out / STATE_DIR / "finished").unlink()
    with open(inp / "news.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "late", "text": "Appended after the run began."}\n')
    with pytest.raises(BatchError, match="changed size"):
        run_batch(BatchOptions(inp, out, jobs=1))
    with pytest.raises(BatchError, match="unknown engine"):
        run_batch(BatchOptions(inp, tmp_path / "o3", engine="spark"))


def test_learn_pass_learns_over_the_corpus_once_and_applies_the_pairs(
    monkeypatch, tmp_path: Path
) -> None:
    import repair.learn
    from repair.learn import load_pairs

    calls = []
    real = repair.learn.learn_pairs

    def counting(texts, references=(), config=None):
        texts = list(texts)
        calls.append(len(texts))
        assert config is not None and config.spin_profile == "default"
        return real(texts, references, config=config)

    monkeypatch.setattr(repair.learn, "learn_pairs", counting)
    inp = tmp_path / "in"
    inp.mkdir()
    for p in (SPUN_SEED, CLEAN_SEEDS[0]):
        (inp / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    run_batch(BatchOptions(inp, out, jobs=1, learn=True))
    assert calls == [2]
    pairs = load_pairs(out / "learned_pairs.tsv")
    assert pairs["mentioned"][0] == "said"
    spun = SPUN_SEED.read_text("utf-8")
    assert (out / SPUN_SEED.name).read_text("utf-8") == repair_text(spun, pairs=pairs).text
    assert (out / CLEAN_SEEDS[0].name).read_bytes() == CLEAN_SEEDS[0].read_bytes()
    # a resumed run reuses the saved pairs instead of learning again
    (out / STATE_DIR / "finished").unlink()
    (out / "summary.json").unlink()
    run_batch(BatchOptions(inp, out, jobs=1, learn=True))
    assert calls == [2]


def test_no_profile_learns_and_repairs_without_the_seed_profile(
    monkeypatch, tmp_path: Path
) -> None:
    import repair.learn

    configs = []
    real = repair.learn.learn_pairs

    def recording(texts, references=(), config=None):
        configs.append(config)
        return real(texts, references, config=config)

    monkeypatch.setattr(repair.learn, "learn_pairs", recording)
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / SPUN_SEED.name).write_bytes(SPUN_SEED.read_bytes())
    out = tmp_path / "out"
    run_batch(BatchOptions(inp, out, jobs=1, learn=True, profile=False))
    assert [c.spin_profile for c in configs] == [None]
    # the seed spinner's profile made its edits; without it, and with what the one
    # document teaches alone, the spun seed is repaired as `repair_text` does with no profile
    from repair.learn import load_pairs

    pairs = load_pairs(out / "learned_pairs.tsv")
    spun = SPUN_SEED.read_text("utf-8")
    expected = repair_text(spun, pairs=pairs, config=RepairConfig(spin_profile=None)).text
    assert (out / SPUN_SEED.name).read_text("utf-8") == expected
    assert expected != repair_text(spun, pairs=pairs).text
    # resuming with the profile on is refused: the saved run was made without it
    (out / STATE_DIR / "finished").unlink()
    (out / "summary.json").unlink()
    with pytest.raises(BatchError):
        run_batch(BatchOptions(inp, out, jobs=1, learn=True))


# -- kill -9 and resume, for real --------------------------------------------------------------


def start_batch(inp: Path, out: Path, slow: float, *extra: str) -> subprocess.Popen:
    """``repair batch INP OUT -j 2 -q EXTRA`` in a new session; each document ``slow`` s slower."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPAIR_BATCH_SLOW_DOC": str(slow)}
    cmd = [sys.executable, "-m", "repair", "batch", str(inp), str(out), "-j", "2", "-q", *extra]
    return subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """36 documents and their output from an uninterrupted run."""
    root = tmp_path_factory.mktemp("kill")
    return corpus_and_output(root, n_txt=12, n_jsonl=24, jobs=2, shard_size=2)


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["kill-group", "kill-parent-only"])
def test_kill_9_mid_run_then_resume_gives_exactly_once_output(
    kill_corpus: tuple[Path, dict[str, bytes]], tmp_path: Path, whole_group: bool
) -> None:
    inp, clean_tree = kill_corpus

    out = tmp_path / "out"
    proc = start_batch(inp, out, 0.1, "--shard-size", "2")
    completions = out / STATE_DIR / "completions"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(completions.glob("*.json"))) < 3:
        time.sleep(0.02)
    if whole_group:
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    time.sleep(0.5)  # orphaned workers (kill-parent-only) notice and exit
    done_at_kill = len(list(completions.glob("*.json")))
    assert 3 <= done_at_kill < 18, "the kill must land mid-run"
    assert not (out / "summary.json").exists()

    proc = start_batch(inp, out, 0, "--shard-size", "2")
    assert proc.wait(120) == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert tree(out) == clean_tree
    records = (out / "news.jsonl").read_text("utf-8").splitlines()
    ids = [json.loads(r)["id"] for r in records]
    assert ids == [f"n{i}" for i in range(24)]  # every record exactly once, in order
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["documents"] == 36 and summary["failed"] == 0
    assert summary["run"]["documents"] == 36 - 2 * done_at_kill


def test_cli_batch_prints_a_summary(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from repair.cli import app

    inp = make_corpus(tmp_path, n_txt=2, n_jsonl=2)
    result = CliRunner().invoke(app, ["batch", str(inp), str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "words/s" in result.output
    result = CliRunner().invoke(app, ["batch", str(inp), str(inp / "o")])
    assert result.exit_code == 1
