"""Dev-only sweep of the spin stage's decision knobs (``repair.stages.spin``: SURE_SCORE,
SURE_BAR, OPEN_PROFILE_ONLY, REREAD, ...): error reduction, precision, broken rate and
clean changed tokens per 1,000 per spinner, for each setting.

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_sure_sweep.py [--extra 120] [--no-profile] \\
        --set base:SURE_SCORE=None,OPEN_PROFILE_ONLY=False --set sure:SURE_SCORE=0.97

Documents: the 40 dev documents per spinner that ``spin_eval.py --split dev`` reads, plus
``--extra`` dev documents from offset 840 of ``select("dev")`` (past the 40 + 800 that
``scripts/train_spin_model.py`` trains on), spun with the dev word families.  The test
half is never read.  The spin stage's detection is computed once per text and knob
setting of :data:`DETECT_KNOBS` (the other knobs act after it), so a sweep is cheap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_eval import Runner, make_config, spun_docs  # noqa: E402
from spin_sim import RATE, SPINNERS, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.bench.metrics import Counts  # noqa: E402

#: Knobs read by ``detect`` (part of the detection cache key).
DETECT_KNOBS = ("OPEN_PROFILE_ONLY", "PROFILE_ROWS_NARROW", "CONSISTENT", "COMMON", "PHRASES")
EXTRA_FROM = 840


def _cached_detect() -> None:
    cache: dict[tuple, object] = {}
    plain = stage._Stage.detect

    def detect(self: stage._Stage, doc):  # type: ignore[no-untyped-def]
        key = (
            doc.text,
            doc.references,
            doc.config.spin_profile,
            tuple(getattr(stage, k) for k in DETECT_KNOBS),
        )
        if key not in cache:
            cache[key] = plain(self, doc)
        return cache[key]

    stage._Stage.detect = detect  # type: ignore[method-assign]


def parse_setting(text: str) -> tuple[str, dict[str, object]]:
    """``name:KNOB=value,KNOB=value`` (values: Python literals)."""
    import ast

    name, _, rest = text.partition(":")
    knobs: dict[str, object] = {}
    for part in filter(None, rest.split(",")):
        k, _, v = part.partition("=")
        knobs[k.strip()] = ast.literal_eval(v.strip())
    return name, knobs


def doc_sets(spinners: list[str], extra: int) -> dict[str, tuple[list, list]]:
    out = {}
    more = select("dev", None)[EXTRA_FROM : EXTRA_FROM + extra] if extra else []
    for s in spinners:
        docs, spun = spun_docs(s, "dev", 40, RATE)
        if s in SPINNERS and more:
            docs = docs + more
            spun = spun + [spin_doc(d.doc_id, d.register, d.text, s, "dev", RATE) for d in more]
        out[s] = (docs, spun)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", required=True, help="name:KNOB=value,...")
    ap.add_argument("--spinner", action="append", help="default: every spinner")
    ap.add_argument("--extra", type=int, default=120, help="dev documents past the training")
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args(argv)
    spinners = args.spinner or [*SPINNERS, "tortured"]
    _cached_detect()
    sets = doc_sets(spinners, args.extra)
    defaults = {k: getattr(stage, k) for _n, kn in map(parse_setting, args.set) for k in kn}
    print(
        "| setting | spinner | docs | err.red | prec | broken | clean/1k | clean docs changed "
        "| edits | right |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, knobs in map(parse_setting, args.set):
        for k, v in {**defaults, **knobs}.items():
            setattr(stage, k, v)
        runner = Runner(make_config("spin,tortured,collocation", args.no_profile))
        total, clean = Counts(), Counts()
        for s in spinners:
            docs, spun = sets[s]
            row = runner.evaluate(s, "dev", docs, spun)
            c = row.counts
            total, clean = total + c, clean + row.clean
            per_1k = 1000 * row.clean.err_after / max(row.clean.tokens_gold, 1)
            print(
                f"| {name} | {s} | {c.docs} | {c.reduction:.3f} | {c.precision or 0:.3f} "
                f"| {c.broken_rate:.4f} | {per_1k:.3f} "
                f"| {row.clean.changed_docs} | {c.hyp_edits} | {c.tp} |",
                flush=True,
            )
        print(
            f"| {name} | all | {total.docs} | {total.reduction:.3f} | {total.precision or 0:.3f} "
            f"| {total.broken_rate:.4f} | {1000 * clean.err_after / max(clean.tokens_gold, 1):.3f} "
            f"| {clean.changed_docs} | {total.hyp_edits} | {total.tp} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
