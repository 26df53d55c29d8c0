"""``repair batch --engine ray`` on a local Ray instance (skipped when Ray is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair.batch import BatchOptions, run_batch
from tests.test_batch import interrupted_run, make_corpus, tree

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning", log_to_driver=False)
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_engine_gives_the_local_engines_output_and_resumes_its_runs(
    local_ray, monkeypatch, tmp_path: Path
) -> None:
    inp = make_corpus(tmp_path, n_txt=5, n_jsonl=8)
    (inp / "bad.txt").write_bytes(b"\x00binary")
    local = tmp_path / "local"
    run_batch(BatchOptions(inp, local, jobs=2, shard_size=1))

    out = tmp_path / "ray"
    summary = run_batch(BatchOptions(inp, out, jobs=2, shard_size=1, engine="ray"))
    assert tree(out) == tree(local)
    assert summary["documents"] == 14 and summary["failures_by_reason"] == {"binary": 1}
    assert summary["run"]["engine"] == "ray" and summary["run"]["workers"] >= 1

    # a local run interrupted after two shards, resumed on Ray: same output
    mixed = tmp_path / "mixed"
    interrupted_run(monkeypatch, BatchOptions(inp, mixed, jobs=1, shard_size=1))
    resumed = run_batch(BatchOptions(inp, mixed, jobs=2, shard_size=1, engine="ray"))
    assert 0 < resumed["run"]["documents"] < 14
    assert tree(mixed) == tree(local)
