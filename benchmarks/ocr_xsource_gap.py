"""Where the cross-archive loss is: SMH read with tables learned from ICDAR alone vs shipped.

    python benchmarks/ocr_xsource_gap.py [--split dev] [--train icdar] [--examples N]
        [--class NAME] [-- MODULE.NAME=VALUE ...]

Each SMH article of the split is repaired twice: with the shipped tables (in this process)
and with tables learned from ``--train`` alone (a child of ``benchmarks/ocr_xsource.py``,
which rebuilds the confusion, mark and slot tables in memory).  The two runs' edits are
compared on the raw text: every edit one run made and the other did not, grouped with the
edits that overlap it, is a *site*.  A site's gain is the token errors (scored as
``smh_eval.py`` does) the ``--train`` run loses by not making the shipped run's edits
there: the ``--train`` run's output with that site swapped for the shipped run's edits.
The gains of the sites add up to the whole gap but for a few tokens (sites interact
little).  Each site goes to the first class that fits its shipped edit:

* ``glued mark``: the edit re-reads a chunk with a glued mark (rule ``OCR_STRAY_MARK`` or a
  mark of :data:`repair.candidates.ocr_marks.MARKS` in it): ``mark read as a letter``,
  ``mark dropped``, or ``stray (no speck glyph)`` (a bracket, quote or stop re-read);
* ``split/merge``: the edit changes the word count (a split, a join, a lost stop);
* ``confusion``: a one-word reading the ``--train`` tables price at least 0.5 nats dearer
  in some glyph run (:func:`repair.score.ocr_price.channel_cost`'s blocks): ``row absent``
  (that run falls to the generic 5-nat edits) or ``row dearer``;
* ``priced alike``: the same price from both tables (another reader, the scorer, a page
  reader), by rule;
* ``train-only edit``: only the ``--train`` run edited there.

Module settings after ``--`` apply to both runs.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from runtime_args import split_runtime  # noqa: E402

from benchmarks.smh_eval import DEFAULT_DATA, errors, selected  # noqa: E402

#: A glyph run priced this much dearer by the ``--train`` tables makes a ``confusion`` site.
DEARER = 0.5
#: ... and it is ``row absent`` when it costs at least this (the generic edits' price).
GENERIC = 5.0


def dump(split: str, path: Path) -> None:
    """Repair every article of ``split`` and write (id, raw, gold, text, edits) as JSON."""
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    out = []
    for a in selected(DEFAULT_DATA, split):
        res = repair_text(a.raw, config=RepairConfig())
        edits = [(e.offset, e.length, e.original, e.replacement, e.rule) for e in res.edits]
        out.append({"id": a.ident, "raw": a.raw, "gold": a.gold, "text": res.text, "edits": edits})
    path.write_text(json.dumps(out), encoding="utf-8")


def diff_runs(low: str, target: str) -> list[list[int]]:
    """The maximal runs of differing glyphs of ``low`` against ``target``, as ``[start,
    end, target start, target end]`` (adjacent edit operations merged).

    >>> diff_runs("tbe", "the")
    [[1, 2, 1, 2]]
    """
    from rapidfuzz.distance import Levenshtein

    runs: list[list[int]] = []
    for tag, s1, s2, d1, d2 in Levenshtein.opcodes(low, target).as_list():
        if tag == "equal":
            continue
        if runs and runs[-1][1] == s1 and runs[-1][3] == d1:
            runs[-1][1], runs[-1][3] = s2, d2
        else:
            runs.append([s1, s2, d1, d2])
    return runs


def price(pairs_path: Path, out_path: Path) -> None:
    """Price each (printed, word) pair of ``pairs_path``: total and per glyph run."""
    from repair.score import ocr_price

    out = []
    for tok, word in json.loads(pairs_path.read_text(encoding="utf-8")):
        low, target = tok.lower(), word.lower()
        blocks = []
        for i1, i2, j1, j2 in diff_runs(low, target):
            src, dst = ocr_price._block_span(
                tok, low, target, len(low), len(target), i1, i2, j1, j2
            )
            blocks.append((src, dst, ocr_price._block_cost(src, dst)))
        out.append((tok, word, blocks))
    out_path.write_text(json.dumps(out), encoding="utf-8")


def _text(raw: str, edits: list[list]) -> str:
    from repair.types import Edit
    from repair.write import apply_edits

    return apply_edits(raw, [Edit(o, n, a, b, "ocr", 0.0, r) for o, n, a, b, r in edits])


def sites(ship: list[dict], other: list[dict]) -> list[dict]:
    """The sites where the runs' edits differ, each with its token gain (module doc)."""
    out = []
    for a, b in zip(ship, other, strict=True):
        ka = {tuple(e[:4]) for e in a["edits"]}
        kb = {tuple(e[:4]) for e in b["edits"]}
        diff = sorted(
            [(e[0], e[0] + max(e[1], 1), "ship", e) for e in a["edits"] if tuple(e[:4]) not in kb]
            + [
                (e[0], e[0] + max(e[1], 1), "train", e)
                for e in b["edits"]
                if tuple(e[:4]) not in ka
            ]
        )
        groups: list[list] = []
        for s, e, who, ed in diff:
            if groups and s < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], e)
                groups[-1][2].append((who, ed))
            else:
                groups.append([s, e, [(who, ed)]])
        base = errors(b["text"], a["gold"])
        for s, e, members in groups:
            mine = [ed for who, ed in members if who == "ship"]
            theirs = {tuple(ed[:4]) for who, ed in members if who == "train"}
            swapped = [ed for ed in b["edits"] if tuple(ed[:4]) not in theirs] + mine
            now = errors(_text(b["raw"], swapped), a["gold"])
            out.append(
                {
                    "id": a["id"],
                    "ship": mine,
                    "train": [ed for who, ed in members if who == "train"],
                    "gain": base[0] - now[0],
                    "chars": base[2] - now[2],
                    "context": b["raw"][max(0, s - 30) : e + 30].replace("\n", "⏎"),
                }
            )
    return out


def pairs_of(found: list[dict]) -> list[tuple[str, str]]:
    """The one-word (printed, reading) pairs of the shipped edits of ``found``."""
    out = set()
    for x in found:
        for _o, _n, orig, repl, _r in x["ship"][:1]:
            if orig and repl and len(orig.split()) == 1 and len(repl.split()) == 1:
                out.add((orig, repl))
    return sorted(out)


def classify(x: dict, priced: dict[tuple[str, str], tuple[list, list]]) -> tuple[str, str]:
    """(class, sub-class) of a site (module doc); ``priced``: (shipped, train) blocks."""
    from repair.candidates.ocr_marks import MARKS

    if not x["ship"]:
        return "train-only edit", x["train"][0][4]
    _o, _n, orig, repl, rule = x["ship"][0]
    marks = [ch for ch in orig if ch in MARKS]
    if marks or rule == "OCR_STRAY_MARK":
        if not marks:
            return "glued mark", "stray (no speck glyph)"
        bare = "".join(ch for ch in orig if ch not in MARKS)
        grew = len(repl.replace(" ", "")) >= len(orig.replace(" ", "")) and bare != repl
        return "glued mark", "mark read as a letter" if grew else "mark dropped"
    if len(orig.split()) != len(repl.split()) or orig.split() == [repl.replace(" ", "")]:
        return "split/merge", rule
    if (orig, repl) in priced:
        shipped, train = priced[(orig, repl)]
        dearer = [t[2] for s, t in zip(shipped, train, strict=True) if t[2] > s[2] + DEARER]
        if dearer:
            return "confusion", "row absent" if max(dearer) >= GENERIC else "row dearer"
        return "priced alike", rule
    return "other", rule


def _child(train: str, args: str, runtime: list[str]) -> None:
    import ocr_xsource

    ocr_xsource.main(["--train", train, "--eval", __file__, f"--args={args}", "--", *runtime])


def main(argv: list[str] | None = None) -> int:
    args, runtime = split_runtime(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--train", choices=["icdar", "smh", "prior"], default="icdar")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--class", dest="only", default=None, help="examples of this class only")
    ap.add_argument("--dump", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--price", type=Path, nargs=2, default=None, help=argparse.SUPPRESS)
    opts = ap.parse_args(args)
    for spec in runtime:
        target, value = spec.split("=", 1)
        module, name = target.rsplit(".", 1)
        setattr(importlib.import_module(module), name, ast.literal_eval(value))
    if opts.dump is not None:  # a child: the ``--train`` tables are installed
        dump(opts.split, opts.dump)
        return 0
    if opts.price is not None:
        price(*opts.price)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dump(opts.split, folder / "ship.json")
        _child(opts.train, f"--split {opts.split} --dump {folder / 'train.json'}", runtime)
        ship = json.loads((folder / "ship.json").read_text(encoding="utf-8"))
        other = json.loads((folder / "train.json").read_text(encoding="utf-8"))
        found = sites(ship, other)
        (folder / "pairs.json").write_text(json.dumps(pairs_of(found)), encoding="utf-8")
        price(folder / "pairs.json", folder / "ship_prices.json")
        _child(opts.train, f"--price {folder / 'pairs.json'} {folder / 'train_prices.json'}", [])
        shipped = json.loads((folder / "ship_prices.json").read_text(encoding="utf-8"))
        train = json.loads((folder / "train_prices.json").read_text(encoding="utf-8"))
    priced = {(t, w): (b1, b2) for (t, w, b1), (_t, _w, b2) in zip(shipped, train, strict=True)}
    total = [
        sum(errors(x["text"], x["gold"])[k] for x in run) for run in (ship, other) for k in (0, 2)
    ]
    summed = sum(x["gain"] for x in found)
    print(
        f"# SMH {opts.split}: shipped {total[0]:,} / {total[1]:,}, {opts.train}-only "
        f"{total[2]:,} / {total[3]:,} tokens / chars; {len(found):,} sites, gains sum to {summed:,}"
    )
    gains: Counter[tuple[str, str]] = Counter()
    chars: Counter[tuple[str, str]] = Counter()
    count: Counter[tuple[str, str]] = Counter()
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for x in found:
        key = classify(x, priced)
        gains[key] += x["gain"]
        chars[key] += x["chars"]
        count[key] += 1
        members[key].append(x)
    by_class: Counter[str] = Counter()
    for (c, _s), g in gains.items():
        by_class[c] += g
    print("\n| class | sub-class | sites | tokens | chars |\n|---|---|---:|---:|---:|")
    for c, _g in by_class.most_common():
        for key in sorted((k for k in gains if k[0] == c), key=lambda k: -gains[k]):
            print(f"| {c} | {key[1]} | {count[key]} | {gains[key]} | {chars[key]} |")
    rng = random.Random(0)
    for key, xs in sorted(members.items()):
        if opts.examples and (opts.only is None or opts.only in key):
            print(f"\n## {key[0]} / {key[1]}")
            for x in rng.sample(xs, min(opts.examples, len(xs))):
                shown = [(e[2], e[3]) for e in x["ship"]], [(e[2], e[3]) for e in x["train"]]
                print(
                    f"  {x['gain']:+d} shipped {shown[0]} {opts.train} {shown[1]} | {x['context']}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
