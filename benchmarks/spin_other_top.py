"""What separates the gold original from the stage's choice, another original on top (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_other_top.py [--spinner spinbot] [--cap 40]

The ``d:other_top`` one-word rows of :mod:`spin_account_spinbot` (the gold original is in a
candidate list the stage reads, the first reading's best original is another word, no
edit) are split by where the gold stands (:func:`where`):

* ``first_choices``: among the first reading's ranked choices (the ranker's table the topic
  pick reads), with its rank under the ranker;
* ``reverse_only`` / ``wide_only``: only in the reverse Moby rows
  (:func:`repair.candidates.spin_mobyrev.reverse_originals`) or their wide part; then what
  the second readings (:func:`repair.stages.spin._decide_rows`: ``reverse``,
  ``reverse_wide``, ``wide``, ``reread``) did: proposed the gold (under the bar), held it
  among their choices, or never replaced the row;
* ``no_first_row``: the row is not one of the first reading's ranked rows (a common or weak
  row: no ranked table).

Each row is also marked by its document: ``routed`` (read by the any-rank model), ``shipped
model``, or ``no topic reading`` (the topic pick never ran: no ranked table recorded).

Then the re-rank the first reading lacks, on every row of the routed documents
(:mod:`repair.score.spin_route`) whose gold is among the ranked choices and whose first
probability is at least :data:`repair.stages.spin.TOPIC_PICK_MIN_PROB` (the rows the topic
pick reads): top-1 of the ranker's score plus each document term (:data:`TERMS`), with
the topic pick's window (:data:`repair.score.spin_pick.WINDOW`) and positive LM gain,
and how many rows of unspun words would change their proposal.  The terms read the
document only: the printed score (:data:`repair.score.spin_printed.PRINTED_ROUTED`), the
topic gain (:func:`repair.score.spin_topic.row_topic_gains`), how many other written forms
of the document hold the candidate near the top of their own table (a one-click spinner
maps one original to one written form), and the length of the candidate's Moby entry
(a uniform any-rank channel: 1 / the list's length).  The test half is never read.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import spin_account_spinbot as acc  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin import moby_lines  # noqa: E402
from repair.candidates.spin_mobyrev import reverse_originals, reverse_originals_wide  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.score import spin_printed  # noqa: E402
from repair.score.spin_evidence import _columns  # noqa: E402
from repair.score.spin_model import MIN_GAIN  # noqa: E402
from repair.score.spin_pick import WINDOW  # noqa: E402
from repair.score.spin_route import KEY  # noqa: E402
from repair.score.spin_topic import row_topic_gains  # noqa: E402

#: A ranked choice: (original, LM gain, ranker score).
Choice = tuple[str, float, float]


def where(
    orig: str,
    first: Sequence[Choice] | None,
    reverse: Sequence[str],
    wide: Sequence[str],
    second: Sequence[tuple[str, float, Sequence[Choice]]],
) -> tuple[str, str]:
    """(class, sub-class) of one other-top row: ``first`` the first reading's ranked choices
    (None: no ranked row), ``reverse`` / ``wide`` the written word's reverse originals and
    their wide part, ``second`` the second readings' replaced rows at the span (proposed
    original, probability, choices).

    >>> where("work", [("job", 2.0, 0.5), ("work", 1.0, -0.5)], (), (), ())
    ('first_choices', 'rank 2')
    >>> where("work", [("job", 2.0, 0.5)], ("work",), (), [("work", 0.12, ())])
    ('reverse_only', 'proposed p 0.1-0.2')
    >>> where("work", None, (), (), ())
    ('no_first_row', '-')
    """
    o = orig.lower()
    if first is None:
        return "no_first_row", "-"
    names = [c[0].lower() for c in first]
    if o in names:
        mine = first[names.index(o)][2]
        return "first_choices", f"rank {1 + sum(c[2] > mine for c in first)}"
    k = "reverse_only" if o in reverse else "wide_only" if o in wide else "other_list"
    probs = [p for n, p, _c in second if n.lower() == o]
    if probs:
        b = min(int(max(probs) * 10), 9) / 10
        return k, f"proposed p {b:.1f}-{b + 0.1:.1f}"
    if any(o in (c[0].lower() for c in ch) for _n, _p, ch in second):
        return k, "in second choices"
    return k, "row not replaced" if not second else "other proposed"


@dataclass
class Row:
    """One ranked row the re-rank reads: the ranker's scores (printed score included as
    the stage applies it), LM gains, per-term values and the gold's index (None: unspun
    or gold not among the choices)."""

    scores: list[float]
    gains: list[float]
    terms: dict[str, list[float]] = field(default_factory=dict)
    gold: int | None = None
    unspun: bool = False


def top1(rows: Sequence[Row], weights: dict[str, float], window: float = WINDOW) -> tuple[int, int]:
    """(rows whose gold wins, unspun rows whose proposal changes) under the ranker's score
    plus ``weights`` times each term, over the candidates within ``window`` of the ranker's
    best whose LM gain is positive (as :func:`repair.score.spin_pick.topic_pick`).

    >>> r = Row([1.0, 0.5], [1.0, 1.0], {"t": [0.0, 1.0]}, gold=1)
    >>> top1([r], {}), top1([r], {"t": 1.0})
    ((0, 0), (1, 0))
    """
    hit = moved = 0
    for r in rows:
        top = max(r.scores)
        read = [j for j, (s, g) in enumerate(zip(r.scores, r.gains, strict=True))
                if s >= top - window and g > MIN_GAIN]  # fmt: skip
        if not read:
            continue

        def adj(j: int, r: Row = r) -> float:
            return r.scores[j] + sum(w * r.terms[t][j] for t, w in weights.items())

        best = max(read, key=lambda j: (adj(j), -j))
        first = max(read, key=lambda j: (r.scores[j], -j))
        if r.gold is not None:
            hit += best == r.gold
        elif r.unspun and best != first:
            moved += 1
    return hit, moved


def moby_len(word: str) -> int:
    """Entries in ``word``'s own Moby thesaurus row (at least 1)."""
    return max(moby_lines().get(word.lower(), "").count(","), 1)


#: The re-rank terms and the weights read (0: the ranker and the shipped printed score).
TERMS: dict[str, tuple[float, ...]] = {
    "topic": (7.0, 12.0),  # the topic pick's own weight (shipped 7.0) and more
    "other_forms": (-0.5, -1.0),
    "moby_len": (-0.25, -0.5),
}


def _hooks() -> tuple[dict[str, Any], Callable[[], None]]:
    """Patches recording the last first-reading table and the second readings' rows."""
    box: dict[str, Any] = {"second": []}
    topic_rows, decide_rows = stage._topic_rows, stage._decide_rows

    def rec_topic(doc, words, feats, probs, details, n):  # type: ignore[no-untyped-def]
        box["first"] = {
            w.start: (w.written, p, list(zip(*_columns(w.choices), strict=True)))
            for w, p in zip(words, probs, strict=True) if w.choices
        }  # fmt: skip
        box["routed"] = bool((details.get(KEY) or {}).get("route"))
        return topic_rows(doc, words, feats, probs, details, n)

    def rec_decide(doc, detection, words, changed, bar, model, flag, *a, **k):  # type: ignore[no-untyped-def]
        if changed and not k.get("refit"):  # (a refit call re-decides rows already recorded)
            x = stage.word_features(
                doc, words, stage._word_profile_of(detection.details),
                doc_rows=k.get("doc_rows"), only=changed,
            )  # fmt: skip
            for i, p in zip(changed, stage.probabilities(x), strict=True):
                w = words[i]
                ch = list(zip(*_columns(w.choices), strict=True)) if w.choices else []
                box["second"].append((w.start, w.original, p, ch))
        return decide_rows(doc, detection, words, changed, bar, model, flag, *a, **k)

    stage._topic_rows, stage._decide_rows = rec_topic, rec_decide  # type: ignore[assignment]

    def undo() -> None:
        stage._topic_rows, stage._decide_rows = topic_rows, decide_rows  # type: ignore[assignment]

    return box, undo


def _rows(text: str, first: dict, gold: dict[int, str]) -> list[Row]:
    """The re-rank's rows of one routed document."""
    doc = Document(text)
    counts = doc.word_counts
    near: dict[str, set[str]] = defaultdict(set)
    for written, _p, ch in first.values():
        top = max(c[2] for c in ch)
        for c in ch:
            if c[2] >= top - WINDOW:
                near[c[0].lower()].add(written.lower())
    printed = spin_printed.PRINTED_ROUTED or 0.0
    out = []
    for start, (written, p, ch) in first.items():
        if p < stage.TOPIC_PICK_MIN_PROB or len(ch) < 2:
            continue
        names = [c[0].lower() for c in ch]
        scores = [
            c[2] + (printed if counts.get(n, 0) else 0.0) for n, c in zip(names, ch, strict=True)
        ]
        gains = [c[1] for c in ch]
        o = gold.get(start)
        low = written.lower()
        topic = [0.0] * len(ch)
        top = max(scores)
        read = [j for j in range(len(ch)) if scores[j] >= top - WINDOW and gains[j] > MIN_GAIN]
        if len(read) >= 2:
            for j, g in zip(
                read, row_topic_gains(doc, low, [names[j] for j in read], start), strict=True
            ):
                topic[j] = g
        terms = {
            "topic": topic,
            "other_forms": [math.log1p(len(near[n] - {low})) for n in names],
            "moby_len": [math.log(moby_len(n)) for n in names],
        }
        gi = names.index(o) if o is not None and o in names else None
        out.append(Row(scores, gains, terms, gi, o is None))
    return out


def run(spinner: str, cap: int) -> str:
    """The report for ``spinner``'s dev documents."""
    box, undo = _hooks()
    per_doc: dict[str, tuple[dict, bool, list]] = {}
    cls: Counter[tuple[str, str]] = Counter()
    golds: dict[str, dict[int, str]] = defaultdict(dict)
    shipped_repair = acc.repair_text

    def repair(*a, **k):  # type: ignore[no-untyped-def]
        box["second"], box["first"], box["routed"] = [], {}, False
        return shipped_repair(*a, **k)

    def observe(s, r, span, orig, kc, row):  # type: ignore[no-untyped-def]
        per_doc[s.spun] = (box["first"], box["routed"], list(box["second"]))
        golds[s.spun][span[0]] = orig.lower()
        if kc == ("d:other_top", "row"):
            a, b = span
            low = s.spun[a:b].lower()
            first = box["first"].get(a)
            second = [(o, p, ch) for x, o, p, ch in box["second"] if x == a]
            k, sub = where(orig, first[2] if first else None, reverse_originals(low),
                           reverse_originals_wide(low), second)  # fmt: skip
            doc_kind = "routed" if box["routed"] else "shipped model"
            cls[(doc_kind if box["first"] else "no topic reading", k, sub)] += 1
        return kc

    acc.repair_text = repair
    try:
        acc.account(spinner, cap, True, observe)
    finally:
        acc.repair_text = shipped_repair
        undo()
    out = [f"{spinner}: {sum(cls.values())} dev other-top one-word rows"]
    for k, v in sorted(cls.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        out.append(f"  {' / '.join(k):60s} {v:5d}")
    rows = [r for text, (first, routed, _s) in per_doc.items() if routed
            for r in _rows(text, first, golds[text])]  # fmt: skip
    n = sum(r.gold is not None for r in rows)
    base = top1(rows, {})
    out.append(f"re-rank, routed rows read by the topic pick: {n} hold the gold, "
               f"{sum(r.unspun for r in rows)} unspun")  # fmt: skip
    out.append(
        f"  ranker + printed (no topic): gold on top {base[0]}"
        "; topic x 7.0 is the shipped topic pick"
    )
    for t, ws in TERMS.items():
        for w in ws:
            h, m = top1(rows, {t: w})
            out.append(f"  + {t} x {w:+.2f}: gold on top {h} ({h - base[0]:+d}), unspun moved {m}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["spinbot"]:
        print(run(spinner, args.cap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
