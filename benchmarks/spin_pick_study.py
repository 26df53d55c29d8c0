"""Which evidence chooses the right original among a spun word's candidates (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_pick_study.py [--spinner spinbot --spinner rare ...] [--cap 40]

For the dev documents ``benchmarks/spin_eval.py --split dev`` reads, every first-reading row
of the spin stage is captured with its ranked candidates (``repair.score.spin_evidence.evidence``
with its whole table); for each gold one-word substitution whose gold original is among at
least two ranked candidates, a conditional logit is fitted with the shipped ranker's score as
a fixed offset and one free weight on the candidate's document topic gain
(:func:`repair.score.spin_topic.topic_gain`), on every spinner and held out one spinner at a
time (fit on the others, top-1 on the held-out one).  A weight that carries over raises the
held-out spinners' top-1 (benchmarks/RESULTS.md, "Session 34, spinpick34": the weight
:data:`repair.score.spin_pick.TOPIC_WEIGHT` is this fit).  The test half is never read.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.score.spin_evidence as se  # noqa: E402
import repair.stages.spin as stage  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_topic import topic_gain  # noqa: E402

#: (spinner, ranker scores, topic gains, index of the gold original)
Group = tuple[str, list[float], list[float], int]


def groups(spinner: str, cap: int) -> list[Group]:
    """The spinner's dev rows holding the gold original among two or more candidates."""
    shipped = se.evidence
    seen: dict[tuple[int, int], list] = {}

    def first_reading(start, end, written, left, right, counts=None, min_left=None,  # type: ignore[no-untyped-def]
                      packed=False, origs=None, splits=()):  # fmt: skip
        r = shipped(start, end, written, left, right, counts, min_left, False, origs, splits)
        if r is not None and origs is None:
            seen.setdefault((start, end), [(o, s) for o, _g, s, _x in r.choices])
        return r

    config = make_config("spin,tortured,collocation", False)
    out: list[Group] = []
    stage.evidence = first_reading  # type: ignore[assignment]
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            seen.clear()
            repair_text(s.spun, (), config)
            doc = Document(s.spun)
            for (a, b), orig in gold_spans(s).items():
                rows = seen.get((a, b))
                names = [o.lower() for o, _s in rows or ()]
                if " " in orig or orig.lower() not in names or len(names) < 2:
                    continue
                w = s.spun[a:b].lower()
                tg = [topic_gain(doc, w, o, a) for o in names]
                out.append((spinner, [sc for _o, sc in rows], tg, names.index(orig.lower())))  # type: ignore[union-attr]
    finally:
        stage.evidence = shipped  # type: ignore[assignment]
    return out


def _nll(beta: float, gs: list[Group]) -> tuple[float, float]:
    """Negative log-likelihood of the gold choices and its derivative in ``beta``."""
    tot = grad = 0.0
    for _sp, s, tg, y in gs:
        u = [a + beta * t for a, t in zip(s, tg, strict=True)]
        top = max(u)
        e = [math.exp(x - top) for x in u]
        z = sum(e)
        tot -= u[y] - top - math.log(z)
        grad -= tg[y] - sum(ei * t for ei, t in zip(e, tg, strict=True)) / z
    return tot, grad


def fit(gs: list[Group], steps: int = 60) -> float:
    """The topic weight maximising the conditional likelihood (Newton-free bisection on
    the derivative, which is increasing in ``beta``)."""
    lo, hi = -20.0, 40.0
    for _ in range(steps):
        mid = (lo + hi) / 2
        if _nll(mid, gs)[1] > 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def top1(beta: float, gs: list[Group]) -> float:
    ok = 0
    for _sp, s, tg, y in gs:
        u = [a + beta * t for a, t in zip(s, tg, strict=True)]
        ok += max(range(len(u)), key=lambda i: (u[i], -i)) == y
    return ok / max(len(gs), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: five spinners)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    args = ap.parse_args(argv)
    names = args.spinner or ["spinbot", "rare", "wordnet", "double", "seed"]
    gs = [g for sp in names for g in groups(sp, args.cap)]
    n = Counter(g[0] for g in gs)
    beta = fit(gs)
    print(f"rows: {dict(n)}; topic weight fitted on all: {beta:.2f}")
    print(
        "| held-out spinner | rows | ranker top-1 | weight fitted on the others | top-1 with it |"
    )
    print("|---|---|---|---|---|")
    for sp in names:
        mine = [g for g in gs if g[0] == sp]
        b = fit([g for g in gs if g[0] != sp])
        print(f"| {sp} | {len(mine)} | {top1(0.0, mine):.4f} | {b:.2f} | {top1(b, mine):.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
