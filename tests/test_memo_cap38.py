"""Issue 14: the other stages' memos (spin, tortured, collocation...) stay under a cap
between the windows of a big text, with the same output (session 38, mem38)."""

from __future__ import annotations

import sys
import types
from functools import cache, lru_cache

import pytest

import repair.pipeline as pipeline
from repair import RepairConfig
from repair.bench.speed import speed_text
from repair.resources import memo_reset
from repair.resources.memo_reset import empty_oversized_memos, other_memos, token_memos


def test_other_memos_are_the_bounded_ones_the_token_reset_leaves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spin = types.ModuleType("repair_cap_probe.spin_probe")
    ocr = types.ModuleType("repair_cap_probe.ocr_probe")

    @lru_cache(maxsize=4096)
    def spin_memo(x: int) -> int:
        return x

    @lru_cache(maxsize=4096)
    def ocr_memo(x: int) -> int:
        return x

    @cache
    def unbounded(x: int) -> int:
        return x

    @lru_cache(maxsize=1)
    def loader() -> int:
        return 1

    spin.spin_memo, spin.unbounded, spin.loader = spin_memo, unbounded, loader
    spin.ocr_memo = ocr_memo  # an OCR memo imported by a spin module: the token reset's
    ocr.ocr_memo = ocr_memo
    monkeypatch.setitem(sys.modules, "repair_cap_probe.spin_probe", spin)
    monkeypatch.setitem(sys.modules, "repair_cap_probe.ocr_probe", ocr)
    assert token_memos("repair_cap_probe") == [ocr_memo]
    assert other_memos("repair_cap_probe") == [spin_memo]
    for i in range(10):
        spin_memo(i), ocr_memo(i), unbounded(i)
    loader()
    assert empty_oversized_memos(0, "repair_cap_probe") == 0  # 0: off
    assert empty_oversized_memos(10, "repair_cap_probe") == 0  # not over the cap
    assert spin_memo.cache_info().currsize == 10
    assert empty_oversized_memos(9, "repair_cap_probe") == 1
    assert spin_memo.cache_info().currsize == 0
    assert ocr_memo.cache_info().currsize == 10  # left to its own rule
    assert unbounded.cache_info().currsize == 10 and loader.cache_info().currsize == 1


def _windowed(text: str, cap: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list, list]:
    """The windowed repair of ``text`` with the cap at ``cap``; the largest memo size
    seen before and after each between-window step."""
    monkeypatch.setattr(memo_reset, "SPIN_MEMO_CAP", cap)
    for memo in other_memos():
        memo.cache_clear()  # type: ignore[attr-defined]
    sizes: list[tuple[int, int]] = []
    real = pipeline._between_windows

    def step(k: int) -> None:
        before = max((m.cache_info().currsize for m in other_memos()), default=0)  # type: ignore[attr-defined]
        real(k)
        after = max((m.cache_info().currsize for m in other_memos()), default=0)  # type: ignore[attr-defined]
        sizes.append((before, after))

    monkeypatch.setattr(pipeline, "_between_windows", step)
    config = RepairConfig(window_chars=15_000, whole_document_chars=15_000)
    parts = list(pipeline.repair_windows(text, config=config))
    whole = pipeline.combine_windows(text, parts)
    edits = [(e.offset, e.length, e.replacement, e.kind, e.confidence) for e in whole.edits]
    return whole.text, edits, sizes


def test_the_spin_memos_stay_under_the_cap_between_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = speed_text("spun", 12_000) + "\n\n" + speed_text("clean", 6_000)
    cap = 200
    kept_text, kept_edits, kept_sizes = _windowed(text, 0, monkeypatch)
    text2, edits2, sizes = _windowed(text, cap, monkeypatch)
    assert len(sizes) >= 6  # several windows
    assert max(after for _, after in kept_sizes) > cap  # without the cap they grow past it
    assert all(after <= cap for k, (_, after) in enumerate(sizes) if k)  # bounded
    assert kept_edits and (text2, edits2) == (kept_text, kept_edits)  # the same repair
