"""The carried OCR memo entries are bounded by the bytes the parent holds, not only by their
count (issue 14, session 64, speedmem: :data:`repair.window_memos.BY_BYTES`,
:data:`repair.window_memos.MAX_HELD_MB`): a memo whose entries are few and fat is left to the
children to refill once the bound is reached, and what is merged answers as before."""

from __future__ import annotations

import types
from functools import lru_cache

import pytest

from repair import window_memos
from tests.memo_fakes import carry_only

_MODULE = "repair.score.fakeocr64"


def _make_module() -> types.ModuleType:
    module = types.ModuleType(_MODULE)
    module.calls = []  # type: ignore[attr-defined]

    def thin(word: str) -> tuple[str, int]:
        module.calls.append(("thin", word))  # type: ignore[attr-defined]
        return (word.upper(), len(word))

    def fat(word: str) -> tuple[str, ...]:
        module.calls.append(("fat", word))  # type: ignore[attr-defined]
        return tuple(f"{word}{i:05d}" for i in range(2_000))  # ~130 KB an entry

    for fn in (thin, fat):
        fn.__module__ = _MODULE
        fn.__qualname__ = fn.__name__
        setattr(module, fn.__name__, lru_cache(maxsize=128)(fn))
    return module


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = _make_module()
    carry_only(monkeypatch, _MODULE, module)
    yield module
    window_memos.clear()


def _window(module: types.ModuleType) -> None:
    for i in range(20):
        module.thin(f"w{i}")
    for i in range(4):
        module.fat(f"f{i}")


@pytest.mark.parametrize("on", [True, False])
def test_fat_entries_stay_out_under_the_byte_bound(
    on: bool, fake: types.ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the flag, a bound of 0.1 MiB holds every thin entry and no fat one (each
    ~130 KB); without it, both memos are carried (the count bound only)."""
    monkeypatch.setattr(window_memos, "BY_BYTES", on)
    monkeypatch.setattr(window_memos, "MAX_HELD_MB", 0.1)
    assert window_memos.install() == 2
    _window(fake)
    data = window_memos.export()
    carried = {name.rsplit(".", 1)[-1] for name, part in data.items() if part}
    assert carried == ({"thin"} if on else {"thin", "fat"})
    # the parent: its memos emptied, the child's entries merged, answered without a call
    window_memos.clear()
    merged = window_memos.merge(data)
    assert merged == (20 if on else 24)
    del fake.calls[:]
    assert fake.thin("w3") == ("W3", 2)
    assert fake.fat("f0")[:1] == ("f000000",)
    assert fake.calls == ([("fat", "f0")] if on else [])
    if on:
        assert 0 < window_memos._held_bytes <= 0.1 * (1 << 20)
        assert window_memos._full  # the fat memo did not fit: no child sends more
        window_memos.snapshot()
        _window(fake)
        assert not any(window_memos.export().values())


def test_deep_size_counts_shared_objects_once() -> None:
    word = "x" * 1_000
    seen: set[int] = set()
    one = window_memos.deep_size((word,), seen)
    assert window_memos.deep_size((word, word), set()) < 2 * one
    assert window_memos.deep_size((word,), seen) == 0
