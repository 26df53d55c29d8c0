"""ROC curve points, AUC and a small hand-written SVG plot (no plotting library)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

#: Thresholds of the ROC table (0.00, 0.01, ..., 1.00).
GRID = tuple(i / 100 for i in range(101))


def auc(pos: Sequence[float], neg: Sequence[float]) -> float | None:
    """ROC AUC: the chance a positive scores above a negative (ties count half)."""
    if not pos or not neg:
        return None
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie block
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def roc_points(
    pos: Sequence[float], neg: Sequence[float], grid: Sequence[float] = GRID
) -> list[tuple[float, float, float]]:
    """(threshold, false positive rate, true positive rate), a document flagged at >= threshold."""
    out = []
    for t in grid:
        fpr = sum(1 for s in neg if s >= t) / max(len(neg), 1)
        tpr = sum(1 for s in pos if s >= t) / max(len(pos), 1)
        out.append((t, fpr, tpr))
    return out


_COLORS = ("#1f6fb4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf")


def roc_svg(curves: dict[str, list[tuple[float, float, float]]], title: str) -> str:
    """ROC curves (one per name) with the 0.5 threshold marked on each."""
    size, pad = 320, 50
    w, h = size + pad + 190, size + pad + 40

    def xy(fpr: float, tpr: float) -> tuple[float, float]:
        return pad + fpr * size, 20 + (1 - tpr) * size

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        'font-family="sans-serif" font-size="11">',
        f'<text x="{pad}" y="14" font-size="12">{escape(title)}</text>',
        f'<rect x="{pad}" y="20" width="{size}" height="{size}" fill="none" stroke="#999"/>',
        f'<line x1="{pad}" y1="{20 + size}" x2="{pad + size}" y2="20" stroke="#ddd"/>',
        f'<text x="{pad + size / 2 - 50}" y="{size + 55}">false positive rate</text>',
        f'<text x="12" y="{20 + size / 2}" transform="rotate(-90 12 {20 + size / 2})">'
        "true positive rate</text>",
    ]
    for v in (0, 0.5, 1):
        x, y = xy(v, v)
        parts.append(f'<text x="{x - 6}" y="{size + 34}">{v:g}</text>')
        parts.append(f'<text x="{pad - 22}" y="{y + 4}">{v:g}</text>')
    for i, (name, pts) in enumerate(curves.items()):
        color = _COLORS[i % len(_COLORS)]
        path = " ".join(
            f"{'M' if k == 0 else 'L'}{xy(f, t)[0]:.1f},{xy(f, t)[1]:.1f}"
            for k, (_th, f, t) in enumerate(sorted(pts, key=lambda p: (p[1], p[2])))
        )
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="1.6"/>')
        at = min(pts, key=lambda p: abs(p[0] - 0.5))
        cx, cy = xy(at[1], at[2])
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{color}"/>')
        ly = 30 + 16 * i
        parts.append(
            f'<line x1="{pad + size + 14}" y1="{ly - 4}" x2="{pad + size + 30}" y2="{ly - 4}" '
            f'stroke="{color}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{pad + size + 34}" y="{ly}">{escape(name)}</text>')
    parts.append(
        f'<text x="{pad + size + 14}" y="{40 + 16 * len(curves)}">dot: threshold 0.5</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
