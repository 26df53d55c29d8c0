"""An account of the digit residue on SMH: the gold tokens we leave wrong where figures
are involved, by kind (issue 12, session 48).

    python benchmarks/smh_digit_account.py [--split dev] [--examples N] [--kind K]
                                           [--set MODULE.NAME=VALUE ...]

The census of ``smh_gap_account.py --residual`` (session 47) counts a gold token left
wrong as ``digits`` when the gold token or a raw token of its changed run holds a digit.
Here the same tokens (same normalisation, alignment and runs) are classed by what a
reader would have had to do:

* ``spacing / marks only``: the letters and figures of the raw run are the gold's, only
  spaces or marks differ ("£ 10" for "£10", "18 50" for "1850" is ``split number``);
* ``split number``: the figures of the gold token are spread over several raw tokens;
* ``letter for a figure``: the gold token is a number the raw printed with letters in it
  ("1S50", "l8", "Gd"), the same length;
* ``figure for a letter``: the gold token is a word the raw printed with a figure in it
  ("wa3", "8ydney");
* ``figure for a figure``: the raw token is all figures and so is the gold, other figures
  ("1886" for "1856"): no reader can tell;
* ``other``: figures lost, added, or a longer garble.

Each kind is split by its place (``money`` when a sum's mark "£", "s", "d" stands within
two tokens of the gold, ``date`` when a month name does, ``column`` otherwise when three
or more of the six gold tokens either side are figures, else ``text``) and counts whether
we changed the raw (``touched``) and how many OverProof has right.  Dev half only by default.
"""

from __future__ import annotations

import argparse
import calendar
import importlib
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import add_selection_args, normalise, selected  # noqa: E402
from benchmarks.smh_gap import correct_gold, hyp_of, runs  # noqa: E402
from repair.bench.metrics import token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

_MONTHS = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])}
_MONEY = {"£", "s", "d", "l", "per", "cent", "$"}


def _w(tok: str) -> str:
    return tok.strip()


def _alnum(toks: list[str]) -> str:
    return "".join(c for t in toks for c in t if c.isalnum())


def digit_kind(raw_run: list[str], gold_run: list[str], g: str, raw_tok: str | None) -> str:
    """The kind of a digit residue token (module doc); ``raw_tok`` is the raw token
    aligned one-to-one with ``g`` when there is one."""
    gw = _w(g)
    if _alnum(raw_run) == _alnum(gold_run):
        if len([t for t in raw_run if any(c.isdigit() for c in t)]) > len(
            [t for t in gold_run if any(c.isdigit() for c in t)]
        ):
            return "split number"
        return "spacing / marks only"
    if not any(c.isdigit() for c in gw):
        return "figure for a letter"
    if raw_tok is not None:
        rw = _w(raw_tok)
        if len(rw) == len(gw) and any(c.isalpha() for c in rw):
            return "letter for a figure"
        if rw.replace(",", "").replace(".", "").isdigit():
            return "figure for a figure"
    ra = _alnum(raw_run)
    ga = _alnum(gold_run)
    if len(ra) == len(ga) and any(c.isalpha() for c in ra) and any(c.isdigit() for c in ga):
        return "letter for a figure"
    return "other"


def place(gold: tuple[str, ...], j: int) -> str:
    """``money`` / ``date`` / ``column`` / ``text`` (module doc)."""
    near = [_w(t).lower() for t in gold[max(0, j - 2) : j + 3]]
    if any(t in _MONEY for t in near if t) and any(any(c.isdigit() for c in t) for t in near):
        if "£" in near or "s" in near or "d" in near or "cent" in near:
            return "money"
    if any(t.rstrip(".") in _MONTHS for t in near):
        return "date"
    wide = [_w(t) for t in gold[max(0, j - 6) : j] + gold[j + 1 : j + 7]]
    if sum(any(c.isdigit() for c in t) for t in wide) >= 3:
        return "column"
    return "text"


def account(arts: list, examples: int, only: str | None, seed: int = 0) -> Counter[str]:
    kinds: Counter[str] = Counter()
    op_right: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    places: Counter[tuple[str, str]] = Counter()
    broke: Counter[str] = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        res = repair_text(a.raw, config=RepairConfig())
        raw = token_seq(normalise(a.raw)).toks
        gold, ours, op = (token_seq(normalise(t)).toks for t in (a.gold, res.text, a.overproof))
        ok_ours, ok_op, ok_raw = (correct_gold(h, gold) for h in (ours, op, raw))
        ours_at, op_at, raw_at = hyp_of(ours, gold), hyp_of(op, gold), hyp_of(raw, gold)
        run_at = {j: r for r in runs(raw, gold) for j in range(r[2], r[3])}
        for j, g in enumerate(gold):
            if ok_ours[j] or not any(c.isalnum() for c in g):
                continue
            if ok_raw[j]:
                if any(c.isdigit() for c in g):
                    broke[place(gold, j)] += 1
                    ex["a right figure broken"].append(f"us {ours_at[j]!r} gold {_w(g)!r}")
                continue
            if j not in run_at:
                continue
            i1, i2, j1, j2 = run_at[j]
            rr, gr = list(raw[i1:i2]), list(gold[j1:j2])
            if not (any(c.isdigit() for c in g) or any(c.isdigit() for t in rr for c in t)):
                continue
            one = raw[i1 + j - j1] if i2 - i1 == j2 - j1 else None
            k = digit_kind(rr, gr, g, one)
            p = place(gold, j)
            kinds[k] += 1
            op_right[k] += ok_op[j]
            touched[k] += _w(ours_at[j]) != _w(raw_at[j])
            places[(k, p)] += 1
            ctx = (
                "".join(gold[max(0, j - 5) : j]) + " [" + _w(g) + "]" + "".join(gold[j + 1 : j + 4])
            )
            ex[f"{k} / {p}"].append(
                f"raw {''.join(rr)!r} us {ours_at[j]!r} op {op_at[j]!r} gold {_w(g)!r}"
                f"{' OP' if ok_op[j] else ''} | {ctx}"
            )
    total = sum(kinds.values())
    pl = ("money", "date", "column", "text")
    print(f"| kind | left wrong | {' | '.join(pl)} | we changed it | OverProof right |")
    print("|---|---:|" + "---:|" * len(pl) + "---:|---:|")
    for k, n in kinds.most_common():
        cells = " | ".join(str(places[(k, p)]) for p in pl)
        print(f"| {k} | {n} | {cells} | {touched[k]} | {op_right[k]} |")
    cells = " | ".join(str(sum(places[(k, p)] for k in kinds)) for p in pl)
    print(
        f"| **total** | **{total}** | {cells} | {sum(touched.values())} "
        f"| {sum(op_right.values())} |"
    )
    print(f"\nright raw figures we break: {sum(broke.values())} ({dict(broke)})")
    rng = random.Random(seed)
    for name, lines in sorted(ex.items(), key=lambda kv: -len(kv[1])):
        if examples and (not only or name.startswith(only)):
            print(f"\n== {name} ({len(lines)})")
            for line in rng.sample(lines, min(examples, len(lines))):
                print("  ", line)
    return kinds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--kind", default=None)
    ap.add_argument("--set", action="append", default=[], dest="sets")
    args = ap.parse_args(argv)
    for s in args.sets:
        name, _, value = s.partition("=")
        mod, _, attr = name.rpartition(".")
        setattr(importlib.import_module(mod), attr, eval(value))  # noqa: S307 (a bench flag)
    account(selected(args.data, args.split, args.limit), args.examples, args.kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
