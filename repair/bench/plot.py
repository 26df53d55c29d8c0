"""A per-suite bar chart of the bench results, written as plain SVG (no plotting library).

Left panel: token error reduction per suite and tool (clipped to ±100 %, the
true value printed beside the bar).  Right panel: share of the input's correct
tokens each tool broke.  Our tool is the first bar of every group.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from repair.io import atomic_write

COLORS = {
    "repair": "#1f6fb4",
    "symspellpy": "#d62728",
    "pyspellchecker": "#ff7f0e",
    "ftfy": "#2ca02c",
    "none": "#8c8c8c",
}
_FALLBACK = ("#9467bd", "#8c564b", "#e377c2", "#17becf")
_BAR, _GAP, _TOP = 13, 12, 64
_LABEL_W, _PANEL_W, _PANEL_GAP = 110, 330, 70


def _color(tool: str, i: int) -> str:
    return COLORS.get(tool, _FALLBACK[i % len(_FALLBACK)])


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:+.1f}%"


def render_svg(results: dict) -> str:
    tools = results["meta"]["tools"]
    suites = [s for s in results["suites"] if not s.get("skipped")]
    groups = [*suites, {"name": "all", "results": results["overall"]}]
    height = _TOP + len(groups) * ((len(tools) + 1) * _BAR + _GAP) + 50
    x1 = _LABEL_W
    x2 = x1 + _PANEL_W + _PANEL_GAP
    width = x2 + _PANEL_W + 60
    zero = x1 + _PANEL_W / 2
    max_broken = max(
        [g["results"][t]["broken_rate"] or 0.0 for g in groups for t in tools] + [0.01]
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{x1}" y="18" font-size="14" font-weight="bold">repair bench: '
        "error reduction and breakage per suite</text>",
        f'<text x="{x1}" y="44" font-weight="bold">token error reduction (higher is better; '
        "clipped at ±100%)</text>",
        f'<text x="{x2}" y="44" font-weight="bold">correct tokens broken (lower is better)</text>',
    ]
    y = _TOP
    for g in groups:
        out.append(f'<text x="4" y="{y + 10}" font-weight="bold">{escape(g["name"])}</text>')
        y += _BAR
        for i, t in enumerate(tools):
            c = g["results"][t]
            red = c["reduction"]
            out.append(f'<text x="{x1 - 6}" y="{y + 10}" text-anchor="end">{escape(t)}</text>')
            if red is None:
                changed = (
                    f"; {c['clean_changed']}/{c['clean_docs']} docs changed"
                    if c.get("clean_docs")
                    else ""
                )
                out.append(
                    f'<text x="{zero + 4}" y="{y + 10}" fill="#666">nothing to fix{changed}</text>'
                )
            else:
                v = max(-1.0, min(1.0, red))
                w = abs(v) * _PANEL_W / 2
                bx = zero if v >= 0 else zero - w
                out.append(
                    f'<rect x="{bx:.1f}" y="{y + 1}" width="{w:.1f}" height="{_BAR - 2}" '
                    f'fill="{_color(t, i)}"/>'
                )
                tx = zero + w + 4 if v >= 0 else zero + 4
                out.append(f'<text x="{tx:.1f}" y="{y + 10}">{_fmt(red)}</text>')
            br = c["broken_rate"]
            bw = (br or 0.0) / max_broken * (_PANEL_W - 60)
            out.append(
                f'<rect x="{x2}" y="{y + 1}" width="{bw:.1f}" height="{_BAR - 2}" '
                f'fill="{_color(t, i)}"/>'
            )
            label = "n/a" if br is None else f"{100 * br:.2f}%"
            out.append(f'<text x="{x2 + bw + 4:.1f}" y="{y + 10}">{label}</text>')
            y += _BAR
        y += _GAP
    out.append(
        f'<line x1="{zero}" y1="{_TOP - 4}" x2="{zero}" y2="{y}" stroke="#333" stroke-width="1"/>'
    )
    out.append(f'<line x1="{x2}" y1="{_TOP - 4}" x2="{x2}" y2="{y}" stroke="#333"/>')
    m = results["meta"]["machine"]
    out.append(
        f'<text x="4" y="{height - 14}" fill="#555">{escape(m["date"])} · {m["cores"]} cores · '
        f"{escape(str(m['cpu']))} · Python {escape(m['python'])}</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(path: Path, results: dict) -> None:
    atomic_write(path, render_svg(results))
