"""The choice among OCR readings: an account of its errors and fold checks of learned
corrections (session 38, issue 12).

    python scripts/ocr_choice.py account SMH.jsonl [ICDAR.jsonl]
    python scripts/ocr_choice.py folds SMH.jsonl ICDAR.jsonl [--features a,b] [--choice-only]

Both read the labelled readings of ``scripts/ocr_weigh.py rows`` extended by
``scripts/ocr_wider.py extend`` (one row per span of a garbled page with a right choice;
each reading with its margin, threshold, builder and evidence).

``account`` replays the margin rule (``ocr_weigh.decide``, no extra weight) and sorts the
spans it gets wrong (:func:`outcome`): a wrong reading chosen while the right one was
accepted, a wrong reading chosen while the right one was declined, the print kept while a
right reading was declined, a right print broken.  For the wrong choices it counts, per
feature, how often the right reading is better on it than the chosen one, against how
often, among the right choices with two or more accepted readings, another accepted
reading is better on it than the chosen (right) one (a feature that picks the gold must
do the first often and the second seldom).  For the readings declined within
:data:`NEAR` nats of their bar it counts, per feature, the right and the wrong ones
with the feature above 0; it also lists near ties among accepted readings.

``folds`` adds to each reading an indicator of its builder (``src_<builder>``: a weight
is a margin offset per builder, i.e. a recalibrated threshold) and fits weights by
``ocr_weigh.fit`` on each of dev-a, dev-b, dev-a + dev-b, ICDAR 1-80 and all three,
scoring every fit on dev-a, dev-b and ICDAR (right spans / broken against the rule): a
change that carries must gain on the half it was not fitted on and on the other archive.
The SMH test half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

#: the builders whose margin offset ``folds`` can fit (``src_<name>``)
BUILDERS = ("realword", "confusion", "stray_mark", "doc_word", "spelling", "split_merged",
            "join_split")  # fmt: skip
#: features the account compares (``ocr_weigh`` and ``ocr_wider`` names); the right
#: reading is "better" on a feature when larger, on ``cost`` when smaller
ACCOUNT = ("tri_l", "tri_r", "tri_min", "pd_l", "pd_r", "pd_min", "gb_l", "gb_r",
           "gb_min", "page_pair", "doc_alt", "agree", "zipf_alt", "cost", "gain", "period",
           "both")  # fmt: skip
#: a declined reading is near its bar within this many nats
NEAR = 2.0
#: accepted readings within this many nats of the chosen one are a near tie
TIE = 0.3

CHOSEN_WRONG_ACCEPTED = "wrong reading chosen, right one accepted"
CHOSEN_WRONG_DECLINED = "wrong reading chosen, right one declined"
KEPT_DECLINED = "print kept, right reading declined"
BROKE = "right print broken"
RIGHT = "right"


def add_builders(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each reading of ``rows`` gets ``src_<builder>`` = 1.0 for its builder, 0.0 for the
    others (in place; returned for chaining)."""
    for r in rows:
        for o in r["options"]:
            mine = str(o["source"]).removeprefix("OCR_").lower()
            for b in BUILDERS:
                o["x"][f"src_{b}"] = float(mine == b)
    return rows


def _accepted(o: dict[str, Any]) -> bool:
    return o["margin"] - o["threshold"] >= 0.0


def outcome(row: dict[str, Any], w: dict[str, float] | None = None) -> str:
    """How the rule (with extra weights ``w``) does on one span: :data:`RIGHT` or the kind
    of its error."""
    from ocr_weigh import decide

    chosen = decide(row, w or {})
    if row["keep_right"] if chosen is None else chosen["right"]:
        return RIGHT
    if chosen is None:
        return KEPT_DECLINED
    if row["keep_right"]:
        return BROKE
    if any(o["right"] and _accepted(o) for o in row["options"]):
        return CHOSEN_WRONG_ACCEPTED
    return CHOSEN_WRONG_DECLINED


def _better(f: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` is better than ``b`` on feature ``f``."""
    d = a["x"][f] - b["x"][f]
    return (-d if f == "cost" else d) > 1e-9


def account(rows: list[dict[str, Any]], feats: tuple[str, ...] = ACCOUNT) -> dict[str, Any]:
    """Outcomes, and per feature: [right better in wrong choices, another better in right
    choices, near-declined right with the feature > 0, near-declined wrong with it > 0]."""
    from ocr_weigh import decide

    kinds: Counter[str] = Counter()
    table = {f: [0, 0, 0, 0] for f in feats}
    n_wrong = n_right = n_near_right = n_near_wrong = 0
    ties: list[tuple[str, str, str]] = []
    for r in rows:
        kind = outcome(r)
        kinds[kind] += 1
        chosen = decide(r, {})
        acc = [o for o in r["options"] if _accepted(o)]
        if kind == CHOSEN_WRONG_ACCEPTED and chosen is not None:
            gold = next(o for o in acc if o["right"])
            n_wrong += 1
            for f in feats:
                table[f][0] += _better(f, gold, chosen)
        if kind == RIGHT and chosen is not None and len(acc) > 1:
            n_right += 1
            for f in feats:
                table[f][1] += any(_better(f, o, chosen) for o in acc if o is not chosen)
        if chosen is not None:
            m = chosen["margin"] + chosen.get("oov", 0.0)
            for o in acc:
                if o is not chosen and abs(o["margin"] + o.get("oov", 0.0) - m) < TIE:
                    ties.append((" ".join(o["orig"]), chosen["repl"], o["repl"]))
        for o in r["options"]:
            gap = o["threshold"] - o["margin"]
            if not 0.0 < gap <= NEAR:
                continue
            if o["right"] and chosen is None:
                n_near_right += 1
                col = 2
            elif not o["right"]:
                n_near_wrong += 1
                col = 3
            else:
                continue
            for f in feats:
                table[f][col] += (-o["x"][f] if f == "cost" else o["x"][f]) > 1e-9
    return {"kinds": kinds, "table": table, "n_wrong": n_wrong, "n_right": n_right,
            "n_near_right": n_near_right, "n_near_wrong": n_near_wrong, "ties": ties}  # fmt: skip


def _print_account(name: str, got: dict[str, Any]) -> None:
    print(f"== {name}")
    for k, v in got["kinds"].most_common():
        print(f"  {k:45s} {v:6d}")
    print(f"  feature     right better in the {got['n_wrong']} wrong choices | another better in "
          f"the {got['n_right']} right choices | declined near the bar with it > 0: right "
          f"{got['n_near_right']} / wrong {got['n_near_wrong']}")  # fmt: skip
    for f, (a, b, c, d) in got["table"].items():
        print(f"  {f:10s} {a:6d} {b:8d}   {c:6d} {d:6d}")
    print(f"  near ties (< {TIE} nats) among accepted readings: {len(got['ties'])}")


def folds(smh: list[dict[str, Any]], icdar: list[dict[str, Any]], names: list[str]) -> list[str]:
    """Fits on each part, scored on every part (lines to print)."""
    from ocr_ablation import dev_half
    from ocr_weigh import fit, tally

    parts = {
        "deva": [r for r in smh if dev_half(r["group"]) == "deva"],
        "devb": [r for r in smh if dev_half(r["group"]) == "devb"],
        "icdar": icdar,
    }
    base = {k: tally(v, {}) for k, v in parts.items()}
    lines = [f"rule (right, fixed, broken): {base}"]
    trains = {
        "deva": parts["deva"],
        "devb": parts["devb"],
        "dev": parts["deva"] + parts["devb"],
        "icdar": parts["icdar"],
        "all": parts["deva"] + parts["devb"] + parts["icdar"],
    }
    for tn, train in trains.items():
        w = {k: v for k, v in fit(train, names).items() if v}
        cells = []
        for pn, part in parts.items():
            got = tally(part, w)
            cells.append(f"{pn} {got[0] - base[pn][0]:+d}/{got[2] - base[pn][2]:+d}")
        lines.append(f"fit on {tn:5s} {w}: " + "  ".join(cells))
    return lines


def _load(p: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("account")
    a.add_argument("rows", type=Path, nargs="+")
    f = sub.add_parser("folds")
    f.add_argument("smh", type=Path)
    f.add_argument("icdar", type=Path)
    f.add_argument("--features", default=",".join(f"src_{b}" for b in BUILDERS[:6]))
    f.add_argument("--choice-only", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "account":
        for p in args.rows:
            _print_account(str(p), account(_load(p)))
        return 0
    import ocr_weigh

    ocr_weigh.CHOICE_ONLY[0] = args.choice_only
    names = [x for x in args.features.split(",") if x]
    smh, icdar = add_builders(_load(args.smh)), add_builders(_load(args.icdar))
    print("\n".join(folds(smh, icdar, names)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
