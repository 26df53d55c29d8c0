"""Error reduction of each spinner on two halves of the dev documents (odd / even).

A threshold chosen on dev must pay on both halves of a by-document split inside dev.
This repairs the documents of ``benchmarks/spin_eval.py`` (same selection, ``--cap``,
rate, stages and profile switch) and scores each half with the same scorer::

    python benchmarks/spin_halves.py [--spinner wordnet ...] [--no-profile] [--set NAME=VALUE]

``--set repair.stages.spin.TOPIC_RELIEF=None`` sets a module constant before the run
(a switch compared from outside the code, dev only).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import DEFAULT_CAP, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402

from repair.bench.metrics import Counts, doc_metrics  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

SPINNERS = ("wordnet", "rare", "double", "seed", "tortured")


def set_constant(spec: str) -> None:
    """``module.NAME=literal``: set a module constant (a Python literal)."""
    name, _, value = spec.partition("=")
    mod, _, attr = name.rpartition(".")
    setattr(importlib.import_module(mod), attr, ast.literal_eval(value))


def halves(spinner: str, cap: int, no_profile: bool) -> tuple[Counts, Counts]:
    """(odd, even) documents' counts of one spinner on the dev split."""
    cfg = make_config("all", no_profile)
    docs, spun = spun_docs(spinner, "dev", cap, RATE)
    out = [Counts(), Counts()]
    for i, (_d, s) in enumerate(zip(docs, spun, strict=True)):
        if not s.edits:
            continue
        r = repair_text(s.spun, (), cfg)
        out[i % 2] = out[i % 2] + doc_metrics(s.spun, s.clean, r.text, r.edits)
    return out[1], out[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spinner", action="append", choices=SPINNERS)
    ap.add_argument("--cap", type=int, default=DEFAULT_CAP)
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--set", action="append", default=[])
    args = ap.parse_args(argv)
    for spec in args.set:
        set_constant(spec)
    print("| spinner | odd err.red (prec) | even err.red (prec) |")
    print("|---|---|---|")
    for sp in args.spinner or SPINNERS:
        a, b = halves(sp, args.cap, args.no_profile)
        print(f"| {sp} | {a.reduction:.3f} ({a.precision:.3f}) | {b.reduction:.3f} "
              f"({b.precision:.3f}) |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
