"""Where the spinner-agnostic synonym evidence loses each gold substitution (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_oracle.py --spinner wordnet --spinner rare [--no-profile] [--show 12]

For the dev documents that ``benchmarks/spin_eval.py --split dev`` reports on (``--cap``,
default 40), each gold substitution of a simulated spinner falls in the first of these
classes: ``phrase_cand`` (a written two-word span whose original is among its one-word
candidates, :mod:`repair.candidates.spin_phrase`), ``multiword`` (any other spun or
original phrase), ``stop/short`` (a stopword, short or not
alphabetic), ``common`` (Zipf >= the stage's ``MAX_WRITTEN_ZIPF``: not in the first
reading; read again by :mod:`repair.score.spin_common` where the document is spun),
``no_cands`` (no candidate original), ``gold_not_in`` (the original is not a candidate),
``not_examined`` (under a profile span, a name, or after the stage's early stop),
``gold_not_best`` (a candidate, not the proposed one), ``best_lowp`` (proposed, model
probability under the word threshold), ``best_applied`` (proposed and over it; the
document gate is not applied here).  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_sim import RATE, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from train_spin_model import extract, gold_spans  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS, phrase_originals  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402
from repair.score.spin_model import get_model, probabilities  # noqa: E402
from repair.stages.spin import MAX_WRITTEN_ZIPF  # noqa: E402


def classify(spinner: str, cap: int, profile: bool) -> tuple[Counter[str], dict[str, list]]:
    """The class counts of ``spinner``'s gold substitutions, and examples per class."""
    thr = get_model().word_threshold
    cat: Counter[str] = Counter()
    ex: dict[str, list] = defaultdict(list)
    for d in select("dev", cap):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, "dev", RATE)
        if not s.edits:
            continue
        words, feats = extract(s.spun, profile)
        rows = {(w.start, w.end): (w, p) for w, p in zip(words, probabilities(feats), strict=True)}
        for (a, b), orig in gold_spans(s).items():
            written = s.spun[a:b]
            low, gold = written.lower(), orig.lower()
            parts = low.split(" ")
            if len(parts) == 2 and " " not in gold and gold in phrase_originals(*parts):
                key = "phrase_cand"  # a SPIN_SYNONYM_PHRASE candidate (gate not applied)
            elif " " in written or " " in orig:
                key = "multiword"
            elif len(written) < 3 or low in STOPWORDS or not written.isalpha():
                key = "stop/short"
            elif zipf(low) >= MAX_WRITTEN_ZIPF:
                key = "common"
            elif not candidates_for(low):
                key = "no_cands"
            elif gold not in candidates_for(low):
                key = "gold_not_in"
            elif (a, b) not in rows:
                key = "not_examined"
            elif rows[(a, b)][0].original != gold:
                key = "gold_not_best"
            else:
                key = "best_applied" if rows[(a, b)][1] >= thr else "best_lowp"
            cat[key] += 1
            ex[key].append((written, orig))
    return cat, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: four spinners)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["wordnet", "rare", "double", "seed"]:
        cat, ex = classify(spinner, args.cap, not args.no_profile)
        n = max(sum(cat.values()), 1)
        print(f"{spinner}: {n} substitutions; "
              + ", ".join(f"{k} {v / n:.3f}" for k, v in cat.most_common()))  # fmt: skip
        for k in cat if args.show else ():
            print(f"  {k}: {ex[k][: args.show]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
