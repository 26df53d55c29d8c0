"""How well a document's rate of term windows tells a paper mill's abstract from clean text (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_rate_account.py                 # dev: AUCs and the tail table
    python benchmarks/spin_rate_account.py --csv out.csv   # also one row per document
    python benchmarks/spin_rate_account.py --set repair.score.term_backoff.MIN_CONTEXT_GAIN=4

Every document goes through ``repair.repair_text`` (stages spin, tortured, collocation) and
the collocation stage's term windows are counted where the stage decides them (its
``detect``, on the text the spin stage left), by what :func:`repair.score.collocation.decide`
did with each:

* ``found``: every term window; ``applied``: those ``decide`` applied;
* ``cw_any``: declined with ``common_written`` among the reasons; ``cw_ctx``: ... and a
  context gain of at least :data:`repair.score.term_backoff.MIN_CONTEXT_GAIN`;
* ``elig``: declined windows :func:`repair.score.term_backoff.eligible` would apply
  (``common_written`` alone, context asks, written pair unassociated, written word under
  the window bar);
* ``plaus``: declined windows with that context gain and an unassociated written pair,
  whatever the reasons;
* ``mill_decl`` / ``rare_decl``: the mill-habit and rare-word passes' declined words.

Positives: the ``mill`` and ``tortured`` dev abstracts (``spin_eval.spun_docs``);
negatives: the spin calibration's clean dev documents (``benchmarks/spin_calibrate.py``:
every register, the clean abstracts, the clean suite) and its short pieces (60-150 words,
a paper-mill abstract's length).  Prints each cue's AUC as a rate per 1,000 words (and the
document spin score's), against all clean dev items, the short pieces and the clean
abstracts, and for ``elig`` the documents at or over each rate bar.  The test half is
never read.
"""

from __future__ import annotations

import argparse
import ast
import csv
import importlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spin_calibrate import clean_suite_docs, short_pieces  # noqa: E402
from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.abstracts import abstract_docs  # noqa: E402
from spin_sim.corpus import REGISTERS, documents  # noqa: E402
from spin_sim.roc import auc  # noqa: E402

from repair.pipeline import repair_text  # noqa: E402
from repair.score import term_backoff  # noqa: E402
from repair.stages import collocation as stage  # noqa: E402

#: The counted cues, in report order.
CUES = ("found", "applied", "cw_any", "cw_ctx", "elig", "plaus", "mill_decl", "rare_decl")
#: The rate bars (per 1,000 words) of the ``elig`` tail table.
BARS = (8.0, 10.0, 12.0, 14.0)
#: The collocation stage's details of declined words, and the cue each counts into.
DECLINED_KEYS = (("mill_word_decisions", "mill_decl"), ("rare_word_decisions", "rare_decl"))
#: The spun positives.
SPUN = ("mill", "tortured")


def count_window(r: Counter, d: Any) -> None:
    """Add decision ``d`` (:class:`repair.score.collocation.Decision`) to the counts ``r``."""
    rs = d.restoration
    r["found"] += 1
    r["applied"] += d.applied
    if d.applied:
        return
    asks = rs.context_gain >= term_backoff.MIN_CONTEXT_GAIN
    if "common_written" in d.reasons:
        r["cw_any"] += 1
        r["cw_ctx"] += asks
    r["elig"] += term_backoff.eligible(d)
    r["plaus"] += asks and rs.written_pmi <= term_backoff.MAX_WRITTEN_PMI


@contextmanager
def counting(into: Counter) -> Iterator[None]:
    """While open, the collocation stage's ``detect`` counts its term windows into ``into``
    (the windows :func:`repair.score.term_backoff.relax` sees in ``detect``) and the
    declined mill / rare words of its details."""
    relax, detect = term_backoff.relax, stage._Stage.detect
    inside = [False]

    def counted_relax(
        decided: list[Any], n_words: int | None = None, opened: bool = False
    ) -> list[Any]:
        if inside[0]:
            for d in decided:
                count_window(into, d)
        return relax(decided, n_words, opened)

    def counted_detect(self: Any, doc: Any) -> Any:
        inside[0] = True
        try:
            det = detect(self, doc)
        finally:
            inside[0] = False
        for key, name in DECLINED_KEYS:
            why = (det.details or {}).get(key) or {}
            into[name] += sum(n for reason, n in why.items() if reason != "applied")
        return det

    term_backoff.relax = counted_relax  # type: ignore[assignment]
    stage._Stage.detect = counted_detect  # type: ignore[method-assign]
    try:
        yield
    finally:
        term_backoff.relax = relax  # type: ignore[assignment]
        stage._Stage.detect = detect  # type: ignore[method-assign]


def items(split: str) -> list[tuple[str, str, str]]:
    """``(key, group, text)``: the spun abstracts (group ``mill`` / ``tortured``), then the
    clean documents (their register) and short pieces (``short``) of ``split``."""
    out: list[tuple[str, str, str]] = []
    for name in SPUN:
        _docs, spun = spun_docs(name, split, 40, RATE)
        out += [(f"{name}:{s.doc_id}", name, s.spun) for s in spun if s.edits]
    docs = [d for d in [*documents(), *abstract_docs(), *clean_suite_docs()] if d.split == split]
    out += [(d.doc_id, d.register, d.text) for d in docs]
    regs = [d for d in docs if d.register in REGISTERS]
    out += [(f"{d.doc_id}~short", "short", t) for d, t in short_pieces(regs)]
    return out


def measure(split: str) -> list[dict[str, Any]]:
    """One row per :func:`items` document: its words, spin score and :data:`CUES` counts."""
    config = make_config("spin,tortured,collocation", False)
    rows = []
    for key, group, text in items(split):
        counts: Counter = Counter()
        with counting(counts):
            res = repair_text(text, (), config)
        row = {"key": key, "group": group, "words": len(text.split())}
        rows.append({**row, "spin": round(res.scores.spin, 4), **{c: counts[c] for c in CUES}})
    return rows


def per_1000(cue: str) -> Callable[[dict[str, Any]], float]:
    """The rate of ``cue`` per 1,000 words of a row (``spin``: the document score)."""
    if cue == "spin":
        return lambda r: float(r["spin"])
    return lambda r: 1000.0 * r[cue] / max(r["words"], 1)


def report(rows: list[dict[str, Any]]) -> list[str]:
    """The AUC table and the ``elig`` tail table, as Markdown lines."""
    clean = [r for r in rows if r["group"] not in SPUN]
    sets = {
        "all clean": clean,
        "whole": [r for r in clean if r["group"] != "short"],
        "short": [r for r in clean if r["group"] == "short"],
        "abstracts": [r for r in clean if r["group"] == "abstract"],
    }
    lines = [
        f"Clean dev items: {len(sets['whole'])} documents, {len(sets['short'])} short pieces "
        f"({len(sets['abstracts'])} clean abstracts).",
        "",
        "| cue (per 1,000 words) | spun | " + " | ".join(f"AUC vs {s}" for s in sets) + " |",
        "|---|---|" + "---|" * len(sets),
    ]
    for cue in (*CUES, "spin"):
        f = per_1000(cue)
        for name in SPUN:
            pos = [f(r) for r in rows if r["group"] == name]
            aucs = [f"{auc(pos, [f(r) for r in neg]):.3f}" for neg in sets.values()]
            lines.append(f"| {cue} | {name} | " + " | ".join(aucs) + " |")
    f = per_1000("elig")
    lines += ["", "| `elig` per 1,000 at least | " + " | ".join(
        [*SPUN, *sets]) + " |", "|---|" + "---|" * (len(SPUN) + len(sets))]  # fmt: skip
    groups = [[r for r in rows if r["group"] == n] for n in SPUN] + list(sets.values())
    for bar in BARS:
        cells = [f"{sum(f(r) >= bar for r in g)} / {len(g)}" for g in groups]
        lines.append(f"| {bar:g} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", help="write one row per document here")
    ap.add_argument("--set", action="append", default=[], help="MODULE.NAME=VALUE (repeatable)")
    args = ap.parse_args(argv)
    for item in args.set:
        key, value = item.split("=", 1)
        module, name = key.rsplit(".", 1)
        setattr(importlib.import_module(module), name, ast.literal_eval(value))
    rows = measure("dev")
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    print("\n".join(report(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
