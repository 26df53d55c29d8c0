"""Which floor of the phrase decision declines each loose multi-word span (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_phrase_floors.py [--spinner spinbot ...] [--cap 40] [--show 3]

For the dev documents ``benchmarks/spin_eval.py --split dev`` scores, every span the
stage's phrase decision (:func:`repair.stages.spin._phrase_kept`) declines and no edit
covers is classed by the floors it fails (``gain<10``: :data:`PHRASE_KEEP_GAIN`;
``margin``: :data:`PHRASE_MIN_MARGIN`; ``left`` / ``right``: the sides; ``zipf/ctx``: the
commonness floor, :data:`PHRASE_MIN_ZIPF_GAIN` or :data:`PHRASE_MIN_CONTEXT`; ``wn``: a
WordNet lemma; ``binom``: a binomial) and by its gold status: ``right`` (the gold original
of that very span), ``wrong`` (a spun span, another original) or ``unspun`` (no gold span
overlaps it: an edit there would break the author's words).  Session 44 (spinbot44) read
the ``zipf/ctx``-only class off it.  The test half is never read.
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

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def floors(f: dict) -> str:
    """The floors a declined span's features ``f`` fail, joined by '+'."""
    out = []
    if f.get("wordnet", True):
        out.append("wn")
    if f.get("binomial"):
        out.append("binom")
    if f["gain0"] < stage.PHRASE_KEEP_GAIN:
        out.append("gain<10")
    if f.get("margin", 10.0) < stage.PHRASE_MIN_MARGIN:
        out.append("margin")
    if f.get("left_gain", stage.PHRASE_MIN_SIDE) < stage.PHRASE_MIN_SIDE:
        out.append("left")
    if f.get("has_right", True) and f.get("right_gain", 0.0) < stage.PHRASE_MIN_RIGHT:
        out.append("right")
    if not (
        f["zipf_gain"] >= stage.PHRASE_MIN_ZIPF_GAIN
        or f.get("context", -99.0) >= stage.PHRASE_MIN_CONTEXT
    ):
        out.append("zipf/ctx")
    return "+".join(out) or "none"


def account(spinner: str, cap: int) -> tuple[Counter, dict]:
    """(floors, status) -> declined spans; examples (written, original, gold, gain, sides)."""
    seen: dict[tuple[int, int, str], dict] = {}
    shipped = stage._phrase_kept

    def kept(c, tie=False):  # type: ignore[no-untyped-def]
        ok = shipped(c, tie)
        if tie:
            seen[(c.start, c.end, c.replacement)] = {} if ok else dict(c.features)
        return ok

    cat: Counter = Counter()
    ex: dict = defaultdict(list)
    config = make_config("spin,tortured,collocation", False)
    stage._phrase_kept = kept  # type: ignore[assignment]
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            if not s.edits:
                continue
            seen.clear()
            edited = {(e.offset, e.end) for e in repair_text(s.spun, (), config).edits}
            gold = {k: v.lower() for k, v in gold_spans(s).items()}
            for (a, b, orig), f in seen.items():
                if not f or (a, b) in edited:
                    continue
                g = gold.get((a, b))
                if g is None and not any(x < b and a < y for x, y in gold):
                    status = "unspun"
                else:
                    status = "right" if g == orig.lower() else "wrong"
                key = (floors(f), status)
                cat[key] += 1
                sides = (round(f.get("left_gain", 0.0), 1), round(f.get("right_gain", 0.0), 1))
                ex[key].append((s.spun[a:b], orig, g, round(f["gain0"], 1), sides))
    finally:
        stage._phrase_kept = shipped  # type: ignore[assignment]
    return cat, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--show", type=int, default=0, help="examples per class")
    ap.add_argument("--top", type=int, default=14, help="classes shown per spinner")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["spinbot"]:
        cat, ex = account(spinner, args.cap)
        print(spinner)
        keys = sorted(
            {k for k, _s in cat},
            key=lambda k: -sum(cat[(k, s)] for s in ("right", "wrong", "unspun")),
        )
        for k in keys[: args.top]:
            n = {s: cat[(k, s)] for s in ("right", "wrong", "unspun")}
            print(
                f"  {k:36s} right {n['right']:4d}  wrong {n['wrong']:4d}  unspun {n['unspun']:4d}"
            )
            if args.show:
                print(f"      {ex[(k, 'right')][: args.show]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
