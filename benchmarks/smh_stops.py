"""Full stops missing before a capital, and case-only errors, after repair on SMH dev.

    python benchmarks/smh_stops.py [--split dev] [--examples N]

The repaired output and the gold are aligned by tokens as ``smh_eval.py`` scores them;
counted are a full stop the gold has before a capitalised word that the output lacks
(``stop-missing-before-cap``), tokens that differ only in case (``case-only``), and a
gold stop printed as another mark (``stop-as-,``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import DEFAULT_DATA, load, normalise, split_of  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def classify(out: list[str], gold: list[str]) -> list[tuple[str, str]]:
    """(kind, context) of each stop or case error of one aligned article."""
    found = []
    for tag, i1, i2, j1, j2 in _opcodes(out, gold):
        gs, os_ = gold[j1:j2], out[i1:i2]
        if tag == "insert" and gs == ["."] and j2 < len(gold) and gold[j2][:1].isupper():
            kind = "stop-missing-before-cap"
        elif tag == "replace" and len(gs) == len(os_) and gs != os_:
            if [x.lower() for x in gs] == [x.lower() for x in os_]:
                kind = "case-only"
            elif gs[0] == "." and os_[0] in (",", ":", ";", "'", "-"):
                kind = f"stop-as-{os_[0]}"
            else:
                continue
        else:
            continue
        found.append((kind, f"ours {' '.join(out[max(0, i1 - 3) : i2 + 2])!r}"))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    arts = [a for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == args.split]
    counts: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for a in arts:
        text = repair_text(a.raw, config=RepairConfig()).text
        out = [t.strip() for t in token_seq(normalise(text)).toks]
        gold = [t.strip() for t in token_seq(normalise(a.gold)).toks]
        for kind, ctx in classify(out, gold):
            counts[kind] += 1
            if shown[kind] < args.examples:
                shown[kind] += 1
                print(f"{kind}: {ctx}")
    for kind, n in counts.most_common():
        print(f"{n:6} {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
