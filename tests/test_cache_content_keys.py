"""The disk cache is keyed by content, not by where a checkout lies (issue 14), and a
stale entry is still never read."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from repair.resources import cache

BUILDER = """
CALLS = []


def build():
    CALLS.append(1)
    return {"words": [w.upper() for w in ("a", "b")], "n": SCALE}


SCALE = 3
"""


def _load(folder: Path, text: str = BUILDER) -> ModuleType:
    """A builder module written to ``folder`` and imported from there."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "builder_mod.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(f"builder_{abs(hash(str(folder)))}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _settle(path: Path, seconds_ago: int) -> None:
    """Date ``path`` in the past, so :func:`cache.file_digest` remembers its digest."""
    t = int(1e9) * (10_000_000 - seconds_ago)
    os.utime(path, ns=(t, t))


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_code_fingerprint_ignores_the_file_name_only(tmp_path: Path) -> None:
    a = _load(tmp_path / "one")
    b = _load(tmp_path / "two" / "deeper")
    assert a.build.__code__.co_filename != b.build.__code__.co_filename
    assert cache.code_fingerprint(a.build.__code__) == cache.code_fingerprint(b.build.__code__)
    # the nested comprehension is compared too: another body, another fingerprint
    c = _load(tmp_path / "three", BUILDER.replace("w.upper()", "w.lower()"))
    assert cache.code_fingerprint(a.build.__code__) != cache.code_fingerprint(c.build.__code__)
    d = _load(tmp_path / "four", BUILDER.replace('("a", "b")', '("a", "c")'))
    assert cache.code_fingerprint(a.build.__code__) != cache.code_fingerprint(d.build.__code__)
    # the file name is left on the code object itself
    assert a.build.__code__.co_filename.endswith("builder_mod.py")


def _two_checkouts(tmp_path: Path) -> tuple[ModuleType, Path, ModuleType, Path]:
    """The same builder and data file in two folders (two checkouts of one version)."""
    out = []
    for name in ("checkout_a", "checkout_b"):
        mod = _load(tmp_path / name / "repair")
        data = tmp_path / name / "lexicon.tsv"
        data.write_text("same bytes\n")
        out += [mod, data]
    return out[0], out[1], out[2], out[3]


def test_two_checkouts_share_a_disk_cached_entry(tmp_path: Path, folder: Path) -> None:
    mod_a, data_a, mod_b, data_b = _two_checkouts(tmp_path)
    src_a = [data_a, Path(mod_a.__file__)]
    src_b = [data_b, Path(mod_b.__file__)]
    first = cache.disk_cached("shared", src_a, mod_a.build, dict)
    second = cache.disk_cached("shared", src_b, mod_b.build, dict)
    assert first == second == {"words": ["A", "B"], "n": 3}
    assert (len(mod_a.CALLS), len(mod_b.CALLS)) == (1, 0)  # built once, read by the other
    assert len(list(folder.glob("shared-*.marshal"))) == 1


def test_another_version_of_the_builder_or_data_is_not_read(tmp_path: Path, folder: Path) -> None:
    mod_a, data_a, _, _ = _two_checkouts(tmp_path)
    cache.disk_cached("shared", [data_a], mod_a.build, dict)
    # another checkout whose builder differs: its own entry, built
    other = _load(tmp_path / "checkout_c", BUILDER.replace("SCALE = 3", "SCALE = 4"))
    data_c = tmp_path / "checkout_c" / "lexicon.tsv"
    data_c.write_text("same bytes\n")
    assert cache.disk_cached("shared", [data_c, Path(other.__file__)], other.build, dict)["n"] == 4
    assert len(other.CALLS) == 1
    # same builder code, the module's source edited elsewhere: a new entry
    changed = _load(tmp_path / "checkout_d", BUILDER + "\nEXTRA = 1\n")
    data_d = tmp_path / "checkout_d" / "lexicon.tsv"
    data_d.write_text("same bytes\n")
    cache.disk_cached("shared", [data_d, Path(changed.__file__)], changed.build, dict)
    assert len(changed.CALLS) == 1
    # other data bytes: a new entry
    data_d.write_text("other bytes\n")
    cache.disk_cached("shared", [data_d, Path(changed.__file__)], changed.build, dict)
    assert len(changed.CALLS) == 2


def _checker(data: Path, calls: list[str]) -> Callable[[], str]:
    def check() -> str:
        calls.append(data.read_text())
        return data.read_text().upper()

    return check


def test_two_checkouts_share_a_stat_cached_entry(tmp_path: Path, folder: Path) -> None:
    _, data_a, _, data_b = _two_checkouts(tmp_path)
    for p in (data_a, data_b):
        _settle(p, 100)
    calls: list[str] = []
    assert cache.stat_cached("checked", [data_a], _checker(data_a, calls), str) == "SAME BYTES\n"
    assert cache.stat_cached("checked", [data_b], _checker(data_b, calls), str) == "SAME BYTES\n"
    assert calls == ["same bytes\n"]
    assert len(list(folder.glob("checked-*.marshal"))) == 1


def test_stat_cached_never_reads_a_stale_entry(tmp_path: Path, folder: Path) -> None:
    data = tmp_path / "lexicon.tsv"
    data.write_text("old bytes\n")
    _settle(data, 100)
    calls: list[str] = []
    assert cache.stat_cached("checked", [data], _checker(data, calls), str) == "OLD BYTES\n"
    assert cache.stat_cached("checked", [data], _checker(data, calls), str) == "OLD BYTES\n"
    assert len(calls) == 1
    data.write_text("new bytes\n")  # same size, rewritten in place
    _settle(data, 50)
    assert cache.stat_cached("checked", [data], _checker(data, calls), str) == "NEW BYTES\n"
    data.write_text("NEW bytes\n")  # rewritten just now (not settled): read again
    assert cache.stat_cached("checked", [data], _checker(data, calls), str) == "NEW BYTES\n"
    assert calls == ["old bytes\n", "new bytes\n", "NEW bytes\n"]
