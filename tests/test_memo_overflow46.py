"""The other stages' memos bounded between a big text's windows once they overflow a
window's fill (issue 14, session 46: ``memo_reset.OVERFLOW_BOUND``)."""

from __future__ import annotations

import functools
import glob
import sys
import types
from pathlib import Path

import pytest

import repair.pipeline as pipeline
from repair.resources import memo_reset
from tests.test_window_gate39 import _keep_repair_memos

ROOT = Path(__file__).resolve().parent.parent


def test_only_a_memo_over_the_bound_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    mod = types.ModuleType("repair.score.spin_fake46")
    user = types.ModuleType("repair.detect.spin_fake46_user")

    @functools.lru_cache(maxsize=100_000)
    def full(x: int) -> int:
        return x * 3

    @functools.lru_cache(maxsize=100_000)
    def light(x: int) -> int:
        return x - 1

    mod.full, mod.light, user.full = full, light, full  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    monkeypatch.setitem(sys.modules, user.__name__, user)
    _keep_repair_memos(monkeypatch)
    for i in range(500):
        full(i)
    for i in range(300):
        light(i)
    assert memo_reset.bound_overflowing_memos(0) == 0
    assert memo_reset.bound_overflowing_memos(400) >= 1
    assert mod.full is user.full is not full  # replaced everywhere it is held
    assert mod.full.cache_info().maxsize == 400  # type: ignore[attr-defined]
    assert mod.light is light  # 300 entries: under the bound, kept with its entries
    assert light.cache_info().currsize == 300
    assert [mod.full(i) for i in range(1000)] == [3 * i for i in range(1000)]
    assert mod.full.cache_info().currsize == 400  # type: ignore[attr-defined]
    assert memo_reset.bound_overflowing_memos(400) == 0  # bounded once


def test_a_windowed_repair_bounds_the_overflowing_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the windows of a big text, a memo of the other stages holding more than
    ``OVERFLOW_BOUND`` entries is bounded there (0: none is); the same text and edits."""
    from repair.config import RepairConfig

    text = Path(sorted(glob.glob(str(ROOT / "seeds" / "000_*.txt")))[0]).read_text(encoding="utf-8")
    config = RepairConfig(window_chars=4_000, whole_document_chars=4_000)
    _keep_repair_memos(monkeypatch)
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_BOUND", 0)
    monkeypatch.setattr(memo_reset, "OVERFLOW_BOUND", 0)
    before = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    bound = 600  # at least memo_reset.MIN_MAXSIZE: a smaller memo is no longer listed
    over = [
        memo_reset._memo_name(m)
        for m in memo_reset.other_memos()
        if m.cache_info().currsize > bound and m.cache_info().maxsize > bound  # type: ignore[attr-defined]
    ]
    assert over  # the text fills some memos past the bound
    monkeypatch.setattr(memo_reset, "OVERFLOW_BOUND", bound)
    after = pipeline.combine_windows(text, list(pipeline.repair_windows(text, config=config)))
    sizes = {memo_reset._memo_name(m): m.cache_info() for m in memo_reset.other_memos()}  # type: ignore[attr-defined]
    assert all(sizes[n].maxsize == bound for n in over)
    assert after.text == before.text and after.edits == before.edits
