"""``repair batch --jobs N`` shortens its serial start (issue 14, session 66 batchscale): the
garble gate's count pass runs on N processes (``ocr_pool.POOL_COUNT``) and the judged first
pass runs in the parent and on N - 1 forked processes at once
(``ocr_auto.SPLIT_JUDGED``, :func:`repair.batch.ocr_pool.split_map`), with the answers,
tables, verdicts and outputs of one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repair.batch import BatchOptions, ocr_auto, ocr_early, ocr_pool
from repair.batch.runner import _early_first_pass, count_jobs
from repair.batch.state import BatchError
from repair.score import ocr_table
from tests.test_batch_ocrauto55 import _corpus, _garble, _paragraphs
from tests.test_batch_ocrpool57 import assert_same_self_training


@pytest.fixture(autouse=True)
def _auto_on(monkeypatch) -> None:
    """The automatic mode and its cross-fit on, at thresholds a test corpus reaches."""
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_KNOWN_GATE", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    monkeypatch.setattr(ocr_pool, "REPAIR_TASK_WORDS", 60)
    monkeypatch.setattr(ocr_pool, "COUNT_TASK_WORDS", 60)
    monkeypatch.setattr(ocr_pool, "POOL_FIRST_PASS", False)
    monkeypatch.setattr(ocr_pool, "POOL_COUNT", True)
    monkeypatch.setattr(ocr_pool, "COUNT_POOL_MIN_WORDS", 0)  # a test corpus is small
    monkeypatch.setattr(ocr_auto, "POOL_JUDGED", False)
    monkeypatch.setattr(ocr_auto, "SPLIT_JUDGED", True)
    monkeypatch.setattr(ocr_early, "OVERLAP_JUDGED", True)
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _pid(text: str) -> int:
    return os.getpid()


def _die_elsewhere(text: str) -> int:
    if os.getpid() != _PARENT:
        os._exit(3)
    return 0


_PARENT = os.getpid()


def test_split_map_keeps_the_first_share_here_and_the_order() -> None:
    texts = [f"page {i} " + "word " * (10 + 5 * i) for i in range(8)]
    pids = ocr_pool.split_map(_pid, texts, 2, 60)
    here = [p == os.getpid() for p in pids]
    cut = here.index(False)
    assert cut >= 1 and all(here[:cut]) and not any(here[cut:])  # this process: a prefix
    words = [len(t.split()) for t in texts]
    assert sum(words[:cut]) <= sum(words) / 2 < sum(words[: cut + 1])  # about half the words
    assert ocr_pool.split_map(len, texts, 2, 60) == [len(t) for t in texts]  # in order
    assert set(ocr_pool.split_map(_pid, texts, 1, 60)) == {os.getpid()}  # one job: here


def test_split_map_reports_a_dead_process() -> None:
    global _PARENT
    _PARENT = os.getpid()
    with pytest.raises(BatchError, match="worker process died"):
        ocr_pool.split_map(_die_elsewhere, ["a b c"] * 4, 2, 1)


def test_the_count_is_pooled_only_with_the_flag(monkeypatch, tmp_path: Path) -> None:
    opts = BatchOptions(tmp_path, tmp_path / "out", jobs=2)
    assert count_jobs(opts, 10) == 2
    monkeypatch.setattr(ocr_pool, "COUNT_POOL_MIN_WORDS", 100)
    assert count_jobs(opts, 99) == 1 and count_jobs(opts, 100) == 2  # a small corpus: here
    monkeypatch.setattr(ocr_pool, "POOL_COUNT", False)
    assert count_jobs(opts, 100) == 1  # POOL_FIRST_PASS off: in the parent, as before
    monkeypatch.setattr(ocr_pool, "POOL_COUNT", True)
    opts.engine = "ray"
    assert count_jobs(opts, 100) == 1


def test_the_judged_pass_is_split_only_with_the_flag(monkeypatch) -> None:
    calls: list[int] = []
    real = ocr_pool.split_map

    def recorded(fn, texts, jobs, task_words, warm=None):
        calls.append(jobs)
        return real(fn, texts, jobs, task_words, warm)

    monkeypatch.setattr(ocr_pool, "split_map", recorded)
    texts = [_garble(p) for p in _paragraphs()[:8]]
    count = ocr_auto.count_garbled(texts)
    one, v1 = ocr_auto.learn_garbled(texts, count, ["note"], 1)
    assert calls == []
    split, v2 = ocr_auto.learn_garbled(texts, count, ["note"], 1, None, 2)
    assert calls == [2]
    assert split.text == one.text and v1 == v2 and split.repriced
    monkeypatch.setattr(ocr_auto, "SPLIT_JUDGED", False)
    calls.clear()
    ocr_auto.learn_garbled(texts, count, ["note"], 1, None, 2)
    assert calls == []


def test_the_judged_pass_runs_during_the_count_with_the_flag(monkeypatch) -> None:
    paras = _paragraphs()[:8]
    texts = [x for p in paras for x in (_garble(p), p)]
    assert _early_first_pass(1) is None  # a count in this process: nothing to overlap
    early = _early_first_pass(2)
    assert early is not None
    positions: list[int] = []
    count = ocr_auto.count_garbled(texts, 2, positions, early.offer)
    made = early.finish()
    assert sorted(made) == list(range(count.garbled_documents)) == list(range(8))
    plain, v1 = ocr_auto.learn_garbled(texts, count, ["note"], 1, positions)
    calls: list[str] = []
    real = ocr_pool.first_pass
    monkeypatch.setattr(ocr_pool, "first_pass", lambda t: calls.append(t) or real(t))
    reused, v2 = ocr_auto.learn_garbled(texts, count, ["note"], 1, positions, 1, made)
    assert calls == []  # every judged page was made during the count
    assert reused.text == plain.text and v1 == v2 and reused.repriced
    monkeypatch.setattr(ocr_early, "OVERLAP_JUDGED", False)
    assert _early_first_pass(2) is None


def test_the_early_pass_takes_the_first_pages_until_its_budget() -> None:
    early = ocr_early.EarlyFirstPass(budget=120)
    pages = [_garble(p) for p in _paragraphs()[:6]]
    for page in pages:
        early.offer(page)
    made = early.finish()
    taken, words = 0, 0
    for page in pages:  # the first pages until the budget is reached
        if words >= 120:
            break
        taken, words = taken + 1, words + len(page.split())
    assert sorted(made) == list(range(taken)) and 1 <= taken < 6
    assert made[0] == ocr_pool.first_pass(pages[0])
    assert ocr_early.EarlyFirstPass(budget=0).finish() == {}  # nothing offered: no thread


def test_a_two_job_batch_is_the_one_job_batch(monkeypatch, tmp_path: Path) -> None:
    """Outputs, reports, learned table and its marker byte-identical across ``-j``
    (the two-job run counts on two processes and makes its judged pass meanwhile)."""
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    made: list[int] = []
    finish = ocr_early.EarlyFirstPass.finish

    def recorded(self):
        out = finish(self)
        made.append(len(out))
        return out

    monkeypatch.setattr(ocr_early.EarlyFirstPass, "finish", recorded)
    assert_same_self_training(inp, tmp_path)
    assert made == [6]  # only the two-job run, every garbled page early
