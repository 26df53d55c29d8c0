"""Speed: start-up time and peak memory of one ``fix`` in a fresh process, per tool.

Throughput (words/s per core) is measured by the runner on the suites
themselves (CPU time of this process around each tool call, after a warm-up
call, so lazy loading is not counted there: start-up measures it).

Peak memory is the child's own high-water mark, ``VmHWM`` in ``/proc/self/status``,
which the child writes to a file at exit (:data:`_WRAPPER`).  ``ru_maxrss`` of the
child (from :func:`os.wait4`) is no good on Linux: a forked child inherits the
parent's maximum, so every tool would show this process's size.  Where ``/proc``
is missing (macOS) we fall back to ``ru_maxrss``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from repair.bench.suites import repo_root

#: Issue 2's performance requirement for ``repair fix`` on a seed article.
REQUIRED_WALL_S = 1.0
REQUIRED_PEAK_MB = 300.0


@dataclass
class Startup:
    tool: str
    command: str
    wall_s: float | None = None  # best of the runs
    peak_mb: float | None = None  # largest of the runs
    cpu_s: float | None = None  # user + system CPU of the fastest run (robust on a busy machine)
    runs: tuple[float, ...] = ()
    error: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "tool": self.tool,
            "command": self.command,
            "wall_s": None if self.wall_s is None else round(self.wall_s, 4),
            "peak_mb": None if self.peak_mb is None else round(self.peak_mb, 1),
            "cpu_s": None if self.cpu_s is None else round(self.cpu_s, 4),
            "runs": [round(r, 4) for r in self.runs],
            "error": self.error,
        }


#: Runs a module as ``python -m`` would and writes the process's VmHWM (kB) to argv[1] at exit.
_WRAPPER = """\
import atexit, runpy, sys
out = sys.argv[1]
def _hwm():
    try:
        with open('/proc/self/status') as f:
            kb = next(line.split()[1] for line in f if line.startswith('VmHWM:'))
        with open(out, 'w') as f:
            f.write(kb)
    except (OSError, StopIteration):
        pass
atexit.register(_hwm)
sys.argv = sys.argv[2:]
runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
"""


def fix_command(tool: str, path: Path) -> list[str]:
    """The fresh-process command that fixes ``path`` with ``tool``."""
    if tool == "repair":
        return [sys.executable, "-m", "repair", "fix", str(path)]
    return [sys.executable, "-m", "repair.bench.peers", tool, str(path)]


def _shown(cmd: list[str]) -> str:
    parts = ["python" if c == sys.executable else c for c in cmd]
    try:
        parts = [os.path.relpath(p) if os.path.isabs(p) and os.path.exists(p) else p for p in parts]
    except ValueError:  # different drive on Windows
        pass
    return " ".join(f"'{p}'" if " " in p else p for p in parts)


def run_once(cmd: list[str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak resident MB, exit code and CPU seconds of one run of ``cmd``
    (a ``python -m ...`` command)."""
    assert cmd[1] == "-m", "run_once runs python -m MODULE commands"
    fd, hwm_file = tempfile.mkstemp(prefix="repair-bench-", suffix=".hwm")
    os.close(fd)
    cmd = [cmd[0], "-c", _WRAPPER, hwm_file, *cmd[2:]]
    env = dict(os.environ)
    root = str(repo_root())
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    try:
        with open(hwm_file, encoding="ascii") as fh:
            peak_mb = int(fh.read().strip()) / 1024
    except (OSError, ValueError):
        # ru_maxrss is in kilobytes on Linux, bytes on macOS
        peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    finally:
        os.unlink(hwm_file)
    return wall, peak_mb, proc.returncode, usage.ru_utime + usage.ru_stime


def measure_startup(tool: str, path: Path, runs: int = 2) -> Startup:
    """Best wall time and largest peak memory of ``runs`` fresh processes fixing ``path``."""
    cmd = fix_command(tool, path)
    result = Startup(tool, _shown(cmd))
    walls, peaks, cpus = [], [], []
    for _ in range(max(1, runs)):
        wall, peak, code, cpu = run_once(cmd)
        if code != 0:
            result.error = f"exit code {code}"
            return result
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    result.runs = tuple(walls)
    result.wall_s = min(walls)
    result.cpu_s = cpus[walls.index(result.wall_s)]
    result.peak_mb = max(peaks)
    return result


def requirement(ours: Startup) -> dict[str, object]:
    """Issue 2: ``repair fix`` on a seed in < 1 s wall and < 300 MB peak."""
    ok = (
        ours.wall_s is not None
        and ours.peak_mb is not None
        and ours.wall_s < REQUIRED_WALL_S
        and ours.peak_mb < REQUIRED_PEAK_MB
    )
    return {
        "requirement": f"repair fix on a seed: < {REQUIRED_WALL_S:g} s wall, "
        f"< {REQUIRED_PEAK_MB:g} MB peak",
        "wall_s": ours.wall_s,
        "peak_mb": ours.peak_mb,
        "pass": bool(ok),
    }
