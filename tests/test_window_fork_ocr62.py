"""The tables an OCR window's child loaded are loaded in the parent before the next fork
(issue 14, session 62, forkocr: :data:`repair.window_fork.WARM_OCR_TABLES`), only while
every window of the text was OCR-garbled; the windows' values are unchanged."""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import pytest

from repair import window_fork
from repair.types import DocScores
from tests.test_window_fork60 import fork_beside_idle_threads, platform_forks  # noqa: F401

pytestmark = pytest.mark.skipif(not platform_forks(), reason="no fork here")

_CALLS: list[int] = []


def _window(garbled: bool, loader: object) -> object:
    """A window's kept result whose scores say (or not) that the OCR stage found the page
    garbled, after filling ``loader``."""
    loader()  # type: ignore[operator]
    skipped = ("spin:ocr_garbled",) if garbled else ("spin:disabled",)
    return SimpleNamespace(text="x", scores=DocScores(words=1, skipped=skipped))


@pytest.fixture
def loader(monkeypatch: pytest.MonkeyPatch) -> object:
    """A zero-argument cached loader of this package (as the tables are), counted."""

    def table() -> tuple[int, ...]:
        _CALLS.append(1)
        return (1, 2, 3)

    table.__module__ = window_fork.__name__
    cached = lru_cache(maxsize=1)(table)
    monkeypatch.setattr(window_fork, "_forkocr_table", cached, raising=False)
    monkeypatch.setattr(window_fork, "WARM_TABLES", False)
    monkeypatch.setattr(window_fork, "loaded", set())
    monkeypatch.setattr(window_fork, "_to_load", set())
    monkeypatch.setattr(window_fork, "_not_ocr", False)
    _CALLS.clear()
    yield cached
    window_fork.release()


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("garbled", [True, False])
def test_an_ocr_windows_tables_are_loaded_here(
    on: bool, garbled: bool, loader: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OCR-garbled window's filled loader is called here before the next fork with the
    flag on (the next child finds it filled); a window that was not garbled, or the flag
    off, leaves every child to load it itself."""
    monkeypatch.setattr(window_fork, "WARM_OCR_TABLES", on)
    first = window_fork.run_apart(_window, garbled, loader)
    assert first.text == "x" and _CALLS == []  # the child's load stayed in the child
    warm = on and garbled
    assert window_fork.run_apart(lambda: loader.cache_info().currsize) == int(warm)
    assert _CALLS == ([1] if warm else [])


def test_a_mixed_text_stops_the_loading(loader: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a window of the text was not OCR-garbled, an OCR window's tables are no longer
    loaded here (a spin window's child would carry them) until the text is released."""
    monkeypatch.setattr(window_fork, "WARM_OCR_TABLES", True)
    window_fork.run_apart(lambda: _window(False, lambda: None))
    window_fork.run_apart(_window, True, loader)
    assert window_fork.run_apart(lambda: loader.cache_info().currsize) == 0
    window_fork.release()
    window_fork.run_apart(_window, True, loader)
    assert window_fork.run_apart(lambda: loader.cache_info().currsize) == 1


def test_a_kept_tuple_is_read() -> None:
    """What ``repair fix`` keeps (a result) and a tuple holding the scores both tell."""
    scores = DocScores(words=1, skipped=("spin:ocr_garbled",))
    assert window_fork._ocr_garbled(SimpleNamespace(scores=scores))
    assert window_fork._ocr_garbled(("t", True, scores))
    assert not window_fork._ocr_garbled(("t", True, DocScores(words=1)))
    assert not window_fork._ocr_garbled(3)
