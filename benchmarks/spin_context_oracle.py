"""What dense spin loses to its damaged context: gold rows read with spun vs gold neighbours.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_context_oracle.py --spinner spinbot --spinner wordnet [--cap 40]
        [--rate 0.25] [--no-profile]

A dense spinner swaps a spun word's neighbours too, so the LM evidence of each suspect
(:func:`repair.score.spin_evidence.evidence`, two words either side) is read against spun
words.  For the dev documents ``benchmarks/spin_eval.py --split dev`` reports on, this runs
the spin stage's first reading (``STAGE.detect``) on the spun text, and for every gold
substitution the first reading holds a row for (one written word), reads that row twice:

* ``spun``: as the stage does, its neighbours as written;
* ``gold``: with every *other* gold substitution of the document restored (the oracle
  context: what an iterative or joint reading could at best give back).

Counted per spinner: rows, rows whose context differs (``ctx``), rows whose best original
is the gold one (``top``) and those that also reach the document's word bar (``bar``:
:func:`repair.stages.spin.word_bar`, only in documents whose gate is open), in both
readings.  The gap between the two ``bar`` columns bounds what restoring context can add
to the word decisions.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.document import Document  # noqa: E402
from repair.score.spin_model import probabilities, word_features  # noqa: E402
from repair.stages import spin as stage  # noqa: E402


def oracle_counts(spun_text: str, gold: dict[tuple[int, int], str], config) -> Counter[str]:
    """The counts of one spun document (``gold``: spun-text span -> original)."""
    doc = Document(spun_text, config=config)
    det = stage.STAGE.detect(doc)
    out: Counter[str] = Counter()
    rows = list(getattr(det, "words", ()))
    idx = [i for i, w in enumerate(rows) if (w.start, w.end) in gold]
    if not idx:
        return out
    bar = stage.word_bar(det.details)
    prof = stage._word_profile_of(det.details)
    p0 = probabilities(word_features(doc, rows, prof, only=idx))
    rest = {a: (b, o) for (a, b), o in gold.items()}
    words, read = stage._read_in(doc, det, rows, idx, rest)
    p1 = dict(zip(read, probabilities(word_features(doc, words, prof, only=read)), strict=True))
    for k, i in enumerate(idx):
        g = gold[(rows[i].start, rows[i].end)].lower()
        out["rows"] += 1
        out["ctx"] += i in p1
        out["top_spun"] += rows[i].original == g
        out["top_gold"] += words[i].original == g
        out["bar_spun"] += rows[i].original == g and p0[k] >= bar
        out["bar_gold"] += words[i].original == g and p1.get(i, p0[k]) >= bar
        out["open_rows"] += bar <= 1.0
    return out


COLUMNS = ("rows", "ctx", "open_rows", "top_spun", "top_gold", "bar_spun", "bar_gold")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot, wordnet)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--rate", type=float, default=0.25)
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args(argv)
    config = make_config("spin", args.no_profile)
    print("| spinner | rate | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for name in args.spinner or ["spinbot", "wordnet"]:
        total: Counter[str] = Counter()
        for s in spun_docs(name, "dev", args.cap, args.rate)[1]:
            if s.edits:
                total += oracle_counts(s.spun, gold_spans(s), config)
        cells = " | ".join(str(total[c]) for c in COLUMNS)
        print(f"| {name} | {args.rate} | {cells} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
