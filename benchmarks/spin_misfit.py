"""A source-free spin cue on dev: how often content words fit their context worse than
their frequency predicts (trigram LM, both sides), spun against clean (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_misfit.py [--spinner distrib --spinner spinbot] [--cap 40]
    python benchmarks/spin_misfit.py --fit                 # MISFIT_TAIL: clean dev documents
    python benchmarks/spin_misfit.py --weight 0.5 -- --all --split dev   # spin_eval, cue on

For each content word (the simulators' :func:`spin_sim.text.spinnable`) its *context fit* is

    fit(w) = [ln P(w | h2 h1) - ln P(w)] + [ln P(r1 | h1 w) - ln P(r1 | h1)]

(the pocketsphinx trigram of :mod:`repair.resources.lm`; ``h2 h1`` the words before,
``r1`` the word after, in one sentence): how much more the left context expects ``w``
than its frequency does, and how much ``w`` helps predict the next word.  A synonym
source plays no part, so the cue carries to a spinner with a thesaurus of its own if it
carries at all.  A document's cue is the share of its content words with fit below
``T`` (several ``T`` printed) and the mean fit; the script prints the ROC AUC of each,
spun (the spinner's dev documents) against clean (the same documents unspun), per
spinner (the cue's code is :mod:`repair.detect.spin_misfit`).  ``--fit`` prints the cue's
clean tail (:data:`repair.detect.spin_document.MISFIT_TAIL`) from the clean *dev* documents
of ``benchmarks/spin_calibrate.py`` (registers and abstracts); ``--weight W -- ARGS`` runs
``benchmarks/spin_eval.py ARGS`` with :data:`repair.detect.spin_document.MISFIT_WEIGHT` = W.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import spun_docs  # noqa: E402
from spin_sim.roc import auc  # noqa: E402

from repair.detect import spin_document  # noqa: E402
from repair.detect.spin_misfit import fits  # noqa: E402

THRESHOLDS = (-4.0, -2.0, -1.0, 0.0)


def cues(text: str) -> dict[str, float]:
    f = fits(text)
    n = max(len(f), 1)
    out = {f"share<{t:g}": sum(1 for x in f if x < t) / n for t in THRESHOLDS}
    out["-mean"] = -sum(f) / n
    return out


def fit() -> None:
    """Print the misfit share's tail knots over the clean dev documents."""
    from spin_score_features import tail_knots
    from spin_sim.abstracts import abstract_docs
    from spin_sim.corpus import documents

    from repair.detect.spin_misfit import misfit_share

    dev = [misfit_share(d.text) for d in [*documents(), *abstract_docs()] if d.split == "dev"]
    print(f"MISFIT_TAIL = {tail_knots(dev)}  # {len(dev)} clean dev documents")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rest: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, rest = argv[:k], argv[k + 1 :]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--fit", action="store_true", help="print MISFIT_TAIL (clean dev documents)")
    ap.add_argument("--weight", type=float, help="run spin_eval (args after --) with this weight")
    args = ap.parse_args(argv)
    if args.fit:
        fit()
        return 0
    if args.weight is not None:
        import spin_eval

        spin_document.MISFIT_WEIGHT = args.weight
        print(f"# MISFIT_WEIGHT {args.weight}", flush=True)
        return spin_eval.main(rest)
    names = args.spinner or ["distrib", "spinbot", "wordnet", "rare", "phrase", "seed"]
    clean_cache: dict[str, dict[str, float]] = {}
    for name in names:
        docs, spun = spun_docs(name, "dev", args.cap, 0.25)
        clean = []
        dirty = []
        for d, s in zip(docs, spun, strict=True):
            if d.doc_id not in clean_cache:
                clean_cache[d.doc_id] = cues(d.text)
            clean.append(clean_cache[d.doc_id])
            if s.edits:
                dirty.append(cues(s.spun))
        keys = list(clean[0])
        cells = [f"{k} {auc([x[k] for x in dirty], [x[k] for x in clean]):.3f}" for k in keys]
        print(f"{name:10s} " + "  ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
