"""Do the rows the document's topic re-chose earn a second decision? (dev only)

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_stack_topic_study.py [--skip 40] [--docs 200] [--floor 0.02]

Rows: every word-model row under its document's bar that no rule kept, in dev documents
``--skip`` .. ``--skip + --docs`` of the spinbot, WordNet, double and rare simulators (dev
families), in documents of an unknown spinner whose word model opens the gate (the rows
``scripts/train_spin_stack.py`` reads, with the stack off and the topic pick on, at a lower
floor), each with the stack's inputs (:data:`repair.score.spin_stack.TOPIC_FEATURES`) and
whether its original is the gold one.  Printed: (1) per spinner, the rows the topic re-chose
(``topic_pick``) by word-model probability, how many restore the gold original, another
synonym of a spun word, or change an unspun word; (2) the stack's regression held out one
spinner at a time (fit on the other three, read on the fourth) without the topic, with the
topic gain, and with the topic gain and the pick: AUC among the held-out rows and what it
keeps at 0.5.  The test half is never read (benchmarks/RESULTS.md, "Session 35, spinword35").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_spin_stack import fit, under_bar  # noqa: E402

from repair.score.spin_stack import FEATURES, features  # noqa: E402

SPINNERS = ("spinbot", "wordnet", "double", "rare")
BINS = (0.0, 0.02, 0.05, 0.1, 0.2, 1.0)


def rows(spinner: str, skip: int, docs: int, floor: float) -> list[dict]:
    """Every row under the bar no rule kept (the module docstring), with its label."""
    return [
        {
            "p": row.p,
            "table": row.opened,
            "picked": row.picked is not None,
            "x": features(row, topic=True),
            "spun": g is not None,
            "y": g is not None and g.lower() == original.lower(),
        }  # fmt: skip
        for row, original, g in under_bar(spinner, skip, docs, floor)
    ]


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve of scores ``p`` for labels ``y`` (ties broken by order)."""
    rank = np.empty(len(p))
    rank[np.argsort(p)] = np.arange(1, len(p) + 1)
    n1 = int(y.sum())
    n0 = len(y) - n1
    return float((rank[y].sum() - n1 * (n1 + 1) / 2) / max(n1 * n0, 1))


def held_out(data: dict[str, list[dict]], drop: Sequence[int]) -> list[str]:
    """The regression without the inputs ``drop``, held out one spinner at a time."""
    keep = [j for j in range(len(data[SPINNERS[0]][0]["x"])) if j not in drop]
    out = []
    for sp in data:
        train = [r for t in data if t != sp for r in data[t]]
        x = np.array([r["x"] for r in train])[:, keep]
        mean, scale, coef, icpt = fit(x, np.array([float(r["y"]) for r in train]), 1.0)
        xt = np.array([r["x"] for r in data[sp]])[:, keep]
        p = 1.0 / (1.0 + np.exp(-(((xt - mean) / scale) @ coef + icpt[0])))
        y = np.array([r["y"] for r in data[sp]])
        unspun = np.array([not r["spun"] for r in data[sp]])
        k = p >= 0.5
        out.append(
            f"{sp}: AUC {auc(p, y):.3f}, kept {int(k.sum())} "
            f"(gold {int((k & y).sum())}, unspun {int((k & unspun).sum())})"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip", type=int, default=40)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--floor", type=float, default=0.02)
    args = ap.parse_args(argv)
    data = {sp: rows(sp, args.skip, args.docs, args.floor) for sp in SPINNERS}
    print("| spinner | rows | gold | topic-picked rows | gold | another synonym | unspun word |")
    print("|---|---|---|---|---|---|---|")
    for sp, rs in data.items():
        pk = [r for r in rs if r["picked"]]
        print(
            f"| {sp} | {len(rs)} | {sum(r['y'] for r in rs)} | {len(pk)} | "
            f"{sum(r['y'] for r in pk)} | {sum(r['spun'] and not r['y'] for r in pk)} | "
            f"{sum(not r['spun'] for r in pk)} |"
        )
        for lo, hi in zip(BINS, BINS[1:], strict=False):
            b = [r for r in pk if lo <= r["p"] < hi]
            print(f"|   p {lo}-{hi} | | | {len(b)} | {sum(r['y'] for r in b)} | | |")
    n, t = len(FEATURES), FEATURES.index("topic_gain")
    for name, drop in (
        ("without the topic", (t, n, n + 1)),
        ("with the topic gain", (n, n + 1)),
        ("with the topic gain and the pick", ()),
    ):
        print(f"{name}: " + "; ".join(held_out(data, drop)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
