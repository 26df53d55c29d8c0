"""Adding up the shards' stats into the batch summary (``summary.json`` + a printed table)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from repair.decisions import APPLIED
from repair.decisions import merge as merge_decisions
from repair.types import EDIT_KINDS

#: summary.json lists at most this many failures one by one (all are counted by reason).
MAX_LISTED_FAILURES = 10_000


def _mb(kb_by_pid: dict[int, int]) -> float | None:
    return round(max(kb_by_pid.values()) / 1024, 1) if kb_by_pid else None


def summarize(
    shard_stats: Iterable[dict[str, Any]],
    *,
    run_stats: Iterable[dict[str, Any]] = (),
    wall_seconds: float,
    engine: str,
    jobs: int,
    ignored_files: list[str] | None = None,
    extra_failures: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The summary of a batch: totals over all shards, speed over this run's shards.

    ``run_stats`` are the shards processed by this invocation (a resumed run
    skips the others): words/s and documents/s are measured on them.
    """
    total: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    decided: dict[str, dict[str, int]] = {}
    failures: list[dict[str, str]] = list(extra_failures or [])
    rss: dict[int, int] = {}
    private: dict[int, int] = {}
    pss: dict[int, int] = {}
    for st in shard_stats:
        for key in ("documents", "failed", "changed", "words", "edits"):
            total[key] += st[key]
        kinds.update(st["edits_by_kind"])
        merge_decisions(decided, st.get("decisions", {}))  # shards of older runs have none
        failures.extend(st["failures"])
    run_docs = run_words = 0
    busy = 0.0
    for st in run_stats:
        run_docs += st["documents"] + st["failed"]
        run_words += st["words"]
        busy += st["seconds"]
        rss[st["pid"]] = max(rss.get(st["pid"], 0), st["max_rss_kb"])
        if "private_kb" in st:
            private[st["pid"]] = max(private.get(st["pid"], 0), st["private_kb"])
            pss[st["pid"]] = max(pss.get(st["pid"], 0), st["pss_kb"])
    by_reason = Counter(f["reason"] for f in failures)
    wall = max(wall_seconds, 1e-9)
    return {
        "documents": total["documents"] + len(failures),
        "repaired": total["documents"],
        "changed": total["changed"],
        "failed": len(failures),
        "words": total["words"],
        "edits": sum(kinds.values()),
        "edits_by_kind": {
            k: kinds[k] for k in (*EDIT_KINDS, *sorted(set(kinds) - set(EDIT_KINDS))) if kinds[k]
        },
        # every stage's decisions on its candidate spans, by reason code (repair.decisions)
        "decisions": {s: dict(sorted(r.items())) for s, r in sorted(decided.items())},
        "failures_by_reason": dict(sorted(by_reason.items())),
        "failures": failures[:MAX_LISTED_FAILURES],
        "ignored_files": list(ignored_files or []),
        "run": {
            "engine": engine,
            "jobs": jobs,
            "documents": run_docs,
            "words": run_words,
            "wall_seconds": round(wall_seconds, 3),
            "documents_per_second": round(run_docs / wall, 2),
            "words_per_second": round(run_words / wall, 1),
            # time the workers spent in shards (excludes start-up and warm-up)
            "worker_seconds": round(busy, 3),
            "workers": len(rss),
            "peak_rss_mb_per_worker": _mb(rss),
            # Linux: memory a worker does not share (private) / its share of all (PSS)
            "private_mb_per_worker": _mb(private),
            "pss_mb_per_worker": _mb(pss),
        },
    }


def print_summary(summary: dict[str, Any], file: TextIO | None = None) -> None:
    """Print the summary as a small table (rich), failures by reason below it."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, highlight=False, soft_wrap=True)
    run = summary["run"]
    table = Table(title="repair batch", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents", f"{summary['documents']:,}")
    table.add_row("  repaired", f"{summary['repaired']:,} ({summary['changed']:,} changed)")
    table.add_row("  failed", f"{summary['failed']:,}")
    table.add_row("words", f"{summary['words']:,}")
    table.add_row("edits", f"{summary['edits']:,}")
    for kind, n in summary["edits_by_kind"].items():
        table.add_row(f"  {kind}", f"{n:,}")
    for reason, n in summary["failures_by_reason"].items():
        table.add_row(f"  failed: {reason}", f"{n:,}")
    for stage, reasons in summary.get("decisions", {}).items():
        for reason, n in reasons.items():
            if reason not in APPLIED:
                table.add_row(f"  declined: {stage} {reason}", f"{n:,}")
    table.add_row("this run", f"{run['documents']:,} docs on {run['jobs']} {run['engine']} workers")
    table.add_row("wall time", f"{run['wall_seconds']:.1f} s")
    table.add_row(
        "speed",
        f"{run['documents_per_second']:,.1f} docs/s, {run['words_per_second']:,.0f} words/s",
    )
    if run["peak_rss_mb_per_worker"] is not None:
        mem = f"{run['peak_rss_mb_per_worker']:,.0f} MB RSS"
        if run.get("private_mb_per_worker") is not None:
            mem += f" ({run['private_mb_per_worker']:,.0f} MB private)"
        table.add_row("memory per worker", mem)
    console.print(table)
    listed = summary["failures"][:20]
    for f in listed:
        where = f["id"]
        if f.get("line") is not None and where != f"{f['source']}:{f['line']}":
            where = f"{where} ({f['source']}:{f['line']})"
        console.print(f"failed: {where}: {f['reason']}: {f['message']}", markup=False)
    if summary["failed"] > len(listed):
        console.print(f"... and {summary['failed'] - len(listed):,} more (see summary.json)")
    if summary["ignored_files"]:
        console.print(
            f"ignored {len(summary['ignored_files']):,} files that are neither .txt "
            "nor JSON Lines (listed in summary.json)"
        )
