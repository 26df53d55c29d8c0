"""Train the common-word model (the ``common`` entry of ``lexicons/spin_model.json``) on dev.

Build-time only (numpy, scikit-learn).  Usage, from the checkout root, after
``scripts/train_spin_model.py`` (the common model reads the first reading's model)::

    python scripts/train_spin_common.py [--docs 300] [--clean 800] [--budget 0.1]

Data: the dev documents of ``scripts/train_spin_model.py`` (``select("dev")``, the first
``--skip`` (40) skipped: ``benchmarks/spin_eval.py --split dev`` reports on them), each
spun by every simulated spinner with the *dev* word families, and ``--clean`` clean dev
documents, with the seed profile on and off.  Every document goes through the spin
stage's detection (first reading, profile, document score) as at run time; where its spin
score is at least :data:`MIN_GATE`, the common written words are read
(:func:`repair.stages.spin.read_common`; rows of documents where the built-in profile
fires are then left out, as at run time: ``repair.score.spin_common.PROFILE_OFF``) and
each row is labelled positive when its proposed original is the gold original of that
very span.

Model: gradient-boosted trees on :data:`repair.score.spin_model.COMMON_FEATURES`, with
out-of-fold log-odds held out by document AND word family (the 3 x 3 grid of
``train_spin_model.grid_folds``), Platt-calibrated; the document gate and the word
threshold are chosen jointly on the out-of-fold rows: most restored (correct minus broken
minus ``--wrong-weight`` x wrong originals on spun words) while clean documents get at
most ``--budget`` changed tokens per 1,000 words (and at most 1 per register).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_spin_model as tsm  # noqa: E402
from train_spin_model import (  # noqa: E402
    auc,
    choose_threshold,
    export_linear,
    export_trees,
    grid_folds,
    logit_of,
    make_model,
    platt,
)
from train_spin_model import build_rows as shared_build_rows  # noqa: E402

import repair.stages.spin as spin_stage  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.score.spin_common import PROFILE_OFF  # noqa: E402
from repair.score.spin_model import COMMON_FEATURES, parse_model  # noqa: E402

CACHE = ROOT / "benchmarks" / ".generated" / "spin_common_rows.npz"
#: Documents under this spin score are never read for common words.
MIN_GATE = 0.5
GATES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
TIE = 0.03


def rows_of(text: str, profile: bool) -> tuple[float, list, list[list[float]]]:
    """(document spin score, common rows, their features) of ``text`` as at run time
    (rows only where the score is at least :data:`MIN_GATE`)."""
    cfg = RepairConfig(
        mojibake=False, ocr=False, tortured=False, spin_profile="default" if profile else None
    )
    doc = Document(text, config=cfg)
    det = spin_stage.STAGE.detect(doc)
    if det.score < MIN_GATE:
        return det.score, [], []
    rows, feats = spin_stage.read_common(
        doc, det.occurrences, det.words, det.details["profile_score"], det.score
    )
    return det.score, rows, feats


def build_rows(n_docs: int, n_clean: int, skip: int) -> dict[str, np.ndarray]:
    """The common rows of the dev halves (:func:`train_spin_model.build_rows` with
    :func:`rows_of`), read with the first reading only, as the gate sees it."""
    spin_stage.COMMON = False
    try:
        return shared_build_rows(n_docs, n_clean, skip, rows_of=rows_of, width=len(COMMON_FEATURES))
    finally:
        spin_stage.COMMON = True


def float32_cut(thr: float) -> float:
    """A float64 threshold ``t`` with ``x <= t`` iff ``float32(x) <= thr`` (scikit-learn
    compares float32 features; the runtime compares the float64 ones)."""
    f = np.float32(thr)
    if float(f) > thr:
        f = np.nextafter(f, np.float32(-np.inf))
    up = np.nextafter(f, np.float32(np.inf))
    return float(np.nextafter((float(f) + float(up)) / 2.0, -np.inf))


def exact_trees(model, entry: dict) -> dict:
    """``entry`` (:func:`train_spin_model.export_trees`) with thresholds that split the
    float64 features as scikit-learn splits their float32 values."""
    for t, e in zip(entry["trees"], model.estimators_[:, 0], strict=True):
        t["threshold"] = [
            float32_cut(float(v)) if c >= 0 else float(v)
            for v, c in zip(e.tree_.threshold, e.tree_.children_left, strict=True)
        ]
    return entry


def net_of(stats: dict, wrong_weight: float) -> float:
    return stats["correct"] - stats["broken"] - wrong_weight * stats["wrong_on_spun_words"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="dev documents spun by each spinner")
    ap.add_argument("--clean", type=int, default=800, help="clean dev documents")
    ap.add_argument("--skip", type=int, default=40, help="dev documents spin_eval reports on")
    # logistic: out of fold (held out by word family) it restored more at higher precision
    # than trees, which learn the dev families' common words (RESULTS.md, session 7)
    ap.add_argument("--kind", choices=("trees", "logistic"), default="logistic")
    ap.add_argument("--budget", type=float, default=0.1, help="clean changed tokens per 1,000")
    ap.add_argument("--wrong-weight", type=float, default=0.5, help="cost of a wrong original")
    ap.add_argument("--fresh", action="store_true", help="recompute the cached rows")
    ap.add_argument("--model", default=str(ROOT / "lexicons" / "spin_model.json"))
    ap.add_argument(
        "--spinners", help="comma-separated simulators (train_spin_model.py --spinners)"
    )
    args = ap.parse_args()
    global CACHE
    if args.spinners:
        tsm.SPINNERS = tuple(args.spinners.split(","))
        CACHE = CACHE.with_name(f"spin_common_rows_{args.spinners.replace(',', '-')}.npz")
    name = Path(args.model).name
    if Path(args.model).resolve() == (ROOT / "lexicons" / name).resolve():
        # the first reading (word, document models, ranker) of this very file, not the
        # shipped one: the common rows are read where its document score opens the gate
        from repair.score.spin_model import use_model_file

        use_model_file(name)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    model_text = Path(args.model).read_text(encoding="utf-8")
    base = json.loads(model_text)
    first_key = hashlib.sha256(
        json.dumps({k: v for k, v in base.items() if k != "common"}, sort_keys=True).encode()
    ).hexdigest()[:16]
    rows = dict(np.load(CACHE, allow_pickle=False)) if CACHE.exists() and not args.fresh else {}
    if str(rows.get("first_key", "")) != first_key or str(rows.get("size", "")) != (
        f"{args.docs},{args.clean},{args.skip}"
    ):
        rows = build_rows(args.docs, args.clean, args.skip)
        rows["first_key"] = np.array(first_key)
        rows["size"] = np.array(f"{args.docs},{args.clean},{args.skip}")
        np.savez_compressed(CACHE, **rows)
    # documents where the built-in profile fires are not read at run time (PROFILE_OFF)
    off = rows["X"][:, COMMON_FEATURES.index("profile_score")] >= PROFILE_OFF
    for k in ("X", "y", "inside", "doc", "family"):
        rows[k] = rows[k][~off]
    X, y = rows["X"], rows["y"]
    live = X[:, 0] > 0.0
    row_doc = rows["doc_id"][rows["doc"]]
    kinds = rows["kind"][rows["doc"]]
    print(f"# {len(y)} rows ({live.sum()} with gain > 0), {int(y.sum())} positive; "
          f"{len(rows['doc_id'])} document runs; per spinner positives "
          f"{ {k: int((y & (kinds == k)).sum()) for k in tsm.SPINNERS} }", flush=True)  # fmt: skip
    z = np.full(len(y), -50.0)
    for tr, te in grid_folds(row_doc[live], rows["family"][live]):
        idx_tr, idx_te = np.flatnonzero(live)[tr], np.flatnonzero(live)[te]
        m = make_model(args.kind).fit(X[idx_tr], y[idx_tr])
        z[idx_te] = logit_of(m, X[idx_te])
    a, b = platt(z[live], y[live])
    p = np.zeros(len(y))
    p[live] = 1 / (1 + np.exp(-(a * z[live] + b)))
    print(f"OOF row AUC {auc(p[y], p[~y]):.4f}", flush=True)
    np.save(CACHE.with_name(f"spin_common_oof_{args.kind}.npy"), p)  # for inspection
    options = []
    for g in GATES:
        gate = rows["score"][rows["doc"]] >= g
        t, stats = choose_threshold(p, rows, args.budget, gate=gate)
        if t < 0:
            continue
        # re-pick the threshold by the weighted net (wrong originals cost too)
        best = (t, stats)
        for tt in np.arange(t, 0.99, 0.01):
            _t2, s2 = choose_threshold(p, rows, args.budget, gate=gate, grid=np.array([tt]))
            if _t2 >= 0 and net_of(s2, args.wrong_weight) > net_of(best[1], args.wrong_weight):
                best = (float(tt), s2)
        t, stats = best
        stats["weighted_net"] = round(net_of(stats, args.wrong_weight), 1)
        applied = stats["correct"] + stats["wrong_on_spun_words"] + stats["broken"]
        stats["precision"] = round(stats["correct"] / max(applied, 1), 3)
        print(f"  gate {g}: threshold {t:.2f}: {stats}", flush=True)
        options.append((g, t, stats))
    if not options:
        raise SystemExit("no gate and threshold meet the clean budget")
    top = max(o[2]["weighted_net"] for o in options)
    near = [o for o in options if o[2]["weighted_net"] >= (1 - TIE) * top]
    gate_value, t, stats = min(near, key=lambda o: (o[2]["clean_changed_per_1k"], -o[0]))
    per_spinner = {}
    on = (p >= t) & (rows["score"][rows["doc"]] >= gate_value)
    for k in tsm.SPINNERS:
        m = kinds == k
        per_spinner[k] = {
            "correct": int((on & m & y).sum()),
            "wrong": int((on & m & rows["inside"] & ~y).sum()),
            "broken": int((on & m & ~rows["inside"]).sum()),
        }
    print(f"chosen: gate {gate_value}, threshold {t:.2f}: {stats}; per spinner {per_spinner}")
    final = make_model(args.kind).fit(X[live], y[live])
    if args.kind == "trees":
        word = exact_trees(final, export_trees(final, (a, b)))
    else:
        word = export_linear(final)
    digest = hashlib.sha256()
    for k in ("X", "y", "inside", "doc"):
        digest.update(np.ascontiguousarray(rows[k]).tobytes())
    digest.update(first_key.encode())
    base["common"] = {
        "features": list(COMMON_FEATURES),
        "word": word,
        "calibration": [a, b],
        "threshold": round(float(t), 2),
        "gate": gate_value,
        "training": {
            "fingerprint": digest.hexdigest()[:32],
            "command": "python scripts/train_spin_common.py " + " ".join(sys.argv[1:]),
            "data": "dev halves of benchmarks/spin_sim (documents and word families); "
            f"spinners {', '.join(tsm.SPINNERS)} on {args.docs} documents, {args.clean} clean "
            f"documents, first {args.skip} dev documents skipped; seed profile on and off; "
            f"rows of documents with spin score >= {MIN_GATE}",
            "rows": int(len(y)),
            "positives": int(y.sum()),
            "oof": stats,
            "oof_per_spinner": per_spinner,
        },
    }
    text = json.dumps(base, separators=(",", ":")) + "\n"
    check = parse_model(text).common  # the runtime reader agrees with scikit-learn
    assert check is not None
    sample = X[live][:: max(1, int(live.sum()) // 2000)]
    ours = np.array([check.word.logit(x) for x in sample.tolist()])
    gap = float(np.abs(ours - logit_of(final, sample)).max())
    if gap > 1e-3:
        raise SystemExit(f"pure-Python evaluation differs from scikit-learn by {gap}")
    Path(args.model).write_text(text, encoding="utf-8")
    print(f"wrote {args.model} ({Path(args.model).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
