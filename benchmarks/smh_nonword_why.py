"""Why a non-word's gold reading is never built, per case (issue 12, session 48).

    python benchmarks/smh_gap_account.py --split dev --residual --examples 3000 > R.txt
    python benchmarks/smh_nonword_why.py R.txt ['wrong reading chosen' ...] [--examples N]

Reads the example rows ``smh_gap_account.py`` prints for the named kinds (default the three
where the gold is never built: ``wrong reading chosen``, ``no right candidate``, ``no
candidate``; as in :mod:`benchmarks.smh_reach_why`), keeps the non-words (a raw form no list
knows) and puts each into the first cause that applies (:func:`cause`):

* ``word list lacks the gold``: no list the readers search knows the gold;
* ``case only``: the same letters in another case;
* ``a piece of a longer word`` / ``words run together``: the gold is 3+ letters longer
  (shorter) than the print: a split or merge inside the token's run ("mout" Government);
* ``a mark inside``: the print holds a glyph that is no letter ("doz'n", "c'oros");
* ``reachable, beyond the walk's cost limit``: the learned table reaches the gold (25
  nats, 10 confusions) but above the wide search's bound (:func:`cost_bound`) or its
  confusion count; ``reachable within the bounds, not built``: within them;
* unreachable through the learned table, by the plain alignment of print and gold
  (letters in lower case): ``a letter dropped`` (one letter put back, at most one other
  change), ``one confusion the table lacks`` (one substitution), ``a multi-character
  confusion missing`` (two or three changes in one run: "fb" for "wh"), ``two confusions
  needed`` (two changes apart), ``deep garble`` (three or more changes);
* ``short`` (print or gold of at most 3 letters) is a separate column, as is the learned
  channel's price with generic edits (:func:`repair.score.ocr_price.channel_cost`).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from benchmarks.ocr_reach import print_examples  # noqa: E402
from benchmarks.smh_reach_why import _ROW, reach  # noqa: E402
from repair.score.ngrams import get_ngrams  # noqa: E402
from repair.score.ocr_channel import MAX_COST, MAX_SUBS, is_known, is_target  # noqa: E402
from repair.score.ocr_price import channel_cost  # noqa: E402
from repair.score.ocr_search import MAX_SUBS as WIDE_SUBS  # noqa: E402
from repair.score.ocr_search import cost_bound, is_name  # noqa: E402

KINDS = ("wrong reading chosen", "no right candidate", "no candidate")
_TAIL = re.compile(r"page=(\S+) op=([01])$")


def rows(path: Path, kind: str) -> list[tuple[str, str, str, str, bool]]:
    """(raw, gold, context, page gate, OverProof right) of the examples of ``kind``."""
    out, on = [], False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("== "):
            on = line.startswith(f"== {kind} (")
            continue
        m = _ROW.match(line) if on else None
        if m:
            raw, _us, gold = (ast.literal_eval(x) for x in m.group(1, 2, 3))
            tail = _TAIL.search(line)
            page, op = (tail.group(1), tail.group(2) == "1") if tail else ("-", False)
            out.append((raw, gold, m.group(4), page, op))
    return out


def _runs(raw: str, gold: str) -> list[tuple[int, int]]:
    """The runs of differing glyphs of the plain alignment: (printed, true) lengths."""
    out = []
    for op in Levenshtein.opcodes(raw.lower(), gold.lower()):
        if op.tag != "equal":
            out.append((op.src_end - op.src_start, op.dest_end - op.dest_start))
    return out


def cause(raw: str, gold: str) -> str:
    """The first cause (module docstring) that explains why ``gold`` was never built.

    >>> cause("mout", "Government")
    'a piece of a longer word'
    >>> cause("Distict", "District")
    'a letter dropped'
    """
    low = gold.lower()
    if not (is_target(low) or is_known(low) or is_name(gold) or get_ngrams().known(low)):
        return "word list lacks the gold"
    if raw.lower() == low:
        return "case only"
    if len(gold) - len(raw) >= 3:
        return "a piece of a longer word"
    if len(raw) - len(gold) >= 3:
        return "words run together"
    if not raw.isalpha():
        return "a mark inside"
    got = reach(raw, gold)
    if got is not None:
        if got[0] <= MAX_COST and got[1] <= MAX_SUBS:
            return "reachable within the cheap walk's bounds, not built"
        if got[0] <= cost_bound(raw) and got[1] <= WIDE_SUBS:
            return "reachable within the wide bounds, not built"
        return "reachable, beyond the walk's cost limit"
    runs = _runs(raw, gold)
    edits = sum(max(a, b) for a, b in runs)
    added = sum(max(0, b - a) for a, b in runs)
    if added == 1 and edits <= 2:
        return "a letter dropped"
    if edits == 1:
        return "one confusion the table lacks"
    if len(runs) == 1 and edits <= 3:
        return "a multi-character confusion missing"
    if len(runs) == 2 and edits == 2:
        return "two confusions needed"
    return "deep garble (3+ changes)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("examples", type=Path)
    ap.add_argument("kinds", nargs="*", default=list(KINDS))
    ap.add_argument("--examples", type=int, default=0, dest="show")
    args = ap.parse_args(argv)
    table: Counter[tuple[str, str]] = Counter()
    cols = ("short", "capitalised", "heavy page", "OverProof right")
    extra: dict[str, Counter[str]] = {c: Counter() for c in cols}
    ex: dict[str, list[str]] = defaultdict(list)
    for kind in args.kinds:
        for raw, gold, ctx, page, op in rows(args.examples, kind):
            if raw.isalpha() and is_known(raw.lower()):
                continue  # a real-word error (the census's other column)
            why = cause(raw, gold)
            table[(why, kind)] += 1
            for col, on in zip(
                cols,
                (min(len(raw), len(gold)) <= 3, gold[:1].isupper(), page == "heavy", op),
                strict=True,
            ):
                extra[col][why] += on
            price = channel_cost(raw, gold) if raw else float("inf")
            ex[why].append(
                f"{raw!r:14} {gold!r:16} {price:5.1f} nats {page} op={int(op)} [{kind}] {ctx}"
            )
    whys = sorted({w for w, _ in table}, key=lambda w: -sum(table[(w, k)] for k in args.kinds))
    print(f"| cause | {' | '.join(args.kinds)} | all | {' | '.join(cols)} |")
    print(f"|---|{'---:|' * (len(args.kinds) + 1 + len(cols))}")
    for w in whys:
        cells = [table[(w, k)] for k in args.kinds]
        more = [extra[c][w] for c in cols]
        print(
            f"| {w} | {' | '.join(map(str, cells))} | {sum(cells)} | {' | '.join(map(str, more))} |"
        )
    tot = [sum(table[(w, k)] for w in whys) for k in args.kinds]
    more = [sum(extra[c].values()) for c in cols]
    print(f"| total | {' | '.join(map(str, tot))} | {sum(tot)} | {' | '.join(map(str, more))} |")
    print_examples(ex, args.show, None, 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
