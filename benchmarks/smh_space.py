"""How much of the SMH token error is spacing alone (session 42, ocrstop42; issue 12).

    python benchmarks/smh_space.py [--split dev|test] [--examples N]

``smh_eval.py`` scores with :func:`repair.bench.metrics.token_seq`, whose tokens carry the
space before them: "Europe-Belgium" (three tokens, no spaces) against the gold's
"Europe - Belgium" costs two token errors ("-" / " -" and "Belgium" / " Belgium")
although words and marks agree.  This script does not change that scorer: it prints,
for the raw OCR, ``repair`` and OverProof alike, the token errors as ``smh_eval.py``
counts them and the token errors with the space flag dropped (each token stripped), so
the two readings of "token edit distance over words and punctuation" can be compared
column by column.  ``--examples N`` (dev only) lists the N most frequent spacing-only
differences between ``repair``'s output and the gold (aligned runs whose tokens agree
once stripped).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import DEFAULT_DATA, normalise, selected  # noqa: E402
from repair.bench.metrics import _opcodes, token_distance, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def stripped(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens without the space flag."""
    return tuple(t.strip() for t in toks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    if args.examples and args.split != "dev":
        ap.error("--examples lists dev examples only")
    tot: Counter[str] = Counter()
    shapes: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    for a in selected(args.data, args.split):
        ours = repair_text(a.raw, config=RepairConfig()).text
        gold = token_seq(normalise(a.gold)).toks
        tot["gold"] += len(gold)
        for name, text in (("raw", a.raw), ("ours", ours), ("op", a.overproof)):
            hyp = token_seq(normalise(text)).toks
            tot[name] += token_distance(hyp, gold)
            tot[name + " stripped"] += token_distance(stripped(hyp), stripped(gold))
        if args.examples:
            hyp = token_seq(normalise(ours)).toks
            for tag, i1, i2, j1, j2 in _opcodes(hyp, gold):
                if tag != "equal" and stripped(hyp[i1:i2]) == stripped(gold[j1:j2]):
                    shapes[(hyp[i1:i2], gold[j1:j2])] += 1
    print(f"SMH {args.split}: {tot['gold']} gold tokens")
    print(
        "| column | token errors (smh_eval) | change | token errors, space flag dropped | change |"
    )
    print("|---|---|---|---|---|")
    for name, label in (("raw", "raw OCR"), ("ours", "`repair`"), ("op", "OverProof")):
        e, s = tot[name], tot[name + " stripped"]
        de = f"{100 * (e - tot['raw']) / tot['raw']:+.1f} %" if name != "raw" else ""
        raw_s = tot["raw stripped"]
        ds = f"{100 * (s - raw_s) / raw_s:+.1f} %" if name != "raw" else ""
        print(f"| {label} | {e} | {de} | {s} | {ds} |")
    for (h, g), n in shapes.most_common(args.examples):
        print(f"{n:4d}  ours {list(h)!r}  gold {list(g)!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
