"""How a paper mill's word rows rank their gold original where the band is open (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_mill_rank.py [--spinner mill] [--cap 40] [--oracle LEAD]
        [--set repair.score.mill_rank.MILL_RANK=False]

For every dev document of the spinner whose spin stage opens its word band
(``details["science_band"]``: :func:`repair.stages.spin.science_band`, today the tortured
term windows of :mod:`repair.score.mill_windows`), each gold substitution's first-reading
row (before the topic re-chooses it: :func:`repair.stages.spin._topic_rows`) is put in one
class: ``no_row`` (no word row at the span), ``absent`` (the gold is not among the row's
candidates with a positive LM gain), ``top`` (the ranker proposes the gold) or ``other``
(another candidate is proposed), each split by the row's probability band (the band's
bar :data:`repair.stages.spin.SCIENCE_BAND_BAR`, the topic's floor
:data:`repair.stages.spin.TOPIC_PICK_MIN_PROB`).  Then the repair's edits are counted:
right, wrong on a spun word, wrong on a clean word.

``--oracle LEAD``: every row the topic reads (its floor set to 0) proposes the gold
wherever it is a candidate with a positive LM gain, with a lead of ``LEAD`` in the
ranker's score over the best other candidate: the ceiling of any ranking cue under
today's word model and bar.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_account_mill import apply_settings  # noqa: E402
from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.spin_evidence import _chosen, _columns, rescored  # noqa: E402


def prob_band(p: float) -> str:
    """The row's probability band.

    >>> prob_band(0.5), prob_band(0.1), prob_band(0.01)
    ('bar', 'topic', 'low')
    """
    if p >= stage.SCIENCE_BAND_BAR:
        return "bar"
    return "topic" if p >= stage.TOPIC_PICK_MIN_PROB else "low"


def row_class(gold: str, names: list[str], gains: list[float], first: str) -> str:
    """``top``, ``other`` or ``absent`` (module docstring).

    >>> row_class("memory", ["keeping", "memory"], [9.4, 5.8], "keeping")
    'other'
    >>> row_class("memory", ["keeping", "memory"], [9.4, -1.0], "keeping")
    'absent'
    """
    low = [n.lower() for n in names]
    if gold not in low or gains[low.index(gold)] <= 0:
        return "absent"
    return "top" if first.lower() == gold else "other"


def run(spinner: str, cap: int, oracle: float | None) -> tuple[Counter, Counter]:
    """(row classes, edit counts) over the spinner's dev documents."""
    rows: dict[int, tuple[list[str], list[float], str, float]] = {}
    golds: dict[int, str] = {}
    band: list[bool] = []
    shipped_rows, shipped_pick = stage._topic_rows, stage.topic_pick

    def topic_rows(doc, words, feats, probs, details, n):  # type: ignore[no-untyped-def]
        band.append(bool(details.get("science_band")))
        for w, p in zip(words, probs, strict=True):
            names, gains, _scores = _columns(w.choices)
            rows[w.start] = (list(names), list(gains), w.original, p)
        return shipped_rows(doc, words, feats, probs, details, n)

    def topic_pick(doc, w, wanted=None, extra=None):  # type: ignore[no-untyped-def]
        got = shipped_pick(doc, w, wanted, extra)
        g = golds.get(w.start)
        if oracle is None or g is None or wanted is not None:
            return got
        names, gains, scores = _columns(w.choices)
        low = [n.lower() for n in names]
        if g not in low or gains[low.index(g)] <= 0:
            return got
        k = low.index(g)
        adj = list(scores)
        adj[k] = max(s for j, s in enumerate(scores) if j != k) + oracle if len(adj) > 1 else 0.0
        return _chosen(w.start, w.end, w.written, w.n_candidates, rescored(w.choices, adj), k), 0.0

    classes: Counter[str] = Counter()
    edits: Counter[str] = Counter()
    config = make_config("spin,tortured,collocation", False)
    stage._topic_rows, stage.topic_pick = topic_rows, topic_pick  # type: ignore[assignment]
    floor = stage.TOPIC_PICK_MIN_PROB
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            if not s.edits:
                continue
            gold = gold_spans(s)
            golds.clear()
            golds.update({a: g.lower() for (a, _b), g in gold.items()})
            rows.clear()
            band.clear()
            if oracle is not None:
                stage.TOPIC_PICK_MIN_PROB = 0.0
            r = repair_text(s.spun, (), config)
            stage.TOPIC_PICK_MIN_PROB = floor
            opened = bool(band and band[0])
            edits["docs"] += 1
            edits["docs_opened"] += opened
            edits["gold"] += len(gold)
            for (a, _b), g in gold.items():
                if not opened:
                    continue
                if a not in rows:
                    classes["no_row"] += 1
                    continue
                names, gains, first, p = rows[a]
                classes[f"{row_class(g.lower(), names, gains, first)}/{prob_band(p)}"] += 1
            for e in r.edits:
                g = gold.get((e.offset, e.end))
                edits["edits"] += 1
                if g is None:
                    edits["wrong_on_clean"] += 1
                else:
                    edits["right" if g.lower() == e.replacement.lower() else "wrong_on_spun"] += 1
    finally:
        stage._topic_rows, stage.topic_pick = shipped_rows, shipped_pick  # type: ignore[assignment]
        stage.TOPIC_PICK_MIN_PROB = floor
    return classes, edits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: mill)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--oracle", type=float, default=None, metavar="LEAD",
                    help="the gold proposed with this lead: the ranking ceiling")  # fmt: skip
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.FLAG=VALUE",
                    help="a setting for this run (a Python literal)")  # fmt: skip
    args = ap.parse_args(argv)
    apply_settings(ap, args.set)
    for spinner in args.spinner or ["mill"]:
        classes, edits = run(spinner, args.cap, args.oracle)
        print(f"{spinner} dev: " + ", ".join(f"{k} {v}" for k, v in edits.items()))
        n = sum(classes.values())
        print(f"  gold rows in opened documents: {n}")
        for k, v in sorted(classes.items()):
            print(f"    {k:14s} {v:4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
