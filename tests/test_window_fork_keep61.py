"""A child kept for the next windows while its memory is under a bar (issue 14, session
61, :data:`repair.window_fork.KEEP_CHILD`): the same text and summary as one child a
window and as one process, fewer children, and a kept child that fails leaves the window
to a new one."""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

import pytest

from repair import RepairConfig, window_fork
from repair.pipeline import first_pass_stream, repair_stream, summary_scores

pytestmark = pytest.mark.skipif(
    not (hasattr(os, "fork") and sys.platform.startswith("linux")), reason="no fork here"
)

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))[0]


@pytest.fixture(autouse=True)
def fork_beside_idle_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests' idle threads would stop the forks (as in test_window_fork60)."""
    monkeypatch.setattr(
        window_fork, "can_fork", lambda: hasattr(os, "fork") and sys.platform.startswith("linux")
    )


def _windowed(
    monkeypatch: pytest.MonkeyPatch, *, fork: bool, keep: bool, bar: float = 1e9
) -> tuple[str, list, int, int]:
    """Seed 000 three times in 3,000-code-point windows through :func:`repair_stream` (the
    window path of ``repair fix``): the text, the kept parts, children started, windows a
    kept child repaired."""
    monkeypatch.setattr(window_fork, "FORK_WINDOWS", fork)
    monkeypatch.setattr(window_fork, "KEEP_CHILD", keep)
    monkeypatch.setattr(window_fork, "KEEP_CHILD_MB", bar)
    text = "\n\n".join([Path(SEED).read_text(encoding="utf-8")] * 3)
    config = RepairConfig(window_chars=3000, whole_document_chars=3000)
    counts = first_pass_stream(lambda: iter((text,)), (), config)
    forks, kept = window_fork.forks, window_fork.kept
    parts = [
        part
        for _start, part in repair_stream(
            iter((text,)), (), config, counts=counts,
            kept=lambda r: (r.text, r.changed, summary_scores(r.scores)),
        )
    ]  # fmt: skip
    assert window_fork._child is None  # released when the windows are done
    return (
        "".join(p[0] for p in parts),
        [p[1:] for p in parts],
        window_fork.forks - forks,
        window_fork.kept - kept,
    )


def test_a_kept_child_repairs_the_next_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under the bar one child repairs every window (off: one child a window), and the
    text, changed flags and scores are those of one child a window and of one process."""
    on = _windowed(monkeypatch, fork=True, keep=True)
    off = _windowed(monkeypatch, fork=True, keep=False)
    alone = _windowed(monkeypatch, fork=False, keep=True)
    windows = len(on[1])
    assert windows > 2
    assert on[2:] == (1, windows - 1)
    assert off[2:] == (windows, 0)
    assert alone[2:] == (0, 0)
    assert on[:2] == off[:2] == alone[:2]


def test_a_child_over_the_bar_exits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bar no child is under: one child a window, the same text."""
    over = _windowed(monkeypatch, fork=True, keep=True, bar=0)
    off = _windowed(monkeypatch, fork=True, keep=False)
    assert over[2:] == (len(over[1]), 0)
    assert over[:2] == off[:2]


def _double(n: int) -> int:
    return 2 * n


def test_a_kept_child_that_dies_leaves_the_window_to_a_new_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kept child killed between calls: the next call forks a new child, same value."""
    monkeypatch.setattr(window_fork, "KEEP_CHILD", True)
    monkeypatch.setattr(window_fork, "KEEP_CHILD_MB", 1e9)
    try:
        assert window_fork.run_apart(_double, 1, keep=True) == 2
        child = window_fork._child
        assert child is not None
        os.kill(child.pid, 9)
        forks = window_fork.forks
        assert window_fork.run_apart(_double, 2, keep=True) == 4
        assert window_fork.forks == forks + 1
        assert window_fork.run_apart(_double, 3, keep=True) == 6
        assert window_fork.forks == forks + 1  # the new child was kept
    finally:
        window_fork.release()
    assert window_fork._child is None


def test_without_keep_no_child_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that does not ask for it (``keep`` False) gets one child a call."""
    monkeypatch.setattr(window_fork, "KEEP_CHILD", True)
    monkeypatch.setattr(window_fork, "KEEP_CHILD_MB", 1e9)
    forks = window_fork.forks
    assert window_fork.run_apart(_double, 5) == 10
    assert window_fork.run_apart(_double, 6) == 12
    assert window_fork.forks == forks + 2 and window_fork._child is None
