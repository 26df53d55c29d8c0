"""What the missing path needs: the real-word tokens no confusion walk reaches (session 53).

    python benchmarks/smh_gap_account.py --split dev --residual --gates --dump rows.jsonl
    python benchmarks/ocr_nopath_account.py rows.jsonl [--examples N]

Reads the real-word rows of ``smh_gap_account.py --dump`` whose gate is ``unreached (no
path)`` (no reading within 9 nats and 3 learned confusions: :func:`ocr_realword_gates.gate_of`)
and aligns each print to its gold word by the cheapest path of learned steps
(:func:`cheapest_path`): a row of the shipped confusion table (``confusion``), a lost or
added glyph of the learned indel rows or the drop table (``lost`` / ``added``), a lost or
added glyph no table counts (the same kinds, at a flat price), a one-glyph substitution
the table lacks (``absent row``), a case change (``case``).  Each token goes to the kind
its path's steps name (:func:`path_kind`), split by printed length (<= 4 letters: short)
and by whether OverProof reads it right.  Dev half only (tune there).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repair.candidates.ocr_dropped import drop_costs  # noqa: E402
from repair.score.ocr_channel import confusions, indel_rows  # noqa: E402

#: Price (nats) of a lost / added glyph no learned row counts.
FLAT_INDEL = 7.0
#: Price of a one-glyph substitution the confusion table lacks.
ABSENT_ROW = 8.0
#: Price of a case change of one glyph.
CASE = 3.0


def _steps(printed: str, gold: str, i: int, j: int) -> list[tuple[int, int, float, str]]:
    """The steps from ``(i, j)``: ``(glyphs of print, glyphs of gold, cost, kind)``."""
    out: list[tuple[int, int, float, str]] = []
    p, g = printed[i:], gold[j:]
    if p and g and p[0] == g[0]:
        out.append((1, 1, 0.0, "same"))
    for n in range(1, min(len(p), 3) + 1):
        for dst, c in confusions().get(p[:n], ()):
            if g.startswith(dst):
                out.append((n, len(dst), c, "confusion"))
    for src, dst, c, kind in indel_rows():
        if p.startswith(src) and g.startswith(dst):
            out.append((len(src), len(dst), max(c, 4.0), "lost" if "lost" in kind else "added"))
    if g:
        pos = "initial" if j == 0 else "final" if j == len(gold) - 1 else "inner"
        out.append((0, 1, drop_costs().get((g[0].lower(), pos), FLAT_INDEL), "lost"))
    if p:
        out.append((1, 0, FLAT_INDEL, "added"))
    if p and g and p[0] != g[0]:
        same = p[0].lower() == g[0].lower()
        out.append((1, 1, CASE if same else ABSENT_ROW, "case" if same else "absent row"))
    return out


def cheapest_path(printed: str, gold: str) -> tuple[float, list[str]]:
    """The cheapest path of learned steps from ``printed`` to ``gold``: its cost and the
    kinds of its changed steps, in order.

    >>> cheapest_path("mad", "made")[1]
    ['lost']
    >>> cheapest_path("bo", "be")[1]
    ['confusion']
    """
    n, m = len(printed), len(gold)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int, str]] = {}
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == math.inf:
                continue
            for di, dj, c, kind in _steps(printed, gold, i, j):
                if di == dj == 0:
                    continue
                a, b = i + di, j + dj
                if a <= n and b <= m and here + c < best[a][b]:
                    best[a][b] = here + c
                    back[(a, b)] = (i, j, kind)
    kinds: list[str] = []
    at = (n, m)
    while at != (0, 0):
        i, j, kind = back[at]
        if kind != "same":
            kinds.append(kind)
        at = (i, j)
    return best[n][m], kinds[::-1]


def path_kind(kinds: list[str]) -> str:
    """The account's kind of a path (its changed steps).

    >>> path_kind(["lost"]), path_kind(["confusion", "lost"]), path_kind(["absent row"])
    ('one lost glyph', 'a lost glyph + confusion', 'one confusion the table lacks')
    """
    c = Counter(kinds)
    n = sum(c.values())
    if c["lost"] >= 2 and c["lost"] >= n - 1:
        return "a piece: >= 2 lost glyphs"
    if n >= 3 and c["confusion"] < n:
        return "far: >= 3 changes"
    if c["case"]:
        return "case + " + ("other" if n > 1 else "nothing")
    if n == 1:
        return {
            "lost": "one lost glyph",
            "added": "one added glyph",
            "absent row": "one confusion the table lacks",
            "confusion": "one table confusion (priced out)",
        }[kinds[0]]
    if c["confusion"] == n:
        return f"{n} table confusions (priced out)"
    if c["absent row"]:
        return "a confusion the table lacks + " + ("confusion" if c["confusion"] else "other")
    if c["lost"] and c["confusion"]:
        return "a lost glyph + confusion"
    if c["added"] and c["confusion"]:
        return "an added glyph + confusion"
    return "lost + added"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=Path, help="smh_gap_account.py --dump output")
    ap.add_argument("--gate", default="unreached (no path)")
    ap.add_argument("--examples", type=int, default=12)
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in args.rows.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["gate"] == args.gate]
    table: Counter[tuple[str, str]] = Counter()
    op: Counter[tuple[str, str]] = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        cost, kinds = cheapest_path(r["raw"], r["gold"])
        kind = path_kind(kinds)
        size = "short" if len(r["raw"]) <= 4 else "long"
        table[(kind, size)] += 1
        op[(kind, size)] += r["op"]
        ex[kind].append(f"{r['raw']}->{r['gold']}{'*' if r['op'] else ''}({cost:.1f})")
    kinds = sorted({k for k, _ in table}, key=lambda k: -(table[(k, "short")] + table[(k, "long")]))
    print(f"{len(rows)} tokens of gate {args.gate!r} (* OverProof right; path cost in nats)\n")
    print("| what the path needs | short (<= 4) | long | OverProof right | examples |")
    print("|---|---:|---:|---:|---|")
    for k in kinds:
        s, lg = table[(k, "short")], table[(k, "long")]
        o = op[(k, "short")] + op[(k, "long")]
        print(f"| {k} | {s} | {lg} | {o} | {' '.join(ex[k][: args.examples])} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
