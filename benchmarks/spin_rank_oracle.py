"""What the "another original on top" class is worth per document: the gold put on top (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_rank_oracle.py [--spinner spinbot] [--cap 40] [--all-rows] [--lead 1]

An oracle for the rank: wherever the first reading's ranked table of a written word
holds its gold original (:func:`repair.score.spin_pick.topic_pick`, the topic pick of
:func:`repair.stages.spin._topic_rows`), that original is proposed, with the ranker's
(and the document terms') scores as they stand; every other decision is the shipped
pipeline's, so the word model still decides whether the proposed gold clears the bar.
``--all-rows`` reads every row of the table (not only those whose first probability
reaches :data:`repair.stages.spin.TOPIC_PICK_MIN_PROB`); ``--lead L`` also gives the gold
the ranker score of the best candidate plus ``L`` (the word model reads the proposed
original's ranker score and lead: a ranker sure of the gold).  The figures are
``benchmarks/spin_eval.py``'s, shipped and oracle, on the same documents.  The test half
is never read.

Session 59 (spinbot59), spinbot dev: shipped 0.2293 (precision 0.678), oracle on the
topic-read rows 0.231 (0.693), on every row 0.232 (0.694); with ``--lead 1`` 0.240
(0.714) and 0.244 (0.717): the class costs precision more than recall; the gold on top
mostly stays under the bar.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import spin_eval as ev  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.score.spin_evidence import WordEvidence, _chosen, _columns, rescored  # noqa: E402


def gold_pick(
    w: WordEvidence,
    gold: str | None,
    got: tuple[WordEvidence, float] | None,
    lead: float | None = None,
) -> tuple[WordEvidence, float] | None:
    """``got`` (the topic pick's answer for row ``w``) with ``gold`` proposed where the
    row's choices hold it (the picked row's re-scored choices where there is one; with
    ``lead``, the gold's score is the best score plus ``lead``).

    >>> from repair.score.spin_rank import RANK_FEATURES
    >>> x = (0.0,) * len(RANK_FEATURES)
    >>> ch = (("job", 2.0, 0.5, x), ("work", 1.0, -0.5, x))
    >>> w = WordEvidence(0, 4, "task", "job", 2.0, 0.0, 0.0, 2, 1.0, choices=ch)
    >>> gold_pick(w, "work", None)[0].original, gold_pick(w, "play", None)
    ('work', None)
    >>> gold_pick(w, "work", None, 1.0)[0].rank_score
    1.5
    """
    names = [n.lower() for n in _columns(w.choices)[0]]
    if gold is None or gold not in names:
        return got
    ch = got[0].choices if got is not None else w.choices
    k = names.index(gold)
    if lead is not None:
        scores = list(_columns(ch)[2])
        scores[k] = max(scores) + lead
        ch = rescored(ch, scores)
    return _chosen(w.start, w.end, w.written, w.n_candidates, ch, k), 0.0


def run(
    spinner: str, cap: int, all_rows: bool, lead: float | None = None
) -> list[dict[str, object]]:
    """spin_eval's rows for ``spinner``'s dev documents: shipped, then with the oracle."""
    golds: dict[str, dict[int, str]] = {}
    for s in ev.spun_docs(spinner, "dev", cap, RATE)[1]:
        golds[s.spun] = {a: o.lower() for (a, _b), o in gold_spans(s).items()}
    rows = ev.evaluate([spinner], "dev", cap, RATE)[:1]
    shipped, min_prob = stage.topic_pick, stage.TOPIC_PICK_MIN_PROB

    def pick(doc, w, wanted=None, extra=None):  # type: ignore[no-untyped-def]
        got = shipped(doc, w, wanted, extra)
        if wanted is not None:  # a second reading: as shipped
            return got
        return gold_pick(w, golds.get(doc.text, {}).get(w.start), got, lead)

    stage.topic_pick = pick  # type: ignore[assignment]
    if all_rows:
        stage.TOPIC_PICK_MIN_PROB = 0.0
    try:
        oracle = ev.evaluate([spinner], "dev", cap, RATE)[:1]
    finally:
        stage.topic_pick, stage.TOPIC_PICK_MIN_PROB = shipped, min_prob  # type: ignore[assignment]
    how = (", every row" if all_rows else "") + (f", lead {lead}" if lead is not None else "")
    oracle[0]["spinner"] = f"{spinner} (gold on top{how})"
    return rows + oracle


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: spinbot)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--all-rows", action="store_true", help="every ranked row, not only "
                    "those the topic pick reads")  # fmt: skip
    ap.add_argument("--lead", type=float, help="the gold's ranker score: the best's plus this")
    args = ap.parse_args(argv)
    rows = []
    for spinner in args.spinner or ["spinbot"]:
        rows += run(spinner, args.cap, args.all_rows, args.lead)
    ev.print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
