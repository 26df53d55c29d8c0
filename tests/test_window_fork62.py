"""Session 62 (issue 14, peak memory): a text that has shown a heavy window keeps no child
for the rest of it (:data:`repair.window_fork.KEEP_UNTIL_HEAVY`), the memos of
:data:`repair.window_fork.CHILD_MEMO_BOUNDS` are bounded before a child is forked, and
:func:`repair.score.spin_form_agree.slots` shares one frozenset per set of slots
(:data:`repair.score.spin_form_agree.SHARED_SLOTS`)."""

from __future__ import annotations

import os
import sys
import types
from functools import lru_cache

import pytest

from repair import window_fork
from repair.score import spin_form_agree

needs_fork = pytest.mark.skipif(
    not (hasattr(os, "fork") and sys.platform.startswith("linux")), reason="no fork here"
)

#: What the child's last call was asked to weigh (read by the patched memory reader).
_last: list[str] = [""]


def _window(weight: str) -> str:
    """A stand-in window: its value, and the weight the child's memory then shows."""
    _last[0] = weight
    return weight.upper()


@pytest.fixture(autouse=True)
def _fork_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forks beside earlier tests' idle threads; a heavy call leaves the child at 1,000
    MiB, a light one at 10 (the bar at 175)."""
    monkeypatch.setattr(
        window_fork, "can_fork", lambda: hasattr(os, "fork") and sys.platform.startswith("linux")
    )
    monkeypatch.setattr(
        window_fork, "_resident_mb", lambda: 1000.0 if _last[0] == "heavy" else 10.0
    )
    monkeypatch.setattr(window_fork, "KEEP_CHILD", True)
    monkeypatch.setattr(window_fork, "KEEP_CHILD_MB", 175)
    monkeypatch.setattr(window_fork, "CHILD_MEMO_BOUNDS", {})
    yield
    window_fork.release()


def _run(weights: list[str]) -> tuple[list[str], int, int]:
    """The windows' values, children forked and windows a kept child repaired."""
    forks, kept = window_fork.forks, window_fork.kept
    values = [window_fork.run_apart(_window, w, keep=True) for w in weights]
    window_fork.release()
    return values, window_fork.forks - forks, window_fork.kept - kept


@needs_fork
@pytest.mark.parametrize("until_heavy", [True, False])
def test_no_child_kept_after_a_heavy_window(
    monkeypatch: pytest.MonkeyPatch, until_heavy: bool
) -> None:
    """A heavy first window: on, every later window forks anew; off, the first light
    window's child is kept for the next (session 61's behaviour).  The same values."""
    monkeypatch.setattr(window_fork, "KEEP_UNTIL_HEAVY", until_heavy)
    values, forks, kept = _run(["heavy", "light", "light", "light"])
    assert values == ["HEAVY", "LIGHT", "LIGHT", "LIGHT"]
    assert (forks, kept) == ((4, 0) if until_heavy else (2, 2))


@needs_fork
def test_a_new_text_keeps_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`release` (a text's end) forgets the heavy window: light windows of the next
    text share one child."""
    monkeypatch.setattr(window_fork, "KEEP_UNTIL_HEAVY", True)
    assert _run(["heavy", "light"])[1:] == (2, 0)
    assert _run(["light", "light", "light"])[1:] == (1, 2)


def _memo_module() -> types.ModuleType:
    """A module of this package holding one memo of maxsize 1,000."""
    module = types.ModuleType("repair._test_memo62")

    @lru_cache(maxsize=1000)
    def double(x: int) -> int:
        return 2 * x

    double.__module__ = module.__name__
    module.double = double  # type: ignore[attr-defined]
    return module


@needs_fork
@pytest.mark.parametrize("bounds", [{"repair._test_memo62.double": 8}, {}])
def test_child_memos_bounded_before_the_fork(
    monkeypatch: pytest.MonkeyPatch, bounds: dict[str, int]
) -> None:
    """A memo named in :data:`CHILD_MEMO_BOUNDS` is an ``lru_cache`` of the same function
    bounded there once a child was forked (empty: left as it was), with the same values."""
    module = _memo_module()
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(window_fork, "CHILD_MEMO_BOUNDS", bounds)
    assert window_fork.run_apart(module.double, 21) == 42
    assert module.double.cache_info().maxsize == (8 if bounds else 1000)
    assert [module.double(i) for i in range(20)] == [2 * i for i in range(20)]


@pytest.mark.parametrize("shared", [True, False])
def test_slots_share_one_set(monkeypatch: pytest.MonkeyPatch, shared: bool) -> None:
    """Two words with the same slots get one frozenset object (off: two equal ones); the
    answers of :func:`slots` and :func:`agree` are the same either way."""
    monkeypatch.setattr(spin_form_agree, "SHARED_SLOTS", shared)
    spin_form_agree.slots.cache_clear()
    spin_form_agree.agree.cache_clear()
    try:
        a, b = spin_form_agree.slots("decided"), spin_form_agree.slots("walked")
        assert a == b == frozenset({"ed"})
        assert (a is b) is shared
        assert spin_form_agree.agree("elderly", "older") is False
        assert spin_form_agree.agree("risen", "surfaced") is True
    finally:
        spin_form_agree.slots.cache_clear()
        spin_form_agree.agree.cache_clear()
