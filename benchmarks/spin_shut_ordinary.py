"""The gate-shut spun documents against clean ones by document cues (dev only; session 60).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_shut_ordinary.py [--spinner spinbot] [--clean 400]

For the dev documents ``benchmarks/spin_eval.py --spinner S --split dev`` scores and the
first ``--clean`` clean dev documents of the same corpus selection, the spin stage's
detection is recorded (the shipped pipeline, spin stage only) and, for the documents
whose word gate stays shut (:func:`repair.stages.spin.word_bar` > 1), each cue is
printed with its AUC (shut spun vs shut clean), the shut spun documents' values and the
clean maximum: the document model's score, rows over 0.2 / 0.3 / 0.5 per word, the
mean row probability, and :func:`repair.detect.spin_ordinary.ordinary_density` (rows
whose original is a clearly commoner word that fits better).  The test half is never
read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from spin_sim.roc import auc  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.detect.spin_ordinary import ordinary_density  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def cues(text: str) -> dict[str, float]:
    """The detection's cues for one text (module doc); ``shut``: 1.0 where the gate is."""
    seen: list[stage.SpinDetection] = []
    shipped = stage._Stage.detect

    def detect(self, doc):  # type: ignore[no-untyped-def]
        d = shipped(self, doc)
        seen.append(d)
        return d

    stage._Stage.detect = detect  # type: ignore[method-assign]
    try:
        repair_text(text, (), make_config("spin", False))
    finally:
        stage._Stage.detect = shipped  # type: ignore[method-assign]
    det = seen[0]
    n = max(1, len(text.split()))
    probs = list(det.probs)
    return {
        "shut": float(stage.word_bar(det.details) > 1.0),
        "model_score": float(det.details.get("model_score", 0.0)),
        "p2": sum(p >= 0.2 for p in probs) / n,
        "p3": sum(p >= 0.3 for p in probs) / n,
        "p5": sum(p >= 0.5 for p in probs) / n,
        "mean_p": sum(probs) / len(probs) if probs else 0.0,
        "ordinary": ordinary_density(det.words, n),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", default="spinbot")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--clean", type=int, default=400, help="clean dev documents")
    args = ap.parse_args(argv)
    spun = [(s.doc_id, cues(s.spun)) for s in spun_docs(args.spinner, "dev", args.cap, RATE)[1]
            if s.edits]  # fmt: skip
    clean = [cues(d.text) for d in select("dev", args.clean)]
    shut = [(i, c) for i, c in spun if c["shut"]]
    cshut = [c for c in clean if c["shut"]]
    print(f"{args.spinner}: {len(shut)} of {len(spun)} spun dev documents shut; "
          f"{len(cshut)} of {len(clean)} clean dev documents shut")  # fmt: skip
    for i, c in shut:
        print(f"  {i}: " + ", ".join(f"{k} {v:.4f}" for k, v in c.items() if k != "shut"))
    for k in ("model_score", "p2", "p3", "p5", "mean_p", "ordinary"):
        pos, neg = [c[k] for _i, c in shut], [c[k] for c in cshut]
        if pos and neg:
            top = max(neg)
            print(f"  {k:12s} AUC {auc(pos, neg):.3f}  shut spun {min(pos):.4f}-{max(pos):.4f}"
                  f"  clean max {top:.4f}  above it {sum(p > top for p in pos)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
