"""Word-boundary errors on SMH: split and merged words, line-end joins of two pieces.

    python benchmarks/ocr_boundary.py [--split dev] [--examples N] [--cls NAME] [--limit N]

Dev half only by default (tune there; see ``smh_eval.py``).  Each article's raw OCR,
our repair and OverProof's output are normalised as ``smh_eval.py`` does (line-end
hyphens joined, line breaks as spaces) and aligned to the gold by tokens.  A changed
run of the raw-to-gold alignment is a *boundary error* when its words differ from the
gold's only by where the word breaks fall, or by that and a few glyph faults:

* ``line-join``: printed pieces on two lines, one gold word (a line-end hyphen the OCR
  lost: "ban⏎quoted");
* ``space-join``: pieces split by a space inside a line ("be fore", "Com mission");
* ``merge``: one printed token, several gold words ("ofthe", "tothe").

Each class is cut by the letter edits besides the break (``exact``, ``1`` or ``2+``)
and, for joins, by whether every printed piece is a word as printed (``real``) or one
is not (``nonword``).  Per cut: errors, fixed by us, fixed by OverProof, the gap (OverProof
fixes, we do not); and, separately, correct printed tokens our output joined or split
(``broke``).  ``--examples N`` prints N gap examples per cut.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from benchmarks.smh_eval import _HYPHEN_BREAK, DEFAULT_DATA, load, normalise, split_of  # noqa: E402
from benchmarks.smh_gap import correct_gold, hyp_of, runs  # noqa: E402
from repair.bench.metrics import token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.ocr_channel import is_word_form  # noqa: E402

_ALNUM = re.compile(r"\w")


def raw_tokens(raw: str) -> tuple[tuple[str, ...], list[bool]]:
    """Normalised raw tokens, and for each whether a line break (no hyphen) precedes it."""
    text = _HYPHEN_BREAK.sub(r"\1", raw)
    seq = token_seq(text)
    breaks = [False] * len(seq.toks)
    for k in range(1, len(seq.toks)):
        gap = text[seq.spans[k - 1][1] : seq.spans[k][0]]
        breaks[k] = "\n" in gap
    return seq.toks, breaks


def classify(raw: list[str], gold: list[str], line: bool) -> str | None:
    """The boundary class of a changed run, or ``None`` when it is no boundary error."""
    r = [t.strip() for t in raw if _ALNUM.search(t)]
    g = [t.strip() for t in gold if _ALNUM.search(t)]
    if not r or not g or len(r) == len(g):
        return None
    rj, gj = "".join(r), "".join(g)
    d = Levenshtein.distance(rj.lower(), gj.lower())
    if d > 2 or d * 4 > len(gj):
        return None
    fault = "exact" if rj == gj else ("1" if d <= 1 else "2+")
    if len(r) > len(g):
        if len(g) != 1:
            return None
        kind = "line-join" if line else "space-join"
        real = "real" if all(is_word_form(p) for p in r) else "nonword"
        return f"{kind}/{real}/{fault}"
    if len(r) != 1:
        return None
    return f"merge/{fault}"


_GOLD_HYPHEN = re.compile(r"(\w+)-$")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_FIRST_WORD = re.compile(r"^\W*(\w+)")


def lost_hyphens(a, edits: list) -> list[tuple[str, str, str, bool, bool, bool]]:  # type: ignore[no-untyped-def]
    """Printed lines whose gold ends in a broken word's hyphen the OCR lost: per break
    (left piece, right piece, gold word, we joined, we joined right, OverProof right)."""
    raw, gold, op = (t.split("\n") for t in (a.raw, a.gold, a.overproof))
    out = []
    pos = 0
    for i in range(len(raw) - 1):
        nl = pos + len(raw[i])
        pos = nl + 1
        g = _GOLD_HYPHEN.search(gold[i].rstrip())
        if not g or not raw[i].rstrip() or raw[i].rstrip()[-1] == "-" or i + 1 >= len(gold):
            continue
        gr = _FIRST_WORD.search(gold[i + 1])
        left, right = _LAST_WORD.search(raw[i]), _FIRST_WORD.search(raw[i + 1])
        if not gr or not left or not right:
            continue
        word = g.group(1) + gr.group(1)
        over = [e for e in edits if e.offset <= nl < e.end]
        joined = any(not re.search(r"\s", e.replacement) for e in over)
        right_ = any(word in e.replacement and not re.search(r"\s", e.replacement) for e in over)
        op_l, op_r = _LAST_WORD.search(op[i]), _FIRST_WORD.search(op[i + 1])
        op_ok = bool(op_l and op_l.group(1) == word) or bool(op_r and op_r.group(1) == word)
        out.append((left.group(1), right.group(1), word, joined, right_, op_ok))
    return out


def hyphen_class(left: str, right: str, word: str) -> str:
    real = "real" if is_word_form(left) and is_word_form(right) else "nonword"
    d = Levenshtein.distance((left + right).lower(), word.lower())
    return f"{real}/{'exact' if d == 0 else ('1' if d == 1 else '2+')}"


def analyse(arts: list, examples: int, only: str | None) -> None:
    hy: dict[str, Counter[str]] = defaultdict(Counter)
    hy_gap: dict[str, list[str]] = defaultdict(list)
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    gaps: dict[str, list[str]] = defaultdict(list)
    broke: list[str] = []
    for a in arts:
        res = repair_text(a.raw, config=RepairConfig())
        raw, breaks = raw_tokens(a.raw)
        for left, right, word, joined, ok, op_ok in lost_hyphens(a, res.edits):
            c = hyphen_class(left, right, word)
            h = hy[c]
            h["raw"] += 1
            h["joined"] += joined
            h["us"] += ok
            h["op"] += op_ok
            h["gap"] += op_ok and not ok
            if op_ok and not ok:
                hy_gap[c].append(f"{left}⏎{right} -> {word}{' (joined wrong)' if joined else ''}")
        gold, ours, op = (token_seq(normalise(t)).toks for t in (a.gold, res.text, a.overproof))
        ok_ours, ok_op = correct_gold(ours, gold), correct_gold(op, gold)
        ok_raw = correct_gold(raw, gold)
        ours_at = hyp_of(ours, gold)
        for i1, i2, j1, j2 in runs(raw, gold):
            line = any(breaks[k] for k in range(i1 + 1, i2))
            c = classify(list(raw[i1:i2]), list(gold[j1:j2]), line)
            if c is None:
                continue
            fixed_us = all(ok_ours[k] for k in range(j1, j2))
            fixed_op = all(ok_op[k] for k in range(j1, j2))
            s = stats[c]
            s["raw"] += 1
            s["us"] += fixed_us
            s["op"] += fixed_op
            s["gap"] += fixed_op and not fixed_us
            s["win"] += fixed_us and not fixed_op
            if fixed_op and not fixed_us:
                sep = "⏎" if line else " "
                printed = sep.join(t.strip() for t in raw[i1:i2])
                gaps[c].append(
                    f"raw {printed!r} gold {''.join(gold[j1:j2])!r} "
                    f"us {''.join(ours_at[j1:j2])!r}   | ...{''.join(gold[max(0, j1 - 4) : j1])}[]"
                    f"{''.join(gold[j2 : j2 + 3])}"
                )
        # correct printed tokens our output joined to a neighbour or split
        for i1, i2, j1, j2 in runs(ours, gold):
            o = [t.strip() for t in ours[i1:i2]]
            g = [t.strip() for t in gold[j1:j2]]
            if o and g and len(o) != len(g) and all(ok_raw[j1:j2]):
                broke.append(f"ours {' '.join(o)!r} gold {' '.join(g)!r}")
    htot: Counter[str] = Counter()
    hcols = ("raw", "joined", "us", "op", "gap")
    print("lost line-end hyphens (gold line ends in a broken word's hyphen, print does not)")
    print(f"{'class':28}" + "".join(f" {c:>6}" for c in hcols))
    for c in sorted(hy):
        htot.update(hy[c])
        print(f"{c:28}" + "".join(f" {hy[c][k]:6}" for k in hcols))
    print(f"{'total':28}" + "".join(f" {htot[k]:6}" for k in hcols))
    print("\nboundary errors of the token alignment")
    tot: Counter[str] = Counter()
    cols = ("raw", "us", "op", "gap", "win")
    print(f"{'class':28}" + "".join(f" {c:>6}" for c in cols))
    for c in sorted(stats):
        tot.update(stats[c])
        print(f"{c:28}" + "".join(f" {stats[c][k]:6}" for k in cols))
    print(f"{'total':28}" + "".join(f" {tot[k]:6}" for k in cols))
    print(f"correct printed tokens our output joined or split: {len(broke)}")
    rng = random.Random(0)
    if examples:
        for c, lines in sorted(hy_gap.items()):
            print(f"\n== GAP lost hyphen {c} ({len(lines)})")
            for line in rng.sample(lines, min(examples, len(lines))):
                print("  ", line)
        for c, lines in sorted(gaps.items()):
            if only and not c.startswith(only):
                continue
            print(f"\n== GAP {c} ({len(lines)})")
            for line in rng.sample(lines, min(examples, len(lines))):
                print("  ", line)
        print(f"\n== BROKE ({len(broke)})")
        for line in broke[: examples * 2]:
            print("  ", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--cls", default=None, help="only gap examples of classes starting so")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
    arts = [a for a in load(path) if args.split == "all" or split_of(a.ident) == args.split]
    if args.limit:
        arts = arts[: args.limit]
    analyse(arts, args.examples, args.cls)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
