"""Rows of the over-use reading (:mod:`repair.candidates.spin_overuse`) on dev documents
and the clean calibration corpus, for choosing its settings (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_overuse_rows.py --out /tmp/rows.csv [--spinner seed ...] [--clean]

One row per (document, written word, original) mapping with its count ratio
(``llr``), the LM gain of the original at each occurrence (mean, min, left-side mean,
share of occurrences where both sides favour it) and a label: ``right`` (most of the
written word's occurrences are gold substitutions of that original), ``wrong`` (gold
substitutions of another original) or ``clean`` (not substitutions: a clean document's or
unspun occurrences).  ``--unprofiled`` is implied: the reading reads no profile.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import spun_docs  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_overuse import mappings  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.resources.lm import get_lm  # noqa: E402
from repair.score.spin_context import WordContext, context  # noqa: E402


def gains(doc: Document, ctx: WordContext, w: str, o: str) -> list[tuple[float, float]]:
    """(left gain, right gain) of ``o`` for ``w`` at each occurrence of ``w``."""
    lm = get_lm()
    out = []
    for t in doc.words:
        if t.text.lower() != w:
            continue
        left, right, _ = context(doc, ctx, t.start, t.end)
        lg = lm.logprob(o, left) - lm.logprob(w, left)
        tot = lm.sequence_logprob([o, *right], left) - lm.sequence_logprob([w, *right], left)
        out.append((lg, tot - lg))
    return out


def rows_of(name: str, doc_id: str, text: str, gold: dict) -> list[dict]:
    doc = Document(text)
    ctx = WordContext.of(doc)
    at = {a: (text[a:b].lower(), o.lower()) for (a, b), o in gold.items()}
    out = []
    for m in mappings([t.text.lower() for t in doc.words], 2, 0.0):
        g = gains(doc, ctx, m.written, m.original)
        occ = [t.start for t in doc.words if t.text.lower() == m.written]
        gold_o = [at[a][1] for a in occ if a in at and at[a][0] == m.written]
        right = sum(1 for x in gold_o if x == m.original)
        label = (
            "right" if right * 2 > len(occ) else "wrong" if len(gold_o) * 2 > len(occ) else "clean"
        )
        out.append({
            "set": name, "doc": doc_id, "words": len(doc.words), "w": m.written, "o": m.original,
            "kw": m.written_count, "ko": m.original_count, "llr": round(m.llr, 3),
            "mean": round(sum(a + b for a, b in g) / len(g), 3),
            "min": round(min(a + b for a, b in g), 3),
            "left": round(sum(a for a, _ in g) / len(g), 3),
            "both": round(sum(1 for a, b in g if a > 0 and b >= 0) / len(g), 3),
            "pos": round(sum(1 for a, b in g if a + b > 0) / len(g), 3),
            "right_occ": right, "gold_occ": len(gold_o), "label": label,
        })  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", default=[])
    ap.add_argument("--clean", action="store_true", help="the clean calibration corpus")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    rows: list[dict] = []
    for name in args.spinner:
        docs, spun = spun_docs(name, "dev", args.cap, 0.25)
        for d, s in zip(docs, spun, strict=True):
            rows += rows_of(name, d.doc_id, s.spun, gold_spans(s))
        print(f"# {name}: {len(rows)} rows", file=sys.stderr, flush=True)
    if args.clean:
        from spin_calibrate import clean_suite_docs
        from spin_sim.abstracts import abstract_docs
        from spin_sim.corpus import documents

        for d in [*documents(), *abstract_docs(), *clean_suite_docs()]:
            rows += rows_of(f"clean:{d.register}", d.doc_id, d.text, {})
        print(f"# clean: {len(rows)} rows", file=sys.stderr, flush=True)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
