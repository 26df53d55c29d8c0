"""Where a ``repair batch`` run's time goes: CPU and wall seconds per serial phase of the
parent, and each worker's busy interval (the critical path), in one run.

    PYTHONPATH=. python benchmarks/batch_phases.py CORPUS OUT [-j 2] [--json FILE]

Runs :func:`repair.batch.runner.run_batch` in this process with timers wrapped around
its phases (reading and splitting the input, the OCR count pass, the self-training first
pass, loading the resources before the fork, the pool, summarising, writing the final
files); the forked workers inherit a wrapped :func:`~repair.batch.worker.run_shard` that
stamps each shard with its wall interval and the worker's CPU seconds.  The machine is
shared, so wall seconds are noisy; CPU seconds per phase are what the model uses:

    predicted wall(j) = parent serial CPU + the busiest worker's CPU (incl. its first
    shard's start-up) + the parent's tail CPU

and the predicted speed-up of ``-j 2`` over ``-j 1`` is the ratio of two such runs
(``--compare A.json B.json``).  Session 66, batchscale (issue 14).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

CPU0 = time.process_time()  # interpreter start-up is already in here
WALL0 = time.time()


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("output", type=Path, nargs="?")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the phases here")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("J1", "J2"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    phases: list[dict[str, Any]] = []
    phases.append(
        {"phase": "start-up (interpreter)", "cpu": round(CPU0, 3), "wall": None, "t0": WALL0}
    )
    t_imp, c_imp = time.time(), time.process_time()
    from repair.batch import local, ocr_auto, runner, state, worker
    from repair.batch.runner import BatchOptions, run_batch

    phases.append(
        {
            "phase": "imports",
            "cpu": round(time.process_time() - c_imp, 3),
            "wall": round(time.time() - t_imp, 3),
            "t0": t_imp,
        }
    )

    def timed(name: str, fn: Any, procs: int = 1) -> Any:
        """``fn`` timed; ``procs``: the child processes its pooled part runs on (if any)."""

        def wrapper(*a: Any, **k: Any) -> Any:
            t, c, ch = time.time(), time.process_time(), _cpu_children()
            try:
                return fn(*a, **k)
            finally:
                phases.append(
                    {
                        "phase": name,
                        "cpu": round(time.process_time() - c, 3),
                        "children_cpu": round(_cpu_children() - ch, 3),
                        "wall": round(time.time() - t, 3),
                        "t0": t,
                        "procs": max(1, procs),
                    }
                )

        return wrapper

    runner.discover = timed("discover inputs", runner.discover)
    runner.plan_shards = timed("plan shards (read input)", runner.plan_shards)
    ocr_auto.count_garbled = timed("OCR count pass", ocr_auto.count_garbled, args.jobs)
    runner._self_train = timed(
        "OCR self-train (first pass, judge, learn)", runner._self_train, args.jobs - 1
    )
    runner._install_ocr_table = timed("install OCR table", runner._install_ocr_table)
    try:  # session 66 on (the script also times older commits)
        from repair.batch import ocr_early

        ocr_early.EarlyFirstPass.finish = timed(
            "OCR early first pass: the rest after the count", ocr_early.EarlyFirstPass.finish
        )
    except ImportError:
        pass
    local.Worker = timed("load resources + warm-up (before fork)", local.Worker)
    runner.summarize = timed("summarize", runner.summarize)
    state.State.write_final = timed("write final files", state.State.write_final)
    state.State.finish = timed("finish", state.State.finish)

    inner = local.run_shard

    def stamped(w: Any, shard: Any, on_doc: Any = None) -> dict[str, Any]:
        t, c = time.time(), time.process_time()
        stats = inner(w, shard, on_doc=on_doc)
        return {**stats, "t_start": t, "t_end": time.time(), "cpu": time.process_time() - c}

    local.run_shard = stamped
    orig_local = local.run_local
    shard_stats: list[dict[str, Any]] = []

    def run_local(*a: Any, **k: Any) -> Any:
        t, c, ch = time.time(), time.process_time(), _cpu_children()
        for st in orig_local(*a, **k):
            shard_stats.append(st)
            yield st
        phases.append(
            {
                "phase": "pool (parent waits)",
                "cpu": round(time.process_time() - c, 3),
                "children_cpu": round(_cpu_children() - ch, 3),
                "wall": round(time.time() - t, 3),
                "t0": t,
            }
        )

    sys.modules["repair.batch.local"].run_local = run_local
    opts = BatchOptions(input=args.corpus, output=args.output, jobs=args.jobs)
    t_run = time.time()
    summary = run_batch(opts)
    t_end = time.time()
    _ = worker
    report = analyse(phases, shard_stats, WALL0, t_run, t_end, summary, args.jobs)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), "utf-8")
    print_report(report)


def analyse(
    phases: list[dict[str, Any]],
    shards: list[dict[str, Any]],
    wall0: float,
    t_run: float,
    t_end: float,
    summary: dict[str, Any],
    jobs: int,
) -> dict[str, Any]:
    pool = next(p for p in phases if p["phase"] == "pool (parent waits)")
    by_pid: dict[int, dict[str, Any]] = {}
    for st in sorted(shards, key=lambda s: s["t_start"]):
        w = by_pid.setdefault(
            st["pid"],
            {"first_start": st["t_start"], "last_end": 0.0, "cpu": 0.0, "shards": 0, "words": 0},
        )
        w["last_end"] = max(w["last_end"], st["t_end"])
        w["cpu"] += st["cpu"]
        w["shards"] += 1
        w["words"] += st["words"]
        if w["shards"] == 1:
            w["first_shard_cpu"] = st["cpu"]
            w["first_shard_words"] = st["words"]
    workers = []
    for pid, w in sorted(by_pid.items(), key=lambda kv: kv[1]["first_start"]):
        workers.append(
            {
                "pid": pid,
                "shards": w["shards"],
                "words": w["words"],
                "cpu": round(w["cpu"], 3),
                "start_after_pool": round(w["first_start"] - pool["t0"], 3),
                "busy_wall": round(w["last_end"] - w["first_start"], 3),
                "idle_tail": round(pool["t0"] + pool["wall"] - w["last_end"], 3),
                "first_shard_cpu_per_kword": round(
                    1000 * w["first_shard_cpu"] / max(1, w["first_shard_words"]), 4
                ),
                "cpu_per_kword": round(1000 * w["cpu"] / max(1, w["words"]), 4),
            }
        )
    # loading the resources runs inside the pool's generator, before the fork: serial too
    end = pool["t0"] + pool["wall"]
    before = [p for p in phases if p["t0"] < end and p is not pool]
    after = [p for p in phases if p["t0"] >= end]
    # a phase whose work is pooled: the parent's CPU (all its threads), its children's
    # shared evenly among them, or all of it on the `jobs` cores, whichever is longest
    # (they run at once)
    serial_before = sum(
        max(
            p["cpu"],
            p.get("children_cpu", 0.0) / p.get("procs", 1),
            (p["cpu"] + p.get("children_cpu", 0.0)) / max(1, jobs),
        )
        for p in before
    )
    serial_after = sum(p["cpu"] for p in after)
    busiest = max((w["cpu"] for w in workers), default=0.0)
    total_busy = sum(w["cpu"] for w in workers)
    # the workers' CPU outside their shards (start-up after the fork, exit), per worker
    overhead = max(0.0, pool.get("children_cpu", 0.0) - total_busy) / max(1, len(workers))
    return {
        "jobs": jobs,
        "documents": summary["documents"],
        "words": summary["words"],
        "edits": summary["edits"],
        "wall_total": round(t_end - wall0, 3),
        "load": os.getloadavg()[0],
        "phases": phases,
        "workers": workers,
        "serial_before_cpu": round(serial_before, 3),
        "serial_after_cpu": round(serial_after, 3),
        "workers_cpu_total": round(total_busy, 3),
        "busiest_worker_cpu": round(busiest, 3),
        "worker_overhead_cpu": round(overhead, 3),
        "split_bound": round(total_busy / busiest, 3) if busiest else None,
        "model_wall": round(serial_before + overhead + busiest + serial_after, 3),
        "shards": [
            {k: st[k] for k in ("shard", "pid", "words", "cpu", "t_start", "t_end")}
            for st in sorted(shards, key=lambda s: s["t_start"])
        ],
    }


def print_report(r: dict[str, Any]) -> None:
    print(
        f"jobs {r['jobs']}: {r['documents']} docs, {r['words']} words, {r['edits']} edits; "
        f"wall {r['wall_total']} s at load {r['load']:.1f}"
    )
    print(f"{'phase':45s} {'cpu s':>8s} {'child cpu':>9s} {'wall s':>8s}")
    for p in r["phases"]:
        wall = "-" if p["wall"] is None else f"{p['wall']:.3f}"
        print(f"{p['phase']:45s} {p['cpu']:8.3f} {p.get('children_cpu', 0.0):9.3f} {wall:>8s}")
    for w in r["workers"]:
        print(
            f"worker {w['pid']}: {w['shards']} shards {w['words']} words cpu {w['cpu']:.2f} s "
            f"(first shard {w['first_shard_cpu_per_kword']} s/kword, all "
            f"{w['cpu_per_kword']}), started {w['start_after_pool']} s into the pool, "
            f"busy {w['busy_wall']} s wall, idle at the tail {w['idle_tail']} s"
        )
    print(
        f"serial CPU before the pool {r['serial_before_cpu']} s, after {r['serial_after_cpu']} s;"
        f" workers {r['workers_cpu_total']} s (busiest {r['busiest_worker_cpu']}, split bound "
        f"{r['split_bound']}; outside shards {r['worker_overhead_cpu']} s each); "
        f"critical-path model {r['model_wall']} s"
    )


def compare(a: Path, b: Path) -> None:
    ra, rb = (json.loads(p.read_text("utf-8")) for p in (a, b))
    print(
        f"model: j{ra['jobs']} {ra['model_wall']} s, j{rb['jobs']} {rb['model_wall']} s: "
        f"{ra['model_wall'] / rb['model_wall']:.3f}x; wall {ra['wall_total']} / "
        f"{rb['wall_total']} s: {ra['wall_total'] / rb['wall_total']:.3f}x"
    )


if __name__ == "__main__":
    main()
