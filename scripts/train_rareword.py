"""Fit the rare-word decision (``lexicons/rareword_model.json``): P(the restoration is right).

Training data (dev halves only; the test halves and the abstracts stay held out):
clean documents of the dev split (``benchmarks/spin_sim``, ``--docs`` of them, taken in
turn from each register) run through the rare-synonym spinner with the dev word
families (``--after-stages``: then through the stages before ``collocation``, so the
rows are what they leave; that model is too pessimistic for the abstracts, dev 0.064,
and is not the shipped one).  Every rare word :func:`repair.detect.rareword.find`
returns (documents past its gate) is a row: its pooled best candidate
(:func:`repair.score.rareword.pooled`) is right (1) when it is the spinner's original,
else 0 (a wrong synonym, a word the spinner did not touch, or an original the candidates
lack).  Features:
:data:`repair.score.rareword.FEATURES`.  A logistic regression (numpy, build time only;
L2 0.01, 3,000 full-batch steps) is evaluated in pure Python at run time.

Usage: ``python scripts/train_rareword.py [--docs 200]`` (needs ``../shared`` and the
``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.detect import rareword as detect  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.score import rareword as score  # noqa: E402
from repair.stages.collocation import RARE_PREGATE, RARE_PREGATE_PER_1000  # noqa: E402

OUT = ROOT / "lexicons" / score.MODEL


def _gold_by_spun_offset(spun) -> dict[int, str]:  # type: ignore[no-untyped-def]
    out, shift = {}, 0
    for e in sorted(spun.edits, key=lambda e: e.start):
        out[e.start + shift] = e.original.lower()
        shift += len(e.replacement) - len(e.original)
    return out


def _after_edits(gold: dict[int, str], edits) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """``gold`` (spun offset -> original) moved to the text after ``edits``; words an edit
    touched are dropped (the rare-word pass sees what the earlier stages left)."""
    out = {}
    for start, orig in gold.items():
        shift, touched = 0, False
        for e in edits:
            if e.offset + e.length <= start:
                shift += len(e.replacement) - e.length
            elif e.offset <= start:
                touched = True
        if not touched:
            out[start + shift] = orig
    return out


def rows(
    n_docs: int, spinner: str = "rare", after_stages: bool = False
) -> tuple[list[list[float]], list[int]]:
    from dataclasses import replace

    from spin_sim import RATE, spin_doc
    from spin_sim.corpus import select

    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    before = replace(RepairConfig(), collocation=False)  # the stages that run before it
    xs, ys = [], []
    for d in select("dev", n_docs):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, "dev", RATE)
        gold = _gold_by_spun_offset(s)
        doc = Document(s.spun)
        if after_stages:
            done = repair_text(s.spun, (), before)
            gold, doc = _after_edits(gold, done.edits), Document(done.text)
        found = detect.find(doc, frozenset(), RARE_PREGATE, RARE_PREGATE_PER_1000)
        pool = score.pooled(found)
        for r in found:
            best, gain, margin = pool[r.token.text]
            xs.append(score.features(r, best, gain, margin))
            ys.append(int(gold.get(r.token.start) == best))
    return xs, ys


def fit(xs: list[list[float]], ys: list[int], l2: float = 0.01) -> list[float]:
    import numpy as np

    a = np.array([[1.0, *x] for x in xs])
    y = np.array(ys, dtype=float)
    w = np.zeros(a.shape[1])
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]]
        w -= 0.5 * grad
    return [round(float(v), 4) for v in w]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200, help="dev documents to spin")
    ap.add_argument(
        "--after-stages",
        action="store_true",
        help="train on what the earlier stages leave (a more pessimistic model: on the dev "
        "abstracts it restores almost nothing)",
    )
    args = ap.parse_args()
    xs, ys = rows(args.docs, after_stages=args.after_stages)
    w = fit(xs, ys)
    acc = sum(
        (1 / (1 + math.exp(-(w[0] + sum(a * b for a, b in zip(w[1:], x, strict=True))))) >= 0.5)
        == bool(y)
        for x, y in zip(xs, ys, strict=True)
    ) / len(ys)
    model = {
        "format": "repair-rareword-model/1",
        "features": list(score.FEATURES),
        "bias": w[0],
        "weights": w[1:],
        "trained_on": (
            f"{args.docs} dev documents of benchmarks/spin_sim spun by the rare-synonym "
            f"spinner (dev families); {len(ys)} rare words, {sum(ys)} right restorations; "
            f"training accuracy {acc:.3f}; python scripts/train_rareword.py --docs {args.docs}"
        ),
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {model['trained_on']}")


if __name__ == "__main__":
    main()
