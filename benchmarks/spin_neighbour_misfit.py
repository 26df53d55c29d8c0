"""The neighbour-misfit cue of the document spin score (session 59, spindist).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_neighbour_misfit.py --fit     # NEIGHBOUR_MISFIT_TAIL (clean dev)
    python benchmarks/spin_neighbour_misfit.py --alone --spinner distrib --spinner phrase
    python benchmarks/spin_neighbour_misfit.py --weight 1.0 -- --all --split dev   # cue on
    python benchmarks/spin_neighbour_misfit.py --edits --spinner distrib   # as restorations

The cue (:func:`repair.detect.spin_neighbour_misfit.neighbour_misfit_share`) is the share of
content words that misfit their context where a distributional neighbour from the shipped
table fits better; :data:`repair.detect.spin_document.NEIGHBOUR_MISFIT_WEIGHT` weighs its
clean-tail surprise, capped at the last knot so that the cue alone never reaches the cut.
``--fit`` prints the knots from the clean *dev* documents of ``benchmarks/spin_calibrate.py``
(registers and abstracts); ``--alone`` prints the cue's AUC alone (and the plain misfit
share's) for each spinner's dev documents against the same documents clean and against
every clean dev document; ``--weight W -- ARGS`` runs ``benchmarks/spin_eval.py ARGS`` with
the weight set.  ``--edits`` measures the cue's candidates as *restorations* (dev, results
only): their reach over the spinner's single-word substitutions, and, for gates on the LM
gain, the written word's fit, a lead over the runner-up, the candidate's lemma printed
elsewhere in the document and the document's own share, the fires that would be right
(the gold original), wrong (another word at a gold place), false (an unspun word) and on
the same documents clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.detect import spin_document  # noqa: E402
from repair.detect.spin_neighbour_misfit import neighbour_misfit_share  # noqa: E402


def clean_dev() -> list:
    """The clean dev documents of the calibration (registers and abstracts)."""
    from spin_sim.abstracts import abstract_docs
    from spin_sim.corpus import documents

    return [d for d in (*documents(), *abstract_docs()) if d.split == "dev"]


def fit() -> None:
    """Print the cue's tail knots over the clean dev documents."""
    from spin_score_features import tail_knots

    dev = [neighbour_misfit_share(d.text) for d in clean_dev()]
    print(f"NEIGHBOUR_MISFIT_TAIL = {tail_knots(dev)}  # {len(dev)} clean dev documents")


def alone(spinners: list[str], cap: int) -> None:
    """The cue's AUC alone (and the plain misfit share's), dev."""
    from spin_eval import spun_docs
    from spin_sim import RATE
    from spin_sim.roc import auc

    from repair.detect.spin_misfit import misfit_share

    cues = {"neighbour": neighbour_misfit_share, "misfit": misfit_share}
    every = {k: [f(d.text) for d in clean_dev()] for k, f in cues.items()}
    print("| spinner | cue | AUC vs same docs clean | AUC vs all clean dev | spun median |")
    print("|---|---|---|---|---|")
    for name in spinners:
        docs, spun = spun_docs(name, "dev", cap, RATE)
        for k, f in cues.items():
            s = [f(x.spun) for x in spun if x.edits]
            c = [f(d.text) for d in docs]
            med = sorted(s)[len(s) // 2]
            print(f"| {name} | {k} | {auc(s, c):.3f} | {auc(s, every[k]):.3f} | {med:.3f} |")


def _lemmas(word: str) -> frozenset[str]:
    from repair.detect.spin_neighbour_misfit import _readings

    return frozenset({lem for _u, lem, _t in _readings(word)} | {word})


def _rows(text: str, gold: dict) -> list[dict]:
    """Per lower-case content word: its fit, gold original, candidates by LM gain."""
    from spin_neighbour_reach import context, is_content, tokens

    from repair.detect.spin_neighbour_misfit import candidates
    from repair.resources.lm import get_lm
    from repair.score.spin_context import lm_gain

    lm = get_lm()
    toks = tokens(text)
    lemmas: dict[str, int] = {}
    for w, _a, _b in toks:
        for lem in _lemmas(w) if w else ():
            lemmas[lem] = lemmas.get(lem, 0) + 1
    out = []
    for k, (w, a, b) in enumerate(toks):
        if not w or not is_content(text, a, b):
            continue
        g = gold.get((a, b))
        left, right = context(toks, k)
        fit = lm.logprob(w, left) - lm.logprob(w)
        if right:
            fit += lm.logprob(right[0], [*left[-1:], w]) - lm.logprob(right[0], left[-1:])
        gains = sorted(((lm_gain(left, [w], [o], right), o) for o in candidates(w)), reverse=True)
        printed = [o for _g, o in gains if any(lemmas.get(x, 0) for x in _lemmas(o))]
        reach = bool(g) and g.lower() in candidates(w)
        out.append({"gold": g.lower() if g else None, "fit": fit, "gains": gains[:2],
                    "printed": printed[:1], "reach": reach})  # fmt: skip
    return out


def edits(spinners: list[str], cap: int) -> None:
    """The candidates as restorations (module doc), dev."""
    import itertools

    from spin_eval import spun_docs
    from spin_sim import RATE
    from train_spin_model import gold_spans

    from repair.detect.spin_neighbour_misfit import MIN_GAIN, neighbour_misfit_share

    for name in spinners:
        docs, spun = spun_docs(name, "dev", cap, RATE)
        texts = []
        for d, s in zip(docs, spun, strict=True):
            gold = {sp: o for sp, o in gold_spans(s).items() if o.isalpha()}
            texts.append(("spun", neighbour_misfit_share(s.spun), _rows(s.spun, gold)))
            texts.append(("clean", neighbour_misfit_share(d.text), _rows(d.text, {})))
        subs = [r for kind, _x, rows in texts for r in rows if r["gold"]]
        top = sum(1 for r in subs if r["gains"] and r["gains"][0][1] == r["gold"])
        print(f"\n## {name} (dev): {len(subs)} single-word substitutions of lower-case words; "
              f"original among the candidates {sum(r['reach'] for r in subs)}, on top by LM "
              f"gain {top}")  # fmt: skip
        print("| bar | fit < 0 | lead 2 | printed | doc share >= | right | wrong | false | "
              "clean | precision |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|")
        grid = itertools.product((MIN_GAIN, 4.0, 6.0), (0, 1), (0, 1), (0, 1), (0.0, 0.1))
        for bar, need_fit, lead, printed, share in grid:
            c = {"right": 0, "wrong": 0, "false": 0, "clean": 0}
            for kind, x, rows in texts:
                if x < share:
                    continue
                for r in rows:
                    if not r["gains"] or (need_fit and r["fit"] >= 0):
                        continue
                    g, o = r["gains"][0]
                    if g < bar or (printed and r["printed"][:1] != [o]):
                        continue
                    if lead and len(r["gains"]) > 1 and g - r["gains"][1][0] < 2.0:
                        continue
                    key = ("clean" if kind == "clean" else "false" if r["gold"] is None
                           else "right" if o == r["gold"] else "wrong")  # fmt: skip
                    c[key] += 1
            fired = c["right"] + c["wrong"] + c["false"]
            prec = f"{c['right'] / fired:.3f}" if fired else "-"
            print(f"| {bar:g} | {need_fit} | {lead} | {printed} | {share:g} | {c['right']} | "
                  f"{c['wrong']} | {c['false']} | {c['clean']} | {prec} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rest: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, rest = argv[:k], argv[k + 1 :]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="print NEIGHBOUR_MISFIT_TAIL")
    ap.add_argument("--alone", action="store_true", help="the cue's AUC alone (dev)")
    ap.add_argument("--edits", action="store_true", help="the candidates as restorations (dev)")
    ap.add_argument("--spinner", action="append", help="with --alone/--edits (default: distrib)")
    ap.add_argument("--cap", type=int, default=40, help="with --alone: documents per spinner")
    ap.add_argument("--weight", type=float, help="run spin_eval (args after --) with this weight")
    args = ap.parse_args(argv)
    if args.fit:
        fit()
        return 0
    if args.edits:
        sys.path.insert(0, str(ROOT / "scripts"))
        edits(args.spinner or ["distrib"], args.cap)
        return 0
    if args.alone:
        alone(args.spinner or ["distrib"], args.cap)
        return 0
    import spin_eval

    if args.weight is not None:
        spin_document.NEIGHBOUR_MISFIT_WEIGHT = args.weight
        print(f"# NEIGHBOUR_MISFIT_WEIGHT {args.weight}", flush=True)
    return spin_eval.main(rest)


if __name__ == "__main__":
    raise SystemExit(main())
