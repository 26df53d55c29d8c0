"""Retrain the candidate ranker on several simulated spinners' dev halves, chosen
leave-one-spinner-out (session 38, spinrank38; benchmarks/RESULTS.md).

Usage (from the checkout root; ``bench``/``train`` extras and ``../shared`` needed)::

    python scripts/train_spin_rank38.py --balance --match-old --out lexicons/spin_rank38.json
    python scripts/train_spin_rank38.py --compare-balance --c 1 --c 0.01 [--listwise [--offset]]

Rows: :mod:`spin_rank38_rows` (every spinner of :data:`spin_rank38_rows.ALL`; one row per
ranked candidate of each examined word whose gold original is a candidate).  Only the
``train`` part (dev documents after the ones ``spin_eval.py --split dev`` reports on)
is fitted; the ``eval`` part (those reported documents) is only measured.

Printed, per spinner: the shipped ranker's and the LM's first-rank accuracy and the gold's
mean rank (step 1); for each setting, the leave-one-spinner-out first-rank accuracy (fit
on the other spinners' train rows, measured on all the held-out spinner's rows) beside
the shipped ranker's on the same rows; and the final ranker's accuracy on every spinner's
eval rows.  The final ranker (a logistic regression, or with ``--listwise`` a conditional
logit, on the same :data:`repair.score.spin_rank.RANK_FEATURES`, fitted on every spinner's
train rows; ``--match-old`` rescales it to the shipped ranker's best score and lead) is
written as a ``ranker`` entry to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_rank38_rows import ALL, rows_of  # noqa: E402

from repair.score.spin_rank import RANK_FEATURES, parse_ranker  # noqa: E402

OLD_MODEL = ROOT / "lexicons" / "spin_model.json"


def ranks(score: np.ndarray, group: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The gold's rank (1 = first; ties: the earlier row first) in each group."""
    order = np.lexsort((np.arange(len(score)), -score, group))
    g, yy = group[order], y[order]
    start = np.r_[0, np.flatnonzero(g[1:] != g[:-1]) + 1]
    pos = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
    return pos[yy] + 1


def top1(score: np.ndarray, group: np.ndarray, y: np.ndarray) -> float:
    r = ranks(score, group, y)
    return float((r == 1).mean()) if len(r) else float("nan")


class Fitted:
    """A logistic regression on standardised features (scikit-learn's ``StandardScaler``
    + ``LogisticRegression(C)`` objective, L2 on the weights, not the intercept), fitted
    by L-BFGS with numpy/scipy only (scikit-learn is not needed)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, b: float):
        self.mean, self.scale, self.coef, self.intercept = mean, scale, coef, b

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def entry(self) -> dict:
        return {
            "mean": [float(v) for v in self.mean],
            "scale": [float(v) for v in self.scale],
            "coef": [float(v) for v in self.coef],
            "intercept": float(self.intercept),
        }


def top_and_lead(score: np.ndarray, group: np.ndarray) -> tuple[float, float]:
    """The mean best score of the groups and the median lead of the best over the second
    (what the word model reads: ``rank_score``, ``rank_margin`` capped at 10)."""
    order = np.lexsort((-score, group))
    sg, ss = group[order], score[order]
    start = np.r_[0, np.flatnonzero(sg[1:] != sg[:-1]) + 1]
    size = np.diff(np.r_[start, len(sg)])
    second = np.where(size > 1, ss[np.minimum(start + 1, len(ss) - 1)], ss[start] - 10.0)
    return float(ss[start].mean()), float(np.median(np.minimum(ss[start] - second, 10.0)))


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray | None, c: float) -> Fitted:
    from scipy.optimize import minimize

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale <= 0] = 1.0
    Z = (X - mean) / scale
    t = y.astype(np.float64)
    sw = np.ones(len(t)) if w is None else w

    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        coef, b = theta[:-1], theta[-1]
        z = Z @ coef + b
        loss = np.logaddexp(0.0, z) - t * z
        p = 1.0 / (1.0 + np.exp(-z))
        d = sw * (p - t)
        val = c * float(sw @ loss) + 0.5 * float(coef @ coef)
        grad = np.r_[c * (Z.T @ d) + coef, c * d.sum()]
        return val, grad

    res = minimize(f, np.zeros(Z.shape[1] + 1), jac=True, method="L-BFGS-B",
                   options={"maxiter": 5000, "gtol": 1e-8})  # fmt: skip
    return Fitted(mean, scale, res.x[:-1], float(res.x[-1]))


def fit_listwise(
    X: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    w: np.ndarray | None,
    c: float,
    offset: Fitted | None = None,
) -> Fitted:
    """A conditional logit (softmax over each group's candidates, the gold's log-likelihood,
    L2 ``1 / (2c)``) on standardised features; then a pointwise scale and intercept
    (``a * s + b``, a > 0: the same order) so the score is a log-odds again (the word model
    reads the ranker's score and lead).  With ``offset`` (the shipped ranker), its score is
    a fixed term and the fit is a correction to it, pulled to 0 by the L2 (a small ``c``
    stays near the shipped ranker and its scale; no rescaling then).  Rows of a group are
    contiguous."""
    from scipy.optimize import minimize

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale <= 0] = 1.0
    Z = (X - mean) / scale
    start = np.r_[0, np.flatnonzero(group[1:] != group[:-1]) + 1]
    gi = np.repeat(np.arange(len(start)), np.diff(np.r_[start, len(group)]))
    gold = np.flatnonzero(y)
    gw = np.ones(len(start)) if w is None else w[start]

    base = np.zeros(len(y)) if offset is None else offset.decision_function(X)

    def f(coef: np.ndarray) -> tuple[float, np.ndarray]:
        z = base + Z @ coef
        mx = np.maximum.reduceat(z, start)
        e = np.exp(z - mx[gi])
        den = np.add.reduceat(e, start)
        p = e / den[gi]
        lse = mx + np.log(den)
        val = c * float(gw @ (lse - z[gold])) + 0.5 * float(coef @ coef)
        d = gw[gi] * p
        d[gold] -= gw
        return val, c * (Z.T @ d) + coef

    res = minimize(f, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 5000, "gtol": 1e-8})  # fmt: skip
    if offset is not None:
        # old (folded into the standardisation of X) + correction
        coef = offset.coef * scale / offset.scale + res.x
        b = offset.intercept - float(((offset.mean - mean) / offset.scale) @ offset.coef)
        return Fitted(mean, scale, coef, b)
    s = Z @ res.x
    cal = fit(s.reshape(-1, 1), y, w, 1e6)
    a = float(cal.coef[0] / cal.scale[0])
    b = float(cal.intercept - a * cal.mean[0])
    return Fitted(mean, scale, a * res.x, b)


def weights(kind: np.ndarray, group: np.ndarray, balance: bool) -> np.ndarray | None:
    """Per-row weights giving each spinner the same total (``balance``), else None."""
    if not balance:
        return None
    w = np.ones(len(kind))
    for k in np.unique(kind):
        m = kind == k
        w[m] = 1.0 / len(np.unique(group[m]))
    return w * (len(np.unique(group)) / w.sum() * len(w) / len(np.unique(group)))


def load(docs: int) -> dict[str, np.ndarray]:
    parts = [rows_of(s, docs, 40) for s in ALL]
    parts = [p for p in parts if len(p["y"])]
    out: dict[str, np.ndarray] = {}
    off = 0
    for p in parts:
        for k, v in p.items():
            v = v + off if k == "group" else v
            out[k] = np.concatenate([out[k], v]) if k in out else v
        off = int(out["group"].max()) + 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--c", type=float, action="append", help="inverse L2 (repeatable: compared)")
    ap.add_argument("--balance", action="store_true", help="each spinner weighs the same")
    ap.add_argument("--compare-balance", action="store_true", help="LOSO with and without")
    ap.add_argument("--listwise", action="store_true", help="conditional logit (else pointwise)")
    ap.add_argument(
        "--offset",
        action="store_true",
        help="listwise correction to the shipped ranker (its score a fixed term)",
    )
    ap.add_argument(
        "--match-old",
        action="store_true",
        help="rescale (a * s + b, a > 0: the same order) so that the train groups' mean best "
        "score and median lead are the shipped ranker's (the word model reads both)",
    )
    ap.add_argument("--out", default=None, help="write the final ranker entry here")
    args = ap.parse_args()
    r = load(args.docs)
    X, y, g, kind, part = r["X"], r["y"], r["group"], r["kind"], r["part"]
    spinners = [s for s in ALL if (kind == s).any()]
    old = parse_ranker(json.loads(OLD_MODEL.read_text(encoding="utf-8"))["ranker"])
    old_s = np.array([old.score(x) for x in X.tolist()])
    lm_s = -X[:, RANK_FEATURES.index("lm_order")]
    print("## step 1: the gold's rank among the candidates (shipped ranker; LM order)")
    print("| spinner | part | groups | ranker first | 2nd | 3rd+ | mean rank | LM first |")
    print("|---|---|---|---|---|---|---|---|")
    for s in spinners:
        for p in ("eval", "train"):
            m = (kind == s) & (part == p)
            rk = ranks(old_s[m], g[m], y[m])
            lm1 = top1(lm_s[m], g[m], y[m])
            print(f"| {s} | {p} | {len(rk)} | {np.mean(rk == 1):.4f} | {np.mean(rk == 2):.4f} | "
                  f"{np.mean(rk >= 3):.4f} | {rk.mean():.2f} | {lm1:.4f} |")  # fmt: skip
    cs = args.c or [1.0]
    bals = (False, True) if args.compare_balance else (args.balance,)
    tr = part == "train"
    fitter = fit_listwise if args.listwise else (lambda X, y, _g, w, c: fit(X, y, w, c))
    if args.offset:
        o = Fitted(*(np.array(getattr(old, k)) for k in ("mean", "scale", "coef")),
                   float(old.intercept))  # fmt: skip

        def fitter(X, y, g, w, c):  # type: ignore[no-redef]
            return fit_listwise(X, y, g, w, c, o)

    print("\n## leave one spinner out: fit on the others' train rows, first rank on the held-out")
    print("## spinner's rows (all / eval part); shipped ranker on the same rows")
    for c in cs:
        for bal in bals:
            line = []
            for s in spinners:
                fm = tr & (kind != s)
                mdl = fitter(X[fm], y[fm], g[fm], weights(kind[fm], g[fm], bal), c)
                z = mdl.decision_function(X)
                hm, he = kind == s, (kind == s) & (part == "eval")
                line.append(f"{s} {top1(z[hm], g[hm], y[hm]):.4f}/{top1(z[he], g[he], y[he]):.4f}"
                            f" (old {top1(old_s[hm], g[hm], y[hm]):.4f}/"
                            f"{top1(old_s[he], g[he], y[he]):.4f})")  # fmt: skip
            print(f"C={c} balance={bal}: " + "; ".join(line), flush=True)
    c = cs[0]
    final = fitter(X[tr], y[tr], g[tr], weights(kind[tr], g[tr], args.balance), c)
    z = final.decision_function(X)
    if args.match_old:
        t_new, l_new = top_and_lead(z[tr], g[tr])
        t_old, l_old = top_and_lead(old_s[tr], g[tr])
        a = l_old / l_new
        b = t_old - a * t_new
        final = Fitted(final.mean, final.scale, a * final.coef, a * final.intercept + b)
        z = final.decision_function(X)
        print(f"# matched to the shipped ranker: a {a:.4f}, b {b:.4f}")
    print(f"\n## final (C={c}, balance={args.balance}, listwise={args.listwise}, "
          f"offset={args.offset}, fitted on every spinner's train rows): "
          "first rank on the eval rows, new / shipped")  # fmt: skip
    print("| spinner | first rank, new | shipped | top score (mean), new | shipped "
          "| lead (median), new | shipped |")  # fmt: skip
    for s in spinners:
        m = (kind == s) & (part == "eval")
        t_new, l_new = top_and_lead(z[m], g[m])
        t_old, l_old = top_and_lead(old_s[m], g[m])
        print(f"| {s} | {top1(z[m], g[m], y[m]):.4f} | {top1(old_s[m], g[m], y[m]):.4f} | "
              f"{t_new:.2f} | {t_old:.2f} | {l_new:.2f} | {l_old:.2f} |")  # fmt: skip
    if args.out:
        entry = {
            "features": list(RANK_FEATURES),
            **final.entry(),
            "training": {
                "command": "python scripts/train_spin_rank38.py " + " ".join(sys.argv[1:]),
                "spinners": spinners,
                "rows": int(tr.sum()),
                "groups": int(len(np.unique(g[tr]))),
            },
        }
        check = parse_ranker(entry)
        gap = max(abs(check.score(x) - v) for x, v in zip(X[:5000].tolist(), z[:5000], strict=True))
        if gap > 1e-9:
            raise SystemExit(f"pure-Python ranker differs from the fit by {gap}")
        Path(args.out).write_text(json.dumps({"ranker": entry}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
