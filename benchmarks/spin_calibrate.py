"""Calibrate the document spin score on >= 1 M words of clean English of many registers.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_calibrate.py                    # everything, writes the files below
    python benchmarks/spin_calibrate.py --max-docs 300     # a quick look (not for the record)
    python benchmarks/spin_calibrate.py --no-profile       # without the seed-derived profile

Negatives: every clean document of ``benchmarks/spin_sim/corpus.py`` (ABC rural and
science news, WSJ, State of the Union, inaugural addresses, web text, the Lee corpus,
seeds 001-004; long texts cut into 300-1,000-word documents; ~1.59 M words), the
scientific abstracts and the repository's clean suite (``benchmarks/suites/clean``, with
its hand-written hard cases: formal notices, academic prose, spinner-like words).  The
Brown corpus is not used: it is not available offline here (no NLTK data on the machine,
and nothing may be downloaded).
Positives: the same documents the spin runner uses (``--cap`` per split, default 40)
spun by each simulated spinner with the families of their split, and the abstracts.
Short pieces (``register`` "short", :func:`short_pieces`: one piece of 60-150 words of
whole paragraphs per register document, split as that document; ``--no-short`` leaves
them out): their own row, kept out of "all" and the ROC negatives (session 19: the score
flags short clean text about three times as often as documents).

Prints, per register: documents, words, spin score median / 90th / 99th percentile /
max, false-positive rate at the 0.5 threshold, edits and changed tokens per 1,000
tokens; then AUC per spinner and split.  Writes:

* ``benchmarks/spin_roc.csv``: ``set,split,threshold,fpr,tpr`` (thresholds 0.00-1.00);
* ``benchmarks/spin_roc.svg``: the ROC curves (all spinners, test split);
* ``benchmarks/spin_calibration.md``: the tables printed;
* ``benchmarks/.generated/spin_calibration_docs.csv``: one row per clean document.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE, SPINNERS  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import REGISTERS, Doc, documents  # noqa: E402
from spin_sim.roc import auc, roc_points, roc_svg  # noqa: E402
from spin_sim.text import stable_hash  # noqa: E402

from repair.bench.metrics import doc_metrics  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

THRESHOLD = 0.5
#: The repository's clean suite (news, Wikipedia, classics and hand-written hard cases such
#: as formal notices, academic prose and honest spinner-like words), kept as its own rows.
CLEAN_SUITE = ROOT / "benchmarks" / "suites" / "clean"


def clean_suite_docs() -> list[Doc]:
    return [
        Doc(f"clean_suite/{p.name[: -len('.clean.txt')]}", "clean_suite", p.read_text("utf-8"))
        for p in sorted(CLEAN_SUITE.glob("*.clean.txt"))
    ]


#: Short clean pieces (:func:`short_pieces`): whole paragraphs of a clean document joined
#: up to this many words (paper-mill abstracts are 60-250 words).
SHORT_MIN, SHORT_MAX = 60, 150
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def _paragraphs(text: str) -> list[str]:
    """``text``'s paragraphs (blank-line separated; one per line when it has no blank
    line), a paragraph over :data:`SHORT_MAX` words cut at sentence ends."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) == 1:
        paras = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out: list[str] = []
    for p in paras:
        if len(p.split()) <= SHORT_MAX:
            out.append(p)
            continue
        cur: list[str] = []
        for sent in _SENTENCE_END.split(p):
            if cur and len(" ".join([*cur, sent]).split()) > SHORT_MAX:
                out.append(" ".join(cur))
                cur = []
            cur.append(sent)
        if cur:
            out.append(" ".join(cur))
    return out


def short_pieces(docs: list[Doc], per_doc: int = 1) -> list[tuple[Doc, str]]:
    """Short clean pieces (:data:`SHORT_MIN`-:data:`SHORT_MAX` words) of ``docs``: whole
    paragraphs (or sentences of a longer one) of one document, in order, each piece with
    the document it came from (its split is that document's: no piece of a test
    document is read on dev); at most ``per_doc`` of each document, picked by a hash of
    its id (the pieces of one text are alike)."""
    picked: list[tuple[Doc, str]] = []
    for d in docs:
        mine = _pieces(d)
        start = stable_hash(d.doc_id) % max(len(mine), 1)
        picked += [(d, t) for t in (mine[start:] + mine[:start])[:per_doc]]
    return picked


def _pieces(d: Doc) -> list[str]:
    """Every short piece of ``d``: paragraphs joined in order up to :data:`SHORT_MAX` words."""
    out: list[str] = []
    cur: list[str] = []
    for p in _paragraphs(d.text):
        n = len(" ".join(cur).split())
        if cur and n >= SHORT_MIN and n + len(p.split()) > SHORT_MAX:
            out.append("\n\n".join(cur) + "\n")
            cur = []
        cur.append(p)
    if cur:
        out.append("\n\n".join(cur) + "\n")
    return [t for t in out if SHORT_MIN <= len(t.split()) <= SHORT_MAX]


OUT = ROOT / "benchmarks"


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-docs", type=int, help="clean documents per register (quick look)")
    ap.add_argument("--cap", type=int, default=40, help="spun documents per spinner/split")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--no-short", action="store_true", help="without the short clean pieces")
    ap.add_argument("--stages", default="spin,tortured,collocation")
    ap.add_argument("--out", default=str(OUT), help="folder for the csv/svg/md files")
    args = ap.parse_args(argv)
    config = make_config(args.stages, args.no_profile)
    out_dir = Path(args.out)
    t0 = time.perf_counter()

    # ---- clean documents
    docs = list(documents()) + abstract_docs() + clean_suite_docs()
    if args.max_docs:
        kept: dict[str, int] = {}
        docs = [
            d for d in docs if kept.setdefault(d.register, 0) < args.max_docs
            and not kept.__setitem__(d.register, kept[d.register] + 1)
        ]  # fmt: skip
    # short pieces of the register documents: their own row, kept out of "all" and the ROC
    items = [(d.doc_id, d.register, d.split, d.text) for d in docs]
    if not args.no_short:
        regs = [d for d in docs if d.register in REGISTERS]
        items += [(f"{d.doc_id}~short", "short", d.split, t) for d, t in short_pieces(regs)]
    rows = []
    for doc_id, register, split, text in items:
        r = repair_text(text, (), config)
        changed = tokens = 0
        if r.text != text:
            c = doc_metrics(text, text, r.text)
            changed, tokens = c.err_after, c.tokens_gold
        else:
            tokens = len(text.split())
        rows.append({
            "doc_id": doc_id, "register": register, "split": split, "words": len(text.split()),
            "tokens": tokens, "spin": round(r.scores.spin, 4),
            "spin_edits": sum(1 for e in r.edits if e.kind == "spin"),
            "edits": len(r.edits), "changed_tokens": changed,
        })  # fmt: skip
    gen = ROOT / "benchmarks" / ".generated"
    gen.mkdir(parents=True, exist_ok=True)
    with open(gen / "spin_calibration_docs.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)

    whole = [r for r in rows if r["register"] != "short"]
    lines = [
        f"Clean documents: {len(whole)}, {sum(r['words'] for r in whole):,} words "
        f"(and {len(rows) - len(whole)} short pieces); "
        f"threshold {THRESHOLD}; stages {args.stages}; profile "
        f"{'off' if args.no_profile else 'on'}.",
        "",
        "| register | docs | words | median | p90 | p99 | max | FPR@0.5 | spin edits/1k tok "
        "| changed tok/1k | docs changed |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for reg in [*REGISTERS, "abstract", "clean_suite", "all", "short"]:
        rr = [
            r for r in rows if reg == r["register"] or (reg == "all" and r["register"] != "short")
        ]
        if not rr:
            continue
        s = [r["spin"] for r in rr]
        tok = sum(r["tokens"] for r in rr)
        lines.append(
            f"| {reg} | {len(rr)} | {sum(r['words'] for r in rr):,} | {_pct(s, 0.5):.3f} "
            f"| {_pct(s, 0.9):.3f} | {_pct(s, 0.99):.3f} | {max(s):.3f} "
            f"| {sum(x >= THRESHOLD for x in s) / len(s):.4f} "
            f"| {1000 * sum(r['spin_edits'] for r in rr) / max(tok, 1):.3f} "
            f"| {1000 * sum(r['changed_tokens'] for r in rr) / max(tok, 1):.3f} "
            f"| {sum(r['changed_tokens'] > 0 for r in rr)} |"
        )
    top = sorted((r for r in rows if r["register"] != "short"), key=lambda r: -r["spin"])[:8]
    lines += ["", "Highest-scoring clean documents: " + ", ".join(
        f"{r['doc_id']} {r['spin']:.2f}" for r in top)]  # fmt: skip

    # ---- spun documents: ROC per spinner and split
    neg = {
        sp: [
            r["spin"]
            for r in rows
            if r["split"] == sp and r["register"] not in ("abstract", "clean_suite", "short")
        ]
        for sp in ("dev", "test")
    }
    roc_rows: list[tuple[str, str, float, float, float]] = []
    curves: dict[str, list[tuple[float, float, float]]] = {}
    lines += ["", "| spinner | split | spun docs | median spun score | TPR@0.5 | FPR@0.5 | AUC |",
              "|---|---|---|---|---|---|---|"]  # fmt: skip
    for split in ("dev", "test"):
        pooled: list[float] = []
        for name in [*SPINNERS, "tortured"]:
            _docs, spun = spun_docs(name, split, args.cap, RATE)
            pos = [repair_text(s.spun, (), config).scores.spin for s in spun if s.edits]
            pooled += pos
            negs = neg[split] if name != "tortured" else [
                r["spin"] for r in rows if r["register"] == "abstract" and r["split"] == split
            ]  # fmt: skip
            pts = roc_points(pos, negs)
            roc_rows += [(name, split, *p) for p in pts]
            if split == "test":
                curves[name] = pts
            a = auc(pos, negs)
            lines.append(
                f"| {name} | {split} | {len(pos)} | {_pct(pos, 0.5):.3f} "
                f"| {sum(x >= THRESHOLD for x in pos) / max(len(pos), 1):.3f} "
                f"| {sum(x >= THRESHOLD for x in negs) / max(len(negs), 1):.4f} "
                f"| {'-' if a is None else f'{a:.3f}'} |"
            )
        pts = roc_points(pooled, neg[split])
        roc_rows += [("all", split, *p) for p in pts]
        a = auc(pooled, neg[split])
        lines.append(f"| all | {split} | {len(pooled)} | {_pct(pooled, 0.5):.3f} | "
                     f"{sum(x >= THRESHOLD for x in pooled) / max(len(pooled), 1):.3f} | "
                     f"{sum(x >= THRESHOLD for x in neg[split]) / max(len(neg[split]), 1):.4f} "
                     f"| {'-' if a is None else f'{a:.3f}'} |")  # fmt: skip
        if split == "test":
            curves["all"] = pts
    lines += ["", f"{time.perf_counter() - t0:.0f} s."]
    text = "\n".join(lines) + "\n"
    print(text)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not args.max_docs:
        with open(out_dir / "spin_roc.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["set", "split", "threshold", "fpr", "tpr"])
            w.writerows((n, s, f"{t:.2f}", f"{f:.5f}", f"{p:.5f}") for n, s, t, f, p in roc_rows)
        (out_dir / "spin_roc.svg").write_text(
            roc_svg(curves, "spin score ROC, test split: spun vs clean documents"),
            encoding="utf-8",
        )
        cmd = "python benchmarks/spin_calibrate.py" + (" --no-profile" if args.no_profile else "")
        (out_dir / "spin_calibration.md").write_text(
            f"# Spin score calibration\n\nMade by `{cmd}`.\n\n{text}", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
