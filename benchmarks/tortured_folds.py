"""A second dev-like split inside the tortured dev half: by document and by word family.

The tortured row's dev/test gap (dev 0.394, test 0.234 at session 25) says the rules fit the
dev half's abstracts and word families.  This tool cuts the dev half once more, the way the
dev/test split cuts the whole: the 25 dev abstracts into two document halves (``a``/``b``,
a hash of the id) and the dev word families into two family halves (a hash of the family
key), and spins each abstract with the spinner :mod:`spin_sim.abstracts` gives it, drawing
only from one family half.  Four cells: ``aa`` (documents a, families a), ``ab``, ``ba``,
``bb``; a change meant to generalize must pay in the cells it was not looked at in, as in
those it was (read ``aa`` while iterating, the other three to check).  The test half is
never read here.

Each spun abstract keeps the dev density where the family half has enough candidates (the
spinner samples ``rate`` of the content words among the allowed swaps, at most all of them).

Usage (from the checkout root; ``bench`` extra for the simulated spinners)::

    python benchmarks/tortured_folds.py [--cells aa,bb] [--rules] [--set MODULE.NAME=VALUE]

``--rules`` prints each tool edit's outcome on the gold spans (right, wrong original, or
false: on a span the spinner did not touch) by rule and spinner, summed over the cells.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import DEFAULT_CAP, Runner, make_config, print_table  # noqa: E402
from spin_halves import set_constant  # noqa: E402
from spin_sim import RATE, rare, wordnet  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import Doc  # noqa: E402
from spin_sim.text import (  # noqa: E402
    SpunDoc,
    apply_edits,
    family_split,
    sample_edits,
    spinnable,
    stable_hash,
)

CELLS = ("aa", "ab", "ba", "bb")


def doc_half(doc_id: str) -> str:
    """``a`` or ``b``: the inner document half of a dev abstract."""
    return "ab"[stable_hash("tortured-fold-doc", doc_id) % 2]


def family_half(family: str) -> str | None:
    """``a`` or ``b`` for a dev word family, None for a test family (never drawn)."""
    if family_split(family) != "dev":
        return None
    return "ab"[stable_hash("tortured-fold-family", family) % 2]


def spin_fold(doc: Doc, fam: str, rate: float = RATE) -> SpunDoc:
    """``doc`` spun by its paper-mill spinner with family half ``fam`` only (deterministic)."""
    module = wordnet if stable_hash("abstract-spinner", doc.doc_id) % 2 else rare
    rng = random.Random(f"tortured-fold:{fam}:{doc.doc_id}")
    allowed = module.candidates(doc.text, lambda family: family_half(family) == fam)
    edits = sample_edits(allowed, len(spinnable(doc.text)), rate, rng)
    spun = apply_edits(doc.text, edits)
    return SpunDoc(doc.doc_id, "abstract", doc.text, spun, tuple(edits), f"tortured/{module.NAME}")


def cell_docs(cell: str, cap: int = DEFAULT_CAP) -> tuple[list[Doc], list[SpunDoc]]:
    """The dev abstracts of document half ``cell[0]`` spun with family half ``cell[1]``."""
    dev = [d for d in abstract_docs() if d.split == "dev"][:cap]
    docs = [d for d in dev if doc_half(d.doc_id) == cell[0]]
    return docs, [spin_fold(d, cell[1]) for d in docs]


def rule_outcomes(s: SpunDoc, edits: tuple) -> Counter:
    """(spinner, rule, outcome) of each tool edit: ``right`` (the gold original), ``wrong``
    (another word on a gold span) or ``false`` (no gold span there)."""
    from train_spin_model import gold_spans

    gold = gold_spans(s)
    spinner = s.spinner.split("/")[-1]
    out: Counter = Counter()
    for e in edits:
        hit = next(((a, b) for (a, b) in gold if a < e.end and e.offset < b), None)
        if hit is None:
            outcome = "false"
        elif hit == (e.offset, e.end) and gold[hit].lower() == e.replacement.lower():
            outcome = "right"
        else:
            outcome = "wrong"
        out[(spinner, e.rule, outcome)] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cells", default=",".join(CELLS), help="comma list of aa, ab, ba, bb")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--rules", action="store_true", help="tool edits by rule and outcome")
    ap.add_argument("--set", action="append", default=[], help="MODULE.NAME=literal (dev only)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    for spec in args.set:
        set_constant(spec)
    runner = Runner(make_config("spin,tortured,collocation", args.no_profile))
    rows, rules = [], Counter()
    for cell in args.cells.split(","):
        docs, spun = cell_docs(cell)
        row = runner.evaluate("tortured", cell, docs, spun).to_json()
        rows.append(row)
        if args.rules:
            for s in spun:
                rules += rule_outcomes(s, runner.repair(s.spun)[2])
    print_table(rows)
    total = sum((r["counts"]["err_before"] for r in rows), 0)
    after = sum((r["counts"]["err_after"] for r in rows), 0)
    print(f"\nall cells: error reduction {(total - after) / max(total, 1):.3f} "
          f"({total} -> {after} token errors)")  # fmt: skip
    if args.rules:
        print("\n| spinner | rule | right | wrong | false |\n|---|---|---|---|---|")
        for sp, rule in sorted({(k[0], k[1]) for k in rules}):
            cells = " | ".join(str(rules[(sp, rule, o)]) for o in ("right", "wrong", "false"))
            print(f"| {sp} | {rule} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
