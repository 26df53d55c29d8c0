"""Length-conditional tails for the document spin score, measured on short clean pieces.

Usage (from the checkout root; dumps of ``benchmarks/spin_score_features.py``)::

    python benchmarks/spin_score_features.py /tmp/f.jsonl --split dev       # spun dev + clean
    python benchmarks/spin_score_features.py /tmp/s_dev.jsonl --short --split dev
    python benchmarks/spin_score_features.py /tmp/s_test.jsonl --short --split test
    python benchmarks/spin_short_eval.py /tmp/f.jsonl /tmp/s_dev.jsonl [/tmp/s_test.jsonl]

Each variant reads the named cues of documents under ``SHORT`` words against knots fitted
on the short clean *dev* pieces (:func:`spin_calibrate.short_pieces`), the other cues and
longer documents against the clean dev documents (as ``--fit``); the cut is refitted to
:data:`spin_score_features.FPR_DOCS` clean dev documents.  Prints the dev AUC per spinner
(spun against their own clean document, as ``spin_eval.py``), all spinners against all
clean dev register documents, and the clean documents and short pieces at or above the
cut (dev; test when the third dump is given: held out, read once).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_score_features import FPR_DOCS, profile, tail_knots  # noqa: E402
from spin_sim.roc import auc  # noqa: E402

from repair.detect import spin_document as sd  # noqa: E402

WEIGHTS = {"stage": 1.0, "colloc": 1.0, "words": 0.8, "profile": 0.8, "para": 0.8}
SHORT = 150
VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("today", ()),
    ("stage", ("stage",)),
    ("stage+colloc", ("stage", "colloc")),
    ("stage+colloc+words+profile", ("stage", "colloc", "words", "profile")),
)


def cues(r: dict) -> dict[str, float]:
    sp = r["spin"]
    return {
        "stage": sd.logit(r["spin_stage"]),
        "colloc": sd.logit(r["collocation"]),
        "words": sp.get("word_stats", {}).get("p_per_100", 0.0),
        "profile": profile(r),
        "para": sd.paraphrase_evidence(r.get("paraphrase_gains", [])),
    }


def scorer(ref: list[dict], short: list[dict], which: tuple[str, ...]) -> Callable[[dict], float]:
    """The surprise of a row with the knots of ``ref`` (and of ``short`` for ``which``)."""
    long_k = {k: tail_knots([cues(r)[k] for r in ref]) for k in WEIGHTS}
    short_k = {k: tail_knots([cues(r)[k] for r in short]) for k in which}

    def score(r: dict) -> float:
        x = cues(r)
        knots = short_k if r["words"] < SHORT else {}
        c = [w * sd.tail(x[k], knots.get(k, long_k[k])) for k, w in WEIGHTS.items()]
        if r["spin"].get("family_gate"):
            c.append(sd.PART_WEIGHT * sd.FAMILY_SURPRISE)
        if r["tortured"] > 0:
            c.append(sd.TORTURED_WEIGHT * sd.tail(sd.logit(r["tortured"]), sd.TORTURED_TAIL))
        return max(c) + sd.TIE * sum(c)

    return score


def load(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def main(argv: list[str]) -> int:
    rows, short_dev = load(argv[0]), load(argv[1])
    short_test = load(argv[2]) if len(argv) > 2 else []
    clean_dev = [r for r in rows if r["kind"] == "clean" and r["split"] == "dev"]
    ref = [r for r in clean_dev if r["register"] != "clean_suite"]
    clean_test = [
        r for r in rows if r["kind"] == "clean" and r["split"] == "test"
        and r["register"] != "clean_suite"
    ]  # fmt: skip
    by_id = {r["doc_id"]: r for r in clean_dev}
    spun = [r for r in rows if r["kind"] == "spun" and r["split"] == "dev"]
    negs = [r for r in ref if r["register"] != "abstract"]
    head = ["short cues", *sorted({r["spinner"] for r in spun}), "all"]
    head += [f"{s} {k} >= cut" for s in ("dev", "test") for k in ("docs", "pieces")]
    print("| " + " | ".join(head) + " |")
    for label, which in VARIANTS:
        score = scorer(ref, short_dev, which)
        cut = sorted((score(r) for r in clean_dev), reverse=True)[FPR_DOCS - 1]
        aucs = []
        for name in sorted({r["spinner"] for r in spun}):
            pos = [r for r in spun if r["spinner"] == name]
            aucs.append(auc([score(r) for r in pos], [score(by_id[r["doc_id"]]) for r in pos]))
        aucs.append(auc([score(r) for r in spun], [score(r) for r in negs]))

        def over(rs: list[dict], score: Callable[[dict], float] = score, cut: float = cut) -> str:
            return f"{sum(score(r) >= cut for r in rs)}/{len(rs)}" if rs else "-"

        cells = [label, *(f"{a:.3f}" for a in aucs)]
        cells += [over(rs) for rs in (ref, short_dev, clean_test, short_test)]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
