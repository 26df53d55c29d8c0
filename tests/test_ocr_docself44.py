"""Automatic self-training in threads (``ocr_docself.AUTO``, session 44, issue 12): a
self-trained second pass puts its text's profile in force alone
(:data:`repair.score.profile_lock.PROFILE`), so a concurrent repair (``repair serve``'s
worker threads) is never read with another text's tables."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from repair.pipeline import repair_text
from repair.score import ocr_docself, ocr_table
from repair.score.profile_lock import PROFILE, ProfileLock
from tests.test_ocr_docself28 import DOCUMENT
from tests.test_ocr_table import FIXED, PAGE

#: Clean text: no repair, self-trained or not.
CLEAN = "The council met on Monday and agreed to build a new bridge over the river."


@pytest.fixture(autouse=True)
def _shipped_table() -> Iterator[None]:
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def test_concurrent_repairs_equal_their_sequential_outputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    texts = [DOCUMENT, PAGE, CLEAN, PAGE, DOCUMENT, PAGE, CLEAN, PAGE] * 2
    sequential = {t: repair_text(t).text for t in set(texts)}
    assert sequential[DOCUMENT] != DOCUMENT  # self-trained: its own z-for-h row
    assert sequential[PAGE] == PAGE  # too little evidence alone; DOCUMENT's row reads it
    ocr_docself.self_train([DOCUMENT])
    assert repair_text(PAGE).text == FIXED  # what a read with DOCUMENT's tables gives
    ocr_table.install(None)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads switch often: the passes interleave
    try:
        with ThreadPoolExecutor(4) as pool:
            outputs = list(pool.map(lambda t: repair_text(t).text, texts))
    finally:
        sys.setswitchinterval(interval)
    assert [o == sequential[t] for t, o in zip(texts, outputs, strict=True)] == [True] * len(texts)
    assert ocr_table.installed() is None
    assert repair_text(PAGE).text == PAGE


def test_auto_repair_inside_a_held_repair_keeps_the_first_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    self_trained = repair_text(DOCUMENT).text
    with PROFILE.shared():  # a caller that already reads the tables: no deadlock
        assert repair_text(DOCUMENT).text == DOCUMENT
    with PROFILE.exclusive():
        assert repair_text(DOCUMENT).text == self_trained
    assert PROFILE.holds() is None


def test_a_waiting_writer_goes_before_new_readers() -> None:
    lock = ProfileLock()
    order: list[str] = []
    reading = threading.Event()
    release = threading.Event()

    def reader(name: str, first: bool) -> None:
        with lock.shared():
            if first:
                reading.set()
                release.wait(5)
            order.append(name)

    def writer() -> None:
        with lock.exclusive():
            order.append("writer")

    r1 = threading.Thread(target=reader, args=("r1", True))
    r1.start()
    assert reading.wait(5)
    w = threading.Thread(target=writer)
    w.start()
    while not lock._waiting:  # the writer waits for r1
        threading.Event().wait(0.001)
    r2 = threading.Thread(target=reader, args=("r2", False))
    r2.start()
    release.set()
    for t in (r1, w, r2):
        t.join(5)
    assert order == ["r1", "writer", "r2"]


def test_every_shared_memo_is_a_cached_function() -> None:
    import importlib

    for name in ocr_docself.SHARED_MEMOS:
        module, _, attr = name.rpartition(".")
        f = getattr(importlib.import_module(module), attr)
        assert callable(getattr(f, "cache_clear", None)), name
        assert ocr_docself._shared(f)


def test_the_self_trained_pass_keeps_the_shared_memos_and_empties_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.score import ocr_channel

    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    repair_text(DOCUMENT)
    seen: list[tuple[int, int]] = []
    real = ocr_docself._install_text

    def spy(profile: str, clear_memos: bool = True) -> None:
        real(profile, clear_memos)
        seen.append(
            (
                ocr_channel.is_known.cache_info().currsize,
                ocr_channel.confusions.cache_info().currsize,
            )
        )

    monkeypatch.setattr(ocr_docself, "_install_text", spy)
    assert repair_text(DOCUMENT).text != DOCUMENT
    assert seen and seen[0][0] > 0 and seen[0][1] == 0  # word lists kept, the tables' memos fresh


def test_kept_known_drops_a_weak_reading_of_a_known_word_the_first_pass_left() -> None:
    from dataclasses import replace

    from repair.types import Edit, RepairResult

    text = "The motion passed with but one dissenting vote, and tbe men went home."
    first = repair_text(text)
    assert [e.original for e in first.edits] == ["tbe"]
    k = text.index("but")
    hut = Edit(k, 3, "but", "hut", "ocr", 0.9, "OCR_REALWORD", evidence={"margin": 1.5})
    edits = tuple(sorted((*first.edits, hut), key=lambda e: e.offset))
    second = RepairResult(
        text, first.text.replace(" but ", " hut "), edits, replace(first.scores, edits=2)
    )
    kept = ocr_docself.kept_known(first, second, 2.0)
    assert kept.text == first.text and kept.edits == first.edits and kept.scores.edits == 1
    assert ocr_docself.kept_known(first, second, 1.0) is second  # strong enough: kept
    hut_first = RepairResult(text, second.text, edits, second.scores)  # the first pass read it
    assert ocr_docself.kept_known(hut_first, second, 2.0) is second


def test_kept_known_gives_a_dropped_join_back_the_first_pass_reading() -> None:
    from dataclasses import replace

    from repair.types import Edit, RepairResult

    text = "The new constitution was adopted witb but one dissenting vote."
    first = repair_text(text)
    assert [(e.original, e.replacement) for e in first.edits] == [("witb", "with")]
    k = text.index("witb")
    join = Edit(k, 8, "witb but", "without", "ocr", 0.9, "OCR_JOIN_SPLIT", evidence={"margin": 6.2})
    second = RepairResult(
        text, text.replace("witb but", "without"), (join,), replace(first.scores, edits=1)
    )
    kept = ocr_docself.kept_known(first, second, 8.0)
    assert kept.text == first.text and kept.edits == first.edits
