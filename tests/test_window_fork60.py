"""A big text's windows each repaired in a forked child (issue 14, session 60,
:mod:`repair.window_fork`): the same text and summary as in one process, the parent
keeps nothing a window made, and a child that fails leaves the window to the parent."""

from __future__ import annotations

import glob
import os
import sys
import threading
from pathlib import Path

import pytest

import repair.cli.fix as fix_cli
from repair import RepairConfig, window_fork
from repair.pipeline import first_pass_stream, repair_stream, summary_scores

#: The product's own test, kept for :func:`test_another_thread_stops_the_fork`.
_CAN_FORK = window_fork.can_fork


def platform_forks() -> bool:
    """A POSIX ``fork`` on Linux: :func:`repair.window_fork.can_fork` without its thread
    test."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


pytestmark = pytest.mark.skipif(not platform_forks(), reason="no fork here")


@pytest.fixture(autouse=True)
def fork_beside_idle_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests of the same pytest process (Ray, the HTTP server) leave idle threads
    behind, and ``repair fix`` then runs its windows in one process; these tests are about
    the fork itself, so they allow it (a ``repair fix`` process starts no thread)."""
    monkeypatch.setattr(window_fork, "can_fork", platform_forks)


def test_another_thread_stops_the_fork() -> None:
    """While another thread is alive, a window is not forked (a fork copies one thread)."""
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, daemon=True)
    worker.start()
    try:
        assert _CAN_FORK() is False
    finally:
        stop.set()
        worker.join()


ROOT = Path(__file__).resolve().parent.parent
SEED = sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))[0]

_MADE: list[int] = []


def _windowed(fork: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list, int]:
    """Seed 000 twice in 3,000-code-point windows through :func:`repair_stream` with a
    ``kept`` reduction (the window path of ``repair fix``): the text, the windows' kept
    scores and the children started."""
    monkeypatch.setattr(window_fork, "FORK_WINDOWS", fork)
    monkeypatch.setattr(window_fork, "KEEP_CHILD", False)  # one child a window (session 60)
    text = "\n\n".join([Path(SEED).read_text(encoding="utf-8")] * 2)
    config = RepairConfig(window_chars=3000, whole_document_chars=3000)
    counts = first_pass_stream(lambda: iter((text,)), (), config)
    before = window_fork.forks
    kept = [
        part
        for _start, part in repair_stream(
            iter((text,)), (), config, counts=counts,
            kept=lambda r: (r.text, r.changed, summary_scores(r.scores)),
        )
    ]  # fmt: skip
    return "".join(p[0] for p in kept), [p[1:] for p in kept], window_fork.forks - before


def test_forked_windows_give_the_same_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each window in a child (``FORK_WINDOWS``): the same text, changed flags and scores
    as every window in this process; off, no child is started."""
    on_text, on_kept, on_forks = _windowed(True, monkeypatch)
    off_text, off_kept, off_forks = _windowed(False, monkeypatch)
    assert on_forks == len(on_kept) > 1 and off_forks == 0
    assert on_text == off_text and on_kept == off_kept
    assert any(changed for changed, _scores in on_kept)


def _remember() -> int:
    _MADE.append(1)
    return len(_MADE)


def test_the_parent_keeps_nothing_a_child_made() -> None:
    """The child's value comes back; what it changed in its memory does not."""
    _MADE.clear()
    assert window_fork.run_apart(_remember) == 1
    assert _MADE == []


def test_a_failed_child_leaves_the_window_to_the_parent() -> None:
    """A value that does not pickle: the child fails, the parent runs the call itself."""
    before = window_fork.fallbacks
    value = window_fork.run_apart(lambda: lambda: 7)
    assert value() == 7 and window_fork.fallbacks == before + 1


@pytest.mark.parametrize(("fork", "to_file"), [(True, True), (False, True), (True, False)])
def test_fix_writes_the_same_text(
    fork: bool,
    to_file: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``repair fix`` of a windowed text (3,000-code-point windows), ``-o`` or stdout: the
    same output and summary line with the windows forked or not; the atomic writer's temp
    file is the parent's alone (the children exit without touching it)."""
    from repair.cli import main

    monkeypatch.setattr(window_fork, "FORK_WINDOWS", fork)
    real = fix_cli.RepairConfig
    monkeypatch.setattr(
        fix_cli,
        "RepairConfig",
        lambda **kw: real(whole_document_chars=3000, window_chars=3000, **kw),
    )
    text = "\n\n".join([Path(SEED).read_text(encoding="utf-8")] * 2)
    src, out = tmp_path / "big.txt", tmp_path / "out.txt"
    src.write_text(text, encoding="utf-8")
    target = ["-o", str(out)] if to_file else []
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), *target])
    before = window_fork.forks
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 0
    assert (window_fork.forks > before) is fork
    captured = capsys.readouterr()
    written = out.read_text(encoding="utf-8") if to_file else captured.out
    windowed_text, _kept, _n = _windowed(False, monkeypatch)
    assert written == windowed_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.txt"][: 1 + to_file]
    assert " edits " in captured.err
