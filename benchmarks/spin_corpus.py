"""A spinner's documents repaired as a corpus: pairs learned from the other documents.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_corpus.py --spinner spinbot [--split dev] [--cap 40]
        [--learner edits|learn|both] [--mode crossfit|batch] [--set module.NAME=literal]

The documents are ``benchmarks/spin_eval.py``'s for the spinner and split (the same spun
texts, the same family half), so a spinner's fixed dictionary is shared between them as
between the articles of one spun site.  A first pass repairs every document alone (the
``spin_eval.py`` figures).  Then pairs are learned with no gold:

* ``edits``: :func:`repair.learn_edits.edit_pairs` over the first pass's edits (the
  repair's own restorations, agreed across documents);
* ``learn``: :func:`repair.learn.learn_pairs` (``repair learn``) over the spun texts;
* ``both``: ``repair learn`` with ``repair.learn_edits.EDIT_PAIRS`` on (its own first
  pass's pairs, then its other learners' for the forms they did not cover).

``--mode crossfit`` (default) learns on the even documents and repairs the odd ones with
the pairs (``RepairConfig(lexicons=...)``), and the other way round (``spin_eval.py
--half``'s halves), so no document is repaired with pairs its own text taught; ``batch``
learns on every document and repairs them all (``repair batch --learn``).  Figures are
``spin_eval.py``'s (error reduction, precision; edits / right / broken).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import Runner, make_config, spun_docs  # noqa: E402
from spin_halves import set_constant  # noqa: E402
from spin_sim import DENSE, OTHER_SOURCE, RATE, SPINNERS  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

from repair import learn_edits  # noqa: E402
from repair.bench.metrics import Counts  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.learn import learn_pairs, pair_rates, write_pairs  # noqa: E402
from repair.learn_edits import edit_pairs  # noqa: E402


def figures(c: Counts) -> str:
    """Error reduction, precision and edits / right / broken of summed counts."""
    red = (c.err_before - c.err_after) / max(c.err_before, 1)
    prec = c.tp / max(c.hyp_edits, 1)
    return f"{red:.4f} (P {prec:.4f}; {c.hyp_edits} / {c.tp} / {c.broken})"


def learned(
    learner: str, texts: list[str], edits: list, config: RepairConfig, path: Path
) -> tuple[Path, int]:
    """Write the ``learner``'s pairs from ``texts`` (and their first-pass ``edits``) to
    ``path``; (path, pairs)."""
    if learner == "edits":
        pairs = edit_pairs(texts, edits)
        pair_rates(texts, pairs)  # the corpus's rates, as repair learn stores them
    else:  # "both": repair learn with the first pass's pairs (its own first pass)
        shipped, learn_edits.EDIT_PAIRS = learn_edits.EDIT_PAIRS, learner == "both"
        try:
            pairs = learn_pairs(texts, config=config)
        finally:
            learn_edits.EDIT_PAIRS = shipped
    write_pairs(pairs, path)
    return path, len(pairs)


def clean_corpus(split: str, n: int, base: RepairConfig, path: Path) -> int:
    """Clean documents repaired as one corpus: the first pass's edits teach pairs
    (:func:`repair.learn_edits.edit_pairs`), then every document is repaired again with
    them; changed tokens per 1,000 and documents changed, both passes."""
    docs = select(split, n)
    first = Runner(base)
    edits = [first.repair(d.text)[2] for d in docs]
    texts = [d.text for d in docs]
    pairs = edit_pairs(texts, edits)
    pair_rates(texts, pairs)
    write_pairs(pairs, path)
    second = Runner(dataclasses.replace(base, lexicons=(path,)))
    for name, runner in (("first pass", first), ("with the pairs", second)):
        total, changed = Counts(), 0
        for d in docs:
            c = runner.clean(d)[1]
            total, changed = total + c, changed + (c.err_after > 0)
        per_1k = 1000 * total.err_after / max(total.tokens_gold, 1)
        print(f"| clean {split} ({len(docs)} documents, {total.tokens_gold} tokens) | {name} | "
              f"{per_1k:.3f} /1k | {changed} documents changed | {len(pairs)} pairs |",
              flush=True)  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [*SPINNERS, *DENSE, *OTHER_SOURCE]
    ap.add_argument("--spinner", action="append", choices=names, help="repeatable (spinbot)")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--learner", choices=("edits", "learn", "both"), action="append")
    ap.add_argument("--mode", choices=("crossfit", "batch"), default="crossfit")
    ap.add_argument("--stages", default="spin,tortured,collocation")
    ap.add_argument("--set", action="append", default=[], help="module.NAME=literal")
    ap.add_argument("--clean", type=int, default=0, metavar="N",
                    help="instead: N clean documents of the split as one corpus")  # fmt: skip
    args = ap.parse_args(argv)
    for spec in args.set:
        set_constant(spec)
    base = make_config(args.stages, False)
    work = Path(tempfile.mkdtemp(prefix="spin_corpus_"))
    if args.clean:
        return clean_corpus(args.split, args.clean, base, work / "clean.tsv")
    for spinner in args.spinner or ["spinbot"]:
        docs, spun = spun_docs(spinner, args.split, args.cap, RATE)
        runner = Runner(base)
        first = [runner.repair(s.spun)[2] if s.edits else () for s in spun]
        halves = [[i for i in range(len(spun)) if i % 2 == h] for h in (0, 1)]
        row = runner.evaluate(spinner, args.split, docs, spun)
        per_1k = 1000 * row.clean.err_after / max(row.clean.tokens_gold, 1)
        print(f"| {spinner} | {args.split} | first pass (each document alone) | "
              f"{figures(row.counts)} | - | clean {per_1k:.3f} /1k |", flush=True)  # fmt: skip
        for learner in args.learner or ["edits"]:
            total, clean, n_pairs, parts = Counts(), Counts(), [], []
            plan = (
                [(halves[1 - h], halves[h]) for h in (0, 1)]
                if args.mode == "crossfit"
                else [(list(range(len(spun))), list(range(len(spun))))]
            )
            for k, (teach, test) in enumerate(plan):
                path, n = learned(
                    learner, [spun[i].spun for i in teach], [first[i] for i in teach], base,
                    work / f"{spinner}_{learner}_{k}.tsv",
                )  # fmt: skip
                n_pairs.append(n)
                r = Runner(dataclasses.replace(base, lexicons=(path,))).evaluate(
                    spinner, args.split, [docs[i] for i in test], [spun[i] for i in test]
                )
                total, clean = total + r.counts, clean + r.clean
                parts.append(figures(r.counts).split(" (")[0])
            per_1k = 1000 * clean.err_after / max(clean.tokens_gold, 1)
            pairs = "+".join(map(str, n_pairs))
            halves_txt = f" (a {parts[0]}, b {parts[1]})" if len(parts) == 2 else ""
            print(f"| {spinner} | {args.split} | {learner}, {args.mode}{halves_txt} | "
                  f"{figures(total)} | {pairs} | clean {per_1k:.3f} /1k |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
