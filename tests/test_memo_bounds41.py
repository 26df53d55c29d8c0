"""Per-memo bounds between the windows of a big text (issue 14, session 41, mem41)."""

from __future__ import annotations

import functools
import sys
import types

import pytest

import repair.pipeline as pipeline
from repair.resources import memo_reset
from tests.test_window_gate39 import _keep_repair_memos


def test_memo_bounds_bound_only_the_named_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    mod = types.ModuleType("repair.candidates.spin_fake41")

    @functools.lru_cache(maxsize=100_000)
    def named(x: int) -> int:
        return x * 3

    @functools.lru_cache(maxsize=100_000)
    def other(x: int) -> int:
        return x + 1

    named.__module__ = other.__module__ = mod.__name__
    named.__qualname__, other.__qualname__ = "named", "other"
    mod.named, mod.other = named, other  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    _keep_repair_memos(monkeypatch)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {})
    monkeypatch.setattr(memo_reset, "LOOKUP_MEMO_BOUNDS", {})  # session 44's: not tested here
    assert memo_reset.bound_memos() == 0
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {f"{mod.__name__}.named": 500})
    assert memo_reset.bound_memos() == 1
    assert mod.named is not named and mod.named.cache_info().maxsize == 500  # type: ignore[attr-defined]
    assert mod.other is other
    assert [mod.named(i) for i in range(2000)] == [3 * i for i in range(2000)]
    assert mod.named.cache_info().currsize == 500  # type: ignore[attr-defined]
    # with a global bound too, the smaller of the two applies
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {f"{mod.__name__}.other": 700})
    assert memo_reset.bound_memos(900) >= 1
    assert mod.other.cache_info().maxsize == 700  # type: ignore[attr-defined]


def test_a_windowed_repair_bounds_the_named_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped MEMO_BOUNDS: from the second window of a big text each named memo holds
    at most its bound, the other memos keep theirs; the same output."""
    from repair.config import RepairConfig

    shipped = dict(memo_reset.MEMO_BOUNDS)
    assert shipped  # on
    text = "The committee met on Tuesday to discuss the new budget for the school.\n\n" * 90
    config = RepairConfig(window_chars=2_000, whole_document_chars=2_000)
    _keep_repair_memos(monkeypatch)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", {})
    before = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    sizes = {memo_reset._memo_name(m): m.cache_info().maxsize for m in memo_reset.other_memos()}  # type: ignore[attr-defined]
    named = [n for n in shipped if n in sizes]
    assert named  # (an earlier windowed repair in this process may have bounded them already)
    monkeypatch.setattr(memo_reset, "MEMO_BOUNDS", shipped)
    after = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    now = {memo_reset._memo_name(m): m.cache_info().maxsize for m in memo_reset.other_memos()}  # type: ignore[attr-defined]
    assert all(now[n] == shipped[n] for n in named)
    assert all(now[n] == sizes[n] for n in sizes if n not in shipped and n in now)
    assert after.text == before.text and after.edits == before.edits
