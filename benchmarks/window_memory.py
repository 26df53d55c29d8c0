"""Peak RSS and CPU of ``repair fix`` on a big text, by window size (issue 14, bounded memory).

Builds ``speed_text(kind, 100_000)`` repeated (blank line between copies) to about
``--mb`` megabytes in a temp folder, then runs ``repair fix FILE -q`` in a fresh process
once per ``--window`` (``RepairConfig(window_chars=W, whole_document_chars=W)``; 0 = the
defaults) and prints CPU seconds (user + system) and peak RSS (the child's ``VmHWM``).

    python benchmarks/window_memory.py --kind ocr --mb 5 --window 1000000 500000 250000
    python benchmarks/window_memory.py --kind clean spun ocr --mb 5
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from repair.bench.speed import HWM_AT_EXIT

_DRIVER = (
    """
import sys
HWM_FILE = sys.argv[3]
"""
    + HWM_AT_EXIT
    + """
import repair.cli.fix as fix
real = fix.RepairConfig
w = int(sys.argv[1])
if w:
    fix.RepairConfig = lambda **kw: real(window_chars=w, whole_document_chars=w, **kw)
sys.argv = ["repair", "fix", sys.argv[2], "-q"]
from repair.cli import main
main()
"""
)


def build(kind: str, mb: float, path: Path) -> str:
    from repair.bench.speed import speed_text

    base = speed_text(kind, 100_000)
    target = int(mb * 1_000_000)
    text = "\n\n".join([base] * (target // len(base.encode()) + 1))
    if len(text.encode()) > target:
        text = text[: text.rfind("\n\n", 0, target) + 2]
    path.write_text(text, encoding="utf-8")
    return text


def run(path: Path, window: int) -> tuple[float, float]:
    """(CPU s, peak MB) of one fresh ``repair fix`` process: its CPU from ``wait4``, its
    peak from its own ``VmHWM`` (``ru_maxrss`` of a forked child starts at this process's
    size, which holds the big text: a 50 MB text showed 664 MB for a 273 MB child)."""
    hwm = path.with_suffix(".hwm")
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRIVER, str(window), str(path), str(hwm)],
        stdout=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"repair fix failed ({proc.returncode}) on {path}")
    try:
        peak_mb = int(hwm.read_text().strip()) / 1024
    except (OSError, ValueError):  # no /proc (macOS): the child's ru_maxrss, bytes there
        peak_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return usage.ru_utime + usage.ru_stime, peak_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", nargs="+", default=["clean", "spun", "ocr"])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--window", nargs="+", type=int, default=[0])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kind:
            path = Path(tmp) / f"{kind}.txt"
            text = build(kind, args.mb, path)
            words = len(text.split())
            for window in args.window:
                cpu, peak = run(path, window)
                print(
                    f"{kind}\t{path.stat().st_size / 1e6:.1f} MB\t{words:,} words\t"
                    f"window {window or 'default'}\tCPU {cpu:.1f} s\tpeak {peak:.0f} MB"
                )


if __name__ == "__main__":
    main()
