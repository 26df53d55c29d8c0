"""The case of our chosen one-word readings on SMH against the gold (issue 12, session 53).

    python benchmarks/smh_readcase_account.py --split dev [--show]

For every edit whose replacement is one word of 2+ letters and whose output token the
gold has up to case (the reading is right but for its case), counts by the print's case
(an initial capital, not all capitals / lower case), our case and the gold's, and whether
the gold token follows a sentence stop.  It answers whether a reading of a capitalised
print should keep the print's capital: the lowered readings ("Bued" -> "sued") against
the capitals they lost ("Hctchcr" -> "fletcher", gold "Fletcher").  Output tokens are
aligned to the gold one-to-one inside equal-length runs (:func:`repair.bench.metrics.
_opcodes`); a reading the alignment does not pair with one gold token is not counted.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import add_selection_args, selected  # noqa: E402
from benchmarks.smh_gap_account import norm_map  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import Edit  # noqa: E402

#: Marks an edit may remove around the word it reads (as ``ocr_capcase.MARKS_AROUND``).
MARKS = "\\.,'\"`*«»;:-_|/!?¡¿"


def _case(word: str) -> str:
    return "Cap" if word[:1].isupper() else "low"


def rows(raw: str, gold: str, out: str, edits: list[Edit]) -> list[tuple[tuple[str, ...], str]]:
    """``(key, example)`` per right-but-for-case one-word reading of one article."""
    ours_n, src = norm_map(out)
    seq = token_seq(ours_n)
    gt = token_seq(norm_map(gold)[0]).toks
    o2g: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in _opcodes(seq.toks, gt):
        if tag == "equal" or i2 - i1 == j2 - j1:
            o2g.update({i1 + k: j1 + k for k in range(i2 - i1)})
    starts = [src[s] for s, _ in seq.spans]
    found: list[tuple[tuple[str, ...], str]] = []
    shift = 0
    for e in sorted(edits, key=lambda e: e.offset):
        at = e.offset + shift
        shift += len(e.replacement) - e.length
        r = e.replacement
        core = e.original.lstrip(MARKS)
        if not (r.isalpha() and len(r) > 1 and core[:1].isalpha()):
            continue
        k = bisect.bisect_left(starts, at)
        j = o2g.get(k)
        if j is None or k >= len(starts) or starts[k] >= at + len(r):
            continue
        g, ot = gt[j].strip(), seq.toks[k].strip()
        if g.lower() != ot.lower() or (len(core) > 1 and core.isupper()):
            continue
        place = "after stop" if j and gt[j - 1].strip() in ".!?" else "inside"
        key = (f"print {_case(core)}", f"ours {_case(r)}", f"gold {_case(g)}", place)
        ctx = " ".join(x.strip() for x in gt[max(0, j - 4) : j + 3])
        found.append((key, f"{e.original!r} -> {r!r} [{e.rule}] | {ctx}"))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--show", action="store_true", help="list the readings whose case is wrong")
    opts = ap.parse_args(argv)
    counts: Counter[tuple[str, ...]] = Counter()
    for a in selected(opts.data, opts.split, opts.limit):
        res = repair_text(a.raw, config=RepairConfig())
        for key, example in rows(a.raw, a.gold, res.text, list(res.edits)):
            counts[key] += 1
            if opts.show and key[1][-3:] != key[2][-3:]:
                print("  ", " / ".join(key), "|", example)
    print("| print | ours | gold | place | readings |")
    print("|---|---|---|---|---:|")
    for key, n in sorted(counts.items()):
        print("| " + " | ".join(key) + f" | {n} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
