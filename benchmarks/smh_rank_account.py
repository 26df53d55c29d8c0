"""Which score term puts a wrong OCR reading over the gold one (issue 12, session 54).

    python benchmarks/smh_rank_account.py [--split dev-a] [--limit N] [--rows FILE.jsonl]

Every SMH article of the split is repaired (default settings); the OCR stage's first
scoring pass over the raw text is recorded (:func:`repair.score.ocr._rank` for the
candidates and their last decisions, :func:`repair.score.ocr._edits` for each span's
final accepted readings).  Each span is labelled against the gold by
:func:`scripts.train_ocr_rank.label`.

Two tables:

* **losses**: spans whose applied reading is wrong while a candidate of the *same span*
  gives the gold (the ``wrong reading chosen, gold built`` tokens of
  ``smh_gap_account.py --residual`` that the first pass decides over one span).  The
  margin difference chosen - gold is split into its terms: ``unigram`` (the readings'
  context-free log probabilities under the trigram model), ``context`` (the rest of the
  model gain), ``channel`` (the candidates' costs, the chosen one's minus the gold's,
  negated) and ``extra`` (what later passes added: page pairs, garbled context, the
  OOV bonus ...).  A row goes to the term that favours the chosen reading most, or to
  ``gold OOV`` (the model does not know the gold word), ``gold refused`` is marked, and
  ``gold fixed`` when the gold reading is a fixed fallback with no score.
* **sweep**: over the spans with two or more accepted readings and a right one, how
  many more (or fewer) first readings are right when one term's weight moves by a
  quarter (the score of a reading: its final margin plus the change).

The test half is never read unless asked for (``--split test``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.smh_eval import DEFAULT_DATA, SPLITS, in_split, load  # noqa: E402
from scripts.train_ocr_rank import label, units_of  # noqa: E402

#: A context-free log probability at or below this is a word the model does not know.
OOV_LP = -15.9


class _Snap:
    """Patches :func:`repair.score.ocr._rank` and ``_edits`` to keep the first scoring
    pass over ``raw``."""

    def __init__(self) -> None:
        import repair.score.ocr as score

        self.raw = ""
        self.rank: tuple[Any, ...] | None = None
        self.groups: dict[tuple[int, int], list[Any]] | None = None
        inner_rank, inner_edits = score._rank, score._edits

        def rank(doc, candidates, memo, groups, garbled):  # type: ignore[no-untyped-def]
            if self.rank is None and doc.text == self.raw:
                self.rank = (candidates, memo)
            return inner_rank(doc, candidates, memo, groups, garbled)

        def edits(doc, groups, decisions=None):  # type: ignore[no-untyped-def]
            if self.groups is None and doc.text == self.raw:
                self.groups = {k: list(v) for k, v in groups.items()}
            return inner_edits(doc, groups, decisions)

        score._rank, score._edits = rank, edits

    def reset(self, raw: str) -> None:
        self.raw, self.rank, self.groups = raw, None, None


def _prior(words: list[str]) -> float:
    from repair.resources.lm import get_lm

    return float(get_lm().sequence_logprob(tuple(words), ()))


def _reading(c: Any, memo_d: Any, items: list[Any]) -> dict[str, Any]:
    f = c.features
    alt = list(f.get("alt", ()) or c.replacement.split())
    fin = [(m, ev) for m, cc, ev in items if cc is c]
    return {
        "repl": c.replacement,
        "source": c.source,
        "fixed": "fixed" in f,
        "prior": round(_prior(alt), 3),
        "nsubs": len(f.get("subs", ()) or ()),
        "decided": None
        if memo_d is None
        else {
            "accept": memo_d.accept,
            "margin": memo_d.margin,
            "gain": memo_d.gain,
            "cost": memo_d.cost,
        },  # fmt: skip
        "final": None
        if not fin
        else {
            "margin": fin[0][0],
            "ev": {k: v for k, v in fin[0][1].items() if k != "substitutions"},
        },  # fmt: skip
    }


def collect(split: str, limit: int = 0) -> list[dict[str, Any]]:
    """One row per span of the first pass with a right reading or a wrong applied one."""
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    path = DEFAULT_DATA / "allArticles.txt" if DEFAULT_DATA.is_dir() else DEFAULT_DATA
    arts = [a for a in load(path) if in_split(a.ident, split)]
    if limit:
        arts = arts[:limit]
    snap = _Snap()
    rows: list[dict[str, Any]] = []
    for a in arts:
        snap.reset(a.raw)
        repair_text(a.raw, config=RepairConfig())
        if snap.rank is None or snap.groups is None:
            continue
        candidates, memo = snap.rank
        units = units_of(a)
        byspan: dict[tuple[int, int], list[tuple[int, Any]]] = {}
        for k, c in enumerate(candidates):
            byspan.setdefault((c.start, c.end), []).append((k, c))
        for span, items in snap.groups.items():
            labs = [label(a.raw, units, span[0], span[1], c.replacement) for _m, c, _e in items]
            if any(x is None for x in labs):
                continue
            cands = byspan.get(span, [])
            golds = [
                (k, c) for k, c in cands
                if (lb := label(a.raw, units, span[0], span[1], c.replacement)) and lb[0]
            ]  # fmt: skip
            if not golds:
                continue

            def got(k: int, memo: Any = memo) -> Any:
                seen = memo.get(k)
                return seen[2] if seen is not None else None

            index = {id(c): k for k, c in cands}
            rows.append(
                {
                    "art": a.ident,
                    "span": list(span),
                    "raw": a.raw[span[0] : span[1]],
                    "joint": any("joint_margin" in ev for _m, _c, ev in items),
                    "right": [bool(x[0]) for x in labs],  # type: ignore[index]
                    "accepted": [
                        _reading(c, got(index.get(id(c), -1)), items) for _m, c, _e in items
                    ],  # fmt: skip
                    "gold": [_reading(c, got(k), items) for k, c in golds],
                }
            )
    return rows


def _margin(x: dict[str, Any]) -> float:
    if x["final"] is not None:
        return float(x["final"]["margin"])
    if x["decided"] is not None:
        return float(x["decided"]["margin"]) - 100.0  # refused: below every accepted one
    return -200.0


def attribute(row: dict[str, Any]) -> tuple[str, dict[str, float], dict[str, Any]]:
    """(term, the terms chosen - gold, the gold reading) of a loss row."""
    c = row["accepted"][0]
    g = max(row["gold"], key=_margin)
    if c["decided"] is None or g["decided"] is None:
        return "gold fixed", {}, g
    cd, gd = c["decided"], g["decided"]
    d_gain = cd["gain"] - gd["gain"]
    d_uni = c["prior"] - g["prior"]
    mc = c["final"]["margin"] if c["final"] else cd["margin"]
    mg = g["final"]["margin"] if g["final"] else gd["margin"]
    terms = {
        "unigram": d_uni,
        "context": d_gain - d_uni,
        "channel": gd["cost"] - cd["cost"],
    }
    terms["extra"] = (mc - mg) - (d_gain + terms["channel"])
    if c["repl"].lower() == g["repl"].lower():
        return "case", terms, g
    if g["prior"] <= OOV_LP:
        return "gold OOV", terms, g
    return max(terms, key=lambda t: terms[t]), terms, g


def losses(rows: list[dict[str, Any]]) -> str:
    out = ["| print | chosen | gold | gold | Δ margin | unigram | context | channel | extra "
           "| term |", "|---|---|---|---|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    tally: Counter[str] = Counter()
    for r in rows:
        if r["right"][0] or r["joint"]:
            continue
        term, t, g = attribute(r)
        tally[term] += 1
        state = "fixed" if not t else ("accepted" if g["final"] else "refused")
        nums = " | ".join(f"{t[k]:.2f}" if t else "" for k in ("unigram", "context",
                                                                  "channel", "extra"))  # fmt: skip
        dm = f"{sum(t.values()):.2f}" if t else ""
        out.append(f"| {r['raw']!r} | {r['accepted'][0]['repl']!r} | {g['repl']!r} | {state} "
                   f"| {dm} | {nums} | {term} |")  # fmt: skip
    out.append("")
    out.append("by term: " + ", ".join(f"{k} {n}" for k, n in tally.most_common()))
    return "\n".join(out)


def _g(o: dict[str, Any], key: str) -> float:
    return float(o["final"]["ev"].get(key, 0.0)) if o["final"] else 0.0


#: The sweep's changes: name -> the change of a reading's score.
SWEEP: dict[str, Callable[[dict[str, Any]], float]] = {
    "unigram x0.75": lambda o: -0.25 * max(o["prior"], -13.0),
    "unigram x1.25": lambda o: 0.25 * max(o["prior"], -13.0),
    "context x0.75": lambda o: -0.25 * (_g(o, "lm_logprob_gain") - o["prior"]),
    "context x1.25": lambda o: 0.25 * (_g(o, "lm_logprob_gain") - o["prior"]),
    "gain x0.75": lambda o: -0.25 * _g(o, "lm_logprob_gain"),
    "gain x1.25": lambda o: 0.25 * _g(o, "lm_logprob_gain"),
    "channel x0.75": lambda o: 0.25 * _g(o, "confusion_cost"),
    "channel x1.25": lambda o: -0.25 * _g(o, "confusion_cost"),
    "substitution +0.5": lambda o: -0.5 * o["nsubs"],
    "substitution -0.5": lambda o: 0.5 * o["nsubs"],
    "OCR_SPELLING -1": lambda o: -1.0 * (o["source"] == "OCR_SPELLING"),
}


def sweep(rows: list[dict[str, Any]]) -> str:
    multi = [r for r in rows if len(r["accepted"]) > 1 and not r["joint"] and any(r["right"])]

    def right_with(fn: Callable[[dict[str, Any]], float]) -> int:
        right = 0
        for r in multi:
            opts = r["accepted"]
            scores = [(o["final"]["margin"] if o["final"] else -100.0) + fn(o) for o in opts]
            best = max(range(len(opts)), key=lambda i: (scores[i], -i))
            right += r["right"][best]
        return right

    base = right_with(lambda o: 0.0)
    first = sum(r["right"][0] for r in multi)
    out = [f"{len(multi)} spans with two or more accepted readings and a right one; first "
           f"reading right: {first} (margins alone: {base})"]  # fmt: skip
    for name, fn in SWEEP.items():
        out.append(f"  {name:20} {right_with(fn) - base:+d}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=SPLITS, default="dev-a")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rows", type=Path, default=None, help="cache of the rows (JSON lines)")
    args = ap.parse_args(argv)
    if args.rows and args.rows.is_file():
        rows = [json.loads(x) for x in args.rows.read_text(encoding="utf-8").splitlines()]
    else:
        rows = collect(args.split, args.limit)
        if args.rows:
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(losses(rows))
    print()
    print(sweep(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
