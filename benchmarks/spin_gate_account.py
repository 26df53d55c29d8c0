"""Shut-gate account of a spinner's dev documents against clean dev text (dev only).

Usage (from the checkout root)::

    python benchmarks/spin_gate_account.py --spinner seed --unprofiled --json OUT.json

Every spun dev document (``spin_eval.spun_docs``, ``--cap`` of them) and every clean dev
document of ``spin_sim.corpus`` (``--clean`` of them; the spun documents' own originals
first) is repaired twice by the spin stages: as shipped, and with the spin word gate
forced open where it is shut (session 42's consistency gate at bar 0 and model floor 0:
an oracle detector).  A document is *shut* when :func:`repair.stages.spin.word_bar` of
its shipped detection is above 1 (no spin gate open).  For each shut document the
account records what opening would change (spun: right and false edits against the gold
substitutions; clean: every edit is false) and the document-level cues read from its
shipped detection's word rows (so the cue is what the stage could read before a gate):

* ``model``: the document model's score (its gate ``get_model().doc_gate``);
* ``prof``: the seed profile's score;
* ``cons``: session 42's consistency cue, forms read at 2+ places proposing one original
  at every place (probability >= 0.01), the original written nowhere, per 100 words
  (documents under 150 words count as 150);
* ``consmax``: the same forms, the strongest place's probability >= 0.15 (session 53
  spinseed's pooled statistic);
* ``p50``: places with probability >= 0.5 whose original is written nowhere, per 100 words;
* ``p30t``: distinct written forms with such a place at >= 0.3, per 100 words;
* ``sump``: the summed probability of every row, per 100 words;
* ``both``: distinct written forms whose proposed original is more frequent (unigram gain
  > 0) and fits both sides (left gain > 0 and right gain > 0), written nowhere, per 100
  words (the density of words with a more ordinary synonym that fits both sides).

It prints, per cue, the AUC of shut spun vs shut clean documents, the clean maximum and
what the spun documents above it would gain; then a five-fold cross-validated logistic
combination of every cue (numpy, balanced classes) read at clean quantiles.  The test
half is never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import hold_out_profile, make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.detect.spin_consistent as consistent  # noqa: E402
import repair.stages.spin as stage  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

CUES = ("model", "prof", "cons", "consmax", "p50", "p30t", "sump", "both")
#: A row: (written, original, probability, original's count, unigram, left, right gain).
Row = tuple[str, str, float, int, float, float, float]


def cues(rows: Sequence[Row], n_words: int, model: float, prof: float) -> dict[str, float]:
    """The document-level cues (module doc) of one document's word rows.

    >>> r = [("folks", "people", 0.2, 0, 1.0, 0.5, 0.5), ("folks", "people", 0.6, 0, 1.0, 0.5, 0.5)]
    >>> c = cues(r, 100, 0.3, 0.1)
    >>> round(c["cons"], 3), round(c["consmax"], 3), round(c["p50"], 3), round(c["both"], 3)
    (0.667, 0.667, 0.667, 0.667)
    """
    per = 100.0 / max(n_words, consistent.MIN_WORDS)
    by: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by[r[0]].append(r)
    same = [v for v in by.values() if len(v) >= 2 and len({x[1] for x in v}) == 1 and v[0][3] == 0]
    return {
        "model": model,
        "prof": prof,
        "cons": per * sum(all(x[2] >= consistent.MIN_PROB for x in v) for v in same),
        "consmax": per * sum(max(x[2] for x in v) >= 0.15 for v in same),
        "p50": per * sum(r[2] >= 0.5 and r[3] == 0 for r in rows),
        "p30t": per * len({r[0] for r in rows if r[2] >= 0.3 and r[3] == 0}),
        "sump": per * sum(r[2] for r in rows),
        "both": per * len({r[0] for r in rows if r[3] == 0 and r[4] > 0 and r[5] > 0 and r[6] > 0}),
    }


class _Seen:
    """The spin stage's detections of the current document (the stage's ``detect`` wrapped)."""

    def __init__(self) -> None:
        self.dets: list[stage.SpinDetection] = []
        self.shipped = stage._Stage.detect

    def __enter__(self) -> _Seen:
        seen, shipped = self.dets, self.shipped

        def detect(inner, doc):  # type: ignore[no-untyped-def]
            d = shipped(inner, doc)
            seen.append(d)
            return d

        stage._Stage.detect = detect  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        stage._Stage.detect = self.shipped  # type: ignore[method-assign]


def run(text: str, forced: bool, seen: _Seen, config) -> tuple[list, stage.SpinDetection | None]:  # type: ignore[no-untyped-def]
    """Repair ``text`` as shipped or with the word gate forced open (module doc)."""
    saved = stage.CONSISTENT_GATE, consistent.GATE_AT, consistent.GATE_MIN_MODEL
    if forced:
        stage.CONSISTENT_GATE, consistent.GATE_AT, consistent.GATE_MIN_MODEL = True, 0.0, 0.0
    seen.dets.clear()
    try:
        r = repair_text(text, (), config)
    finally:
        stage.CONSISTENT_GATE, consistent.GATE_AT, consistent.GATE_MIN_MODEL = saved
    return list(r.edits), (seen.dets[0] if seen.dets else None)


def _right(edits: Sequence, gold: dict) -> int:
    """Edits restoring their gold original."""
    return sum(1 for e in edits if gold.get((e.offset, e.end), "").lower() == e.replacement.lower())


def record(text: str, gold: dict, seen: _Seen, config) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One document: shut or not, its cues, and the edits shipped and forced open."""
    edits, det = run(text, False, seen, config)
    d = det.details if det else {}
    shut = stage.word_bar(d) > 1.0
    rec: dict[str, object] = {"shut": shut, "gold": len(gold)}
    rec["edits"], rec["right"] = len(edits), _right(edits, gold)
    if not shut or det is None:
        return rec
    counts = Counter(m.group(0).lower() for m in re.finditer(r"[A-Za-z]+", text))
    rows = [
        (w.written.lower(), w.original.lower(), float(p), counts[w.original.lower()],
         w.unigram, w.left, w.gain - w.left)
        for w, p in zip(det.words, det.probs, strict=True)
    ]  # fmt: skip
    model, prof = d.get("model_score", 0.0), d.get("profile_score", 0.0)
    rec["cues"] = cues(rows, len(text.split()), model, prof)
    opened, _ = run(text, True, seen, config)
    rec["open_edits"] = len(opened)
    rec["open_right"] = _right(opened, gold)
    return rec


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """Probability a positive outranks a negative (ties half).

    >>> auc([2.0, 3.0], [1.0, 2.0])
    0.875
    """
    s = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return s / max(len(pos) * len(neg), 1)


def _gain(recs: Sequence[dict]) -> tuple[int, int]:
    """(right, false) edits added by opening these spun documents."""
    r = sum(x["open_right"] - x["right"] for x in recs)
    f = sum((x["open_edits"] - x["open_right"]) - (x["edits"] - x["right"]) for x in recs)
    return r, f


def _cost(recs: Sequence[dict]) -> int:
    """Edits added by opening these clean documents."""
    return sum(x["open_edits"] - x["edits"] for x in recs)


def combined(spun: list[dict], clean: list[dict]) -> None:
    """Five-fold cross-validated logistic combination of every cue, read at clean quantiles."""
    import numpy as np

    x = np.array([[r["cues"][k] for k in CUES] for r in spun + clean])
    y = np.array([1] * len(spun) + [0] * len(clean))
    z = (x - x.mean(0)) / (x.std(0) + 1e-9)
    wt = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))

    def fit(idx):  # type: ignore[no-untyped-def]
        w, b = np.zeros(z.shape[1]), 0.0
        for _ in range(3000):
            p = 1 / (1 + np.exp(-(z[idx] @ w + b)))
            g = (p - y[idx]) * wt[idx]
            w -= 0.05 * (z[idx].T @ g / len(idx) + w / len(idx))
            b -= 0.05 * float(g.mean())
        return w, b

    folds = np.random.default_rng(0).integers(0, 5, len(y))
    score = np.zeros(len(y))
    for f in range(5):
        w, b = fit(np.flatnonzero(folds != f))
        score[folds == f] = z[folds == f] @ w + b
    pos, neg = score[y == 1], score[y == 0]
    print(f"combined (5-fold CV logistic): AUC {auc(list(pos), list(neg)):.3f}")
    w, _b = fit(np.arange(len(y)))
    named = ", ".join(f"{k} {v:+.2f}" for k, v in zip(CUES, w, strict=True))
    print(f"  weights (standardised): {named}")
    for q in (0.99, 0.995, 0.999, 1.0):
        t = float(np.quantile(neg, q)) if q < 1.0 else float(neg.max())
        gs = [r for r, s in zip(spun, pos, strict=True) if s > t]
        gc = [r for r, s in zip(clean, neg, strict=True) if s > t]
        r_, f_ = _gain(gs)
        print(f"  above clean q{q}: spun {len(gs)} docs +{r_} right +{f_} false | "
              f"clean {len(gc)} docs +{_cost(gc)} edits")  # fmt: skip


def report(spun: list[dict], clean: list[dict]) -> None:
    """Print the account (module doc)."""
    s_shut = [r for r in spun if r["shut"]]
    c_shut = [r for r in clean if r["shut"]]
    gold = sum(r["gold"] for r in spun)
    r0 = sum(r["right"] for r in spun)
    f0 = sum(r["edits"] - r["right"] for r in spun)
    ro, fo = _gain(s_shut)
    print(f"spun: {len(spun)} docs, {gold} gold substitutions, shipped right {r0} false {f0}; "
          f"shut {len(s_shut)} docs")  # fmt: skip
    print(f"  every shut doc forced open (oracle detector): +{ro} right, +{fo} false")
    words = sum(r["words"] for r in c_shut)
    print(f"clean: {len(clean)} docs, shut {len(c_shut)} ({words} words); forced open: "
          f"+{_cost(c_shut)} edits ({1000 * _cost(c_shut) / max(words, 1):.2f} per 1,000), "
          f"{sum(r['open_edits'] > r['edits'] for r in c_shut)} docs changed")  # fmt: skip
    if not s_shut or not c_shut:
        return
    print("cue       AUC   spun median  clean p99  clean max  spun>max: docs right false")
    for k in CUES:
        pos = [r["cues"][k] for r in s_shut]
        neg = sorted(r["cues"][k] for r in c_shut)
        m = neg[-1]
        gs = [r for r in s_shut if r["cues"][k] > m]
        r_, f_ = _gain(gs)
        med, p99 = sorted(pos)[len(pos) // 2], neg[int(0.99 * (len(neg) - 1))]
        print(f"{k:8s} {auc(pos, neg):.3f}  {med:10.3f}  {p99:9.3f}  {m:9.3f}  "
              f"{len(gs):4d} {r_:5d} {f_:5d}")  # fmt: skip
    combined(s_shut, c_shut)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", default="seed")
    ap.add_argument("--cap", type=int, default=40, help="spun dev documents (as spin_eval.py)")
    ap.add_argument("--clean", type=int, default=None, help="clean dev documents (default: all)")
    ap.add_argument("--unprofiled", action="store_true", help="dev seed families' rows out")
    ap.add_argument("--json", help="write the per-document records here")
    args = ap.parse_args(argv)
    if args.unprofiled:
        hold_out_profile("dev")
    config = make_config("spin,tortured,collocation", False)
    spun: list[dict] = []
    clean: list[dict] = []
    with _Seen() as seen:
        for s in spun_docs(args.spinner, "dev", args.cap, RATE)[1]:
            spun.append(record(s.spun, gold_spans(s), seen, config))
        for d in select("dev", args.clean):
            rec = record(d.text, {}, seen, config)
            rec.update(id=d.doc_id, register=d.register, words=len(d.text.split()))
            clean.append(rec)
    report(spun, clean)
    if args.json:
        Path(args.json).write_text(json.dumps({"spun": spun, "clean": clean}, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
