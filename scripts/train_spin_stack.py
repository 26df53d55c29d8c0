"""Fit the second decision of word-model rows under the bar (``lexicons/spin_stack.json``).

Build-time only (numpy; the runtime reads the JSON in pure Python:
:mod:`repair.score.spin_stack`).  Usage, from the checkout root::

    python scripts/train_spin_stack.py [--skip 40] [--docs 200] [--out lexicons/spin_stack.json]
    python scripts/train_spin_stack.py --topic --spinners spinbot,wordnet,double,rare \
        --out lexicons/spin_stack_topic.json

``--topic`` fits :data:`repair.score.spin_stack.TOPIC_FEATURES` (whether the document's
topic chose the row's original, and its topic gain; the topic pick is on, as shipped) for
:data:`repair.stages.spin.STACK_TOPIC`.

Data: dev documents ``--skip`` .. ``--skip + --docs`` of the spin harness
(``benchmarks/spin_sim``: ``select("dev")``; the first 40, which
``benchmarks/spin_eval.py --split dev`` reports on, are skipped), each spun by the WordNet,
double and rare simulators with the dev word families only, repaired by the whole
pipeline with the seed profile on and the stack off (:data:`repair.stages.spin.STACK`).
A row is a word-model candidate (not a common word's) under its document's bar, at or
over ``--floor``, in a document where no profile knows the spinner and the word model
opens the gate (not in scientific register), that no rule kept (no edit at its span);
its label is whether its original is the gold original of that span.  Model: a logistic
regression on standardised :data:`repair.score.spin_stack.FEATURES` (Newton's method, L2 ``--l2``);
``--threshold`` is the probability a row must reach (0.5: a kept row more likely
restores the original than not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_doc_channel import policy_bin  # noqa: E402
from repair.detect.science import is_scientific  # noqa: E402
from repair.detect.spin import THRESHOLD  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_stack import (  # noqa: E402
    FEATURES,
    FORMAT,
    TOPIC_FEATURES,
    StackRow,
    features,
)
from repair.score.spin_topic import topic_gain  # noqa: E402

SPINNERS = ("wordnet", "double", "rare")


def under_bar(
    spinner: str, skip: int, docs: int, floor: float
) -> Iterator[tuple[StackRow, str, str | None]]:
    """(row, original, gold original or ``None``) of every row under the bar no rule kept
    (the module docstring), stack off, in dev documents ``skip`` .. ``skip + docs``."""
    config = make_config("spin,tortured,collocation", False)
    seen: list[tuple] = []
    shipped = stage._Stage.score

    def score(self, doc, detection, candidates):  # type: ignore[no-untyped-def]
        seen.append((doc, detection, list(candidates)))
        return shipped(self, doc, detection, candidates)

    stage._Stage.score = score  # type: ignore[method-assign]
    was, stage.STACK = stage.STACK, False
    try:
        for s in spun_docs(spinner, "dev", skip + docs, RATE)[1][skip:]:
            seen.clear()
            r = repair_text(s.spun, (), config)
            if not seen:
                continue
            doc, det, cands = seen[0]
            d = det.details
            bar = stage.word_bar(d)
            profile = d.get("profile_score", det.score)
            if bar > 1.0 or d.get("prior_profile_score", profile) >= THRESHOLD:
                continue
            gold = gold_spans(s) if s.edits else {}
            edited = {(e.offset, e.end) for e in r.edits}
            xs = {(w.start, w.end): x for w, x in zip(det.words, det.features, strict=True)}
            if is_scientific(doc):  # the stage does not read the stack there
                continue
            table = stage._open_policy(doc, cands, bar)
            for c in cands:
                p = c.features.get("model_probability", 0.0)
                span = (c.start, c.end)
                if c.source != "SPIN_SYNONYM" or c.features.get("common") or span in edited:
                    continue
                if not floor <= p < bar or span not in xs:
                    continue
                written = doc.text[c.start : c.end]
                b = policy_bin(written.lower(), c.replacement.lower())
                row = StackRow(
                    p, bar, b, table.ratios.get(b, 1.0) if table else 1.0,
                    table.confirmed[b] if table else 0, table is not None,
                    topic_gain(doc, written, c.replacement, c.start),
                    d.get("model_score", 0.0), xs[span], c.features.get("topic_pick"),
                )  # fmt: skip
                yield row, c.replacement, gold.get(span)
    finally:
        stage._Stage.score = shipped  # type: ignore[method-assign]
        stage.STACK = was


def rows(
    spinner: str, skip: int, docs: int, floor: float, topic: bool = False
) -> list[tuple[list[float], bool]]:
    """(features, label) of every row under the bar no rule kept (:func:`under_bar`)."""
    return [
        (features(row, topic), g is not None and g.lower() == original.lower())
        for row, original, g in under_bar(spinner, skip, docs, floor)
    ]


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 30) -> tuple[np.ndarray, ...]:
    """(mean, scale, coef, intercept) of an L2 logistic regression on standardised ``x``."""
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-6] = 1.0  # a feature constant in the training rows
    z = np.c_[np.ones(len(x)), (x - mean) / scale]
    w = np.zeros(z.shape[1])
    reg = l2 * np.diag(np.r_[0.0, np.ones(z.shape[1] - 1)])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg @ w
        hess = (z * (p * (1.0 - p))[:, None]).T @ z + reg
        w -= np.linalg.solve(hess, grad)
    return mean, scale, w[1:], w[:1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip", type=int, default=40)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--floor", type=float, default=0.1)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", default=str(ROOT / "lexicons" / "spin_stack.json"))
    ap.add_argument("--topic", action="store_true", help="fit TOPIC_FEATURES (STACK_TOPIC)")
    ap.add_argument("--spinners", default=",".join(SPINNERS))
    args = ap.parse_args(argv)
    spinners = tuple(args.spinners.split(","))
    data: list[tuple[list[float], bool]] = []
    per: dict[str, Counter[str]] = {}
    for sp in spinners:
        got = rows(sp, args.skip, args.docs, args.floor, args.topic)
        per[sp] = Counter(rows=len(got), right=sum(y for _x, y in got))
        print(f"{sp}: {per[sp]['rows']} rows, {per[sp]['right']} right", file=sys.stderr)
        data += got
    x = np.array([r for r, _y in data], dtype=float)
    y = np.array([float(lab) for _x, lab in data])
    mean, scale, coef, intercept = fit(x, y, args.l2)
    p = 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ coef + intercept[0])))
    kept = p >= args.threshold
    model = {
        "format": FORMAT,
        "features": list(TOPIC_FEATURES if args.topic else FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept[0]), 6),
        "threshold": args.threshold,
        "floor": args.floor,
        "training": {
            "command": "python scripts/train_spin_stack.py " + " ".join(argv or sys.argv[1:]),
            "data": f"dev documents {args.skip}-{args.skip + args.docs - 1} of benchmarks/spin_sim "
            f"spun by {', '.join(spinners)} (dev families), profile on, stack off"
            + (", topic pick on" if args.topic else ""),
            "rows": len(data),
            "right": int(y.sum()),
            "kept_at_threshold": int(kept.sum()),
            "right_kept": int((kept & (y > 0)).sum()),
            "l2": args.l2,
            "fingerprint": hashlib.sha256(x.round(6).tobytes() + y.tobytes()).hexdigest()[:16],
        },
    }
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["training"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
