"""Run every tool on every pair of every suite; collect counts, throughput, start-up, references.

The result is one JSON-ready dict (``--json``), which :mod:`repair.bench.results`
renders as tables and RESULTS.md and :mod:`repair.bench.plot` draws.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from repair.bench.metrics import Counts, doc_metrics, ngram_overlap, perplexity
from repair.bench.peers import PEERS, Ours, get_peer
from repair.bench.speed import measure_startup, requirement
from repair.bench.suites import Pair, Suite, repo_root
from repair.types import Edit

#: Versions recorded in the results (the peers' packages).
_PACKAGES = ("symspellpy", "pyspellchecker", "ftfy", "rapidfuzz", "wordfreq")

ProgressHook = Callable[[str], None]


def machine_info() -> dict[str, object]:
    """Cores, CPU model, RAM, Python and OS: the machine a result was measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                    break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    versions = {}
    for pkg in _PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    return {
        "cores": usable,
        "cpu": cpu,
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _git_commit(),
        "packages": versions,
    }


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=repo_root(),
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


class _Tool:
    """One tool with its running totals: CPU seconds, words, failures."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.peer = get_peer(name)
        self.cpu_s = 0.0
        self.words = 0
        self.failures: list[str] = []

    def warm_up(self, text: str) -> None:
        """Load the tool; a missing package (an optional peer) raises ModuleNotFoundError."""
        try:
            if isinstance(self.peer, Ours):
                self.peer.run(text, ())
            else:
                self.peer.fix(text)
        except ModuleNotFoundError:
            raise
        except Exception as exc:  # counted like any other crash
            self.failures.append(f"{type(exc).__name__}: {exc}")

    def run(
        self, text: str, references: Sequence[str], timed: bool = True
    ) -> tuple[str, list | None]:
        t0 = time.process_time()
        edits: tuple[Edit, ...] | None = None
        try:
            if isinstance(self.peer, Ours):
                out, edits = self.peer.run(text, references)
            else:
                out = self.peer.fix(text)
        except Exception as exc:  # a crash is a result: counted, and the text is left as it was
            self.failures.append(f"{type(exc).__name__}: {exc}")
            out, edits = text, (() if isinstance(self.peer, Ours) else None)
        if timed:
            self.cpu_s += time.process_time() - t0
        return out, (list(edits) if edits is not None else None)


def _seed(root: Path, prefix: str) -> Path | None:
    found = sorted((root / "seeds").glob(f"{prefix}_*.txt"))
    return found[0] if found else None


def run_suite(suite: Suite, tools: Sequence[_Tool], tick: ProgressHook | None = None) -> dict:
    totals = {t.name: Counts() for t in tools}
    clean_changed: dict[str, list[str]] = {t.name: [] for t in tools}
    docs: list[dict[str, object]] = []  # per document, for the first tool (ours)
    for pair in suite.pairs:
        for tool in tools:
            out, edits = tool.run(pair.damaged, pair.references)
            tool.words += len(pair.damaged.split())
            doc = doc_metrics(pair.damaged, pair.clean, out, edits)
            totals[tool.name] = totals[tool.name] + doc
            if pair.damaged == pair.clean and out != pair.damaged:
                clean_changed[tool.name].append(pair.name)
            if tool is tools[0]:
                docs.append(_doc_row(pair, doc))
            if tick:
                tick(f"{suite.name}: {tool.name}")
    return {
        "clean_changed_docs": {k: v for k, v in clean_changed.items() if v},
        "name": suite.name,
        "pairs": len(suite.pairs),
        "skipped": suite.skipped,
        "notes": list(suite.notes),
        "sources": list(suite.sources),
        "results": {name: c.to_json() for name, c in totals.items()},
        "docs": {tools[0].name: docs} if tools else {},
    }


def _doc_row(pair: Pair, c: Counts) -> dict[str, object]:
    return {
        "name": pair.name,
        "err_before": c.err_before,
        "err_after": c.err_after,
        "gold_edits": c.gold_edits,
        "hyp_edits": c.hyp_edits,
        "tp": c.tp,
        "broken": c.broken,
    }


def run_references(tools: Sequence[_Tool], root: Path) -> dict:
    """Seed 000 (spun, original unknown) against 001–004: n-gram overlap and perplexity."""
    damaged_path = _seed(root, "000")
    refs = [p for p in sorted((root / "seeds").glob("00[1-9]_*.txt"))]
    if damaged_path is None or not refs:
        return {"skipped": f"seeds/000_*.txt and seeds/001–004 not found under {root}"}
    text = damaged_path.read_text(encoding="utf-8")
    references = [p.read_text(encoding="utf-8") for p in refs]
    out: dict[str, object] = {
        "document": damaged_path.name,
        "references": [p.name for p in refs],
        "tools": {},
    }
    for tool in tools:
        fixed, edits = tool.run(text, references, timed=False)
        row: dict[str, object] = {
            "changed": fixed != text,
            "edits": None if edits is None else len(edits),
        }
        for n in (1, 2, 3):
            row[f"overlap{n}_before"] = ngram_overlap(text, references, n)
            row[f"overlap{n}_after"] = ngram_overlap(fixed, references, n)
        row["ppl_before"] = perplexity(text)
        row["ppl_after"] = perplexity(fixed)
        out["tools"][tool.name] = row  # type: ignore[index]
    return out


def total_work(suites: Sequence[Suite], tools: Sequence[str]) -> int:
    return sum(len(s.pairs) for s in suites if not s.skipped) * len(tools)


def run_bench(
    suites: Sequence[Suite],
    tools: Sequence[str] = tuple(PEERS),
    *,
    startup_runs: int = 2,
    references: bool = True,
    tick: ProgressHook | None = None,
    command: str = "",
) -> dict:
    """Everything ``repair bench`` reports, as one JSON-ready dict."""
    root = repo_root()
    warm = _seed(root, "001")
    warm_text = warm.read_text(encoding="utf-8")[:2000] if warm else "Warm up the tools."
    runners: list[_Tool] = []
    unavailable: dict[str, str] = {}
    for name in tools:
        r = _Tool(name)
        try:
            r.warm_up(warm_text)
        except ModuleNotFoundError as exc:  # a peer's package is an optional extra
            unavailable[name] = f"not installed ({exc.name}): pip install -e '.[bench]'"
            print(f"repair bench: skipping {name}: {unavailable[name]}", file=sys.stderr)
            continue
        runners.append(r)
    tools = [r.name for r in runners]
    results = {
        "meta": {
            "command": command,
            "machine": machine_info(),
            "tools": list(tools),
            "unavailable_tools": unavailable,
        },
        "suites": [],
    }
    overall = {name: Counts() for name in tools}
    for suite in suites:
        if suite.skipped:
            results["suites"].append(
                {"name": suite.name, "pairs": 0, "skipped": suite.skipped, "notes": suite.notes}
            )
            continue
        res = run_suite(suite, runners, tick)
        results["suites"].append(res)
    for res in results["suites"]:
        for name, c in res.get("results", {}).items():
            overall[name] = overall[name] + _counts_from_json(c)
    results["overall"] = {name: c.to_json() for name, c in overall.items()}

    seed = _seed(root, "000")
    startup = []
    if seed is not None and startup_runs > 0:
        for name in tools:
            if tick:
                tick(f"start-up: {name}")
            startup.append(measure_startup(name, seed, startup_runs))
    speed: dict[str, object] = {
        "throughput": {
            r.name: {
                "words": r.words,
                "cpu_s": round(r.cpu_s, 4),
                "words_per_s": round(r.words / r.cpu_s, 1) if r.cpu_s > 0 else None,
            }
            for r in runners
        },
        "startup_file": str(seed.relative_to(root)) if seed else None,
        "startup": [s.to_json() for s in startup],
    }
    ours = next((s for s in startup if s.tool == "repair"), None)
    if ours is not None:
        speed["requirement"] = requirement(ours)
    results["speed"] = speed
    results["failures"] = {
        r.name: r.failures[:5] + ([] if len(r.failures) <= 5 else ["..."])
        for r in runners
        if r.failures
    }
    results["failure_counts"] = {r.name: len(r.failures) for r in runners if r.failures}
    if references:
        results["references"] = run_references(runners, root)
    return results


def _counts_from_json(d: dict) -> Counts:
    names = {f.name for f in fields(Counts)}
    c = Counts(**{k: v for k, v in d.items() if k in names and k != "by_kind"})
    c.by_kind = {k: dict(v) for k, v in d.get("by_kind", {}).items()}
    return c


__all__ = ["Pair", "run_bench", "run_suite", "run_references", "machine_info", "total_work"]
