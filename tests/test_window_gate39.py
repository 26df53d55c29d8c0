"""The lazy OCR gate's caps count per window of a big text (issue 14, session 39)."""

from __future__ import annotations

import pytest

import repair.pipeline as pipeline
from repair.score import ocr_channel as oc
from tests.test_ocr_lazy_vocabulary import _probes


def _spun_gate(monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, int], list[int]]:
    """Text that does not read like OCR, the dict not loaded, a count of its loads."""
    vocab = oc.vocabulary()
    calls: list[int] = []

    def counted() -> dict[str, int]:
        calls.append(1)
        return vocab

    monkeypatch.setattr(oc, "vocabulary", counted)
    monkeypatch.setattr(oc, "_loaded_vocabulary", None)
    monkeypatch.setattr(oc, "_garbled_text", False)
    monkeypatch.setattr(oc, "_vocabulary_walks", 0)
    monkeypatch.setattr(oc, "_vocabulary_queries", 0)
    monkeypatch.setattr(oc, "_window_walks", 0)
    monkeypatch.setattr(oc, "_window_queries", 0)
    monkeypatch.setattr(oc, "LAZY_VOCABULARY_QUERIES", 100)
    monkeypatch.setattr(oc, "LAZY_VOCABULARY_CAP", 1500)
    return vocab, calls


@pytest.mark.parametrize("per_window", [True, False])
def test_the_question_cap_restarts_with_each_window(
    monkeypatch: pytest.MonkeyPatch, per_window: bool
) -> None:
    probes = _probes()[:1000]
    vocab, calls = _spun_gate(monkeypatch)
    monkeypatch.setattr(oc, "WINDOW_LAZY_CAPS", per_window)
    answers = []
    for k in range(3):  # three windows of 1,000 questions: 3,000 > the cap of 1,500
        pipeline._between_windows(k)
        answers += [oc.in_vocabulary(p) for p in probes]
    assert answers == [p in vocab for p in probes] * 3  # the same answers either way
    if per_window:
        assert not calls  # never 1,500 questions in one window: the lines answer them all
    else:
        assert len(calls) == 3000 - 1500


def test_the_walk_cap_restarts_with_each_window(monkeypatch: pytest.MonkeyPatch) -> None:
    _spun_gate(monkeypatch)
    monkeypatch.setattr(oc, "LAZY_PREFIX_CAP", 50)
    monkeypatch.setattr(oc, "_vocabulary_queries", 10_000)  # walks share 0.01: not OCR
    assert oc._more_lazy_walks(40)
    assert not oc._more_lazy_walks(60)  # past the cap in this window
    oc.start_window()
    assert oc._more_lazy_walks(100)  # a new window: 40 walks since its start
    monkeypatch.setattr(oc, "WINDOW_LAZY_CAPS", False)
    oc.start_window()
    assert oc._more_lazy_walks(100)  # unchanged base when off
    assert not oc._more_lazy_walks(200)


def test_bound_memos_replaces_only_the_larger_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    import functools
    import sys
    import types

    from repair.resources import memo_reset

    mod = types.ModuleType("repair.candidates.spin_fake39")
    user = types.ModuleType("repair.score.spin_fake39_user")

    @functools.lru_cache(maxsize=100_000)
    def big(x: int) -> int:
        return x * 2

    @functools.lru_cache(maxsize=600)
    def small(x: int) -> int:
        return x + 1

    mod.big, mod.small, user.big = big, small, big  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    monkeypatch.setitem(sys.modules, user.__name__, user)
    assert memo_reset.bound_memos(0) == 0
    _keep_repair_memos(monkeypatch)  # the test must not bound the real memos for good
    assert memo_reset.bound_memos(1000) >= 1
    assert mod.big is user.big is not big  # replaced everywhere it is held
    assert mod.big.cache_info().maxsize == 1000  # type: ignore[attr-defined]
    assert mod.small is small
    assert [mod.big(i) for i in range(3000)] == [2 * i for i in range(3000)]
    assert mod.big.cache_info().currsize == 1000  # type: ignore[attr-defined]


def _keep_repair_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put every repair memo global back after the test (bound_memos replaces them)."""
    import sys

    from repair.resources import memo_reset

    for name, module in list(sys.modules.items()):
        if module is not None and name.startswith("repair"):
            for key, value in list(vars(module).items()):
                if memo_reset._is_token_memo(value):
                    monkeypatch.setattr(module, key, value)


def test_a_windowed_repair_bounds_the_other_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SPIN_MEMO_BOUND set (off by default, session 39): from the second window of
    a big text every memo of the other stages holds at most that many entries; the same
    output."""
    from repair.config import RepairConfig
    from repair.resources import memo_reset

    text = "The committee met on Tuesday to discuss the new budget for the school.\n\n" * 90
    config = RepairConfig(window_chars=2_000, whole_document_chars=2_000)
    _keep_repair_memos(monkeypatch)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    before = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    assert any(m.cache_info().maxsize > 600 for m in memo_reset.other_memos())  # type: ignore[attr-defined]
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 600)
    after = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    assert all(m.cache_info().maxsize <= 600 for m in memo_reset.other_memos())  # type: ignore[attr-defined]
    assert after.text == before.text and after.edits == before.edits
