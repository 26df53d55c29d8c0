"""Where a big text's CPU goes, window by window (issue 14: 1 M words <= 11 x 100 k words).

For each size, ``repair bench speed``'s text of one kind (:func:`repair.bench.speed.speed_text`)
is written to a temporary file and ``repair fix FILE -q -o OUT`` runs in a fresh process that
prints, for every document it repairs (the whole text under one window, else each window: in
the forked child when :data:`repair.window_fork.FORK_WINDOWS` is on), the window's size, its
CPU seconds and its stages' ``detect`` / ``candidates`` / ``score`` CPU, and the first pass's
CPU.  The process's user+sys CPU (``wait4``: its waited-for children included), peak RSS
(the largest of them) and the output's sha256 close each size; the ratio to the first size
is printed last.  Session 62 (scale) measured with it that a window costs per word what the
100 k-word document costs in one process (no pass grows with the text), and that the forked
windows' extra is each fresh child's first-time work (benchmarks/RESULTS.md, "Session 62, scale").

    python benchmarks/window_scale.py --kind ocr --words 100000 300000 1000000
    python benchmarks/window_scale.py --kind spun --words 100000 1000000 \\
        --set repair.window_fork.FORK_WINDOWS=False
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The measured process: sets the flags (argv[1], ``MOD.NAME=VALUE`` joined by spaces), wraps
#: the stages and the per-document repair with process-time clocks, then runs the CLI.
_CHILD = r"""
import ast, importlib, sys, time
for item in sys.argv[1].split():
    name, value = item.split("=", 1)
    mod, attr = name.rsplit(".", 1)
    setattr(importlib.import_module(mod), attr, ast.literal_eval(value))
from repair import pipeline, window_counts
clock = time.process_time
spent = {}

class Timed:
    def __init__(self, name, stage):
        self._name, self._stage = name, stage
    def __getattr__(self, attr):
        fn = getattr(self._stage, attr)
        if attr not in ("detect", "candidates", "score"):
            return fn
        def timed(*a, **k):
            t = clock()
            try:
                return fn(*a, **k)
            finally:
                key = self._name + "." + attr
                spent[key] = spent.get(key, 0.0) + clock() - t
        return timed

load_stage = pipeline.load_stage
pipeline.load_stage = lambda name: Timed(name, load_stage(name))
document = pipeline._gc_paused_document

def timed_document(text, *a, **k):
    spent.clear()
    t = clock()
    result = document(text, *a, **k)
    parts = " ".join(
        f"{key}={v:.2f}" for key, v in sorted(spent.items(), key=lambda kv: -kv[1]) if v >= 0.05
    )
    size = f"{len(text):,} chars, {len(text.split()):,} words"
    print(f"  window {size}: {clock() - t:.2f} s  {parts}", file=sys.stderr, flush=True)
    return result

pipeline._gc_paused_document = timed_document
first_pass = window_counts.first_pass

def timed_first_pass(*a, **k):
    t = clock()
    counts = first_pass(*a, **k)
    print(f"  first pass: {clock() - t:.2f} s", file=sys.stderr, flush=True)
    return counts

window_counts.first_pass = timed_first_pass
sys.argv = ["repair", *sys.argv[2:]]
from repair.cli import entry
entry()
"""


def measure(path: Path, out: Path, flags: list[str]) -> tuple[float, int, str, float]:
    """CPU seconds (user+sys, children included), peak RSS KB, output sha256 and wall
    seconds of ``repair fix path -q -o out`` in a fresh process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    cmd = [sys.executable, "-c", _CHILD, " ".join(flags), "fix", str(path), "-q", "-o", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"repair fix {path} failed")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, digest, wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", default="ocr", choices=("ocr", "spun", "clean"))
    ap.add_argument("--words", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help="a flag set in the measured process (repeatable)",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from repair.bench.speed import speed_text

    rows = []
    with tempfile.TemporaryDirectory(prefix="window-scale-") as tmp:
        for words in args.words:
            text = speed_text(args.kind, words)
            path, out = Path(tmp) / f"{args.kind}_{words}.txt", Path(tmp) / "out.txt"
            path.write_text(text, encoding="utf-8")
            load = os.getloadavg()[0]
            print(
                f"{args.kind} {words:,} words ({len(text):,} code points), load {load:.1f}:",
                file=sys.stderr,
                flush=True,
            )
            cpu, peak, digest, wall = measure(path, out, args.set)
            rows.append((words, cpu))
            print(
                f"  total {cpu:.2f} s CPU, peak {peak:,} KB, {wall:.1f} s wall, output "
                f"sha256 {digest[:12]}, load {load:.1f} -> {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    base_words, base_cpu = rows[0]
    for words, cpu in rows[1:]:
        print(
            f"{words:,} / {base_words:,} words: x{cpu / base_cpu:.2f} CPU "
            f"(linear: x{words / base_words:.1f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
