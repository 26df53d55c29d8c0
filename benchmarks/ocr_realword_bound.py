"""How many of a garbled page's real-word readings an exact upper bound on their margin
could leave unscored (issue 14, session 58): accounting only, the pipeline unchanged.

A real word's reading ("tho" -> "the") is decided by :meth:`repair.score.ocr.Scorer._decide`:
``margin = lp(reading, after | before) - lp(print, after | before) - cost - prior * zipf(print)``
against its threshold.  A reading that cannot come within ``slack`` nats of its threshold
(the widest later pass that reads a refused real word's margin is the joint decoding's
:data:`repair.score.ocr_joint.REAL_SLACK`, 6 nats) could be skipped exactly, were its margin
bounded from what is known before its own language-model score.  Two bounds are counted per
reading after each call of :func:`repair.score.ocr._decide_all` (two a garbled window: the
first reading and the second, with the first one's repairs as context; the reading's own
decision is kept for reference):

* ``print``: the reading's whole sequence score at most 0 (``-lp(print) - cost - prior``):
  needs only the print's score, which the page's readings of one word share;
* ``first``: the reading's first n-gram asked (``lp(reading | before)``), the words after it
  at most 0: one language-model look-up of the three the decision asks.

It also replays the first pass's decisions with fresh memos, the real-word readings' and the
others', to time what any skip could save at most.

    python benchmarks/ocr_realword_bound.py [--words 100000] [--file TEXT]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Any

from repair.resources.frequency import zipf
from repair.score import ocr as S

#: Slacks (nats below a reading's threshold) the bounds are counted at.
SLACKS = (0.0, 3.0, 6.0)


def is_realword(features: dict[str, Any]) -> bool:
    """Whether a candidate's ``features`` are a real word's one-word reading."""
    return (
        features.get("finding") == "realword"
        and bool(features.get("orig_known"))
        and "fixed" not in features
        and len(features["orig"]) == 1
        and len(features["alt"]) == 1
    )


def bounds(
    scorer: Any, features: dict[str, Any], prev: list[str], nxt: list[str]
) -> tuple[float, float]:
    """``(print, first)``: the two upper bounds on the reading's margin (module doc)."""
    lp_print = scorer.seq(features["orig"], prev, nxt)
    per = features.get("prior_per_zipf")
    per = S.PRIOR_PER_ZIPF if per is None else per
    price = float(features["cost"]) + per * zipf(features["orig"][0].lower())
    first = scorer.seq(features["alt"], prev, [])
    return -lp_print - price, first - lp_print - price


def account(text: str) -> dict[str, Any]:
    """Counts per decision pass and the replay times for ``text`` (repaired once)."""
    from repair.pipeline import repair_text

    inner = S._decide_all
    counts: Counter[tuple[int, str]] = Counter()
    first_pass: dict[str, list[tuple[Any, ...]]] = {"realword": [], "other": []}
    spent = [0.0, 0]

    def wrapped(scorer: Any, ctx: Any, candidates: list, garbled: bool, memo: Any) -> Any:
        t = time.process_time()
        groups = inner(scorer, ctx, candidates, garbled, memo)
        spent[0] += time.process_time() - t
        spent[1] += 1
        p = spent[1]
        for k, c in enumerate(candidates):
            f = c.features
            seen = memo.get(k)
            if seen is None or "fixed" in f:
                continue
            prev, nxt, d = seen
            rw = is_realword(f)
            if p == 1:
                first_pass["realword" if rw else "other"].append(
                    (f["orig"], f["alt"], list(prev), list(nxt), float(f["cost"]),
                     bool(f.get("orig_known", False)), f.get("threshold"), garbled,
                     f.get("prior_per_zipf"))
                )  # fmt: skip
            if not rw:
                continue
            b_print, b_first = bounds(scorer, f, prev, nxt)
            counts[p, "readings"] += 1
            counts[p, "accepted"] += bool(d.accept)
            counts[p, "bound below margin (must be 0)"] += min(b_print, b_first) < d.margin - 1e-9
            for s in SLACKS:
                bar = d.threshold - s
                counts[p, f"margin >= thr-{s:g}"] += d.margin >= bar
                counts[p, f"print bound >= thr-{s:g}"] += b_print >= bar
                counts[p, f"first bound >= thr-{s:g}"] += b_first >= bar
        return groups

    S._decide_all = wrapped
    try:
        t = time.process_time()
        result = repair_text(text)
        total = time.process_time() - t
    finally:
        S._decide_all = inner
    replay = {}
    for name, args in first_pass.items():
        scorer = S.Scorer()
        decide = S._decider(scorer)
        t = time.process_time()
        for a in args:
            decide(*a)
        replay[name] = (len(args), time.process_time() - t)
    return {
        "edits": len(result.edits),
        "cpu": total,
        "decide_all": spent[0],
        "counts": dict(counts),
        "replay": replay,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100_000, help="words of the OCR speed text")
    ap.add_argument("--file", help="a text file instead of the OCR speed text")
    args = ap.parse_args(argv)
    if args.file:
        with open(args.file, encoding="utf-8") as fh:
            text = fh.read()
    else:
        from repair.bench.speed import speed_text

        text = speed_text("ocr", args.words)
    out = account(text)
    print(f"edits {out['edits']}  run CPU {out['cpu']:.2f} s  decide_all {out['decide_all']:.2f} s")
    for key in sorted(out["counts"]):
        print(f"call {key[0]}  {key[1]:<34} {out['counts'][key]:>7,}")
    for name, (n, secs) in out["replay"].items():
        print(f"replay (pass 1, fresh memos) {name:<9} {n:>7,} decisions {secs:.3f} s")


if __name__ == "__main__":
    main()
