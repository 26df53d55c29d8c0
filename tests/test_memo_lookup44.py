"""The table look-up memos bounded between the windows of a big text (issue 14, session 44)."""

from __future__ import annotations

import functools
import sys
import types

import pytest

import repair.pipeline as pipeline
from repair.resources import memo_reset
from tests.test_window_gate39 import _keep_repair_memos


def test_lookup_bounds_bound_the_named_memo_at_the_smaller_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mod = types.ModuleType("repair.score.spin_fake44")

    @functools.lru_cache(maxsize=100_000)
    def pair(a: str, b: str) -> int:
        return len(a) + len(b)

    pair.__module__, pair.__qualname__ = mod.__name__, "pair"
    mod.pair = pair  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    _keep_repair_memos(monkeypatch)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {})
    monkeypatch.setattr(memo_reset, "LOOKUP_MEMO_BOUNDS", {f"{mod.__name__}.pair": 300})
    assert memo_reset._own_bound(f"{mod.__name__}.pair") == 300
    assert memo_reset.bound_memos() == 1
    assert mod.pair.cache_info().maxsize == 300  # type: ignore[attr-defined]
    assert [mod.pair("a" * i, "b") for i in range(1000)] == [i + 1 for i in range(1000)]
    assert mod.pair.cache_info().currsize == 300  # type: ignore[attr-defined]
    # a memo named in both dicts gets the smaller bound
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {f"{mod.__name__}.pair": 200})
    assert memo_reset._own_bound(f"{mod.__name__}.pair") == 200
    assert memo_reset._own_bound(f"{mod.__name__}.other") == 0


def test_a_windowed_repair_bounds_the_lookup_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the second window of a big text ``spin_topic._pmi``,
    ``tortured_odd._log_count`` (session 44), ``spin_topic._in_table`` and
    ``spin_phrase._opens_span`` (session 45) hold at most their shipped bounds (200,000,
    100,000, 100,000 and 65,536 without them); the same text and edits."""
    from repair.candidates import spin_phrase
    from repair.config import RepairConfig
    from repair.detect import tortured_odd
    from repair.score import spin_topic

    shipped = dict(memo_reset.LOOKUP_MEMO_BOUNDS)
    memos = (
        (spin_topic, "_pmi", 200_000),
        (tortured_odd, "_log_count", 100_000),
        (spin_topic, "_in_table", 100_000),
        (spin_phrase, "_opens_span", 65_536),
    )
    names = [f"{module.__name__}.{memo}" for module, memo, _size in memos]
    assert all(shipped.get(n, 0) == 16_384 for n in names)
    text = "The committee met on Tuesday to discuss the new budget for the school.\n\n" * 90
    config = RepairConfig(window_chars=2_000, whole_document_chars=2_000)
    _keep_repair_memos(monkeypatch)
    for module, memo, size in memos:
        # unbounded again (an earlier windowed repair in this process may have bounded it),
        # in every module that holds it by name (span_echo imports spin_phrase._opens_span)
        held = getattr(module, memo)
        inner = held.__wrapped__
        fresh = functools.update_wrapper(functools.lru_cache(size)(inner), inner)
        for name, other in list(sys.modules.items()):
            if name.startswith("repair") and other is not None and vars(other).get(memo) is held:
                monkeypatch.setattr(other, memo, fresh)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    monkeypatch.setattr(memo_reset, "LOOKUP_MEMO_BOUNDS", {})
    before = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    sizes = {memo_reset._memo_name(m): m.cache_info().maxsize for m in memo_reset.other_memos()}  # type: ignore[attr-defined]
    assert [sizes[n] for n in names] == [size for _module, _memo, size in memos]
    monkeypatch.setattr(memo_reset, "LOOKUP_MEMO_BOUNDS", shipped)
    after = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    now = {memo_reset._memo_name(m): m.cache_info().maxsize for m in memo_reset.other_memos()}  # type: ignore[attr-defined]
    assert [now[n] for n in names] == [16_384] * len(memos)
    assert after.text == before.text and after.edits == before.edits
