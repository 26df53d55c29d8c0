"""What the corpus learner's neighbour pairs are worth, before any repair (dev tuning).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_neighbour_learn.py --spinner distrib --sizes 10,100,1000

For each size N: :func:`repair.learn.neighbour_pairs` on N spun learning documents of the
dev half (:func:`spin_learning.split_docs` with ``--split dev``: every 30th dev document
held out, all word families spun, as ``spin_learning.py`` learns), and on the same N
documents clean.  Printed: the pairs learned, the share that are the spinner's true pairs
of the learning documents (pair precision), the held-out substitutions whose written form
a pair covers with the right original, and the pairs learned from clean text (every one
wrong).  ``--set module.NAME=literal`` sets a constant (``repair.learn.NB_*``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_halves import set_constant  # noqa: E402
from spin_learning import _gold_pairs, split_docs  # noqa: E402
from spin_sim import DENSE, OTHER_SOURCE, RATE, SPINNERS, spin_doc  # noqa: E402

from repair.learn import neighbour_pairs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--spinner", choices=[*SPINNERS, *DENSE, *OTHER_SOURCE], action="append", required=True
    )
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--cap", type=int, default=200, help="held-out documents")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    for spec in args.set:
        set_constant(spec)
    sizes = [int(x) for x in args.sizes.split(",")]
    print("| spinner | N | pairs | true | pair precision | held-out subs | covered right "
          "| clean pairs | s |\n|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    for spinner in args.spinner:
        learn_all, hold = split_docs("dev", max(sizes), args.cap, max(sizes))
        held: Counter[tuple[str, str]] = Counter()
        for d in hold:
            held.update(_gold_pairs(spin_doc(d.doc_id, d.register, d.text, spinner, None, RATE)))
        for n in sizes:
            t0 = time.perf_counter()
            docs = learn_all[:n]
            spun = [spin_doc(d.doc_id, d.register, d.text, spinner, None, RATE) for d in docs]
            truth: Counter[tuple[str, str]] = Counter()
            for s in spun:
                truth.update(_gold_pairs(s))
            pairs = neighbour_pairs([s.spun for s in spun])
            clean = neighbour_pairs([d.text for d in docs])
            right = [p for p in pairs if truth[(p.spun, p.original)]]
            learned = {p.spun: p.original for p in pairs}
            total = sum(held.values()) or 1
            cov = sum(c for (s, o), c in held.items() if learned.get(s) == o)
            prec = f"{len(right) / len(pairs):.3f}" if pairs else "–"
            print(f"| {spinner} | {n} | {len(pairs)} | {len(right)} | {prec} | {total} "
                  f"| {cov / total:.4f} | {len(clean)} | {time.perf_counter() - t0:.0f} |",
                  flush=True)  # fmt: skip
            for p in pairs[: args.examples]:
                mark = "+" if truth[(p.spun, p.original)] else "-"
                print(f"    {mark} {p.spun} -> {p.original} ({p.count}, {p.mean_gain:.2f})")
            for p in clean[: args.examples]:
                print(f"    clean {p.spun} -> {p.original} ({p.count}, {p.mean_gain:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
