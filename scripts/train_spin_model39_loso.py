"""Leave one spinner out for the word model retrained on several simulators (session 39).

Build-time only (numpy, scikit-learn).  Usage, from the checkout root, after
``python scripts/train_spin_model.py --spinners ... --tag TAG`` has cached its rows::

    python scripts/train_spin_model39_loso.py [--tag all7] [--hold spinbot,distrib,...]

For each held-out spinner ``S`` and each fold ``g`` (the diagonal cells of the 3 x 3
document x word-family grid of ``train_spin_model.grid_folds``: a third of the rows), a
word model is fitted on the rows of every other spinner (and the clean documents) whose
document fold and family fold both differ from ``g``, and scored on ``S``'s rows of that
cell: the held-out spinner's documents, word families and policy are never seen.  The
same cells are scored by a model fitted with ``S`` kept in (its other cells), and by the
shipped model file's word model (``--old``; on the same rows, i.e. reading the new
ranker's proposals).  The fitted model is ``train_spin_model.make_model("hist")``, the kind
of ``--kind hist``.

Printed per held-out spinner: row AUC, and at the probability 0.5 after Platt
calibration on a fifth of the training documents held out of the fit, the correct, wrong and
broken counts and the net (correct minus broken).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_spin_model import GRID, MIN_GAIN, auc, fold_of, make_model  # noqa: E402

from repair.score.spin_model import parse_model  # noqa: E402


def hist_model():
    return make_model("hist")


def counts(p: np.ndarray, y: np.ndarray, inside: np.ndarray, t: float = 0.5) -> dict:
    on = p >= t
    c, w, b = int((on & y).sum()), int((on & inside & ~y).sum()), int((on & ~inside).sum())
    return {"correct": c, "wrong": w, "broken": b, "net": c - b,
            "precision": round(c / max(c + w + b, 1), 3)}  # fmt: skip


def fit_platt(X: np.ndarray, y: np.ndarray, split: np.ndarray):
    """A model fitted on ``X`` less a fifth held out by ``split`` (by document), Platt
    calibrated on that fifth's logits."""
    from sklearn.linear_model import LogisticRegression

    m = hist_model().fit(X[~split], y[~split])
    z = m.decision_function(X[split])
    lr = LogisticRegression(C=1e6, max_iter=1000).fit(z.reshape(-1, 1), y[split])
    a, b = float(lr.coef_[0, 0]), float(lr.intercept_[0])
    return lambda Z: 1 / (1 + np.exp(-(a * m.decision_function(Z) + b)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tag", default="all7")
    ap.add_argument("--hold", default="spinbot,distrib,wordnet,rare,double,seed")
    ap.add_argument("--old", default=str(ROOT / "lexicons" / "spin_model.json"))
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--exclude", default="", help="comma-separated spinners left out of every fit")
    args = ap.parse_args()
    cache = ROOT / "benchmarks" / ".generated" / f"spin_model_rows_{args.tag}.npz"
    rows = dict(np.load(cache, allow_pickle=False))
    X, y, inside = rows["X"], rows["y"], rows["inside"]
    kind = rows["kind"][rows["doc"]]
    live = X[:, 0] > MIN_GAIN
    row_doc = rows["doc_id"][rows["doc"]]
    df, ff = fold_of(row_doc, GRID), fold_of(rows["family"], GRID, "spin-model-family-fold")
    calib_split = fold_of(row_doc, 5, "spin-model39-platt") == 0
    excluded = np.isin(kind, [k for k in args.exclude.split(",") if k])
    old = parse_model(Path(args.old).read_text(encoding="utf-8"))
    p_old = np.zeros(len(y))
    p_old[live] = [old.probability(x) for x in X[live].tolist()]
    out = {}
    for s in args.hold.split(","):
        p_loso, p_in = np.zeros(len(y)), np.zeros(len(y))
        test_all = np.zeros(len(y), dtype=bool)
        for g in range(GRID):  # the diagonal cells of the grid (a third of the rows)
            te = live & (kind == s) & (df == g) & (ff == g)
            if not te.any():
                continue
            test_all |= te
            base = live & (df != g) & (ff != g) & ~excluded
            for keep, target in ((base & (kind != s), p_loso), (base, p_in)):
                pred = fit_platt(X[keep], y[keep], calib_split[keep])
                target[te] = pred(X[te])
        m = test_all
        res = {
            "rows": int(m.sum()),
            "positives": int(y[m].sum()),
            "auc": {
                "held_out": round(auc(p_loso[m & y], p_loso[m & ~y]), 4),
                "kept_in": round(auc(p_in[m & y], p_in[m & ~y]), 4),
                "shipped": round(auc(p_old[m & y], p_old[m & ~y]), 4),
            },
            "held_out": counts(p_loso[m], y[m], inside[m]),
            "kept_in": counts(p_in[m], y[m], inside[m]),
            "shipped": counts(p_old[m], y[m], inside[m]),
        }
        out[s] = res
        print(s, json.dumps(res), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
