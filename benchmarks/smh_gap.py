"""Where the SMH dev-half errors are: raw vs gold vs `repair` vs OverProof, per error.

    python benchmarks/smh_gap.py [--split dev] [--examples N] [--bucket NAME] [--limit N]

Dev half only by default (tune there; see ``smh_eval.py``).  Each article's raw OCR,
our repair of it and OverProof's output are normalised as ``smh_eval.py`` does and
aligned to the gold by tokens (:func:`repair.bench.metrics._opcodes`, letter-weighted).
An *error* is one changed run of the raw-to-gold alignment; it is *fixed* by a system
when every gold token of the run is aligned equal in that system's alignment and the
system keeps the tokens on either side.  Errors are bucketed by shape:

* ``punct``: only punctuation differs; ``space``: only spacing ("word ,");
* ``split`` / ``merge``: one raw token is several gold words, or the reverse;
* ``case``: the same letters in another case ("In" for "in");
* ``nonword-dN`` / ``realword-dN``: a one-token substitution whose raw form the
  dictionary lacks / knows, ``N`` its letter edit distance (``3+`` for more);
  ``cap-`` prefixed when the gold word is capitalised;
* ``multi``: anything longer.

The table shows, per bucket: raw errors, fixed by us, fixed by OverProof, fixed by
OverProof but not us (the gap), and correct raw tokens we broke (by the bucket of our
change).  ``--examples N`` prints N gap examples of each bucket (``--bucket`` one only).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from benchmarks.smh_eval import DEFAULT_DATA, load, normalise, split_of  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.ocr_channel import is_known  # noqa: E402


def correct_gold(hyp: tuple[str, ...], gold: tuple[str, ...]) -> list[bool]:
    """For each gold token: is it aligned equal to a token of ``hyp``?"""
    ok = [False] * len(gold)
    for tag, _i1, _i2, j1, j2 in _opcodes(hyp, gold):
        if tag == "equal":
            ok[j1:j2] = [True] * (j2 - j1)
    return ok


def hyp_of(hyp: tuple[str, ...], gold: tuple[str, ...]) -> list[str]:
    """For each gold token, the hyp text aligned to it (joined; inserts go to the next)."""
    out = [""] * len(gold)
    for tag, i1, i2, j1, j2 in _opcodes(hyp, gold):
        piece = "".join(hyp[i1:i2])
        if j2 > j1:
            if tag == "equal" or j2 - j1 == i2 - i1:
                for k in range(j2 - j1):
                    out[j1 + k] = hyp[i1 + k] if i1 + k < i2 else ""
            else:
                out[j1] = piece
        elif piece and j1 < len(gold):
            out[j1] = piece + "|" + out[j1]
    return out


def runs(raw: tuple[str, ...], gold: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """The changed runs of the raw-to-gold alignment (adjacent changed ops merged)."""
    out: list[list[int]] = []
    last = None
    for tag, i1, i2, j1, j2 in _opcodes(raw, gold):
        if tag == "equal":
            last = None
            continue
        if last is not None and out and out[-1][1] == i1 and out[-1][3] == j1:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
        last = tag
    return [tuple(u) for u in out]


def _letters(tok: str) -> str:
    return tok.strip()


def bucket(raw: list[str], gold: list[str]) -> str:
    r = [_letters(t) for t in raw]
    g = [_letters(t) for t in gold]
    if "".join(r) == "".join(g):
        return "space"
    alnum_r = [t for t in r if any(c.isalnum() for c in t)]
    alnum_g = [t for t in g if any(c.isalnum() for c in t)]
    if alnum_r == alnum_g:
        return "punct"
    if "".join(alnum_r).lower() == "".join(alnum_g).lower() and len(alnum_r) == len(alnum_g):
        return "case"
    if len(alnum_r) == 1 and len(alnum_g) > 1:
        return "split"
    if len(alnum_r) > 1 and len(alnum_g) == 1:
        return "merge"
    if len(alnum_r) == 1 and len(alnum_g) == 1:
        a, b = alnum_r[0], alnum_g[0]
        d = Levenshtein.distance(a, b)
        kind = "realword" if is_known(a.lower()) and a.isalpha() else "nonword"
        if any(c.isdigit() for c in a + b):
            kind = "number"
        cap = "cap-" if b[:1].isupper() else ""
        return f"{cap}{kind}-d{min(d, 3)}{'+' if d >= 3 else ''}"
    if not alnum_r:
        return "inserted-word"
    if not alnum_g:
        return "deleted-word"
    return "multi"


def analyse(arts: list, examples: int, only: str | None, seed: int = 0) -> None:
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    gaps: dict[str, list[str]] = defaultdict(list)
    wins: dict[str, list[str]] = defaultdict(list)
    broke: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        res = repair_text(a.raw, config=RepairConfig())
        raw, gold, ours, op = (
            token_seq(normalise(t)).toks for t in (a.raw, a.gold, res.text, a.overproof)
        )
        ok_ours, ok_op = correct_gold(ours, gold), correct_gold(op, gold)
        ours_at = hyp_of(ours, gold)
        op_at = hyp_of(op, gold)
        ok_raw = correct_gold(raw, gold)
        for i1, i2, j1, j2 in runs(raw, gold):
            b = bucket(list(raw[i1:i2]), list(gold[j1:j2]))
            lo, hi = max(0, j1 - 1), min(len(gold), j2 + 1)
            span = range(j1, j2) if j2 > j1 else range(lo, hi)
            fixed_us = all(ok_ours[k] for k in span)
            fixed_op = all(ok_op[k] for k in span)
            s = stats[b]
            s["raw"] += 1
            s["us"] += fixed_us
            s["op"] += fixed_op
            s["gap"] += fixed_op and not fixed_us
            s["win"] += fixed_us and not fixed_op
            line = (
                f"raw {''.join(raw[i1:i2])!r} gold {''.join(gold[j1:j2])!r} "
                f"us {''.join(ours_at[k] for k in span)!r} op {''.join(op_at[k] for k in span)!r}"
                f"   | ...{''.join(gold[max(0, j1 - 4) : j1])}[]{''.join(gold[j2 : j2 + 3])}"
            )
            if fixed_op and not fixed_us:
                gaps[b].append(line)
            if fixed_us and not fixed_op:
                wins[b].append(line)
        for k, g in enumerate(gold):  # correct raw tokens we broke
            if ok_raw[k] and not ok_ours[k]:
                b = bucket([ours_at[k]], [g]) if ours_at[k] else "deleted"
                stats[b]["broke"] += 1
                ctx = f"{''.join(gold[max(0, k - 4) : k])}[]{''.join(gold[k + 1 : k + 3])}"
                broke[b].append(f"gold {g!r} us {ours_at[k]!r}   | ...{ctx}")
    tot = Counter()
    for s in stats.values():
        tot.update(s)
    cols = ("raw", "us", "op", "gap", "win", "broke")
    print(f"{'bucket':18}" + "".join(f" {c:>6}" for c in cols))
    for b, s in [*sorted(stats.items(), key=lambda kv: -kv[1]["gap"]), ("total", tot)]:
        print(f"{b:18}" + "".join(f" {s[c]:6}" for c in cols))
    rng = random.Random(seed)
    if examples:
        for title, table in (("GAP (op fixes, we miss)", gaps), ("BROKE", broke), ("WIN", wins)):
            for b, lines in sorted(table.items(), key=lambda kv: -len(kv[1])):
                if only and b != only:
                    continue
                print(f"\n== {title}: {b} ({len(lines)})")
                for line in rng.sample(lines, min(examples, len(lines))):
                    print("  ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--bucket", default=None)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    arts = [a for a in load(path) if args.split == "all" or split_of(a.ident) == args.split]
    if args.limit:
        arts = arts[: args.limit]
    analyse(arts, args.examples, args.bucket)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
