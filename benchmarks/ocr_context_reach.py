"""How often the context proposes the gold of a word we leave (issue 12, session 20).

    python benchmarks/ocr_reach.py --dump errors.jsonl        # dev half
    python benchmarks/ocr_context_reach.py errors.jsonl [--k 1 3 10] [--examples N]

For each left word of the classes beyond the walks' reach (``ocr_left.py``: non-words
with no candidate 3+ edits from a dictionary gold, real words whose gold no reading
gives, 2 or 3+ edits), the words the context expects between the printed neighbours
are ranked, and the rank of the gold is counted:

* ``ctx``: the period bigram table's followers of the left word and predecessors of
  the right word (:mod:`repair.score.ngrams`), of the token's length class
  (:data:`SHORTER` below to :data:`LONGER` above) within :data:`SHARE` of its length
  in plain edits, ranked by the two-sided context score alone;
* ``ctx+channel``: the same set ranked by context score minus the learned channel's
  cost (:func:`repair.score.ocr_price.channel_cost`);
* ``far+channel``: the far search's common words of the length class (no anchor), same
  distance, ranked by context minus channel cost (the wide retrieval, for comparison).

Printed per class: words, gold in the set, gold at rank 1 / <= 3 / <= 10, and (rank-1
readings only) how many lead the second by 2+ nats.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_left import left_class  # noqa: E402
from benchmarks.smh_eval import DEFAULT_DATA, load  # noqa: E402

CLASSES = (
    "non-word no candidate d3+",
    "real-word not reached d2",
    "real-word not reached d3+",
    "real-word no candidate d3+",
    "real-word no candidate d2",
    "non-word not reached d3+",
)
SHORTER, LONGER, SHARE = 3, 2, 0.6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)

    from rapidfuzz.distance import Levenshtein

    from repair.candidates.ocr_context import context_words, neighbours, score_readings
    from repair.candidates.ocr_far import _by_length
    from repair.tokenize import tokenize

    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    arts = {a.ident: a for a in load(path)}
    rows = [json.loads(x) for x in args.dump.read_text(encoding="utf-8").splitlines()]
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    toks_of: dict[str, list] = {}
    examples: list[str] = []
    for r in rows:
        cls = left_class(r)
        if cls not in CLASSES or " " in r["raw"] or " " in r["gold"]:
            continue
        a = arts[r["art"]]
        toks = toks_of.get(a.ident) or toks_of.setdefault(a.ident, tokenize(a.raw))
        idx = next((i for i, t in enumerate(toks) if t.start == r["start"]), None)
        if idx is None or toks[idx].kind != "word":
            continue
        raw, gold = r["raw"], r["gold"].lower()
        low = raw.lower()
        left, right = neighbours(toks, idx)
        n = len(low)
        cut = max(2, int(n * SHARE + 0.5))
        s = stats[cls]
        s["n"] += 1
        s["has left"] += bool(left)
        s["has right"] += right is not None

        def near(w: str, low: str = low, n: int = n, cut: int = cut) -> bool:
            return (
                n - SHORTER <= len(w) <= n + LONGER
                and w != low
                and (Levenshtein.distance(low, w) <= cut)
            )

        ctx = [w for w in context_words(left[-1] if left else None, right) if near(w)]
        s["ctx size"] += len(ctx)
        far = [w for k in range(n - SHORTER, n + LONGER + 1) for w in _by_length().get(k, ())]
        far = [w for w in far if near(w)]
        for name, pool, chan in (("ctx", ctx, False), ("ctx+ch", ctx, True), ("far+ch", far, True)):
            ranked = score_readings(raw, pool, left, right, channel=chan)
            words = [w for _sc, w in ranked]
            if gold in words:
                s[f"{name} in"] += 1
                k = words.index(gold) + 1
                for cut_k in (1, 3, 10):
                    s[f"{name} @{cut_k}"] += k <= cut_k
                if k == 1 and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 2.0):
                    s[f"{name} @1 m2"] += 1
            if ranked and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 2.0):
                s[f"{name} top m2"] += 1
                if words[0] != gold:
                    s[f"{name} wrong m2"] += 1
            if name == "ctx+ch" and len(examples) < 400:
                examples.append(
                    f"{cls:28} {' '.join(left)!s:>22} [{raw} -> {gold}] {right}: "
                    + ", ".join(f"{w} {sc:.1f}" for sc, w in ranked[:4])
                )
    cols = ["n", "has left", "has right", "ctx size"]
    for name in ("ctx", "ctx+ch", "far+ch"):
        cols += [f"{name} {x}" for x in ("in", "@1", "@3", "@10", "@1 m2", "wrong m2")]
    for cls in CLASSES:
        s = stats[cls]
        print(cls, {c: s[c] for c in cols})
    tot: Counter[str] = Counter()
    for s in stats.values():
        tot.update(s)
    print("total", {c: tot[c] for c in cols})
    for line in examples[: args.examples]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
