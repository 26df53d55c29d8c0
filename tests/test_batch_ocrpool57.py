"""``repair batch --jobs N`` makes the automatic OCR self-training's count and first passes
on N processes, with the answers of one (:mod:`repair.batch.ocr_pool`; issues 12, 14)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from repair.batch import BatchOptions, ocr_auto, ocr_pool, run_batch
from repair.batch.runner import pool_jobs
from repair.batch.state import STATE_DIR
from repair.score import ocr_table
from tests.test_batch import tree
from tests.test_batch_ocrauto55 import _corpus, _garble, _paragraphs


@pytest.fixture(autouse=True)
def _auto_on(monkeypatch) -> None:
    """The automatic mode and its cross-fit on, at thresholds a test corpus reaches."""
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_KNOWN_GATE", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    monkeypatch.setattr(ocr_pool, "REPAIR_TASK_WORDS", 60)  # a task per page or two
    monkeypatch.setattr(ocr_pool, "COUNT_TASK_WORDS", 60)
    monkeypatch.setattr(ocr_pool, "POOL_FIRST_PASS", True)
    monkeypatch.setattr(ocr_auto, "POOL_JUDGED", True)  # both first passes pooled
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _pid(text: str) -> int:
    return os.getpid()


def test_the_pool_maps_on_other_processes_in_order() -> None:
    texts = [f"page {i} " + "word " * 50 for i in range(8)]
    with ocr_pool.FirstPassPool(2) as pool:
        pids = list(pool.map(_pid, texts, 60))
        lengths = list(pool.map(len, texts, 60))
    assert len(pids) == 8 and os.getpid() not in pids
    assert lengths == [len(t) for t in texts]  # in order
    with ocr_pool.FirstPassPool(1) as pool:  # one job: this process
        assert set(pool.map(_pid, texts, 60)) == {os.getpid()}


def test_the_batch_pools_its_first_passes_only_with_the_flag(monkeypatch, tmp_path: Path) -> None:
    opts = BatchOptions(tmp_path, tmp_path / "out", jobs=2)
    assert pool_jobs(opts) == 2
    opts.engine = "ray"
    assert pool_jobs(opts) == 1
    monkeypatch.setattr(ocr_pool, "POOL_FIRST_PASS", False)
    assert pool_jobs(BatchOptions(tmp_path, tmp_path / "out", jobs=2)) == 1


def test_the_judged_pass_stays_here_unless_pooled(monkeypatch) -> None:
    """Without ``POOL_JUDGED`` the judged pass runs in this process (its memos are the
    repair workers' to inherit); the rest of an unknown corpus's sample is pooled."""
    seen: list[int] = []

    class Recorded(ocr_pool.FirstPassPool):
        def __init__(self, jobs: int, warm=None) -> None:
            seen.append(jobs)
            super().__init__(jobs, warm)

    monkeypatch.setattr(ocr_pool, "FirstPassPool", Recorded)
    paras = _paragraphs()[:8]
    texts = [_garble(p) for p in paras]
    count = ocr_auto.count_garbled(texts)
    monkeypatch.setattr(ocr_auto, "AUTO_JUDGE_MAX_WORDS", -(-count.garbled_words // 2))
    monkeypatch.setattr(ocr_auto, "POOL_JUDGED", False)
    seen.clear()
    pooled, verdict = ocr_auto.learn_garbled(texts, count, ["note"], 2)
    assert not verdict.known and seen == [1, 2]  # judged here, the rest on 2 processes
    seen.clear()
    monkeypatch.setattr(ocr_auto, "POOL_JUDGED", True)
    again, _ = ocr_auto.learn_garbled(texts, count, ["note"], 2)
    assert seen == [2, 2] and again.text == pooled.text


def test_the_pooled_count_is_the_single_process_count() -> None:
    paras = _paragraphs()[:6]
    texts = [x for p in paras for x in (_garble(p), p)]
    one: list[int] = []
    two: list[int] = []
    assert ocr_auto.count_garbled(texts, 1, one) == ocr_auto.count_garbled(texts, 2, two)
    assert one == two == [0, 2, 4, 6, 8, 10]
    assert ocr_auto.count_garbled(texts).garbled_documents == 6


@pytest.mark.parametrize("every", [1, 2])  # all judged; every 2nd judged
def test_the_pooled_learning_is_the_single_process_learning(monkeypatch, every) -> None:
    paras = _paragraphs()[:8]
    texts = [x for p in paras for x in (_garble(p), p)]
    count = ocr_auto.count_garbled(texts)
    bound = 0 if every == 1 else -(-count.garbled_words // every)
    monkeypatch.setattr(ocr_auto, "AUTO_JUDGE_MAX_WORDS", bound)
    single, v1 = ocr_auto.learn_garbled(texts, count, ["note"], 1)
    positions: list[int] = []
    ocr_auto.count_garbled(texts, 2, positions)
    pooled, v2 = ocr_auto.learn_garbled(texts, count, ["note"], 2, positions)
    assert pooled.text == single.text and pooled.repriced
    assert v1 == v2 and not v1.known
    assert v1.documents == 8 // every


def assert_same_self_training(inp: Path, tmp_path: Path) -> None:
    """``inp`` self-trained and repaired by one and by two processes: the same outputs,
    learned table and marker."""
    runs = {}
    for jobs in (1, 2):
        ocr_table.install(None)
        out = tmp_path / f"j{jobs}"
        info = run_batch(BatchOptions(inp, out, jobs=jobs))["ocr_self_train"]
        assert info["learned"] and info["applied"]
        state = out / STATE_DIR
        marker = json.loads((state / "ocr_table.json").read_text("utf-8"))
        runs[jobs] = (tree(out), (state / "ocr_table.tsv").read_bytes(), marker)
    assert runs[1] == runs[2]


def test_a_pooled_batch_learns_and_repairs_as_one_process(tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    assert_same_self_training(inp, tmp_path)


def test_an_explicit_self_training_pools_its_first_pass_too(tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=4, clean=1)
    tables = []
    for jobs in (1, 2):
        ocr_table.install(None)
        out = tmp_path / f"j{jobs}"
        run_batch(BatchOptions(inp, out, jobs=jobs, self_train=True))
        tables.append((out / STATE_DIR / "ocr_table.tsv").read_bytes())
    assert tables[0] == tables[1]
