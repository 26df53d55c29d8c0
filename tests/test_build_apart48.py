"""A cold cache's heavy entries are built in a child interpreter (issue 14, session 48)."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from repair.resources import cache

_MODULE = """
from repair.resources.cache import stat_cached

CALLS = []


def _build():
    CALLS.append(1)
    return ("built " * 3, [1, 2, 3])


def entry():
    return stat_cached("test-apart48", [__file__], _build, tuple, apart=__name__ + ":entry")
"""


def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> object:
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(_MODULE))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.APART_ENV, raising=False)
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def test_a_miss_is_built_in_a_child_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mod = _fresh(tmp_path, monkeypatch, "apart_mod48a")
    assert mod.entry() == ("built built built ", [1, 2, 3])  # type: ignore[attr-defined]
    assert mod.CALLS == []  # type: ignore[attr-defined]  # this process built nothing
    assert list((tmp_path / "cache").glob("test-apart48-*.marshal"))


def test_off_builds_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = _fresh(tmp_path, monkeypatch, "apart_mod48b")
    monkeypatch.setattr(cache, "BUILD_APART", False)
    assert mod.entry() == ("built built built ", [1, 2, 3])  # type: ignore[attr-defined]
    assert mod.CALLS == [1]  # type: ignore[attr-defined]


def test_a_failed_child_builds_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = _fresh(tmp_path, monkeypatch, "apart_mod48c")
    monkeypatch.setattr(cache, "build_apart", lambda target: False)
    assert mod.entry() == ("built built built ", [1, 2, 3])  # type: ignore[attr-defined]
    assert mod.CALLS == [1]  # type: ignore[attr-defined]


@pytest.mark.parametrize("loader", ["ranked_index", "wide_ranked_index"])
def test_the_moby_reverse_index_names_its_builder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str
) -> None:
    from repair.candidates import spin_mobyrev

    monkeypatch.setenv(cache.ENV, str(tmp_path / "cold"))
    asked: list[str] = []

    def stop(target: str) -> bool:
        asked.append(target)
        raise LookupError(target)

    monkeypatch.setattr(cache, "build_apart", stop)
    with pytest.raises(LookupError):
        getattr(spin_mobyrev, loader).__wrapped__()
    assert asked == [f"repair.candidates.spin_mobyrev:{loader}"]
