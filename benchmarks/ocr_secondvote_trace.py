"""The second vote's eligible spans on an SMH split, labelled by the gold (issue 12, session 64).

    python benchmarks/ocr_secondvote_trace.py [--split dev] [--json OUT] [-- MODULE.NAME=VALUE ...]
    python benchmarks/ocr_xsource.py --train icdar --eval benchmarks/ocr_secondvote_trace.py \\
        --args "--split dev --json OUT"              # the ICDAR-only proxy

Each article of the split is repaired with :data:`repair.score.ocr_secondvote._TRACE` on
(nothing changes but the trace); each traced span (``order``: the first two accepted
readings of a short print; ``accept``: a short print's best refused common reading) gets
the gold token at its place (``smh_switch_diff.gold_at``: ``=`` the print is right).  The
table counts, per kind, how many traced spans pass the vote (``ok``) and of those how
many the vote would make right / wrong.
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

from runtime_args import split_runtime  # noqa: E402

from benchmarks.smh_eval import DEFAULT_DATA, load, split_of  # noqa: E402
from benchmarks.smh_switch_diff import gold_at  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--json", type=Path, default=None)
    opts = ap.parse_args(args)
    import importlib

    for spec in runtime:
        name, value = spec.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        setattr(importlib.import_module(mod), attr, json.loads(value))
    from repair.config import RepairConfig
    from repair.pipeline import repair_text
    from repair.score import ocr_secondvote

    rows = []
    for a in load(DEFAULT_DATA / "allArticles.txt"):
        if split_of(a.ident) != opts.split:
            continue
        ocr_secondvote._TRACE = []
        res = repair_text(a.raw, config=RepairConfig())
        trace, ocr_secondvote._TRACE = ocr_secondvote._TRACE, None
        gm = gold_at(a.raw, a.gold)
        out_at = {e.offset: e.replacement for e in res.edits}
        for t in trace:
            g = gm.get(t["start"], "?")
            t["gold"] = t["print"] if g == "=" else g.lower()
            t["out"] = out_at.get(t["start"], t["print"])
            t["id"] = a.ident
            t["ctx"] = a.raw[max(0, t["start"] - 40) : t["start"] + 40].replace("\n", " ")
            rows.append(t)
    tally: Counter[tuple[str, bool, str]] = Counter()
    for t in rows:
        # an order span is labelled by which of its two readings the gold is, a refused
        # one by whether the gold is the reading or the print
        names = ("first", "second") if t["kind"] == "order" else ("reading", "print")
        rival = t["second"] if t["kind"] == "order" else t["print"]
        lab = names[0] if t["gold"] == t["first"] else names[1] if t["gold"] == rival else "other"
        t["label"] = lab
        tally[(t["kind"], t["ok"], lab)] += 1
    for key in sorted(tally):
        print(*key, tally[key], sep="\t")
    if opts.json:
        opts.json.write_text(json.dumps(rows, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
