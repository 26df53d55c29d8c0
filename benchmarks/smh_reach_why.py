"""Why a gap token has no reading: the gold's lists and its reach (issue 12, session 38).

    python benchmarks/smh_gap_account.py --split dev --kind 'no candidate' --examples 300 > NC.txt
    python benchmarks/smh_reach_why.py NC.txt 'no candidate'

Reads the examples ``smh_gap_account.py`` prints for one kind (``== KIND (N)`` sections; the
name is a prefix, so 'no candidate' also takes 'no candidate (gate shut)') and, for each
raw/gold pair, says which lists know the gold (a correction target, a known word, a period
name, a period-list word), its cheapest cost through the learned confusion table
(:func:`repair.score.ocr_channel.confusion_variants` over a one-word prefix index, up to
25 nats and 10 confusions) against the cheap walk's bounds and the wide search's
(:func:`repair.score.ocr_search.cost_bound`), and how often the raw page prints it.  Each
token goes to the first reason that applies (A: the print is a real word; B: the gold is in
no list; C: a short token or a mark; D: listed, no learned confusion reaches it; E: beyond
the wide bound; F: within the wide bound only; G: cheap, yet not built).  Dev only.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import DEFAULT_DATA, normalise, selected  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.ngrams import get_ngrams  # noqa: E402
from repair.score.ocr_channel import (  # noqa: E402
    MAX_COST,
    MAX_SUBS,
    confusion_variants,
    is_known,
    is_target,
    prefixes_of,
)
from repair.score.ocr_search import MAX_SUBS as WIDE_SUBS  # noqa: E402
from repair.score.ocr_search import cost_bound, is_name  # noqa: E402

_ROW = re.compile(r"   raw (.*?) us (.*?) gold (.*?)  \| (.*?)(?:  \| (.*))?$")


def rows(path: Path, kind: str) -> list[tuple[str, str, str]]:
    out, on = [], False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("== "):
            on = line.startswith(f"== {kind} (") or line.startswith(f"== {kind} ")
            continue
        m = _ROW.match(line) if on else None
        if m:
            raw, _us, gold = (ast.literal_eval(x) for x in m.group(1, 2, 3))
            out.append((raw, gold, m.group(4)))
    return out


def reach(raw: str, gold: str) -> tuple[float, int] | None:
    """The cheapest (cost, confusions) of ``gold`` from ``raw`` through the learned table."""
    want = gold
    if raw[:1].isupper() and gold[:1].islower():
        want = gold[:1].upper() + gold[1:]
    elif raw[:1].islower() and gold[:1].isupper():
        want = gold[:1].lower() + gold[1:]
    tok = raw
    if raw.isupper() and len(raw) > 1:
        tok, want = raw.lower(), gold.lower()
    found = confusion_variants(tok, prefixes_of([gold.lower()]), 25.0, 10).get(want)
    return None if found is None else (found[0], len(found[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("examples", type=Path)
    ap.add_argument("kind")
    args = ap.parse_args(argv)
    arts = [(normalise(a.gold), a.raw) for a in selected(DEFAULT_DATA, "dev")]
    table = get_ngrams()
    reasons: Counter[str] = Counter()
    for raw, gold, ctx in rows(args.examples, args.kind):
        low = gold.lower()
        lists = [
            n
            for n, ok in (
                ("target", is_target(low)),
                ("known", is_known(low) and not is_target(low)),
                ("name", is_name(gold)),
                ("period", table.known(low)),
            )
            if ok
        ]
        got = reach(raw, gold)
        bound = cost_bound(raw)
        if got is None:
            where = "unreachable"
        elif got[0] <= MAX_COST and got[1] <= MAX_SUBS:
            where = "cheap"
        elif got[0] <= bound and got[1] <= WIDE_SUBS:
            where = "wide"
        else:
            where = "beyond"
        plain = ctx.replace("[", "").replace("]", "")
        page = next((r for g, r in arts if plain in g), "")
        printed = len(re.findall(r"(?<![\w'])" + re.escape(gold) + r"(?![\w'])", page))
        if raw.isalpha() and is_known(raw.lower()):
            why = "A print a real word"
        elif not lists:
            why = "B gold in no list"
        elif len(raw) < 3 or len(gold) < 3 or not raw.replace("'", "").isalpha():
            why = "C short or a mark"
        else:
            why = {
                "unreachable": "D listed, no learned confusion reaches it",
                "beyond": "E listed, beyond the wide bound",
                "wide": "F listed, within the wide bound only",
                "cheap": "G listed and cheap, not built",
            }[where]
        reasons[why] += 1
        cost = f"{got[0]:.1f} nats / {got[1]}" if got else "-"
        print(
            f"{why[0]} {raw!r:16} {gold!r:16} {','.join(lists) or '-':24} z={zipf(low):.1f} "
            f"{where:11} {cost:16} bound={bound:.1f} printed={printed}"
        )
    print()
    for why, n in sorted(reasons.items()):
        print(f"{why:48} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
