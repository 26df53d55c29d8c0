"""Leave one spinner out for a word model that reads the document's spin policy (session 40).

Build-time only (numpy, scikit-learn).  Usage, from the checkout root, after
``python scripts/train_spin_model.py --spinners ... --tag TAG`` has cached its rows::

    python scripts/train_spin_policy40_loso.py [--tag all7] [--hold wordnet,...] [--json OUT]

Policy features (:func:`repair.score.spin_model.policy_features`, :data:`POLICY_FEATURES`):
document-level statistics of how the document was spun, read off the same evidence rows
as the word features (all rows of the document's first reading): the share of rows
with a positive LM gain, and over the high-evidence rows (gain > 6, context gain > 2)
the written words' Zipf, the originals' Zipf gain over them, the WordNet synsets they
share, the originals' fanout and the ranker's score (means shrunk to a fixed prior when
few rows are flagged).  They are appended to the 22 word features.

For each held-out spinner ``S`` and each diagonal cell ``g`` of the 3 x 3 document x
word-family grid (as ``train_spin_model39_loso.py``), word models (hist trees,
Platt-calibrated on a fifth of the training documents) are fitted on the rows of every
other spinner and the clean documents whose document and family folds both differ
from ``g``, without and with the policy features, and scored on ``S``'s rows of that
cell: the held-out spinner's documents, word families and policy are never seen.
The clean documents' rows of the same cells are scored by the models fitted on every
spinner ("broken" on clean rows: edits on clean text at p >= threshold).  Thresholds
0.5 and the per-model threshold in ``--thresholds``.
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

from train_spin_model import (  # noqa: E402
    GRID,
    MIN_GAIN,
    auc,
    fold_of,
    policy_matrix,
)
from train_spin_model39_loso import counts, fit_platt  # noqa: E402  (the same fit and counts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tag", default="all7")
    ap.add_argument("--hold", default="wordnet,rare,phrase,double,seed,spinbot,distrib")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    cache = ROOT / "benchmarks" / ".generated" / f"spin_model_rows_{args.tag}.npz"
    rows = dict(np.load(cache, allow_pickle=False))
    X, y, inside = rows["X"], rows["y"], rows["inside"]
    P = policy_matrix(X, rows["doc"])
    XP = np.hstack([X, P])
    kind = rows["kind"][rows["doc"]]
    live = X[:, 0] > MIN_GAIN
    row_doc = rows["doc_id"][rows["doc"]]
    df, ff = fold_of(row_doc, GRID), fold_of(rows["family"], GRID, "spin-model-family-fold")
    calib_split = fold_of(row_doc, 5, "spin-model39-platt") == 0
    clean = kind == "clean"
    # every spinner kept in: one model per cell, its clean rows and every spinner's rows
    p_all = {"base": np.zeros(len(y)), "policy": np.zeros(len(y))}
    cells = np.zeros(len(y), dtype=bool)
    for g in range(GRID):
        te = live & (df == g) & (ff == g)
        cells |= te
        tr = live & (df != g) & (ff != g)
        for name, M in (("base", X), ("policy", XP)):
            p_all[name][te] = fit_platt(M[tr], y[tr], calib_split[tr])(M[te])
    words_clean = int(rows["words"][rows["kind"] == "clean"].sum())
    out: dict = {"clean": {}}
    for name, p in p_all.items():
        m = cells & clean
        on = p[m] >= 0.5
        out["clean"][name] = {
            "changed": int(on.sum()),
            "per_1k_words_of_a_third": round(3000 * on.sum() / words_clean, 3),
        }
    print("clean", json.dumps(out["clean"]), flush=True)
    for s in args.hold.split(","):
        res: dict = {}
        for name, M in (("base", X), ("policy", XP)):
            p_loso = np.zeros(len(y))
            test_all = np.zeros(len(y), dtype=bool)
            for g in range(GRID):
                te = live & (kind == s) & (df == g) & (ff == g)
                if not te.any():
                    continue
                test_all |= te
                keep = live & (df != g) & (ff != g) & (kind != s)
                p_loso[te] = fit_platt(M[keep], y[keep], calib_split[keep])(M[te])
            m = test_all
            pin = p_all[name]
            res[name] = {
                "auc_held_out": round(auc(p_loso[m & y], p_loso[m & ~y]), 4),
                "auc_kept_in": round(auc(pin[m & y], pin[m & ~y]), 4),
                "held_out": counts(p_loso[m], y[m], inside[m]),
                "kept_in": counts(pin[m], y[m], inside[m]),
            }
        res["rows"], res["positives"] = int(m.sum()), int(y[m].sum())
        out[s] = res
        print(s, json.dumps(res), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
