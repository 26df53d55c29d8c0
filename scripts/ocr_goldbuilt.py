"""The SMH gap's "wrong reading chosen, gold built" tokens, each with the applied edit's
evidence and every built reading that gives the gold with its last decision (session 40,
issue 12).

    python scripts/ocr_goldbuilt.py [--split dev] [--set MODULE.NAME=VALUE ...]

Runs :func:`benchmarks.smh_gap_account.account` (its tables print as usual) with its
``candidate_kind`` wrapped: for each gap token of that kind it prints the print, the
gold, the applied edit (rule, replacement, evidence, substitutions) and, per gold
reading, its builder, fixed confidence, margin, threshold, LM gain, channel cost and
substitutions (a reading decided in both passes of a garbled page appears twice: the
first pass's decision, then the page-adapted one).  The test half is for one read at
the end only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

KIND = "wrong reading chosen, gold built"


def _wrap(g: Any) -> None:
    from repair.bench.metrics import token_seq

    inner = g.candidate_kind

    def kind_of(rec: Any, res_edits: list, raw: str, start: int, end: int, gold: str) -> str:
        kind = inner(rec, res_edits, raw, start, end, gold)
        if kind != KIND:
            return kind
        gl = gold.lower()

        def gives(s: int, e: int, r: str) -> bool:
            lo, hi = min(s, start), max(e, end)
            piece = raw[lo:s] + r + raw[e:hi]
            return gl in [g._word(t).lower() for t in token_seq(piece).toks]

        print(
            f"#### print {raw[start:end]!r} gold {gold!r} | {raw[max(0, start - 40) : end + 30]!r}"
        )
        for e in res_edits:
            if e.offset < end and e.offset + e.length > start:
                ev = {k: v for k, v in e.evidence.items() if k != "substitutions"}
                subs = e.evidence.get("substitutions")
                print(f"   applied {e.rule} {e.original!r}->{e.replacement!r} {ev} subs={subs}")
        for c in rec.cands.values():
            if c.start < end and c.end > start and gives(c.start, c.end, c.replacement):
                ev = rec.decisions.get(id(c), {})
                print(
                    f"   gold {c.source} {raw[c.start : c.end]!r}->{c.replacement!r} "
                    f"fixed={c.features.get('fixed')} m={ev.get('margin')} "
                    f"t={ev.get('threshold')} g={ev.get('lm_logprob_gain')} "
                    f"c={ev.get('confusion_cost')} subs={c.features.get('subs')}"
                )
        return kind

    g.candidate_kind = kind_of


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--set", dest="sets", action="append", default=[])
    args = ap.parse_args(argv)
    import smh_gap_account as g
    from smh_eval import DEFAULT_DATA, selected

    g._apply_sets(args.sets)
    _wrap(g)
    g.account(selected(DEFAULT_DATA, args.split), 0, "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
