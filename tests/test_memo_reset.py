"""The per-token memos emptied between windows of a big text: found, emptied, same output."""

from __future__ import annotations

from functools import cache, lru_cache

import pytest

import repair.pipeline as pipeline
from repair import RepairConfig
from repair.bench.speed import speed_text
from repair.resources import frequency
from repair.resources.memo_reset import reset_token_memos, token_memos
from repair.score.ngrams import get_ngrams


def test_the_token_memos_are_found_and_emptied_and_the_loaders_kept() -> None:
    from repair.detect import collocation  # a spin stage's memos: kept
    from repair.score import ocr_channel

    frequency.zipf("house")
    ocr_channel.is_known("house")
    ocr_channel.confusions()  # a table loader (maxsize 1)
    table = get_ngrams()
    table.word_id("house")
    memos = token_memos()
    assert frequency.zipf in memos and ocr_channel.is_known in memos
    assert table.word_id in memos  # a memo held by a module's object
    assert ocr_channel.confusions not in memos and ocr_channel.vocabulary not in memos
    assert not any(getattr(m, "__module__", "") == collocation.__name__ for m in memos)
    assert reset_token_memos() == len(memos)
    assert frequency.zipf.cache_info().currsize == 0
    assert table.word_id.cache_info().currsize == 0
    assert ocr_channel.confusions.cache_info().currsize == 1


def test_only_bounded_memos_of_the_prefix_count(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    mod = types.ModuleType("repair_memo_probe.ocr_probe")

    @lru_cache(maxsize=4096)
    def big(x: int) -> int:
        return x

    @cache
    def unbounded(x: int) -> int:
        return x

    @lru_cache(maxsize=1)
    def loader() -> int:
        return 1

    mod.big, mod.unbounded, mod.loader = big, unbounded, loader
    monkeypatch.setitem(sys.modules, "repair_memo_probe.ocr_probe", mod)
    other = types.ModuleType("repair_memo_probe.spin_probe")
    other.big = big
    monkeypatch.setitem(sys.modules, "repair_memo_probe.spin_probe", other)
    spin_only = lru_cache(maxsize=4096)(lambda x: x)
    other.spin_only = spin_only
    assert token_memos("repair_memo_probe") == [big]  # not the spin module's own
    big(1), unbounded(1), loader()
    reset_token_memos("repair_memo_probe")
    assert big.cache_info().currsize == 0
    assert unbounded.cache_info().currsize == 1 and loader.cache_info().currsize == 1


def _windowed(text: str, every: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list]:
    monkeypatch.setattr(pipeline, "MEMO_RESET_WINDOWS", every)
    reset_token_memos()
    config = RepairConfig(window_chars=20_000, whole_document_chars=20_000)
    parts = list(pipeline.repair_windows(text, config=config))
    whole = pipeline.combine_windows(text, parts)
    edits = [(e.offset, e.length, e.replacement, e.kind, e.confidence) for e in whole.edits]
    return whole.text, edits


def test_emptying_the_memos_every_window_changes_no_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    text = speed_text("ocr", 12_000) + "\n\n" + speed_text("spun", 6_000)
    calls: list[int] = []
    real = pipeline._between_windows
    monkeypatch.setattr(pipeline, "_between_windows", lambda k: (calls.append(k), real(k)))
    kept = _windowed(text, 0, monkeypatch)
    emptied = _windowed(text, 1, monkeypatch)
    assert len(calls) >= 8  # several windows, each after an emptying in the second run
    assert kept[1] and emptied == kept
