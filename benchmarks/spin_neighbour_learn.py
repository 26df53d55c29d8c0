"""What the corpus learner's neighbour pairs are worth, before any repair (dev tuning).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_neighbour_learn.py --spinner distrib --sizes 10,100,1000

For each size N: :func:`repair.learn.neighbour_pairs` on N spun learning documents of the
dev half (:func:`spin_learning.split_docs` with ``--split dev``: every 30th dev document
held out, all word families spun, as ``spin_learning.py`` learns), and on the same N
documents clean.  Printed: the pairs learned, the share that are the spinner's true pairs
of the learning documents (pair precision), the held-out substitutions whose written form
a pair covers with the right original, and the pairs learned from clean text (every one
wrong).  ``--set module.NAME=literal`` sets a constant (``repair.learn.NB_*``).

``--reach N``: of the single-word substitutions the spinner writes >= 3 times in N dev-half
documents, the share whose original is among the learner's candidate originals for the
written form, without and with ``repair.learn.NB_LEMMAS`` (lemma-level neighbours).

``--clean-profile N``: ``repair learn --no-profile`` (the public command, with
``CORPUS_NEIGHBOURS`` on) over the first N *clean* dev-half documents, then ``--cap``
clean documents of ``--split`` repaired with that learned profile, ``LEARNED_OPEN`` off
and on: pairs learned from clean text, and changed tokens per 1,000 words.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import dataclasses  # noqa: E402
import subprocess  # noqa: E402

from spin_eval import Runner, make_config  # noqa: E402
from spin_halves import set_constant  # noqa: E402
from spin_learning import _SET_AND_RUN, _gold_pairs, clean_side, split_docs  # noqa: E402
from spin_sim import DENSE, OTHER_SOURCE, RATE, SPINNERS, spin_doc  # noqa: E402

from repair.learn import neighbour_pairs  # noqa: E402


def clean_profile(n: int, cap: int, split: str, work: Path, reuse: bool = False) -> None:
    """Learn a profile from ``n`` clean dev-half documents; repair ``cap`` clean documents
    of ``split`` with it (module docstring); ``reuse``: keep a profile learned before."""
    import repair.stages.spin as spin_stage

    folder = work / f"clean_{n}"
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    for k, d in enumerate(split_docs("dev", n, 0)[0]):
        (folder / "docs" / f"{k:05d}.txt").write_text(d.text, encoding="utf-8")
    out = folder / "pairs.tsv"
    sets = ["repair.learn.CORPUS_NEIGHBOURS=True", "--"]
    cmd = [sys.executable, "-c", _SET_AND_RUN, *sets, "learn", str(folder / "docs")]
    if not (reuse and out.is_file()):
        subprocess.run([*cmd, "-o", str(out), "--no-profile"], check=True, cwd=ROOT)
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()]
    at = next((r.index("source") for r in rows if r and r[0] == "spun" and "source" in r), 7)
    rows = [r for r in rows if r and not r[0].startswith("#") and r[0] != "spun"]
    nbr = [r for r in rows if len(r) > at and "neighbour" in r[at].split("+")]
    print(f"clean profile from {n} documents: {len(rows)} pairs, {len(nbr)} neighbour pairs")
    for r in nbr:
        print(f"    {r[0]} -> {r[1]} (count {r[3]}, docs {r[4]}, gain {r[5]})")
    config = dataclasses.replace(make_config("spin,tortured,collocation", True), lexicons=(out,))
    for on in (False, True):
        spin_stage.LEARNED_OPEN = on
        got = clean_side(Runner(config), cap, split)
        print(f"LEARNED_OPEN={on}: {split} clean documents {got}")


def reach(spinners: list[str], n: int, min_count: int = 3) -> None:
    """The neighbour learner's reach: of the single-word substitutions the spinner writes at
    least ``min_count`` times in ``n`` dev-half learning documents, the share whose original
    is among the written form's candidate originals (``repair.learn._nb_candidates``), with
    ``repair.learn.NB_LEMMAS`` off and on."""
    import repair.learn as learn

    for spinner in spinners:
        gold: Counter[tuple[str, str]] = Counter()
        for d in split_docs("dev", n, 0)[0]:
            gold.update(_gold_pairs(spin_doc(d.doc_id, d.register, d.text, spinner, None, RATE)))
        rep = [(s, o) for (s, o), c in gold.items() if c >= min_count and " " not in s]
        got = []
        for on in (False, True):
            learn.NB_LEMMAS = on
            got.append(sum(1 for s, o in rep if o in learn._nb_candidates(s)) / max(len(rep), 1))
        print(f"| {spinner} | {n} | {len(rep)} | {got[0]:.3f} | {got[1]:.3f} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--spinner", choices=[*SPINNERS, *DENSE, *OTHER_SOURCE], action="append", default=[]
    )
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--cap", type=int, default=200, help="held-out documents")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--clean-profile", type=int, default=0, metavar="N")
    ap.add_argument("--reuse", action="store_true", help="--clean-profile: keep its pairs.tsv")
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--work", default=str(ROOT / "benchmarks" / ".generated" / "learn"))
    ap.add_argument(
        "--reach",
        type=int,
        default=0,
        metavar="N",
        help="print the reach of the candidate originals (NB_LEMMAS off / on) over N documents",
    )
    args = ap.parse_args(argv)
    for spec in args.set:
        set_constant(spec)
    if args.reach:
        print("| spinner | N | repeated spun forms | reach | reach with NB_LEMMAS |")
        print("|---|---|---|---|---|")
        reach(args.spinner or ["distrib"], args.reach)
        return 0
    if args.clean_profile:
        clean_profile(args.clean_profile, args.cap, args.split, Path(args.work), args.reuse)
        return 0
    sizes = [int(x) for x in args.sizes.split(",")]
    print("| spinner | N | pairs | true | pair precision | held-out subs | covered right "
          "| clean pairs | s |\n|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    for spinner in args.spinner:
        learn_all, hold = split_docs("dev", max(sizes), args.cap, max(sizes))
        held: Counter[tuple[str, str]] = Counter()
        for d in hold:
            held.update(_gold_pairs(spin_doc(d.doc_id, d.register, d.text, spinner, None, RATE)))
        for n in sizes:
            t0 = time.perf_counter()
            docs = learn_all[:n]
            spun = [spin_doc(d.doc_id, d.register, d.text, spinner, None, RATE) for d in docs]
            truth: Counter[tuple[str, str]] = Counter()
            for s in spun:
                truth.update(_gold_pairs(s))
            pairs = neighbour_pairs([s.spun for s in spun])
            clean = neighbour_pairs([d.text for d in docs])
            right = [p for p in pairs if truth[(p.spun, p.original)]]
            learned = {p.spun: p.original for p in pairs}
            total = sum(held.values()) or 1
            cov = sum(c for (s, o), c in held.items() if learned.get(s) == o)
            prec = f"{len(right) / len(pairs):.3f}" if pairs else "–"
            print(f"| {spinner} | {n} | {len(pairs)} | {len(right)} | {prec} | {total} "
                  f"| {cov / total:.4f} | {len(clean)} | {time.perf_counter() - t0:.0f} |",
                  flush=True)  # fmt: skip
            for p in pairs[: args.examples]:
                mark = "+" if truth[(p.spun, p.original)] else "-"
                print(f"    {mark} {p.spun} -> {p.original} ({p.count}, {p.mean_gain:.2f})")
            for p in clean[: args.examples]:
                print(f"    clean {p.spun} -> {p.original} ({p.count}, {p.mean_gain:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
