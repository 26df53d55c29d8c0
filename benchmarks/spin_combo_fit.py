"""Fit ``lexicons/spin_combo.json`` (the document spin score's two calibrated combinations) on dev.

Usage (from the checkout root; numpy at fit time only; session 61, spinauc, issue 11)::

    python benchmarks/spin_auc_features.py --set clean /tmp/clean_dev.jsonl
    python benchmarks/spin_auc_features.py --set eval --skip 40 --cap 200 --spinner phrase \\
        --spinner distrib --spinner distrib1 /tmp/train_dev.jsonl
    python benchmarks/spin_auc_features.py --set eval /tmp/eval_dev.jsonl
    python benchmarks/spin_combo_fit.py --clean /tmp/clean_dev.jsonl --train /tmp/train_dev.jsonl \\
        --out lexicons/spin_combo.json
    REPAIR_LEXICONS=$PWD/lexicons python benchmarks/spin_combo_fit.py \\
        --report /tmp/eval_dev.jsonl --clean /tmp/clean_dev.jsonl --weights 0,0.74 1.2,0

Data, dev only (the test half is never read): the register residuals and every clean tail
from the calibration's clean dev documents (``benchmarks/spin_calibrate.py``: registers and
abstracts); the logistic models from the phrase and distributional simulators' dev documents
40-199 (``spin_eval.py`` reports on documents 0-39, which stay out of the fit) against the
clean dev documents but those 40.  Each model: a logistic regression (Newton, L2 1.0 on the
weights, the two classes weighed equally) over :mod:`repair.detect.spin_combo_score`'s
inputs, on documents of at least ``--min-content`` content words.  ``--report`` prints the
dev AUC of each spinner (spun against the same documents clean, as ``spin_eval.py``) with
the combinations on at the given weights (phrase, misfit) against off, from dumped rows.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import DEFAULT_CAP  # noqa: E402
from spin_score_features import tail_knots  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from spin_sim.roc import auc  # noqa: E402

from repair.detect import spin_combo_score as cs  # noqa: E402
from repair.detect import spin_document as sd  # noqa: E402

REGISTER_CUES = ("fit_mean", "fit_q25", "misfit1")
SPINNERS = {"phrase": ("phrase",), "misfit": ("distrib", "distrib1")}


def load(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def reg_row(c: dict) -> list[float]:
    return [1.0, c["stop_share"], c["cap_share"], math.log(max(c["sent_len"], 1.0))]


def fit_register(rows: list[dict]) -> dict:
    x = np.array([reg_row(r["cues"]) for r in rows])
    out = {}
    for k in REGISTER_CUES:
        y = np.array([r["cues"][k] for r in rows])
        beta, *_ = np.linalg.lstsq(x, y, rcond=None)
        out[k] = {
            "beta": [round(float(b), 6) for b in beta],
            "sd": round(float((y - x @ beta).std()), 6),
        }
    return out


def inputs(name: str, r: dict) -> dict:
    if name == "phrase":
        ss = r["spin_score"]
        return cs.phrase_inputs(
            ss.get("span_evidence", 0.0),
            ss.get("paraphrase_evidence", 0.0),
            r["collocation"],
            ss.get("long_spans", 0),
        )
    return cs.misfit_inputs(r["cues"], r["neighbour"])


def _logit(beta: np.ndarray, x: dict, names: tuple[str, ...]) -> float:
    return float(beta[0] + sum(b * x[k] for b, k in zip(beta[1:], names, strict=True)))


def logreg(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0) -> np.ndarray:
    beta = np.zeros(x.shape[1])
    pen = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        g = x.T @ (w * (p - y)) + pen @ beta
        h = (x * (w * p * (1 - p))[:, None]).T @ x + pen
        beta -= np.linalg.solve(h, g)
    return beta


def fit(args: argparse.Namespace) -> None:
    clean = load(args.clean)
    train = load(args.train)
    held = {d.doc_id for d in select("dev", DEFAULT_CAP)}  # spin_eval.py's dev documents
    big = [r for r in clean if r["cues"]["n_content"] >= args.min_content]
    reg_rows = [r for r in clean if r["cues"]["n_content"] >= 30 and r["doc_id"] not in held]
    d: dict = {
        "format": cs.FORMAT,
        "min_content": args.min_content,
        "register": {"inputs": list(cs.REGISTER_INPUTS), "cues": fit_register(reg_rows)},
    }
    cs.model.cache_clear()
    cs.model = lambda: d  # type: ignore[assignment]  # the register fit, for misfit_inputs
    for name, inputs_of in (("phrase", cs.PHRASE_INPUTS), ("misfit", cs.MISFIT_INPUTS)):
        pos = [
            r for r in train
            if r["kind"] == "spun" and r["spinner"] in SPINNERS[name]
            and r["cues"]["n_content"] >= args.min_content
        ]  # fmt: skip
        neg = [r for r in big if r["doc_id"] not in held]
        x = np.array([[1.0, *(inputs(name, r)[k] for k in inputs_of)] for r in pos + neg])
        y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
        w = np.r_[np.full(len(pos), len(neg) / len(pos)), np.ones(len(neg))]
        beta = logreg(x, y, w)
        logits = [_logit(beta, inputs(name, r), inputs_of) for r in big]
        d[name] = {
            "inputs": list(inputs_of),
            "beta": [round(float(b), 6) for b in beta],
            "tail": [list(k) for k in tail_knots(logits)],
            "fitted_on": f"{len(pos)} spun dev documents ({', '.join(SPINNERS[name])}, dev "
            f"documents 40-199 of spin_eval's select) against {len(neg)} clean dev documents",
        }
        print(f"# {name}: beta {np.round(beta, 3).tolist()} ({len(pos)} spun, {len(neg)} clean)")
    d["source"] = (
        "fitted by benchmarks/spin_combo_fit.py (session 61, spinauc) on features (numbers) of "
        "dev documents only: the calibration's clean dev documents (benchmarks/spin_calibrate.py: "
        "ABC, WSJ, State of the Union, inaugural, web text, Lee, seeds, abstracts; the tails over "
        f"the {len(big)} of >= {args.min_content} content words) and benchmarks/spin_sim's phrase "
        "and distributional simulators' dev halves; no text is stored"
    )
    d["licence"] = "MIT (this project)"
    Path(args.out).write_text(json.dumps(d, indent=1) + "\n", encoding="utf-8")
    print(f"# wrote {args.out}")


def combined(r: dict, wp: float, wm: float) -> float:
    s = r["surprise"]
    if s >= sd.SPUN_AT or r["cues"]["n_content"] < cs.min_content():
        return s
    cap = sd.SPUN_AT - 0.01
    ss = r["spin_score"]
    if wp:
        p = cs.phrase_surprise(ss.get("span_evidence", 0.0), ss.get("paraphrase_evidence", 0.0),
                               r["collocation"], ss.get("long_spans", 0))  # fmt: skip
        s = max(s, min(wp * p, cap))
    if wm:
        s = max(s, min(wm * cs.misfit_surprise(r["cues"], r["neighbour"]), cap))
    return s


def report(args: argparse.Namespace) -> None:
    rows = load(args.report)
    clean = {r["doc_id"]: r for r in rows if r["kind"] == "clean"}
    spun = [r for r in rows if r["kind"] == "spun"]
    names = list(dict.fromkeys(r["spinner"] for r in spun))
    settings = [(0.0, 0.0)] + [tuple(float(v) for v in w.split(",")) for w in args.weights]
    print("| phrase, misfit weight | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for wp, wm in settings:
        cells = []
        for n in names:
            s = [r for r in spun if r["spinner"] == n]
            c = [clean[i] for i in dict.fromkeys(r["doc_id"] for r in s)]
            cells.append(
                f"{auc([combined(r, wp, wm) for r in s], [combined(r, wp, wm) for r in c]):.3f}"
            )
        print(f"| {wp}, {wm} | " + " | ".join(cells) + " |")
    if args.clean:
        cl = load(args.clean)
        for wp, wm in settings:
            v = [combined(r, wp, wm) for r in cl]
            print(f"# {wp}, {wm}: clean dev documents at surprise >= 4 / 4.5 / cut: "
                  f"{sum(x >= 4 for x in v)} / {sum(x >= 4.5 for x in v)} / "
                  f"{sum(x >= sd.SPUN_AT for x in v)} of {len(v)}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clean", help="clean dev rows (spin_auc_features.py --set clean)")
    ap.add_argument("--train", help="training rows (spin_auc_features.py --set eval --skip 40)")
    ap.add_argument("--out", help="the model file to write")
    ap.add_argument("--min-content", type=int, default=60)
    ap.add_argument("--report", help="rows to report on (spin_auc_features.py --set eval)")
    ap.add_argument("--weights", nargs="*", default=["1.0,0.9"], help="phrase,misfit weights")
    args = ap.parse_args(argv)
    if args.report:
        report(args)
    else:
        fit(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
