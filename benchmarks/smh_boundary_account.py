"""The word-boundary errors left on SMH, by kind, page gate and OverProof (issue 12, session 51).

    python benchmarks/smh_boundary_account.py [--split dev] [--limit N] [--examples N]
                                              [MODULE.NAME=VALUE ...]

Each article's raw OCR, our repair, OverProof's output and the gold are normalised as
``smh_eval.py`` does (line-end hyphens joined, runs of space collapsed) and our output is
aligned to the gold by tokens.  A changed run whose token counts differ is a *boundary
error*; it is

* ``merged`` when our run has fewer word tokens than the gold's ("ofthe" for "of the"),
  ``split`` when it has more ("Com mission" for "Commission");
* ``pure`` when the letters are the gold's and only the spacing is wrong, ``garbled``
  when letters are wrong too;
* ``hyphen`` when a hyphen is in either run (a line-end hyphen kept or a compound);

and is told by the page's gate as the OCR stage saw it (``clean``: the garble gate shut;
``garbled``; ``heavy``; ``old``), by whether the raw OCR already had the gold there
(``broke``: we made the error) and by whether OverProof's output has the gold tokens.
For pure errors the article's own evidence is printed: how often the raw article prints
the joined form (a split word) or each piece as a word of its own (a merged word).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_reach import _Recorder  # noqa: E402
from benchmarks.smh_eval import add_selection_args, normalise, selected  # noqa: E402
from benchmarks.smh_gap import correct_gold, runs  # noqa: E402
from repair.bench.metrics import token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402


def _words(toks: list[str]) -> list[str]:
    return [t.strip() for t in toks if any(c.isalnum() for c in t)]


def boundary_kind(ours: list[str], gold: list[str]) -> str | None:
    """The kind of one changed run, or ``None`` when it is no boundary error.

    >>> boundary_kind(["ofthe"], ["of", " the"])
    'merged pure'
    >>> boundary_kind(["Com", " mission"], ["Commission"])
    'split pure'
    >>> boundary_kind(["Coin-", " mittee"], ["Committee"])
    'split garbled hyphen'
    >>> boundary_kind(["tbe"], ["the"]) is None
    True
    """
    wo, wg = _words(ours), _words(gold)
    if len(wo) == len(wg) or not wo or not wg:
        return None
    kind = "merged" if len(wo) < len(wg) else "split"
    letters_o = "".join(wo).replace("-", "")
    letters_g = "".join(wg).replace("-", "")
    kind += " pure" if letters_o == letters_g else " garbled"
    if any("-" in t for t in wo + wg):
        kind += " hyphen"
    return kind


def _set(assignments: list[str]) -> None:
    for item in assignments:
        name, value = item.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        setattr(importlib.import_module(mod), attr, eval(value))  # noqa: S307


def account(arts: list, examples: int) -> None:
    rec = _Recorder()
    rows: list[tuple[str, str, bool, bool, int, str]] = []
    for a in arts:
        res = repair_text(a.raw, config=RepairConfig())
        page = rec.page if rec.text == a.raw else "-"
        raw_words = Counter(t.strip().lower() for t in token_seq(normalise(a.raw)).toks)
        gt = token_seq(normalise(a.gold)).toks
        ot = token_seq(normalise(res.text)).toks
        ok_raw = correct_gold(token_seq(normalise(a.raw)).toks, gt)
        ok_op = correct_gold(token_seq(normalise(a.overproof)).toks, gt)
        for i1, i2, j1, j2 in runs(ot, gt):
            ours, gold = list(ot[i1:i2]), list(gt[j1:j2])
            kind = boundary_kind(ours, gold)
            if kind is None:
                continue
            span = range(j1, j2)
            broke = all(ok_raw[j] for j in span)
            op_right = all(ok_op[j] for j in span)
            wo, wg = _words(ours), _words(gold)
            if kind.startswith("split"):
                joined = "".join(wo).lower()
                ev = f"joined printed {raw_words[joined]}x z={zipf(joined):.1f}"
            else:
                ev = " ".join(f"{w}:{raw_words[w.lower()]}x/z{zipf(w.lower()):.1f}" for w in wg)
            line = f"{' '.join(wo)!r} gold {' '.join(wg)!r} | {ev}"
            rows.append((kind, page, broke, op_right, max(len(wg), 1), line))
    by = Counter()
    toks = Counter()
    op_right = Counter()
    for kind, page, broke, opr, n, _ in rows:
        key = (kind, page, "broke" if broke else "left")
        by[key] += 1
        toks[key] += n
        op_right[key] += n if opr else 0
    print("| kind | page gate | ours | runs | gold tokens | OverProof right (tokens) |")
    print("|---|---|---|---:|---:|---:|")
    for key in sorted(by, key=lambda k: (-toks[k], k)):
        print(f"| {key[0]} | {key[1]} | {key[2]} | {by[key]} | {toks[key]} | {op_right[key]} |")
    tot_kind = Counter()
    for (kind, _page, _b), n in toks.items():
        tot_kind[kind.split()[0] + (" hyphen" if "hyphen" in kind else "")] += n
    print("\nby kind (gold tokens):", dict(tot_kind))
    n_tok, n_op = sum(toks.values()), sum(op_right.values())
    print("total runs", len(rows), "gold tokens", n_tok, "OverProof right", n_op)
    if examples:
        for key in sorted(by, key=lambda k: (-toks[k], k)):
            print(f"\n== {' / '.join(key)} ({by[key]})")
            shown = [r for r in rows if (r[0], r[1], "broke" if r[2] else "left") == key][:examples]
            for r in shown:
                print(f"   op={int(r[3])} {r[5]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("settings", nargs="*", help="MODULE.NAME=VALUE overrides")
    args = ap.parse_args(argv)
    _set(args.settings)
    account(selected(args.data, args.split, args.limit), args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
