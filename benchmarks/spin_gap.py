"""Spun documents the reported score calls spun but the spin stage's word gate leaves shut (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_gap.py [--spinner wordnet ...] [--cap 40] [--no-profile] [--out F.jsonl]

The spin stage decides spinner-agnostic words only where its own document model score
reaches the model's ``doc_gate`` (or the family gate is open: :func:`repair.stages.spin.word_bar`);
the score users read (``scores.spin``, :mod:`repair.detect.spin_document`) calls a document
spun from 0.5, which the stage's gate reaches only at ~0.76.  For each dev document (spun
and its clean original) this repairs the text twice: as shipped, and with the word gate
forced open at the model's word threshold (``--open``), and writes one JSON line per text:
the stage's model score, the family gate, ``scores.spin``, the in-stage part of it (the
stage's own cues, no collocation: :func:`in_stage_score`), token errors before/after and
the edits right / wrong / false of both runs.  A summary per spinner counts the documents
and restorations in the gap (``scores.spin`` >= 0.5, gate shut).  The test half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.bench.metrics import doc_metrics  # noqa: E402
from repair.detect.spin_document import document_score  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_model import get_model  # noqa: E402

_shipped_bar = stage.word_bar


def _open_bar(details: dict) -> float:
    """:func:`repair.stages.spin.word_bar` with the document gate open at the word threshold."""
    bar = _shipped_bar(details)
    return get_model().word_threshold if bar > 1.0 else bar


def in_stage_score(details: dict) -> float:
    """``scores.spin`` from the spin stage's own cues (collocation read as 0)."""
    spin = details.get("spin", {})
    stage_score = details.get("spin_score", {}).get("spin_stage", 0.0)
    return document_score(
        stage_score,
        0.0,
        spin.get("word_stats", {}).get("p_per_100", 0.0),
        spin.get("evidence_per_100_words", 0.0),
        bool(spin.get("family_gate", False)),
    )


def _run(text: str, config, gold: dict, clean: str) -> dict:
    r = repair_text(text, (), config)
    right = wrong = false = 0
    for e in r.edits:
        g = gold.get((e.offset, e.end))
        if g is None:
            false += 1
        elif e.replacement.lower() == g.lower():
            right += 1
        else:
            wrong += 1
    c = doc_metrics(text, clean, r.text, r.edits)
    return {
        "right": right, "wrong": wrong, "false": false,
        "err_before": c.err_before, "err_after": c.err_after, "tokens": c.tokens_gold,
        "details": r.scores.details, "spin": r.scores.spin,
    }  # fmt: skip


def rows(spinner: str, cap: int, profile: bool):
    """One dict per text (spun and clean) of ``spinner``'s dev documents."""
    config = make_config("spin,tortured,collocation", not profile)
    docs, spun = spun_docs(spinner, "dev", cap, RATE)
    for d, s in zip(docs, spun, strict=True):
        for kind, text, gold in (("spun", s.spun, gold_spans(s)), ("clean", s.clean, {})):
            if kind == "spun" and not s.edits:
                continue
            stage.word_bar = _shipped_bar
            base = _run(text, config, gold, s.clean)
            stage.word_bar = _open_bar
            opened = _run(text, config, gold, s.clean)
            stage.word_bar = _shipped_bar
            det = base.pop("details")
            opened.pop("details")
            sp = det.get("spin", {})
            yield {
                "spinner": spinner, "doc": d.doc_id, "kind": kind,
                "model_score": sp.get("model_score", 0.0),
                "family_gate": bool(sp.get("family_gate", False)),
                "closed": _shipped_bar(sp) > 1.0,
                "spin": base.pop("spin"), "in_stage": in_stage_score(det),
                "base": base, "open": opened,
            }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--out", help="write the rows here (JSON lines)")
    args = ap.parse_args(argv)
    out = open(args.out, "w", encoding="utf-8") if args.out else None  # noqa: SIM115
    for spinner in args.spinner or ["wordnet", "rare", "double", "phrase", "seed"]:
        rs = list(rows(spinner, args.cap, not args.no_profile))
        if out:
            for r in rs:
                out.write(json.dumps(r) + "\n")
        summary(spinner, rs)
    if out:
        out.close()
    return 0


def summary(spinner: str, rs: list[dict]) -> None:
    """Per spinner: documents in the gap and what opening the gate there gains."""
    for kind in ("spun", "clean"):
        ks = [r for r in rs if r["kind"] == kind]
        closed = [r for r in ks if r["closed"]]
        gap = [r for r in closed if r["spin"] >= 0.5]
        gap_in = [r for r in closed if r["in_stage"] >= 0.5]

        def gain(sel: list[dict]) -> str:
            d_err = sum(r["base"]["err_after"] - r["open"]["err_after"] for r in sel)
            d_r = sum(r["open"]["right"] - r["base"]["right"] for r in sel)
            d_w = sum(r["open"]["wrong"] + r["open"]["false"] for r in sel) - sum(
                r["base"]["wrong"] + r["base"]["false"] for r in sel
            )
            return f"docs {len(sel)}: errors -{d_err}, right +{d_r}, wrong/false +{d_w}"

        before = sum(r["base"]["err_before"] for r in ks) or 1
        print(
            f"{spinner} {kind}: {len(ks)} docs, errors before {before}; gate shut {len(closed)}; "
            f"open everywhere {gain(closed)}; scores.spin>=0.5 {gain(gap)}; "
            f"in-stage>=0.5 {gain(gap_in)}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
