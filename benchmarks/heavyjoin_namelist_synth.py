"""A synthetic check of :mod:`repair.candidates.ocr_heavyjoin`'s name-list guard (issue 12,
session 60, heavyname): SMH dev has three joins in lists of names, too few to judge it.

    python benchmarks/heavyjoin_namelist_synth.py [--split dev] [--seed N] [--tries 3]

Every word of six letters or more of the gold pages (``--split``, dev only for tuning) is
taken in turn: capitalised words standing in a list of names
(:func:`repair.candidates.ocr_namelist.name_list_at`, read on the gold) and, as a control,
lower-case words of prose lines.  The word is cut at a random place by a line break (a lost
line-end hyphen) and each piece gets one OCR event of the learned table (as
``benchmarks/make_ocr_light_suite.py`` samples them) with probability one half; the lines
around it are kept as printed.  The reader is run on that text with the guard off and on,
and every joint reading over the cut word is counted: the gold word, another name, a
plain word (lower case, or a word the period text writes in lower case mostly), and the
guard's plain joins.  The reader alone is read (no scorer): this counts what it proposes.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_ocr_light_suite import _events, _table  # noqa: E402
from benchmarks.smh_eval import add_selection_args, selected  # noqa: E402
from repair.candidates import ocr_heavyjoin as hj  # noqa: E402
from repair.candidates.ocr_namelist import _span, name_list_at  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402


def _damage(piece: str, rng: random.Random, table: dict) -> str:
    """``piece`` with one learned OCR event, half the time."""
    events = _events(piece, table)
    if not events or rng.random() < 0.5:
        return piece
    a, b, src, _n = rng.choices(events, weights=[n for *_x, n in events])[0]
    return piece[:a] + src + piece[b:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("--seed", type=int, default=60)
    ap.add_argument("--tries", type=int, default=3, help="cuts per word")
    args = ap.parse_args(argv)
    shipped = hj.NAME_LIST, hj.NAME_LIST_PLAIN
    table, _split, _merge = _table()
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, str, str]] = Counter()
    cases: Counter[str] = Counter()
    examples: dict[tuple[str, str, str], list[str]] = {}
    for art in selected(args.data, args.split, args.limit):
        toks = tokenize(art.gold)
        for k, t in enumerate(toks):
            w = t.text
            if t.kind != "word" or len(w) < 6 or not w.isalpha() or not w[1:].islower():
                continue
            in_list = name_list_at(toks, k, k)
            if in_list and w[0].isupper():
                where = "list"
            elif not in_list and w.islower():
                where = "prose"
            else:
                continue
            lo, hi = _span(toks, k, k)
            before = "".join(x.text for x in toks[lo:k])
            after = "".join(x.text for x in toks[k + 1 : hi + 1])
            for _ in range(args.tries):
                cut = rng.randrange(2, len(w) - 1)
                head, tail = _damage(w[:cut], rng, table), _damage(w[cut:], rng, table)
                if not tail.isalpha() or not tail.islower() or not head.isalpha():
                    continue
                cases[where] += 1
                text = before + head + "\n" + tail + after
                start, end = len(before), len(before) + len(head) + 1 + len(tail)
                page = tokenize(text)
                for setting, (nl, plain) in (("off", (None, False)), ("on", ("name", True))):
                    hj.NAME_LIST, hj.NAME_LIST_PLAIN = nl, plain
                    for c in hj.heavy_join_candidates(page):
                        if c.start != start or c.end != end:
                            continue
                        if c.replacement.lower() == w.lower():
                            verdict = "gold"
                        elif c.features.get("name_list"):
                            verdict = "plain join"
                        elif c.replacement[:1].islower() or hj._plain_word(c.replacement):
                            verdict = "plain word"
                        else:
                            verdict = "other name"
                        key = (where, setting, verdict)
                        counts[key] += 1
                        examples.setdefault(key, []).append(
                            f"{head}⏎{tail} -> {c.replacement} ({w})"
                        )
    hj.NAME_LIST, hj.NAME_LIST_PLAIN = shipped
    print(f"cut words: {dict(cases)}")
    print("| where | setting | gold | other name | plain word | plain join |")
    print("|---|---|---|---|---|---|")
    for where in ("list", "prose"):
        for setting in ("off", "on"):
            verdicts = ("gold", "other name", "plain word", "plain join")
            row = [counts[(where, setting, v)] for v in verdicts]
            print(f"| {where} | {setting} | " + " | ".join(map(str, row)) + " |")
    for key, ex in sorted(examples.items()):
        print(key, "; ".join(ex[:8]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
