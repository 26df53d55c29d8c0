"""The simulated paper mill (``benchmarks/spin_sim/mill.py``) against real mills' pairs.

Usage (from the checkout root; ``bench`` extra)::

    python benchmarks/mill_check.py            # distributions: PPS dev/test pairs, the mill's
    python benchmarks/mill_check.py --fit      # refit the channel on the PPS dev families

The channel's weights (:data:`spin_sim.mill.WEIGHTS`) are fitted on the aligned one-word
differences of the Problematic Paper Screener pairs of the **dev** families only
(:func:`spin_sim.mill.pps_word_pairs`, :func:`spin_sim.mill.fit`).  Without ``--fit`` the
tool prints, for the PPS pairs of each family half and for the mill's own gold
substitutions on the benchmark abstracts (each split with its own word families, as
``spin_eval.py --spinner mill`` spins them), and beside them the ``tortured`` row's
spinners: how many pairs the mill's candidates cover, the Zipf gap written less original
(quartiles, share below 0), the share among the first 10 of the original's Moby entry,
the share not in Moby, the share sharing the original's first WordNet sense.  The
ranking check of the channel on real pairs is ``benchmarks/tortured_channel_check.py``
(channel ``mill``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import mill  # noqa: E402
from spin_sim.abstracts import abstract_docs, spin_abstract  # noqa: E402


def abstract_pairs(split: str, spinner: str) -> list[tuple[str, str]]:
    """(written, original) lemmas' surface forms of every one-word gold substitution of
    ``split``'s abstracts spun by ``spinner`` (``mill`` or ``tortured``), one per occurrence."""
    out = []
    for d in abstract_docs():
        if d.split != split:
            continue
        s = mill.spin_abstract(d, split) if spinner == "mill" else spin_abstract(d, split)
        for g in s.edits:
            w, o = g.replacement.lower(), g.original.lower()
            if w.isalpha() and o.isalpha():
                out.append((w, o))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="refit the weights on the PPS dev families")
    args = ap.parse_args(argv)
    if args.fit:
        print(mill.fit(mill.pps_word_pairs("dev")))
        return 0
    sets = {
        "PPS dev families": mill.pps_word_pairs("dev"),
        "PPS test families": mill.pps_word_pairs("test"),
        "mill, dev abstracts": abstract_pairs("dev", "mill"),
        "mill, test abstracts": abstract_pairs("test", "mill"),
        "tortured (wordnet/rare), dev abstracts": abstract_pairs("dev", "tortured"),
        "tortured (wordnet/rare), test abstracts": abstract_pairs("test", "tortured"),
    }
    rows = {k: mill.describe(v) for k, v in sets.items()}
    cols = list(next(iter(rows.values())))
    print("| pairs of | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for k, r in rows.items():
        print(f"| {k} | " + " | ".join(str(r[c]) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
