"""What the winning wrong original has that the gold lacks, on the first reading's tables (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_other_top_why.py [--spinner spinbot] [--cap 40]

For the dev documents ``benchmarks/spin_eval.py`` scores, the first reading's ranked
table of every written word (:func:`repair.stages.spin._topic_rows`, recorded before the
topic pick, with the row it proposes after it) is labelled against the gold: the rows
whose gold original is in the table but another original is proposed (the "another
original on top" class of :mod:`spin_account_spinbot` read on the table) are compared,
gold against the proposed original, by the ranked features the table carries (LM gain,
its left and right parts, the unigram gain, the place in the source list) and by the
inflection agreement with the written word
(:func:`repair.score.spin_form_agree.agree`); then the agreement of every candidate,
gold or not, and of the proposed original by row kind (gold, wrong original, unspun),
over and under the bar.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import spin_account_spinbot as acc  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.score.spin_evidence import _W, Packed  # noqa: E402
from repair.score.spin_form_agree import agree  # noqa: E402

#: The compared features: name -> index in a recorded choice (original, gain, score,
#: unigram, left gain, source rank); ``right`` is gain - left.
FEATURES = ("gain", "left", "right", "both sides", "unigram", "source rank (lower)")


def table(choices: Any) -> list[tuple[str, float, float, float, float, float]]:
    """(original, gain, score, unigram, left gain, source rank) of each ranked choice."""
    if isinstance(choices, Packed):
        d = choices.data
        return [(n.lower(), *(d[_W * j + i] for i in range(5)))  # type: ignore[misc]
                for j, n in enumerate(choices.names)]  # fmt: skip
    return [(c[0].lower(), c[1], c[2], 0.0, 0.0, 0.0) for c in choices]


def better(g: tuple, t: tuple) -> dict[str, bool]:
    """Which features favour the gold row ``g`` over the proposed row ``t``.

    >>> better(("a", 3.0, 0, 1.0, 2.0, 5.0), ("b", 2.0, 0, 2.0, 0.5, 1.0))["right"]
    False
    """
    left, right = g[4] > t[4], g[1] - g[4] > t[1] - t[4]
    return {
        "gain": g[1] > t[1], "left": left, "right": right, "both sides": left and right,
        "unigram": g[3] > t[3], "source rank (lower)": g[5] < t[5],
    }  # fmt: skip


def run(spinner: str, cap: int) -> str:
    box: dict[str, Any] = {}
    last: dict[str, Any] = {}
    shipped_rows, shipped_repair = stage._topic_rows, acc.repair_text

    def rec(doc, words, feats, probs, details, n):  # type: ignore[no-untyped-def]
        first = {w.start: (w.written.lower(), table(w.choices)) for w in words if w.choices}
        out = shipped_rows(doc, words, feats, probs, details, n)
        after = {w.start: (w.original.lower(), p) for w, p in zip(out[0], out[2], strict=True)}
        last["rows"] = (first, after, stage.word_bar(details))
        return out

    def repair(text, *a, **k):  # type: ignore[no-untyped-def]
        last.clear()
        got = shipped_repair(text, *a, **k)
        if "rows" in last:  # keyed by the spun text the account reads (the last reading)
            box[text] = last["rows"]
        return got

    rows: list[tuple] = []

    def observe(s, r, span, orig, kc, row):  # type: ignore[no-untyped-def]
        rows.append((s.spun, span[0], orig.lower()))
        return kc

    stage._topic_rows, acc.repair_text = rec, repair  # type: ignore[assignment]
    try:
        acc.account(spinner, cap, True, observe)
    finally:
        stage._topic_rows, acc.repair_text = shipped_rows, shipped_repair  # type: ignore[assignment]
    gold = {(t, a): o for t, a, o in rows}
    fav: Counter[str] = Counter()
    form: Counter[tuple] = Counter()
    tops: Counter[tuple] = Counter()
    n_other = 0
    for text, (first, after, bar) in box.items():
        for start, (written, ch) in first.items():
            names = [c[0] for c in ch]
            g = gold.get((text, start))
            top, p = after.get(start, (None, 0.0))
            for c in ch:
                form[("gold" if c[0] == g else "other", agree(written, c[0]))] += 1
            kind = "unspun" if g is None else "gold" if top == g else "wrong"
            tops[(kind, agree(written, top or written), p >= bar)] += 1
            if g is not None and g in names and top != g and top in names:
                n_other += 1
                for k, v in better(ch[names.index(g)], ch[names.index(top)]).items():
                    fav[k] += v
    out = [f"{spinner}: {n_other} dev rows with the gold in the first reading's table and "
           "another original proposed; the gold is better by"]  # fmt: skip
    out += [f"  {k:22s} {fav[k]:5d}" for k in FEATURES]
    out.append("candidates by inflection agreement (gold / other, agrees):")
    out += [f"  {k[0]:6s} {k[1]!s:6s} {v:6d}" for k, v in sorted(form.items())]
    out.append("proposed originals (row kind, agrees, over the bar):")
    out += [f"  {k[0]:6s} {k[1]!s:6s} {k[2]!s:6s} {v:6d}" for k, v in sorted(tops.items())]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["spinbot"]:
        print(run(spinner, args.cap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
