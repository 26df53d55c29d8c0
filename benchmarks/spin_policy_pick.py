"""Does the document's sense policy choose among a spun word's candidates? (dev only)

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_policy_pick.py [--spinner spinbot ...] [--cap 40]

For the dev documents ``benchmarks/spin_eval.py --split dev`` reads, the first reading's
rows (with their ranked candidates, as :func:`repair.stages.spin._topic_rows` receives
them) are captured where the document's word gate is open.  Each document's sense table is
read off its own rows, leaving the row out: the sense bins
(:func:`repair.candidates.spin_doc_channel.policy_bin`) of the originals its confident
rows (probability at or over the word bar) propose, against the bins of the originals its
rows far under the bar propose (:func:`~repair.candidates.spin_doc_channel.policy_ratios`).
For each gold one-word substitution whose gold original is among two or more candidates,
a conditional logit is fitted with the ranker's score as a fixed offset and one free weight
on the candidate's log bin ratio (all spinners, and held out one spinner at a time); then
top-1 with the term only in documents where at least a share (0.5-0.8) of the confident
rows' originals share a WordNet synset with the written word (bin not ``none``), the cue
:mod:`repair.score.spin_sense_pick` reads.  The test half is never read.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_doc_channel import POLICY_BASE, policy_bin, policy_ratios  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_evidence import _columns  # noqa: E402

#: (spinner, doc id, ranker scores, log bin ratios, index of gold, ranker top-1 prob)
Group = tuple[str, int, list[float], list[float], int]


def groups(spinner: str, cap: int) -> list[Group]:
    shipped = stage._topic_rows
    got: list = []

    def capture(doc, words, feats, probs, details, n):  # type: ignore[no-untyped-def]
        # the choices as they are now: the stage drops them (in place) once read
        rows = [(w.start, w.written, w.original, _columns(w.choices)) for w in words]
        got.append((rows, list(probs), stage.word_bar(details)))
        return shipped(doc, words, feats, probs, details, n)

    config = make_config("spin,tortured,collocation", False)
    out: list[Group] = []
    stage._topic_rows = capture  # type: ignore[assignment]
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            got.clear()
            repair_text(s.spun, (), config)
            if not got:
                continue
            words, probs, bar = got[0]
            gold = {a: o.lower() for (a, _b), o in gold_spans(s).items() if " " not in o}
            bins = []
            for (_a, wr, orig, _c), p in zip(words, probs, strict=True):
                b = policy_bin(wr.lower(), orig.lower())
                bins.append((b, "conf" if p >= bar else "base" if p < POLICY_BASE else ""))
            conf = Counter(b for b, k in bins if k == "conf")
            share = 1.0 - conf["none"] / max(sum(conf.values()), 1)
            base = Counter(b for b, k in bins if k == "base")
            for i, (start, wr, _o, (names, _gains, scores)) in enumerate(words):
                if start not in gold:
                    continue
                names = [n.lower() for n in names]
                if gold[start] not in names or len(names) < 2:
                    continue
                b, k = bins[i]
                c, r = Counter(conf), Counter(base)
                if k == "conf":
                    c[b] -= 1
                elif k == "base":
                    r[b] -= 1
                table = policy_ratios(list(c.elements()), list(r.elements()))
                wl = wr.lower()
                lr = [math.log(table.get(policy_bin(wl, n), 1.0)) for n in names]
                out.append((spinner, share, list(scores), lr, names.index(gold[start])))
    finally:
        stage._topic_rows = shipped  # type: ignore[assignment]
    return out


def _grad(beta: float, gs: list[Group]) -> float:
    grad = 0.0
    for _sp, _d, s, t, y in gs:
        u = [a + beta * x for a, x in zip(s, t, strict=True)]
        top = max(u)
        e = [math.exp(x - top) for x in u]
        z = sum(e)
        grad -= t[y] - sum(ei * x for ei, x in zip(e, t, strict=True)) / z
    return grad


def fit(gs: list[Group], steps: int = 50) -> float:
    lo, hi = -10.0, 10.0
    for _ in range(steps):
        mid = (lo + hi) / 2
        if _grad(mid, gs) > 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def top1(beta: float, gs: list[Group]) -> float:
    ok = 0
    for _sp, _d, s, t, y in gs:
        u = [a + beta * x for a, x in zip(s, t, strict=True)]
        ok += max(range(len(u)), key=lambda i: (u[i], -i)) == y
    return ok / max(len(gs), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append")
    ap.add_argument("--cap", type=int, default=40)
    args = ap.parse_args(argv)
    names = args.spinner or ["spinbot", "rare", "wordnet", "double", "seeddense"]
    gs = [g for sp in names for g in groups(sp, args.cap)]
    beta = fit(gs)
    print(f"rows: {dict(Counter(g[0] for g in gs))}; weight fitted on all: {beta:.2f}")
    print(
        "| held-out spinner | rows | ranker top-1 | weight on the others | top-1 with it "
        "| with 0.5 | with 1 |"
    )
    print("|---|---|---|---|---|---|---|")
    for sp in names:
        mine = [g for g in gs if g[0] == sp]
        b = fit([g for g in gs if g[0] != sp])
        print(
            f"| {sp} | {len(mine)} | {top1(0.0, mine):.4f} | {b:.2f} | {top1(b, mine):.4f} "
            f"| {top1(0.5, mine):.4f} | {top1(1.0, mine):.4f} |"
        )
    for gate in (0.5, 0.6, 0.7, 0.8):
        for w in (0.5, 1.0):
            row = []
            for sp in names:
                mine = [g for g in gs if g[0] == sp]
                gated = [(a, d, s, t if d >= gate else [0.0] * len(t), y) for a, d, s, t, y in mine]
                row.append(f"{sp} {top1(w, gated):.4f}")
            print(f"gate {gate} weight {w}: " + "; ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
