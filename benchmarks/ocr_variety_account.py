"""How often an OCR reading lands on the other spelling variety than the gold, and what
moving readings to the page's variety does (issue 12, session 65 ocrbrit).

    python benchmarks/ocr_variety_account.py --split dev           (shipped tables)
    python benchmarks/ocr_xsource.py --train icdar --eval benchmarks/ocr_variety_account.py \
        --args "--split dev"

Each article is repaired twice, :data:`repair.candidates.ocr_variety.VARIETY_MOVE` off and
on.  Reported: the token / character errors of both (``smh_eval.errors``); the gold tokens
whose aligned output is the gold's other-variety spelling (a pair by the module's rules,
either direction) in each run, and the raw print's; every gold token whose output differs
between the runs, with which run is right.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import add_selection_args, errors, normalise, selected  # noqa: E402
from benchmarks.smh_gap import hyp_of  # noqa: E402
from repair.candidates import ocr_variety  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def _core(tok: str) -> str:
    return "".join(ch for ch in tok.lower() if ch.isalpha())


def other_variety(out: str, gold: str) -> bool:
    """Whether ``out`` is ``gold``'s other-variety spelling (either direction)."""
    o, g = _core(out), _core(gold)
    if not o or o == g:
        return False
    return ocr_variety._variant(o, True) == g or ocr_variety._variant(o, False) == g


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_selection_args(ap)
    args = ap.parse_args(argv)
    arts = selected(args.data, args.split, args.limit)
    tot = {k: [0, 0] for k in ("tok", "chr", "variety")}
    raw_variety = 0
    diffs: list[str] = []
    gold_tok = gold_chr = 0
    for a in arts:
        gold = tuple(normalise(a.gold).split())
        outs = []
        for k, on in enumerate((False, True)):
            ocr_variety.VARIETY_MOVE = on
            text = repair_text(a.raw, config=RepairConfig()).text
            t, gt, c, gc = errors(text, a.gold)
            tot["tok"][k] += t
            tot["chr"][k] += c
            hyp = hyp_of(tuple(normalise(text).split()), gold)
            tot["variety"][k] += sum(other_variety(h, g) for h, g in zip(hyp, gold, strict=True))
            outs.append(hyp)
        gold_tok += gt
        gold_chr += gc
        rawhyp = hyp_of(tuple(normalise(a.raw).split()), gold)
        raw_variety += sum(other_variety(h, g) for h, g in zip(rawhyp, gold, strict=True))
        for j, g in enumerate(gold):
            if outs[0][j] != outs[1][j]:
                won = "on" if outs[1][j] == g else "off" if outs[0][j] == g else "neither"
                diffs.append(
                    f"  {a.ident}: raw {rawhyp[j]!r} off {outs[0][j]!r} on {outs[1][j]!r}"
                    f" gold {g!r} -> {won}"
                )
    ocr_variety.VARIETY_MOVE = False
    print(f"### variety account, {args.split} ({len(arts)} articles, {gold_tok} gold tokens)")
    print(f"token errors off {tot['tok'][0]} on {tot['tok'][1]}")
    print(f"char errors  off {tot['chr'][0]} on {tot['chr'][1]} (gold chars {gold_chr})")
    print(
        f"gold tokens read as the other variety: raw {raw_variety}, off {tot['variety'][0]},"
        f" on {tot['variety'][1]}"
    )
    print(f"tokens that differ off/on: {len(diffs)}")
    print("\n".join(diffs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
