"""Spin density: substitutions per word of seed 000 (against its gold) and of the simulated
seed-family documents (``seed`` and ``seeddense``), by split.

    python benchmarks/spin_density.py [--cap 40]

It also says how many of the seed table's families per half have a (spun, original)
pair in the shipped profile (``lexicons/spin_en_pairs.tsv``), and how the ``seeddense``
substitutions fall into the scored halves (``dev``, ``test``, ``profile``:
:func:`spin_sim.seeddense.half_of`).

Seed 000's figure is the number of gold edit blocks (:func:`repair.bench.metrics.doc_metrics`,
the scorer of every spin figure) over the gold's whitespace words; a simulated document's
is its gold substitutions over its clean words.  Both halves of the simulator are read
(this prints densities only, no restoration).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_sim import RATE, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from spin_sim.seeddense import half_of, profile_pairs  # noqa: E402
from spin_sim.seedfamily import sim  # noqa: E402

from repair.bench.metrics import doc_metrics  # noqa: E402

SEED = ROOT / "seeds" / "000_82c06b63a97e6cbd.txt"
GOLD = ROOT / "seeds" / "gold" / "000_82c06b63a97e6cbd.txt"
_ALT = re.compile(r"\{([^|}]*)\|[^}]*\}")


def seed_density() -> tuple[int, int]:
    """(gold edit blocks, gold words) of seed 000."""
    spun, gold = SEED.read_text(encoding="utf-8"), GOLD.read_text(encoding="utf-8")
    blocks = doc_metrics(spun, gold, spun).gold_edits
    return blocks, len(_ALT.sub(r"\1", gold).split())


def sim_density(spinner: str, split: str, cap: int) -> tuple[int, int, int, Counter[str]]:
    """(substitutions, words, documents, substitutions by scored half) of ``spinner``."""
    subs = words = 0
    halves: Counter[str] = Counter()
    docs = select(split, cap)
    for d in docs:
        s = spin_doc(d.doc_id, d.register, d.text, spinner, split, RATE)
        subs += len(s.edits)
        words += len(d.text.split())
        halves.update(half_of(e) for e in s.edits)
    return subs, words, len(docs), halves


def table_in_lexicon() -> dict[str, tuple[int, int]]:
    """Per half of the seed table: (families with a pair in the shipped profile, families)."""
    pairs = profile_pairs()
    out: dict[str, list[int]] = {}
    for key, fam, _flags in sim().families():
        hit = any((a.lower(), o.lower()) in pairs for o, alts in fam for a in alts if a != o)
        cell = out.setdefault(sim().split_of(key), [0, 0])
        cell[0] += hit
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=int, default=40)
    args = ap.parse_args(argv)
    for half, (hit, n) in sorted(table_in_lexicon().items()):
        print(f"seed table, {half} half: {hit} of {n} families have a pair in the shipped profile")
    b, w = seed_density()
    print(f"seed 000: {b} substitutions / {w} words = {b / w:.3f} per word")
    for spinner in ("seed", "seeddense"):
        for split in ("dev", "test"):
            s, w, n, halves = sim_density(spinner, split, args.cap)
            print(
                f"{spinner} {split}: {s} / {w} words ({n} documents) = {s / max(w, 1):.3f} per word"
                + (f"; by scored half {dict(sorted(halves.items()))}" if spinner != "seed" else "")
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
