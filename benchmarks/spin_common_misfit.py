"""The common-word misfit cue of the document spin score (session 40, spinphrase40; shipped off).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_common_misfit.py --fit          # COMMON_MISFIT_TAIL: clean dev documents
    python benchmarks/spin_common_misfit.py --weight 0.74 -- --all --split dev   # spin_eval, cue on
    python benchmarks/spin_common_misfit.py --open-gate 0.256 -- --spinner distrib --split dev

The cue (:func:`repair.detect.spin_misfit.common_misfit_share`) is the share of common content
words (Zipf >= 5, a word of the same sentence after them) whose context fit is below -1 nat;
:data:`repair.detect.spin_document.COMMON_MISFIT_WEIGHT` weighs its clean-tail surprise,
capped at the last knot so that the cue alone never reaches the cut.  ``--fit`` prints the
knots from the clean *dev* documents of ``benchmarks/spin_calibrate.py`` (registers and
abstracts); ``--weight W -- ARGS`` runs ``benchmarks/spin_eval.py ARGS`` with the weight set;
``--open-gate X -- ARGS`` runs it with the spin stage's word gate
(:func:`repair.stages.spin.word_bar`) opened at the word model's threshold in every document
whose common-word misfit share is at least ``X`` (a measurement: what the detector would buy
as a gate for repair).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.detect import spin_document  # noqa: E402
from repair.detect.spin_misfit import common_misfit_share  # noqa: E402


def fit() -> None:
    """Print the cue's tail knots over the clean dev documents."""
    from spin_score_features import tail_knots
    from spin_sim.abstracts import abstract_docs
    from spin_sim.corpus import documents

    docs = [*documents(), *abstract_docs()]
    dev = [common_misfit_share(d.text) for d in docs if d.split == "dev"]
    print(f"COMMON_MISFIT_TAIL = {tail_knots(dev)}  # {len(dev)} clean dev documents")


def open_gate(at: float) -> dict[str, int]:
    """Open the spin stage's word gate where the text's share is at least ``at`` (patched
    into :func:`repair.stages.spin.word_bar` and :class:`spin_eval.Runner`)."""
    import spin_eval

    import repair.stages.spin as stage

    state = {"open": 0, "texts": 0}
    plain_bar = stage.word_bar
    flag = {"on": False}

    def word_bar(details: dict) -> float:
        bar = plain_bar(details)
        return stage.get_model().word_threshold if flag["on"] and bar > 1.0 else bar

    plain_repair = spin_eval.Runner.repair

    def repair(self: spin_eval.Runner, text: str, refs: tuple[str, ...] = ()) -> tuple:
        flag["on"] = common_misfit_share(text) >= at
        state["open"] += flag["on"]
        state["texts"] += 1
        try:
            return plain_repair(self, text, refs)
        finally:
            flag["on"] = False

    stage.word_bar = word_bar  # type: ignore[assignment]
    spin_eval.Runner.repair = repair  # type: ignore[method-assign]
    return state


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rest: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, rest = argv[:k], argv[k + 1 :]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="print COMMON_MISFIT_TAIL")
    ap.add_argument("--weight", type=float, help="run spin_eval (args after --) with this weight")
    ap.add_argument("--open-gate", type=float, help="open the word gate at this share")
    args = ap.parse_args(argv)
    if args.fit:
        fit()
        return 0
    import spin_eval

    if args.weight is not None:
        spin_document.COMMON_MISFIT_WEIGHT = args.weight
        print(f"# COMMON_MISFIT_WEIGHT {args.weight}", flush=True)
    state = open_gate(args.open_gate) if args.open_gate is not None else None
    rc = spin_eval.main(rest)
    if state is not None:
        print(f"# word gate opened in {state['open']} of {state['texts']} texts", flush=True)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
