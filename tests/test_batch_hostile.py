"""``repair batch`` under the hostile test run (issue 16): full disks, two runs on one OUT,
malformed lexicons, odd records, and shards small enough that a kill keeps progress."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import repair.io as rio
from repair.batch import BatchError, BatchOptions, run_batch
from repair.batch.sources import SHARD_WORDS, plan_shards, read_shard
from repair.batch.state import STATE_DIR
from repair.cli import app
from tests.conftest import CLEAN_SEEDS, one_line
from tests.test_batch import corpus_and_output, start_batch, tree


def _full_disk_on(monkeypatch, prefix: str):
    """Make every temp file whose name starts with ``.<prefix>.`` hit a full disk
    (inherited by forked workers)."""
    real = rio._mkstemp

    def mkstemp(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(f".{prefix}."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(rio, "_mkstemp", mkstemp)
    return real


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    return corpus_and_output(tmp_path_factory.mktemp("small"), 4, 6, jobs=1, shard_size=2)


# -- 2: a full disk ----------------------------------------------------------------------------


def _batch_on_full_disk(monkeypatch, inp: Path, out: Path, name: str) -> None:
    """``repair batch`` with writing ``OUT/name`` hitting a full disk: exit 1, one line;
    the disk is back afterwards."""
    real = _full_disk_on(monkeypatch, name)
    res = CliRunner().invoke(app, ["batch", str(inp), str(out), "-j", "1", "--shard-size", "2"])
    monkeypatch.setattr(rio, "_mkstemp", real)
    assert res.exit_code == 1
    assert one_line(res.stderr) == (
        f"repair: {out.resolve() / name}: cannot write: No space left on device; "
        "free space and rerun to resume"
    )


def test_full_disk_in_a_worker_is_one_line_and_resumes(monkeypatch, tmp_path, small) -> None:
    inp, clean = small
    out = tmp_path / "out"
    _batch_on_full_disk(monkeypatch, inp, out, "doc01.txt")
    assert not (out / "summary.json").exists()
    summary = run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    assert tree(out) == clean and summary["failed"] == 0


def test_full_disk_at_assembly_leaves_no_final_file_without_its_siblings(
    monkeypatch, tmp_path, small
) -> None:
    inp, clean = small
    out = tmp_path / "out"
    _batch_on_full_disk(monkeypatch, inp, out, "news.repair.jsonl")
    # the corpus file must not look complete while its sidecar and the summary are missing
    for name in ("news.jsonl", "news.repair.jsonl", "texts.repair.jsonl", "summary.json"):
        assert not (out / name).exists(), name
    assert not [p for p in out.rglob("*.tmp")]
    again = run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    assert tree(out) == clean and again["run"]["documents"] == 0  # every shard was kept


def test_batch_outputs_are_not_private(tmp_path, small) -> None:
    inp, _ = small
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    finally:
        os.umask(old)
    for p in out.rglob("*"):
        if p.is_file() and STATE_DIR not in p.parts:
            assert stat.S_IMODE(p.stat().st_mode) == 0o644, p


# -- 3: a malformed lexicon ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"chief\tleader\theavy\n", "weight 'heavy' is not a number"),
        (b"\xff\xfe\x00\n", "lexicon is not UTF-8"),
        (b"just one column\n", "needs 'spun<TAB>original"),
    ],
)
def test_malformed_lexicon_stops_the_batch_with_its_message(
    tmp_path: Path, small, data: bytes, message: str
) -> None:
    inp, _ = small
    lex = tmp_path / "lex.tsv"
    lex.write_bytes(data)
    with pytest.raises(BatchError, match=message):
        run_batch(BatchOptions(inp, tmp_path / "out", jobs=1, lexicons=(lex,)))
    assert not (tmp_path / "out").exists()


# -- 4: one run per OUT --------------------------------------------------------------------------


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(30)


@pytest.mark.slow
def test_a_second_run_on_the_same_output_is_refused_and_a_stale_lock_is_not(
    tmp_path: Path, small
) -> None:
    inp, clean = small
    out = tmp_path / "out"
    proc = start_batch(inp, out, 1.0, "--shard-size", "2")
    try:
        plan = out / STATE_DIR / "plan.json"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not plan.exists():
            time.sleep(0.05)
        assert plan.exists() and proc.poll() is None
        with pytest.raises(BatchError) as info:
            run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
        assert f"already running (pid {proc.pid} on {socket.gethostname()})" in str(info.value)
        res = CliRunner().invoke(app, ["batch", str(inp), str(out), "--shard-size", "2"])
        assert res.exit_code == 1 and "already running" in one_line(res.stderr)
    finally:
        _kill(proc)  # kill -9 leaves the lock file behind: it must not block the resume
    assert (out / STATE_DIR / "lock").exists()
    run_batch(BatchOptions(inp, out, jobs=1, shard_size=2))
    assert tree(out) == clean


# -- 5 and 7: odd documents ------------------------------------------------------------------------


def test_batch_keeps_a_bom_byte_identical(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    data = b"\xef\xbb\xbf" + CLEAN_SEEDS[1].read_bytes()
    (inp / "bom.txt").write_bytes(data)
    summary = run_batch(BatchOptions(inp, tmp_path / "out", jobs=1))
    assert summary["changed"] == 0 and (tmp_path / "out" / "bom.txt").read_bytes() == data


def test_record_messages_and_failure_line_numbers(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    lines = [
        '{"id": "a", "text": "A clean sentence."}',
        '{"id": "n", "text": null}',
        '{"id": "m"}',
        '{"id": "x", "text": "unterminated',
        '{"id": "i", "text": 42}',
    ]
    (inp / "c.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions(inp, out, jobs=1))
    got = {f["id"]: f for f in summary["failures"]}
    assert got["n"]["message"] == "the 'text' field is null"
    assert got["m"]["message"] == "no 'text' field"
    assert got["i"]["message"] == "the 'text' field is not a string (it is int)"
    bad = got["c.jsonl:4"]["message"]
    assert "at at" not in bad and bad.startswith("malformed JSON (Unterminated string")
    assert {f["id"]: f["line"] for f in summary["failures"]} == {
        "n": 2,
        "m": 3,
        "c.jsonl:4": 4,
        "i": 5,
    }
    on_disk = json.loads((out / "summary.json").read_text("utf-8"))["failures"]
    sidecar = [json.loads(x) for x in (out / "c.repair.jsonl").read_text("utf-8").splitlines()]
    assert [f["line"] for f in on_disk] == [r["line"] for r in sidecar if "error" in r]

    from io import StringIO

    from repair.batch.summary import print_summary

    buf = StringIO()
    print_summary(summary, file=buf)
    assert "failed: n (c.jsonl:2): missing_text: the 'text' field is null" in buf.getvalue()


# -- 8: shards sized by words -------------------------------------------------------------------


def _big_docs(folder: Path, sizes_words: list[int]) -> list[str]:
    words = " ".join(p.read_text("utf-8") for p in CLEAN_SEEDS).split()
    names = []
    for i, n in enumerate(sizes_words):
        text = " ".join(words[(j * 7 + i) % len(words)] for j in range(n))
        name = f"d{i:03d}.txt"
        (folder / name).write_text(text + "\n", "utf-8")
        names.append(name)
    return names


def test_shards_are_cut_by_words_not_by_a_fixed_count(tmp_path: Path) -> None:
    # 3-8 KB documents (500-1,300 words), as in the issue: the old 200-document shards
    # held ~150,000 words, far more than a worker repairs before a typical kill
    sizes = [500 + (i * 97) % 800 for i in range(300)]
    names = _big_docs(tmp_path, sizes)
    shards = plan_shards(tmp_path, names, shard_size=1000)
    assert sum(s.docs for s in shards) == 300
    assert [f for s in shards for f in s.files] == names  # in order, each once
    for s in shards:
        assert s.words <= SHARD_WORDS or s.docs == 1
    assert max(s.docs for s in shards) < 20  # a shard is seconds of work, not minutes
    # a document longer than the budget is a shard of its own
    big = _big_docs(tmp_path / "big" if (tmp_path / "big").mkdir() is None else tmp_path, [9000])
    (shard,) = plan_shards(tmp_path / "big", big, shard_size=1000)
    assert shard.docs == 1


def test_a_small_corpus_is_cut_finer_so_the_workers_stay_balanced(tmp_path: Path) -> None:
    names = _big_docs(tmp_path, [600] * 20)  # 12,000 words
    shards = plan_shards(tmp_path, names, shard_size=1000, jobs=2)
    assert len(shards) >= 10  # not one or two 5,000-word shards for two workers


def test_jsonl_shards_are_cut_by_words_and_read_back(tmp_path: Path) -> None:
    words = " ".join(p.read_text("utf-8") for p in CLEAN_SEEDS).split()
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        for i, n in enumerate([50, 4000, 30, 30, 2500, 6000, 10]):
            fh.write(json.dumps({"id": i, "text": " ".join(words[:n])}) + "\n")
            if i == 2:
                fh.write("\n")  # a blank line
    shards = plan_shards(tmp_path, ["c.jsonl"], shard_size=1000, shard_words=3000)
    ids = [d.id for s in shards for d in read_shard(tmp_path, s)]
    assert ids == [str(i) for i in range(7)]
    assert all(s.words <= 3000 or s.docs == 1 for s in shards)
    assert len(shards) >= 4


def test_cli_default_shard_words_matches_the_library() -> None:
    from repair.cli import batch as cli_batch

    default = cli_batch.batch.__defaults__  # typer keeps the signature's defaults
    assert SHARD_WORDS in default


# -- 8: kill -9 at random moments, 10 times -----------------------------------------------------


@pytest.mark.slow
def test_kill_9_ten_times_at_random_moments_keeps_progress_and_ends_exact(
    tmp_path: Path,
) -> None:
    """Large documents, default shard settings: each kill after the first finished shard
    keeps what was finished, and the resumed output equals an uninterrupted run's."""
    import random

    rng = random.Random(16)
    inp = tmp_path / "in"
    inp.mkdir()
    sizes = [rng.randint(1500, 3000) for _ in range(14)]
    names = _big_docs(inp, sizes[:8])
    with open(inp / "big.jsonl", "w", encoding="utf-8") as fh:
        for i, name in enumerate(names[:6]):
            text = (inp / name).read_text("utf-8")
            fh.write(json.dumps({"id": f"j{i}", "text": text}) + "\n")
    clean_out = tmp_path / "clean"
    run_batch(BatchOptions(inp, clean_out, jobs=2))
    clean = tree(clean_out)

    out = tmp_path / "out"
    completions = out / STATE_DIR / "completions"

    def done() -> int:
        return len(list(completions.glob("*.json"))) if completions.exists() else 0

    kills_mid_run = 0
    for _ in range(10):
        if (out / "summary.json").exists():
            break
        before = done()
        proc = start_batch(inp, out, 0.5)
        # a random moment, but after this run finished a shard (however loaded the machine)
        deadline = time.monotonic() + rng.uniform(0.5, 3.5)
        give_up = time.monotonic() + 120
        seen = before
        while proc.poll() is None and time.monotonic() < give_up:
            seen = max(seen, done())
            if time.monotonic() >= deadline and seen > before:
                break
            time.sleep(0.02)
        seen = max(seen, done())
        _kill(proc)
        after = done()
        assert after >= seen >= before, "a kill lost finished shards"
        if not (out / "summary.json").exists():
            kills_mid_run += 1
    assert kills_mid_run >= 3, "the kills must land mid-run"
    assert done() > 0, "no progress survived ten kills"
    proc = start_batch(inp, out, 0)
    assert proc.wait(300) == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert tree(out) == clean


def test_a_write_error_wrapped_by_ray_is_found() -> None:
    from repair.batch.ray_engine import os_error_in
    from repair.io import OutputError

    class RayLike(Exception):
        def __init__(self, cause: BaseException) -> None:
            super().__init__("task failed")
            self.cause = cause

    full = OutputError(errno.ENOSPC, "No space left on device", "/out/a.txt")
    try:
        try:
            raise RayLike(RuntimeError("user code"))
        except RayLike as inner:
            raise ValueError("wrapped") from RayLike(full) if inner else None
    except ValueError as exc:
        assert os_error_in(exc) is full
    assert os_error_in(ValueError("no cause")) is None
