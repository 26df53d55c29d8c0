"""The lower-case non-words OverProof reads right and we leave, told by why (issue 12, session 65).

    python benchmarks/ocr_xsource.py --train icdar --eval benchmarks/ocr_lower_account.py \
        --args "--split dev [--dump F.jsonl] [--examples N]"
    python benchmarks/ocr_lower_account.py --split dev          (shipped tables)

Dev half only by default.  The gap tokens of ``smh_gap_account.py`` (a gold token
OverProof's output has and ours does not) whose cause is ``lowercase non-word`` (a
one-to-one word substitution, gold in lower case, the raw print no known word and no mark
glued on) are each told by why we miss it, from the OCR stage's record
(:class:`benchmarks.ocr_reach._Recorder`):

* ``no candidate`` / ``no right candidate`` / ``wrong reading, gold not built``: the gold
  is never built; the raw-to-gold edit shape says which shape the readers lack
  (:func:`edit_shape`: one plain confusion, a multi-character confusion, a letter lost, a
  letter extra, two or more edits), and whether the gold is a word the channel may read to
  at all (:func:`repair.score.ocr_channel.is_target`);
* ``wrong reading, gold built``: the gold was a candidate and another reading won (the
  winner's rule and the gold's margin over its threshold);
* ``declined``: the gold was built and refused (its reader, margin over threshold).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_reach import _Recorder  # noqa: E402
from benchmarks.smh_eval import add_selection_args, normalise, selected  # noqa: E402
from benchmarks.smh_gap import correct_gold, hyp_of, runs  # noqa: E402
from benchmarks.smh_gap_account import (  # noqa: E402
    _word,
    candidate_kind,
    cause_of,
    norm_map,
    shape_kind,
)
from repair.bench.metrics import token_seq  # noqa: E402
from repair.candidates.ocr_marks import MARKS  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.ocr_channel import is_known, is_target  # noqa: E402


def edit_shape(raw: str, gold: str) -> str:
    """The shape of the raw-to-gold letter edit (case folded).

    >>> edit_shape("tbe", "the")
    'one plain confusion'
    >>> edit_shape("rnoney", "money")
    'multi-character confusion'
    >>> edit_shape("th", "the")
    'letter lost'
    >>> edit_shape("thee", "the")
    'letter extra'
    >>> edit_shape("tlie", "the")
    'multi-character confusion'
    >>> edit_shape("tbc", "the")
    'two or more edits'
    """
    ops = [
        o
        for o in SequenceMatcher(None, raw.lower(), gold.lower(), autojunk=False).get_opcodes()
        if o[0] != "equal"
    ]
    if not ops:
        return "case only"
    if len(ops) > 1:
        return "two or more edits"
    tag, i1, i2, j1, j2 = ops[0]
    if tag == "insert":
        return "letter lost" if j2 - j1 == 1 else "letters lost"
    if tag == "delete":
        return "letter extra" if i2 - i1 == 1 else "letters extra"
    if i2 - i1 == 1 and j2 - j1 == 1:
        return "one plain confusion"
    if i2 - i1 == j2 - j1:
        return "two or more edits"  # "bc" -> "he": two letters, each misread
    return "multi-character confusion"


def _over(ev: dict | None) -> float | None:
    if not ev or "margin" not in ev:
        return None
    return float(ev.get("margin", -99.0)) - float(ev.get("threshold", 0.0))


def rows_of(arts: list) -> list[dict]:
    rec = _Recorder()
    out: list[dict] = []
    for a in arts:
        rec.reset()
        res = repair_text(a.raw, config=RepairConfig())
        raw_n, src = norm_map(a.raw)
        rs = token_seq(raw_n)
        raw = rs.toks
        gold, ours, op = (token_seq(normalise(t)).toks for t in (a.gold, res.text, a.overproof))
        ok_ours, ok_op, ok_raw = (correct_gold(h, gold) for h in (ours, op, raw))
        ours_at = hyp_of(ours, gold)
        run_at = {j: r for r in runs(raw, gold) for j in range(r[2], r[3])}
        edits = list(res.edits)
        for j, g in enumerate(gold):
            if not (ok_op[j] and not ok_ours[j]) or ok_raw[j]:
                continue
            run = run_at.get(j)
            if run is None:
                continue
            i1, i2, j1, j2 = run
            if i2 - i1 != j2 - j1 or shape_kind(list(raw[i1:i2]), list(gold[j1:j2]), g):
                continue
            i = i1 + (j - j1)
            s0, e0 = rs.spans[i]
            lo, hi = src[s0], src[e0 - 1] + 1
            gw, rword = _word(g), _word(raw[i])
            kind = candidate_kind(rec, edits, a.raw, lo, hi, gw)
            glued = bool((lo > 0 and a.raw[lo - 1] in MARKS) or a.raw[hi : hi + 1] in MARKS) or any(
                not c.isalnum() and c not in "'-" for c in rword
            )
            cause, sub = cause_of(kind, gw, rword, glued)
            if cause != "lowercase non-word":
                continue
            near = [c for c in rec.cands.values() if c.start < hi and c.end > lo]
            cands = sorted(
                (
                    (
                        _over(rec.decisions.get(id(c))),
                        c.source,
                        a.raw[c.start : c.end],
                        c.replacement,
                    )
                    for c in near
                ),
                key=lambda t: -(t[0] if t[0] is not None else -99.0),
            )
            gold_c = [t for t in cands if gw.lower() in t[3].lower().split()]
            mine = [e for e in edits if e.offset < hi and e.offset + e.length > lo]
            out.append(
                {
                    "art": a.ident,
                    "at": lo,
                    "raw": rword,
                    "gold": gw,
                    "ours": ours_at[j].strip(),
                    "page": rec.page if rec.text == a.raw else "-",
                    "kind": kind,
                    "sub": sub,
                    "shape": edit_shape(rword, gw),
                    "gold_target": bool(is_target(gw.lower())),
                    "gold_known": bool(is_known(gw.lower())),
                    "gold_cands": [list(t) for t in gold_c[:3]],
                    "cands": [list(t) for t in cands[:6]],
                    "edits": [
                        [e.rule, e.original, e.replacement, round(e.confidence, 3)] for e in mine
                    ],
                    "ctx": a.raw[max(0, lo - 40) : hi + 40].replace("\n", "⏎"),
                }
            )
    return out


def report(rows: list[dict], examples: int) -> None:
    print(f"lower-case non-word gap tokens: {len(rows)}\n")
    by = Counter(r["sub"] for r in rows)
    for sub, n in by.most_common():
        print(f"## {sub}: {n}")
        part = [r for r in rows if r["sub"] == sub]
        if "not built" in sub or sub.startswith("no "):
            shapes = Counter(
                (r["shape"], "target" if r["gold_target"] else "gold not a target") for r in part
            )
            for (s, t), m in shapes.most_common():
                print(f"   {m:4d}  {s} ({t})")
        if "gold built" in sub:
            rules = Counter(e[0] for r in part for e in r["edits"][:1])
            for rule, m in rules.most_common():
                print(f"   {m:4d}  won by {rule}")
        if "declined" in sub:
            srcs = Counter(
                (r["gold_cands"][0][1] if r["gold_cands"] else "?", r["kind"].split()[-1])
                for r in part
            )
            for (s, k), m in srcs.most_common():
                print(f"   {m:4d}  {s} {k}")
        for r in part[:examples]:
            gc = r["gold_cands"][0] if r["gold_cands"] else None
            g = f" gold {gc[1]} {gc[0]:+.2f}" if gc and gc[0] is not None else ""
            e = f" won {r['edits'][0][0]}->{r['edits'][0][2]!r}" if r["edits"] else ""
            print(
                f"     {r['raw']!r} -> {r['gold']!r} us {r['ours']!r} [{r['page']}] "
                f"{r['shape']}{g}{e} | {r['ctx']}"
            )
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--dump", type=Path, default=None, help="write every row as JSON lines")
    args = ap.parse_args(argv)
    rows = rows_of(selected(args.data, args.split, args.limit))
    report(rows, args.examples)
    if args.dump is not None:
        args.dump.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
