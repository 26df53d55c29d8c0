"""The per-word memo entries an OCR window's child filled are merged into the parent's memos
before the next fork (issue 14, session 63, speedocr1m: :data:`repair.window_fork.MERGE_OCR_MEMOS`,
:mod:`repair.window_memos`), only while every window of the text was OCR-garbled; an entry
the window emptied is not carried, and the windows' values are unchanged."""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from types import SimpleNamespace

import pytest

from repair import window_fork, window_memos
from repair.types import DocScores
from tests.memo_fakes import carry_only
from tests.test_window_fork60 import fork_beside_idle_threads, platform_forks  # noqa: F401

_MODULE = "repair.score.fakeocr63"


def _make_module() -> types.ModuleType:
    module = types.ModuleType(_MODULE)
    module.calls = []  # type: ignore[attr-defined]

    def reading(word: str, *, tail: str = "") -> tuple[str, int]:
        module.calls.append(word)  # type: ignore[attr-defined]
        return (word.upper() + tail, len(word))

    reading.__module__ = _MODULE
    reading.__qualname__ = "reading"
    module.reading = lru_cache(maxsize=128)(reading)  # type: ignore[attr-defined]
    return module


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """An OCR module holding a per-word memo (as the OCR readers do), and clean state."""
    module = _make_module()
    carry_only(monkeypatch, _MODULE, module)
    monkeypatch.setattr(window_fork, "WARM_OCR_TABLES", False)
    window_fork.release()
    yield module
    window_fork.release()


def _window(garbled: bool, words: tuple[str, ...]) -> object:
    """A window's kept result (garbled or not) after reading ``words`` through the memo,
    with the words the memo's function computed in this window."""
    module = sys.modules[_MODULE]
    del module.calls[:]  # type: ignore[attr-defined]
    values = [module.reading(w) for w in words]  # type: ignore[attr-defined]
    skipped = ("spin:ocr_garbled",) if garbled else ("spin:disabled",)
    text = repr((values, list(module.calls)))  # type: ignore[attr-defined]
    return SimpleNamespace(text=text, scores=DocScores(words=1, skipped=skipped))


def _computed(result: object) -> list[str]:
    return eval(result.text)[1]  # type: ignore[attr-defined]  # noqa: S307


def test_export_and_merge_in_process(fake: types.ModuleType) -> None:
    """The recorder notes the misses; an entry still in the memo is exported, one emptied
    is not; merged into a memo, it answers without computing, with the same value."""
    assert window_memos.install() >= 1
    memo = fake.reading
    assert memo.__wrapped__.__qualname__ == "reading"
    assert memo("ab") == ("AB", 2) and memo("cd", tail="!") == ("CD!", 2)
    data = window_memos.export()
    assert set(data) == {f"{_MODULE}.reading"}
    memo.cache_clear()
    memo("ef")
    memo.cache_clear()  # the window emptied it: "ef" is no longer the memo's
    assert window_memos.export() == {}
    del fake.calls[:]
    window_memos.VERIFY, verify = True, window_memos.VERIFY
    try:
        assert window_memos.merge(data) == 2
    finally:
        window_memos.VERIFY = verify
    assert window_memos.mismatches == 0
    fake.calls.clear()  # VERIFY computed them once
    assert memo("ab") == ("AB", 2) and memo("cd", tail="!") == ("CD!", 2)
    assert fake.calls == []


@pytest.mark.skipif(not platform_forks(), reason="no fork here")
@pytest.mark.parametrize("on", [True, False])
def test_a_later_child_inherits_the_entries(on: bool, fake: types.ModuleType, monkeypatch) -> None:
    """With the flag on, the words an OCR window's child computed are not computed again by
    a later child (window 0 runs before the recorders are put in); off, every child
    computes them; the values are the same."""
    monkeypatch.setattr(window_fork, "MERGE_OCR_MEMOS", on)
    first = window_fork.run_apart(_window, True, ("ab", "cd"))
    assert _computed(first) == ["ab", "cd"]
    second = window_fork.run_apart(_window, True, ("ab", "ef"))
    assert _computed(second) == ["ab", "ef"]  # window 0 recorded nothing
    third = window_fork.run_apart(_window, True, ("ab", "ef", "gh"))
    assert _computed(third) == (["gh"] if on else ["ab", "ef", "gh"])
    assert eval(third.text)[0] == [("AB", 2), ("EF", 2), ("GH", 2)]  # noqa: S307
    assert fake.calls == []  # this process computed nothing


@pytest.mark.skipif(not platform_forks(), reason="no fork here")
def test_a_mixed_text_stops_the_merging(fake: types.ModuleType, monkeypatch) -> None:
    """Once a window was not OCR-garbled, the carried entries are emptied here and no more
    are merged until the text is released."""
    monkeypatch.setattr(window_fork, "MERGE_OCR_MEMOS", True)
    window_fork.run_apart(_window, True, ("ab",))
    window_fork.run_apart(_window, True, ("cd",))
    assert _computed(window_fork.run_apart(_window, False, ("cd",))) == []
    assert _computed(window_fork.run_apart(_window, True, ("cd", "xy"))) == ["cd", "xy"]
    assert _computed(window_fork.run_apart(_window, True, ("xy",))) == ["xy"]
    window_fork.release()
    window_fork.run_apart(_window, True, ("ab",))
    window_fork.run_apart(_window, True, ("cd",))
    assert _computed(window_fork.run_apart(_window, True, ("cd",))) == []


def test_a_cheap_memo_is_put_back_plain(fake: types.ModuleType, monkeypatch) -> None:
    """A memo whose misses cost under MIN_MISS_US each is reported cheap, not sent, and
    the merge puts a plain memo of the same size back, never installed again."""
    monkeypatch.setattr(window_memos, "MIN_MISS_US", 1e9)
    window_memos.install()
    memo = fake.reading
    memo("ab")
    data = window_memos.export()
    assert data == {f"{_MODULE}.reading": b""}
    window_memos.merge(data)
    assert fake.reading is not memo and window_memos._installed == {}
    assert fake.reading.cache_parameters()["maxsize"] == 128
    assert fake.reading("ab") == ("AB", 2)
    assert window_memos.install() == 0
