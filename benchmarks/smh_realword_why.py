"""Why a real-word print of the SMH dev gap is not read (issue 12, session 39).

    python benchmarks/smh_realword_why.py [--split dev] [--examples]

Runs the gap account (:mod:`benchmarks.smh_gap_account`) and keeps the gap tokens of the
kinds "no candidate", "no candidate (gate shut)" and "no right candidate" whose print is a
known word (bucket A of :mod:`benchmarks.smh_reach_why`: "nutter" for matter, "Mas" for
was).  For each it reads the page's class (the gate shut, garbled, heavy), whether the
gold is among the real-word reader's learned-confusion readings of the print
(:func:`repair.candidates.ocr_realword._readings`: at most two learned confusions within
5 nats, the target's frequency bounds; on the page's settings, or on a heavy page's only),
and the two-sided margin a real-word reading of the gold would have between the printed
neighbours: the slot score gain (:func:`repair.candidates.ocr_slot.slot_scores`, two words
each side) less the channel's price (:func:`repair.score.ocr_price.channel_cost`: learned
rows where the table has them, generic edits where not) less 0.2 nats per Zipf unit of the
print.  A reading "the context wants" has that margin at 2.5 nats or more (the real-word
reader's threshold).  Counts by (page, reach, context wants it); ``--examples`` lists
every token.  Dev only by default (tune there).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import benchmarks.smh_gap_account as gap  # noqa: E402
from benchmarks.smh_eval import DEFAULT_DATA, selected  # noqa: E402
from repair.candidates import ocr_realword  # noqa: E402
from repair.candidates.ocr_context import words_after, words_before  # noqa: E402
from repair.candidates.ocr_slot import slot_scores  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.ocr_channel import is_known  # noqa: E402
from repair.score.ocr_price import channel_cost  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402

#: The real-word reader's margin (heavy pages), the bar of "the context wants it".
WANTS = 2.5

KINDS = ("no candidate", "no candidate (gate shut)", "no right candidate")


def gap_rows(split: str) -> list[dict[str, Any]]:
    """The gap tokens of :data:`KINDS` (raw article, offsets, print, gold, page class)."""
    out: list[dict[str, Any]] = []
    kind_of = gap.candidate_kind

    def keep(rec, res_edits, raw_text, start, end, gold):  # type: ignore[no-untyped-def]
        kind = kind_of(rec, res_edits, raw_text, start, end, gold)
        if kind in KINDS:
            out.append(
                dict(kind=kind, page=rec.page, raw=raw_text[start:end], gold=gold, start=start,
                     text=raw_text)
            )  # fmt: skip
        return kind

    gap.candidate_kind = keep
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            gap.account(selected(DEFAULT_DATA, split), 0, None)
    finally:
        gap.candidate_kind = kind_of
    return out


def why(row: dict[str, Any]) -> dict[str, Any] | None:
    """The reach and context of one row (``None`` unless its print is a known word)."""
    raw, gold = row["raw"], row["gold"]
    if not (raw.isalpha() and is_known(raw.lower())):
        return None
    toks = tokenize(row["text"])
    i = next((k for k, t in enumerate(toks) if t.start == row["start"]), None)
    if i is None:
        return None
    left, right = words_before(toks, i, 2), words_after(toks, i, 2)
    base, got = slot_scores(left, [raw.lower(), gold.lower()], right)
    margin = got - base - channel_cost(raw, gold) - 0.2 * zipf(raw.lower())
    heavy = row["page"] == "heavy"
    own = {v.lower() for _c, v, _s in ocr_realword._readings(raw, heavy)}
    wide = {v.lower() for _c, v, _s in ocr_realword._readings(raw, True)}
    reach = (
        "learned confusion"
        if gold.lower() in own
        else "heavy settings only"
        if gold.lower() in wide
        else "no learned confusion"
    )
    return dict(row, margin=margin, reach=reach, left=left, right=right)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args(argv)
    counts: Counter[tuple[str, str, bool]] = Counter()
    for row in gap_rows(args.split):
        got = why(row)
        if got is None:
            continue
        wants = got["margin"] >= WANTS
        counts[(got["page"], got["reach"], wants)] += 1
        if args.examples:
            print(
                f"{got['page']:7} {got['kind'][:18]:18} {got['raw']!r:12} -> {got['gold']!r:12}"
                f" margin {got['margin']:6.1f}  {got['reach']:20} | {' '.join(got['left'])}"
                f" [{got['raw']}] {' '.join(got['right'])}"
            )
    head = f"| page | gold in the real-word reader's reach | context wants it (>= {WANTS}) |"
    print(f"\n{head} tokens |")
    print("|---|---|---|---:|")
    for (page, reach, wants), n in sorted(counts.items()):
        print(f"| {page} | {reach} | {'yes' if wants else 'no'} | {n} |")
    print(f"| total | | | {sum(counts.values())} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
