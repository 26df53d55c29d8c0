"""Turn a bench result (the ``--json`` dict) into tables: rich for the terminal,
Markdown for ``benchmarks/RESULTS.md`` (only the part between the markers is rewritten)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from repair.io import atomic_write

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"

Table = tuple[str, list[str], list[list[str]]]  # title, headers, rows


def pct(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{100 * x:.{digits}f}%"


def num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def ratio(x: float | None, base: float | None) -> str:
    if x is None or not base:
        return "–"
    return f"{x / base:.2f}×"


def _arrow(a: float | None, b: float | None) -> str:
    return f"{pct(a, 2)} → {pct(b, 2)}"


def _clean(c: dict) -> str:
    return f"{c['clean_changed']}/{c['clean_docs']}" if c.get("clean_docs") else "–"


def _startup(results: dict) -> dict[str, dict]:
    return {s["tool"]: s for s in results.get("speed", {}).get("startup", [])}


def _quality(c: dict) -> list[str]:
    """Error reduction (tokens, chars), P, R, F0.5, broken, clean documents changed."""
    return [
        pct(c["reduction"]),
        pct(c["char_reduction"]),
        num(c["precision"]),
        num(c["recall"]),
        num(c["f05"]),
        pct(c["broken_rate"], 2),
        _clean(c),
    ]


def summary_table(results: dict) -> Table:
    tools = results["meta"]["tools"]
    thr = results.get("speed", {}).get("throughput", {})
    st = _startup(results)
    rows = []
    for t in tools:
        c = results["overall"][t]
        rows.append(
            [
                t,
                *_quality(c),
                num(thr.get(t, {}).get("words_per_s"), 0),
                num(st.get(t, {}).get("wall_s")),
                num(st.get(t, {}).get("peak_mb"), 0),
            ]
        )
    headers = [
        "tool", "err. reduction (tokens)", "err. reduction (chars)", "P", "R", "F0.5",
        "broken", "clean docs changed", "words/s/core", "start-up s", "peak MB",
    ]  # fmt: skip
    return ("All suites together (our row first)", headers, rows)


def suite_table(results: dict) -> Table:
    tools = results["meta"]["tools"]
    rows = []
    for s in results["suites"]:
        if s.get("skipped"):
            continue
        for t in tools:
            c = s["results"][t]
            rows.append(
                [
                    s["name"] if t == tools[0] else "",
                    t,
                    str(c["docs"]),
                    _arrow(c["wer_before"], c["wer_after"]),
                    _arrow(c["cer_before"], c["cer_after"]),
                    *_quality(c),
                ]
            )
    headers = [
        "suite", "tool", "docs", "WER before → after", "CER before → after", "err. red. tokens",
        "err. red. chars", "P", "R", "F0.5", "broken", "clean changed",
    ]  # fmt: skip
    return ("Per suite", headers, rows)


def kind_table(results: dict, tool: str = "repair") -> Table:
    rows = []
    for s in [*results["suites"], {"name": "all", "results": results["overall"]}]:
        if s.get("skipped") or tool not in s.get("results", {}):
            continue
        for kind, k in sorted(s["results"][tool].get("by_kind", {}).items()):
            p = k["tp"] / k["edits"] if k["edits"] else None
            rows.append([s["name"], kind, str(k["edits"]), str(k["tp"]), num(p), str(k["broken"])])
    headers = ["suite", "edit kind", "edits", "correct", "precision", "tokens broken"]
    return (f"Per kind of edit ({tool}; 'other' = a change no edit span explains)", headers, rows)


def speed_table(results: dict) -> Table:
    speed = results.get("speed", {})
    thr = speed.get("throughput", {})
    st = _startup(results)
    tools = results["meta"]["tools"]
    base = tools[0]
    b_wps = thr.get(base, {}).get("words_per_s")
    b_wall = st.get(base, {}).get("wall_s")
    b_mem = st.get(base, {}).get("peak_mb")
    b_cpu = st.get(base, {}).get("cpu_s")
    rows = []
    for t in tools:
        wps = thr.get(t, {}).get("words_per_s")
        wall = st.get(t, {}).get("wall_s")
        cpu = st.get(t, {}).get("cpu_s")
        mem = st.get(t, {}).get("peak_mb")
        err = st.get(t, {}).get("error")
        rows.append(
            [
                t,
                num(wps, 0),
                ratio(wps, b_wps),
                num(wall) if not err else err,
                ratio(wall, b_wall),
                num(cpu),
                ratio(cpu, b_cpu),
                num(mem, 0),
                ratio(mem, b_mem),
            ]
        )
    headers = [
        "tool", "words/s per core", f"× {base}", "start-up + fix wall s", f"× {base}",
        "CPU s", f"× {base}", "peak MB", f"× {base}",
    ]  # fmt: skip
    title = f"Speed (start-up: a fresh process fixing {speed.get('startup_file') or 'a seed'}"
    notes = {s.get("bytecode") for s in st.values() if s.get("bytecode")}
    title += f"; {notes.pop()})" if len(notes) == 1 else ")"
    return (title, headers, rows)


def reference_table(results: dict) -> Table | None:
    ref = results.get("references")
    if not ref or ref.get("skipped"):
        return None
    rows = []
    for t, r in ref["tools"].items():
        rows.append(
            [t, "–" if r["edits"] is None else str(r["edits"])]
            + [_arrow(r[f"overlap{n}_before"], r[f"overlap{n}_after"]) for n in (1, 2, 3)]
            + [f"{num(r['ppl_before'], 0)} → {num(r['ppl_after'], 0)}"]
        )
    headers = [
        "tool",
        "edits",
        "1-gram overlap",
        "2-gram overlap",
        "3-gram overlap",
        "LM perplexity",
    ]
    title = (
        f"Unaligned references: {ref['document']} (spun, original unknown) vs "
        f"{len(ref['references'])} parallel reports (higher overlap, lower perplexity = closer)"
    )
    return (title, headers, rows)


def _delta(now: float | None, then: float | None, digits: int = 1) -> str:
    if now is None or then is None:
        return "–"
    return f"{100 * (now - then):+.{digits}f}"


def compare_table(results: dict, baseline: dict, tool: str = "repair") -> Table:
    """``tool`` now vs a previous ``--json`` result, per suite: did the change help?"""
    before = {s["name"]: s for s in baseline.get("suites", []) if not s.get("skipped")}
    before["all"] = {"results": baseline.get("overall", {})}
    now = [s for s in results["suites"] if not s.get("skipped")]
    now.append({"name": "all", "results": results["overall"]})
    rows = []
    for s in now:
        old = before.get(s["name"], {}).get("results", {}).get(tool)
        c = s["results"].get(tool)
        if c is None or old is None:
            continue
        rows.append(
            [
                s["name"],
                f"{pct(old['reduction'])} → {pct(c['reduction'])}",
                _delta(c["reduction"], old["reduction"]),
                f"{num(old['f05'])} → {num(c['f05'])}",
                f"{pct(old['broken_rate'], 2)} → {pct(c['broken_rate'], 2)}",
                _delta(c["broken_rate"], old["broken_rate"], 2),
                f"{_clean(old)} → {_clean(c)}",
            ]
        )
    headers = [
        "suite", "err. reduction", "Δ points", "F0.5", "broken", "Δ points", "clean changed",
    ]  # fmt: skip
    return (f"{tool}: baseline → now", headers, rows)


def all_tables(results: dict) -> list[Table]:
    tables = [summary_table(results), suite_table(results), kind_table(results)]
    ref = reference_table(results)
    if ref:
        tables.append(ref)
    tables.append(speed_table(results))
    if results.get("baseline"):
        tables.insert(0, compare_table(results, results["baseline"]["results"]))
    return tables


def notes(results: dict) -> list[str]:
    out = []
    for s in results["suites"]:
        if s.get("skipped"):
            out.append(f"suite `{s['name']}` skipped: {s['skipped']}")
        for n in s.get("notes", []):
            out.append(f"suite `{s['name']}`: {n}")
        ours = s.get("clean_changed_docs", {}).get(results["meta"]["tools"][0], [])
        if ours:
            more = f" and {len(ours) - 10} more" if len(ours) > 10 else ""
            out.append(
                f"suite `{s['name']}`: `{results['meta']['tools'][0]}` changed text that must "
                f"not change in {len(ours)} document(s): {', '.join(ours[:10])}{more}"
            )
    for tool, n in results.get("failure_counts", {}).items():
        first = (results.get("failures", {}).get(tool) or [""])[0]
        out.append(f"`{tool}` failed on {n} document(s) (left unchanged), e.g. {first}")
    req = results.get("speed", {}).get("requirement")
    if req:
        verdict = "PASS" if req["pass"] else "FAIL"
        bytecode = f"; {req['bytecode']}" if req.get("bytecode") else ""
        out.append(
            f"performance requirement (issue 2) {req['requirement']}: **{verdict}** "
            f"({num(req['wall_s'], 3)} s, {num(req['peak_mb'], 0)} MB{bytecode})"
        )
    return out


# ---------------------------------------------------------------- rendering


def print_tables(results: dict, console=None) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = console or Console()
    for title, headers, rows in all_tables(results):
        if not rows:
            continue
        table = RichTable(title=title, title_justify="left", header_style="bold")
        for h in headers:
            left = h in ("suite", "tool", "edit kind")
            table.add_column(h, justify="left" if left else "right", overflow="fold")
        tool_col = headers.index("tool") if "tool" in headers else None
        for row in rows:
            ours = tool_col is not None and row[tool_col] == "repair"
            table.add_row(*row, style="bold" if ours else None)
        console.print(table)
    for n in notes(results):
        console.print(f"• {n.replace('**', '')}")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def esc(x: str) -> str:
        return x.replace("|", "\\|")

    lines = ["| " + " | ".join(esc(h) for h in headers) + " |"]
    text_cols = {"suite", "tool", "edit kind"}
    lines.append("|" + "|".join("---" if h in text_cols else "---:" for h in headers) + "|")
    lines.extend("| " + " | ".join(esc(c) for c in r) + " |" for r in rows)
    return "\n".join(lines)


def machine_line(meta: dict) -> str:
    m = meta["machine"]
    return (
        f"{m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}, "
        f"{m['os']}; {m['date']}" + (f", commit `{m['commit']}`" if m.get("commit") else "")
    )


def markdown_section(results: dict, plot: str | None = None) -> str:
    meta = results["meta"]
    parts = [
        START,
        "## `repair bench`",
        "",
        "Generated by `repair bench`; do not edit between the markers. Regenerate with:",
        "",
        "```",
        meta.get("command") or "repair bench --results-md benchmarks/RESULTS.md",
        "```",
        "",
        f"Machine: {machine_line(meta)}. Peer versions: "
        + ", ".join(f"{k} {v}" for k, v in meta["machine"]["packages"].items() if v)
        + ".",
        "",
    ]
    if plot:
        parts += [f"![error reduction per suite and tool]({plot})", ""]
    for title, headers, rows in all_tables(results):
        parts += [f"### {title}", "", markdown_table(headers, rows) if rows else "(nothing)", ""]
    ns = notes(results)
    if ns:
        parts += ["### Notes", ""] + [f"- {n}" for n in ns] + [""]
    parts += [
        "How to read it: tokens are words, numbers and punctuation (a token after a space "
        "carries it, so spacing errors count); WER/CER are token/character Levenshtein "
        "distances to the gold over its length; error reduction = (errors before − after) / "
        "errors before (negative: the tool made it worse); P/R/F0.5 compare the tool's token "
        "edits with the gold edits as ERRANT does; broken = share of tokens that were right "
        "in the input and that the tool changed; clean changed = documents that must not "
        "change and did. Speed: words/s per core = words of the damaged texts / CPU seconds "
        "of the bench process inside the tool's calls (after a warm-up call); start-up = wall "
        "and CPU seconds of a fresh `python -m ...` process fixing the seed, peak MB its VmHWM. "
        "Peers: symspellpy `lookup_compound` line by line (it lowercases and drops punctuation, "
        "and is scored as it is); pyspellchecker word by word, punctuation and case kept, edit "
        "distance 2 (1 for words over 8 letters, as its README advises for long words); "
        "`ftfy.fix_text` with its defaults. Timings are noisy on a shared machine.",
        END,
    ]
    return "\n".join(parts) + "\n"


def write_results_md(path: Path, results: dict, plot: str | None = None) -> None:
    """Write our section into ``path`` between the markers; everything else is kept."""
    section = markdown_section(results, plot)
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(START) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)
        if pattern.search(old):
            new = pattern.sub(lambda _m: section, old, count=1)
        else:
            new = old.rstrip("\n") + "\n\n" + section
    else:
        new = "# Benchmark results\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, new)
