"""The SMH dev misses by class, and what OverProof got right in each (issue 12, session 13).

    python benchmarks/ocr_reach.py --dump errors.jsonl   # dev half, one row per error
    python benchmarks/ocr_miss.py errors.jsonl

Each one-token or one-to-two error of ``ocr_reach.py``'s dump is put in the first class
that applies: ``fixed``; ``gate`` (the garble gate stayed shut on the article: no
candidate was built); ``boundary`` (a split or merged word); ``real-word`` (the print is a
known word); then, for non-words, ``no candidate`` / ``not reached`` (candidates, none the
gold) / ``not chosen`` (the gold was a candidate, the scorer declined it or preferred
another).  Punctuation and case are not in the dump (they are not reach):
``benchmarks/smh_gap.py`` counts them.  Per class: errors, those OverProof fixes, and
the share of all errors OverProof fixes that we miss.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def miss_class(row: dict) -> str:
    """The class of one dumped error (module doc)."""
    if row["state"] == "fixed":
        return "fixed"
    if row["page"] == "clean":
        return "gate"
    if row["cls"] in ("split", "merge"):
        return "boundary"
    if row["cls"] == "real":
        return f"real-word {row['state']}"
    return {"no-cand": "no candidate", "unreached": "not reached"}.get(row["state"], "not chosen")


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rows = [json.loads(x) for x in Path(args[0]).read_text(encoding="utf-8").splitlines()]
    n, op = Counter(), Counter()
    for r in rows:
        k = miss_class(r)
        n[k] += 1
        op[k] += bool(r["op_fixed"])
    gap = sum(v for k, v in op.items() if k != "fixed")
    print("| class | errors | OverProof fixes | share of OverProof's lead |")
    print("|---|---|---|---|")
    for k, v in sorted(n.items(), key=lambda kv: (kv[0] != "fixed", -op[kv[0]])):
        share = "" if k == "fixed" else f"{100.0 * op[k] / max(1, gap):.1f} %"
        print(f"| {k} | {v} | {op[k]} | {share} |")
    print(f"| total | {sum(n.values())} | {sum(op.values())} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
