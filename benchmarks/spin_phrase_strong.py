"""Multi-word spans the phrase rule declines, by label; what a strong-gain floor keeps (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_phrase_strong.py [--cap 40] [--clean 120] [--out rows.jsonl]

Every phrase candidate :func:`repair.stages.spin._phrase_kept` judges while ``repair_text``
runs on the dev documents of ``spin_eval.py --split dev`` (spinbot, WordNet, rare, double,
seed, phrase, seeddense; ``--cap`` each) and on ``--clean`` clean dev-half documents is
labelled ``right`` (the gold original of exactly that span), ``other`` (a gold span, another
original), ``overlap`` (crosses a gold span) or ``author`` (no gold span: an author's own
phrase, every clean row) with its features.  The table then counts, for each setting of
:data:`~repair.stages.spin.PHRASE_STRONG_GAIN` / ``PHRASE_STRONG_RIGHT`` /
``PHRASE_STRONG_ZIPF_GAIN``, the loose-source rows the shipped floors decline and the
relaxed ones would keep (the rows are read once, with
``PHRASE_STRONG_GAIN`` off).  The test
half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, select, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

SPINNERS = ("spinbot", "wordnet", "rare", "double", "seed", "phrase", "seeddense")


def rows(cap: int, clean: int) -> list[dict]:
    """One dict per (span, original) the phrase rule judged, with its label and features."""
    config = make_config("spin,tortured,collocation", False)
    seen: list[tuple] = []
    shipped = stage._phrase_kept

    def judged(c):  # type: ignore[no-untyped-def]
        kept = shipped(c)
        seen.append((c.start, c.end, c.replacement, dict(c.features), kept))
        return kept

    out: list[dict] = []

    def run(text: str, gold: dict, spinner: str) -> None:
        seen.clear()
        repair_text(text, (), config)
        done = set()
        for a, b, rep, f, kept in seen:
            if (a, b, rep) in done:
                continue
            done.add((a, b, rep))
            g = gold.get((a, b))
            if g is not None:
                lab = "right" if g.lower() == rep.lower() else "other"
            elif any(x < b and a < y for x, y in gold):
                lab = "overlap"
            else:
                lab = "author"
            num = {k: v for k, v in f.items() if isinstance(v, (int, float, bool))}
            out.append({"sp": spinner, "lab": lab, "kept": kept, "w": text[a:b], "o": rep, **num})

    stage._phrase_kept = judged  # type: ignore[assignment]
    strong, stage.PHRASE_STRONG_GAIN = stage.PHRASE_STRONG_GAIN, None  # the floors before it
    try:
        for spinner in SPINNERS:
            for s in spun_docs(spinner, "dev", cap, RATE)[1]:
                run(s.spun, gold_spans(s), spinner)
        for d in select("dev", clean):
            run(d.text, {}, "clean")
    finally:
        stage._phrase_kept = shipped  # type: ignore[assignment]
        stage.PHRASE_STRONG_GAIN = strong
    return out


def relaxed(r: dict, gain: float, right: float, zipf: float, fair: float | None = None) -> bool:
    """Whether a declined loose-source row is kept with the strong floor at these values
    (and, with ``fair``, :data:`~repair.stages.spin.PHRASE_STRONG_MIN_FAIR` at it)."""
    if r["kept"] or r.get("binomial") or r.get("wordnet", True) or r.get("recurring"):
        return False
    if fair is not None and r.get("fair", 0.0) < fair:
        return False
    return (
        r["gain0"] >= max(gain, stage.PHRASE_KEEP_GAIN)
        and r.get("margin", 10.0) >= stage.PHRASE_MIN_MARGIN
        and r.get("left_gain", 0.0) >= stage.PHRASE_MIN_SIDE
        and (not r.get("has_right", True) or r.get("right_gain", 0.0) >= right)
        and (r["zipf_gain"] >= zipf or r.get("context", -99.0) >= stage.PHRASE_MIN_CONTEXT)
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=int, default=40, help="dev documents per spinner")
    ap.add_argument("--clean", type=int, default=120, help="clean dev-half documents")
    ap.add_argument("--out", help="write the rows as JSON lines")
    ap.add_argument("--rows", help="read rows written by --out instead of repairing")
    ap.add_argument("--min-fair", type=float, help="the length-fair commonness floor too")
    args = ap.parse_args(argv)
    if args.rows:
        data = [json.loads(line) for line in Path(args.rows).read_text("utf-8").splitlines()]
    else:
        data = rows(args.cap, args.clean)
    if args.out:
        Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in data), "utf-8")
    shipped = Counter((r["lab"], r["kept"]) for r in data)
    print(f"rows {len(data)}; kept/declined by label: {dict(sorted(shipped.items()))}")
    print("| strong gain | right side | Zipf gain | right | other | overlap | author (clean) |")
    print("|---|---|---|---|---|---|---|")
    for gain in (10.0, 12.0, 13.0, 15.0):
        for right in (0.0, -1.0, -2.0):
            for zipf in (0.5, 0.0, -0.5):
                sel = [r for r in data if relaxed(r, gain, right, zipf, args.min_fair)]
                c = Counter(r["lab"] for r in sel)
                cl = sum(r["sp"] == "clean" for r in sel)
                print(f"| {gain:g} | {right:g} | {zipf:g} | {c['right']} | {c['other']} | "
                      f"{c['overlap']} | {c['author']} ({cl}) |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
