"""The forked windows' CPU (issue 14, session 60, forkwarm): a child's imports are made
once in the parent for the later children (:data:`repair.window_fork.WARM_IMPORTS`), and
the parent's objects are frozen for the collector before each fork
(:data:`repair.window_fork.FREEZE_BEFORE_FORK`); the windows' repair is unchanged."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest

from repair import window_fork
from tests.test_window_fork60 import fork_beside_idle_threads, platform_forks  # noqa: F401

pytestmark = pytest.mark.skipif(not platform_forks(), reason="no fork here")

#: A standard-library module nothing in the tests imports (its import has no effect).
_MODULE = "wave"


def _import_it() -> int:
    importlib.import_module(_MODULE)
    return 1


@pytest.mark.parametrize("warm", [True, False])
def test_a_childs_imports_are_made_here_before_the_next_fork(
    warm: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module the first child imported is imported in this process before the second
    fork with ``WARM_IMPORTS`` (so the second child inherits it), and not without."""
    monkeypatch.setattr(window_fork, "WARM_IMPORTS", warm)
    monkeypatch.delitem(sys.modules, _MODULE, raising=False)
    monkeypatch.setattr(window_fork, "warmed", set())
    monkeypatch.setattr(window_fork, "_to_import", set())
    assert window_fork.run_apart(_import_it) == 1
    assert _MODULE not in sys.modules  # the child's import stayed in the child
    assert window_fork.run_apart(lambda: _MODULE in sys.modules) is warm
    assert (_MODULE in sys.modules) is warm and (_MODULE in window_fork.warmed) is warm


def test_an_unimportable_name_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name a child reports that does not import by itself (an extension's private
    module) is tried once and skipped; the window still runs in a child."""
    monkeypatch.setattr(window_fork, "WARM_IMPORTS", True)
    monkeypatch.setattr(window_fork, "warmed", set())
    monkeypatch.setattr(window_fork, "_to_import", {"_no_such_module_forkwarm60"})
    before = window_fork.forks
    assert window_fork.run_apart(lambda: 3) == 3
    assert window_fork.forks == before + 1 and "_no_such_module_forkwarm60" in window_fork.warmed


@pytest.mark.parametrize("freeze", [True, False])
def test_the_child_inherits_frozen_objects(freeze: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``FREEZE_BEFORE_FORK`` the child starts with this process's objects in the
    collector's permanent generation; this process is unfrozen again after the fork."""
    monkeypatch.setattr(window_fork, "FREEZE_BEFORE_FORK", freeze)
    assert gc.get_freeze_count() == 0
    assert (window_fork.run_apart(gc.get_freeze_count) > 0) is freeze
    assert gc.get_freeze_count() == 0


_CALLS: list[int] = []


@pytest.mark.parametrize("warm", [True, False])
def test_a_table_a_child_loaded_is_loaded_here_before_the_next_fork(
    warm: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zero-argument cached loader the first child filled is called in this process
    before the second fork with ``WARM_TABLES`` (the second child finds it filled)."""
    from functools import lru_cache

    def table() -> tuple[int, ...]:
        _CALLS.append(1)
        return (1, 2, 3)

    table.__module__ = window_fork.__name__
    loader = lru_cache(maxsize=1)(table)
    monkeypatch.setattr(window_fork, "_forkwarm_table", loader, raising=False)
    monkeypatch.setattr(window_fork, "WARM_TABLES", warm)
    monkeypatch.setattr(window_fork, "loaded", set())
    monkeypatch.setattr(window_fork, "_to_load", set())
    _CALLS.clear()
    assert window_fork.run_apart(lambda: loader()[0]) == 1
    assert _CALLS == []  # the child's load stayed in the child
    assert window_fork.run_apart(lambda: loader.cache_info().currsize) == (1 if warm else 0)
    assert _CALLS == ([1] if warm else [])
