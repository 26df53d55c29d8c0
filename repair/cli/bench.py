"""``repair bench``: score our tool and its peers on aligned pairs; speed in the same run.

Regenerate ``benchmarks/RESULTS.md`` (with ``bench_results.json`` and ``bench_results.svg``
beside it) with one command::

    repair bench --results-md benchmarks/RESULTS.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from repair.cli.app import app
from repair.cli.common import EXIT_USAGE, fail


def _command(suites: list[str], data: list[Path], opts: dict[str, object], flags: list[str]) -> str:
    parts = ["repair bench", *suites]
    for p in data:
        parts.append(f"--data {p}")
    for k, v in opts.items():
        if v is not None:
            parts.append(f"--{k} {v}")
    parts.extend(flags)
    return " ".join(parts)


@app.command("bench")
def bench(
    suites: Annotated[
        list[str] | None,
        typer.Argument(
            help="Built-in suites to run: spin, tortured, ocr, mojibake, clean (default: all, "
            "unless --data is given); 'speed' (only when named): words/s/core and peak RSS of "
            "repair fix on clean, spun and OCR text at 10k and 100k words, symspellpy beside it."
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="Your own suite: a folder of NAME.damaged.txt / NAME.clean.txt pairs, or a "
            "JSON Lines file with 'damaged' and 'clean' fields (optional: 'name', and "
            "'references', clean texts on the same story given to repair only); repeatable.",
        ),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write every number as JSON here.")
    ] = None,
    results_md: Annotated[
        Path | None,
        typer.Option(
            "--results-md",
            help="Rewrite the bench section of this Markdown file (e.g. benchmarks/RESULTS.md); "
            "also writes bench_results.json and bench_results.svg beside it.",
        ),
    ] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write the per-suite SVG chart here.")
    ] = None,
    icdar: Annotated[
        Path | None,
        typer.Option(
            "--icdar",
            help="ICDAR 2017 English monograph folder (default: "
            "../shared/data/ocr/icdar2017_eng_monograph when present).",
        ),
    ] = None,
    mojibake: Annotated[
        Path | None,
        typer.Option(
            "--mojibake",
            help="Folder of ftfy test-case JSON files (default: "
            "../shared/data/mojibake when present).",
        ),
    ] = None,
    icdar_files: Annotated[
        int, typer.Option("--icdar-files", min=0, help="Use the first N ICDAR files (0: all).")
    ] = 20,
    icdar_chars: Annotated[
        int,
        typer.Option("--icdar-chars", min=0, help="Cap each ICDAR file at N characters (0: none)."),
    ] = 3000,
    max_pairs: Annotated[
        int,
        typer.Option("--max-pairs", min=0, help="Use the first N pairs of each suite (0: all)."),
    ] = 0,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="A previous --json result: show how our numbers moved since (did a change help?).",
        ),
    ] = None,
    tool: Annotated[
        list[str] | None,
        typer.Option(
            "--tool",
            help="Tools to compare (repeatable): repair, symspellpy, pyspellchecker, ftfy, none "
            "(default: all).",
        ),
    ] = None,
    startup_runs: Annotated[
        int,
        typer.Option(
            "--startup-runs", min=0, help="Fresh-process runs per tool for start-up (0: skip)."
        ),
    ] = 2,
    references: Annotated[
        bool,
        typer.Option("--references/--no-references", help="Score seed 000 against 001–004."),
    ] = True,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no tables.")
    ] = False,
    speed_1m: Annotated[
        bool, typer.Option("--speed-1m", help="The speed suite also at 1 M words (slow).")
    ] = False,
) -> None:
    """Benchmark repair against symspellpy, pyspellchecker, ftfy and doing nothing.

    Missing optional data (a suite not generated yet, the ICDAR files) skips
    that suite with a message; it is not an error.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from repair.bench.peers import PEERS
    from repair.bench.plot import write_svg
    from repair.bench.results import print_tables, write_results_md
    from repair.bench.runner import run_bench, total_work
    from repair.bench.suites import BUILTIN_SUITES, SuiteError, load_suites

    suites = suites or []
    data = data or []
    if "speed" in suites:
        from repair.bench.speed import speed_command

        speed_command(big=speed_1m, json_out=json_out, results_md=results_md, quiet=quiet)
        suites = [s for s in suites if s != "speed"]
        if not suites and not data:
            return
    tools = tool or list(PEERS)
    unknown = [s for s in suites if s not in BUILTIN_SUITES]
    if unknown:
        raise fail(
            f"unknown suite(s): {', '.join(unknown)}; built-in: {', '.join(BUILTIN_SUITES)} "
            "(use --data PATH for your own)",
            EXIT_USAGE,
        )
    bad = [t for t in tools if t not in PEERS]
    if bad:
        raise fail(f"unknown tool(s): {', '.join(bad)}; known: {', '.join(PEERS)}", EXIT_USAGE)
    tools = [t for t in PEERS if t in tools]  # report order: ours first

    try:
        loaded = load_suites(
            suites,
            data,
            icdar_path=icdar,
            mojibake_path=mojibake,
            icdar_files=icdar_files or None,
            icdar_chars=icdar_chars or None,
            max_pairs=max_pairs or None,
        )
    except (SuiteError, OSError) as exc:
        raise fail(str(exc)) from None

    old_results = None
    if baseline is not None:
        try:
            old_results = json.loads(baseline.read_text(encoding="utf-8"))
            old_results["suites"], old_results["overall"]  # noqa: B018 - shape check
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise fail(f"{baseline}: not a `repair bench --json` result ({exc})") from None

    console = Console(stderr=True)
    for s in loaded:
        if s.skipped:
            console.print(f"[yellow]skipping suite {s.name}:[/] {s.skipped}")
    if results_md is not None:
        json_out = json_out or results_md.with_name("bench_results.json")
        plot = plot or results_md.with_name("bench_results.svg")
    command = _command(
        suites,
        data,
        {
            "icdar": icdar,
            "mojibake": mojibake,
            "icdar-files": icdar_files if icdar_files != 20 else None,
            "icdar-chars": icdar_chars if icdar_chars != 3000 else None,
            "max-pairs": max_pairs or None,
            "startup-runs": startup_runs if startup_runs != 2 else None,
            "results-md": results_md,
            "baseline": baseline,
        },
        [f"--tool {t}" for t in (tool or [])] + ([] if references else ["--no-references"]),
    )

    show = not quiet and console.is_terminal
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not show,
    ) as progress:
        work = total_work(loaded, tools) + (len(tools) if startup_runs else 0)
        task = progress.add_task("warming up", total=work)

        def tick(what: str) -> None:
            progress.update(task, advance=1, description=what)

        results = run_bench(
            loaded,
            tools,
            startup_runs=startup_runs,
            references=references,
            tick=tick,
            command=command,
        )

    if old_results is not None:
        meta = old_results.get("meta", {})
        results["baseline"] = {
            "path": str(baseline),
            "date": meta.get("machine", {}).get("date"),
            "commit": meta.get("machine", {}).get("commit"),
            "results": {k: old_results[k] for k in ("suites", "overall")},
        }
    if not quiet:
        out = Console()
        print_tables(results, out if out.is_terminal else Console(width=200))
    try:
        if json_out is not None:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
        if plot is not None:
            write_svg(plot, results)
        if results_md is not None:
            rel = None
            if plot is not None:
                try:
                    rel = str(plot.resolve().relative_to(results_md.resolve().parent))
                except ValueError:
                    rel = str(plot)
            write_results_md(results_md, results, rel)
    except OSError as exc:
        raise fail(f"{exc.filename}: cannot write: {exc.strerror or exc}") from None
    for path in (json_out, plot, results_md):
        if path is not None and not quiet:
            print(f"wrote {path}", file=sys.stderr)
