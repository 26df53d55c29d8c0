"""Refit the word model's probability on the reverse readings' rows (dev only; issue 11).

Usage (from the checkout root; ``bench`` extra, numpy and ``../shared`` needed)::

    python benchmarks/spin_reread_refit.py [--spinners spinbot,wordnet,...] [--write]

Every row the reverse reading and the wide reverse reading hand to the word model
(:func:`repair.stages.spin._decide_rows` with flag ``reverse`` / ``reverse_wide``) is
recorded on the dev halves of the simulated spinners (and the training-only ``anyrare``),
with its :data:`repair.score.spin_reread_model.FEATURES` and its label: the row proposes
the gold original ("gold"), another word at a spun place ("other") or a word the spinner
did not touch ("unspun").  The report gives, per spinner, the rows by the word model's
probability band, and then a logistic refit (:mod:`repair.score.spin_reread_model`)
cross-fitted over document halves (even / odd dev documents) against the shipped rule and
against lowering the shipped bars: at each bar, the gold / other / unspun rows kept more
than the shipped rule keeps (offline: the later readings and the scorer are not re-run).
``--write`` fits on every row and writes ``lexicons/spin_reread55.json``; ``--half a|b
--out FILE`` fits on one half's documents only (``spin_eval.py --half``: even / odd
places) and writes FILE, for a cross-fit measured by ``spin_eval.py --half`` on the
other half.  The test half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import HALVES_BY_DOC, make_config, spun_docs  # noqa: E402
from spin_sim import RATE, spin_doc  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_mobyrev import reverse_originals_deep  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score import spin_reread_model as refit  # noqa: E402
from repair.score.spin_model import FEATURES as WORD_FEATURES  # noqa: E402

SPINNERS = ("spinbot", "wordnet", "rare", "double", "seed", "phrase", "seeddense", "anyrare")
#: L2 penalty of the logistic fit (standardised features).
LAMBDA = 1.0
Row = dict[str, Any]


def band(p: float) -> str:
    """A probability's band.

    >>> band(0.05), band(0.15), band(0.3)
    ('< 0.1', '0.1-0.2', '>= 0.2')
    """
    return "< 0.1" if p < 0.1 else "0.1-0.2" if p < 0.2 else ">= 0.2"


def collect(spinners: Sequence[str], cap: int) -> list[Row]:
    """The reverse readings' rows of each spinner's dev documents (flag off: the rows the
    word model decides, as main)."""
    box: dict[str, Any] = {"rows": None, "gold": {}}
    decide = stage._decide_rows
    m = WORD_FEATURES.index("rank_margin")

    def decided(doc, detection, words, changed, bar, model, flag, *a, **k):  # type: ignore[no-untyped-def]
        if flag in refit.REREAD_FLAGS and changed and box["rows"] is not None:
            x = stage.word_features(doc, words, stage._word_profile_of(detection.details),
                                    doc_rows=k.get("doc_rows"), only=changed)  # fmt: skip
            for i, xi, p in zip(changed, x, stage.probabilities(x), strict=True):
                w = words[i]
                deep, low = reverse_originals_deep(w.written.lower()), w.original.lower()
                g = box["gold"].get(w.start)
                box["rows"].append({
                    "flag": flag, "bar": bar, "dbar": stage.word_bar(detection.details),
                    "kind": "gold" if g == low else "other" if g else "unspun", "p": p,
                    "x": refit.features(p, xi[m], deep.index(low) if low in deep else -1,
                                        detection.probs[i], flag == "reverse_wide"),
                })  # fmt: skip
        return decide(doc, detection, words, changed, bar, model, flag, *a, **k)

    config = make_config("spin,tortured,collocation", False)
    out: list[Row] = []
    stage._decide_rows = decided  # type: ignore[assignment]
    was, refit.REREAD_MODEL = refit.REREAD_MODEL, False
    try:
        for spinner in spinners:
            if spinner == "anyrare":  # training-only: spin_eval.py's documents, spun by it
                docs = spun_docs("wordnet", "dev", cap, RATE)[0]
                spun = [spin_doc(d.doc_id, d.register, d.text, spinner, "dev", RATE) for d in docs]
            else:
                spun = spun_docs(spinner, "dev", cap, RATE)[1]
            for j, s in enumerate(spun):
                if not s.edits:
                    continue
                box["rows"] = []
                box["gold"] = {a: o.lower() for (a, _b), o in gold_spans(s).items()}
                repair_text(s.spun, (), config)
                out += [dict(r, sp=spinner, doc=j) for r in box["rows"]]
                box["rows"] = None
    finally:
        stage._decide_rows = decide  # type: ignore[assignment]
        refit.REREAD_MODEL = was
    return out


def fit(x: np.ndarray, y: np.ndarray, lam: float = LAMBDA) -> tuple[np.ndarray, ...]:
    """Mean, scale and weights (intercept first) of an L2 logistic regression (Newton).

    >>> x = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0.0, 0.0, 1.0, 1.0])
    >>> bool(predict(fit(x, y), np.array([[3.0]]))[0] > 0.5)
    True
    """
    mu, sd = x.mean(0), x.std(0)
    sd[sd <= 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    w = np.zeros(z.shape[1])
    pen = lam * np.r_[0.0, np.ones(len(w) - 1)]
    for _ in range(30):
        q = 1.0 / (1.0 + np.exp(-(z @ w)))
        h = (z * (q * (1 - q))[:, None]).T @ z + np.diag(pen)
        w -= np.linalg.solve(h, z.T @ (q - y) + pen * w)
    return mu, sd, w


def predict(m: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    """The fitted model's probabilities."""
    mu, sd, w = m
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    return 1.0 / (1.0 + np.exp(-(z @ w)))


def kept(rows: list[Row], key: str, t_rev: float | None, t_wide: float | None) -> Counter:
    """(spinner, kind) -> rows kept: the reverse rows at ``t_rev`` where a document has at
    least ``REVERSE_BAR_ROWS`` of them there (else at the document's bar, by the word
    model), the wide reverse rows at ``t_wide``; ``key`` "p" (word model) or "q" (refit);
    None: the shipped bars."""
    docs: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for r in rows:
        docs[(r["sp"], r["doc"])].append(r)
    c: Counter = Counter()
    for v in docs.values():
        rev = [r for r in v if r["flag"] == "reverse"]
        n = sum(r[key] >= (r["bar"] if t_rev is None else t_rev) for r in rev)
        for r in v:
            if r["flag"] == "reverse":
                t = r["bar"] if t_rev is None else t_rev
                ok = r[key] >= t if n >= stage.REVERSE_BAR_ROWS else r["p"] >= r["dbar"]
            else:
                ok = r[key] >= (r["bar"] if t_wide is None else t_wide)
            c[(r["sp"], r["kind"])] += ok
    return c


def report(rows: list[Row]) -> str:
    """The bands and the cross-fitted comparison."""
    sps = list(dict.fromkeys(r["sp"] for r in rows))
    out = ["rows by reading / label, word-model probability < 0.1 / 0.1-0.2 / >= 0.2:"]
    bands = Counter((r["sp"], r["flag"], r["kind"], band(r["p"])) for r in rows)
    for sp in sps:
        for fl in sorted(refit.REREAD_FLAGS):
            cells = ["/".join(str(bands[(sp, fl, k, b)]) for b in ("< 0.1", "0.1-0.2", ">= 0.2"))
                     for k in ("gold", "other", "unspun")]  # fmt: skip
            out.append(f"  {sp:10s} {fl:13s} gold {cells[0]:12s} other {cells[1]:12s} "
                       f"unspun {cells[2]}")  # fmt: skip
    x = np.array([r["x"] for r in rows])
    y = np.array([r["kind"] == "gold" for r in rows], float)
    fold = np.array([r["doc"] % 2 for r in rows])
    q = np.zeros(len(rows))
    for f in (0, 1):
        q[fold == f] = predict(fit(x[fold != f], y[fold != f]), x[fold == f])
    for r, qi in zip(rows, q, strict=True):
        r["q"] = float(qi)
    base = kept(rows, "p", None, None)
    ev = [s for s in sps if s != "anyrare"]
    out.append("kept more than shipped (gold / other / unspun); 'all' = the evaluated spinners:")

    def line(tag: str, c: Counter) -> str:
        d = {s: tuple(c[(s, k)] - base[(s, k)] for k in ("gold", "other", "unspun")) for s in sps}
        tot = [sum(d[s][i] for s in ev) for i in range(3)]
        cells = " ".join(f"{s}:{'/'.join(f'{v:+d}' for v in d[s])}" for s in sps)
        return f"  {tag:22s} all {tot[0]:+4d}/{tot[1]:+4d}/{tot[2]:+4d}  {cells}"

    for t in (0.1, 0.12, 0.15, 0.18):
        out.append(line(f"word model at {t:.2f}", kept(rows, "p", t, min(t, 0.15))))
    for t in (0.2, 0.25, 0.3, 0.35, 0.4):
        out.append(line(f"refit (cross-fit) {t:.2f}", kept(rows, "q", t, t)))
    return "\n".join(out)


def half_rows(rows: list[Row], half: str) -> list[Row]:
    """The rows of one half's documents (``spin_eval.py --half``: even / odd places).

    >>> [r["doc"] for r in half_rows([{"doc": 0}, {"doc": 1}, {"doc": 2}], "b")]
    [1]
    """
    return [r for r in rows if r["doc"] % 2 == HALVES_BY_DOC[half]]


def model_json(rows: list[Row]) -> dict[str, object]:
    """The refit on every row, as a :data:`~repair.score.spin_reread_model.MODEL_FILE`."""
    x = np.array([r["x"] for r in rows])
    y = np.array([r["kind"] == "gold" for r in rows], float)
    mu, sd, w = fit(x, y)
    return {
        "format": refit.FORMAT,
        "features": list(refit.FEATURES),
        "mean": [round(float(v), 6) for v in mu],
        "scale": [round(float(v), 6) for v in sd],
        "coef": [round(float(v), 6) for v in w[1:]],
        "intercept": round(float(w[0]), 6),
        "training": {
            "rows": len(rows), "gold": int(y.sum()), "lambda": LAMBDA,
            "spinners": sorted({r["sp"] for r in rows}), "split": "dev",
            "script": "benchmarks/spin_reread_refit.py",
        },
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinners", default=",".join(SPINNERS))
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--write", action="store_true", help=f"write lexicons/{refit.MODEL_FILE}")
    ap.add_argument("--half", choices=tuple(HALVES_BY_DOC), help="fit on this half's documents")
    ap.add_argument("--out", help="with --half: the model file to write")
    args = ap.parse_args(argv)
    if bool(args.half) != bool(args.out) or (args.half and args.write):
        ap.error("--half needs --out (and no --write: the shipped model is fitted on all of dev)")
    rows = collect(args.spinners.split(","), args.cap)
    print(f"{len(rows)} rows")
    print(report(rows))
    if args.write or args.half:
        if args.half:
            rows = half_rows(rows, args.half)
        path = Path(args.out) if args.out else ROOT / "lexicons" / refit.MODEL_FILE
        d = model_json(rows)
        if args.half:
            d["training"]["split"] = f"dev-{args.half}"  # type: ignore[index]
        path.write_text(json.dumps(d, indent=1) + "\n")
        print(f"wrote {path} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
