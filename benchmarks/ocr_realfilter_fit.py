"""Fit the learned "cannot win" filter of a real word's readings (issue 14, session 59):
:mod:`repair.candidates.ocr_realfilter`, shipped in ``lexicons/ocr_realfilter.json``.

``log``: repair DEV texts only (the 100 k-word OCR speed text, the SMH dev half, the light
suite's dev half, ICDAR 2017 monograph files 1-40) with the filter off, and record every
real-word reading of :func:`repair.candidates.ocr_realword.realword_candidates` the scorer
decides: its features (:func:`repair.candidates.ocr_realfilter.features`) and its best
``margin - threshold`` over the decision passes.  ``fit``: a class-balanced logistic
regression (numpy, Newton steps) of "comes within ``--slack`` nats of its threshold" on
those features; the bar is the lowest score of any logged reading within ``--keep`` nats
(so no dev winner, nor any near miss a later pass reads, is skipped) less ``--guard``.

    python benchmarks/ocr_realfilter_fit.py log speed smh light icdar  # /tmp/realfilter/*.json
    python benchmarks/ocr_realfilter_fit.py fit [--slack 6] [--keep 3] [--guard 0.5] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from repair.candidates import ocr_realfilter as F  # noqa: E402
from repair.candidates import ocr_realword  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

OUT = Path("/tmp/realfilter")
SOURCES = ("speed", "smh", "light", "icdar")
ICDAR = Path(__file__).resolve().parents[1] / "../shared/data/ocr/icdar2017_eng_monograph"


def _texts(src: str) -> tuple[list[str], object]:
    from repair.config import RepairConfig

    if src == "speed":
        from repair.bench.speed import speed_text

        return [speed_text("ocr", 100_000)], RepairConfig()
    if src == "smh":
        import smh_eval

        return [a.raw for a in smh_eval.selected(smh_eval.DEFAULT_DATA, "dev")], RepairConfig()
    if src == "light":
        path = Path(__file__).resolve().parent / ".generated/ocr_light/dev.json"
        docs = json.loads(path.read_text(encoding="utf-8"))
        return [v["text"] for d in docs for v in d["damaged"].values()], RepairConfig()
    if src == "icdar":
        import ocr_eval

        from repair.bench.suites import shared_dir

        folder = shared_dir() / "data/ocr/icdar2017_eng_monograph"
        texts = [ocr_eval.load_icdar(folder / f"{i}.txt")[0] for i in range(1, 41)]
        return texts, ocr_eval.OCR_ONLY
    raise SystemExit(f"unknown source {src!r}: one of {SOURCES}")


def log(src: str) -> list[dict]:
    """Repair ``src``'s dev texts (filter off) and return one row per real-word reading."""
    from repair.pipeline import repair_text
    from repair.score import ocr as S

    rows: dict[tuple, dict] = {}
    doc = [0]
    inner = S._decide_all

    def wrapped(scorer, ctx, candidates, garbled, memo):  # type: ignore[no-untyped-def]
        groups = inner(scorer, ctx, candidates, garbled, memo)
        for k, c in enumerate(candidates):
            f = c.features
            if c.source != "OCR_REALWORD" or f.get("finding") != "realword" or "fixed" in f:
                continue
            if f.get("threshold") is None or "subs" not in f or len(f["orig"]) != 1:
                continue  # another reader's real-word reading
            seen = memo.get(k)
            if seen is None:
                continue
            d = seen[2]
            key = (doc[0], c.start, c.end, c.replacement)
            gap = float(d.margin - d.threshold)
            r = rows.get(key)
            if r is None:
                o, a = f["orig"][0], f["alt"][0]
                prior = f.get("prior_per_zipf")
                prior = S.PRIOR_PER_ZIPF if prior is None else float(prior)
                rows[key] = {
                    "src": src, "doc": doc[0], "o": o, "a": a, "cost": float(f["cost"]),
                    "thr": float(f["threshold"]), "prior": prior, "subs": len(f["subs"]),
                    "zo": zipf(o.lower()), "za": zipf(a.lower()),
                    "heavy": prior == ocr_realword.PRIOR_PER_ZIPF, "gap": gap,
                    "acc": bool(d.accept),
                }  # fmt: skip
            else:
                r["gap"] = max(r["gap"], gap)
                r["acc"] = r["acc"] or bool(d.accept)
        return groups

    texts, config = _texts(src)
    S._decide_all = wrapped
    saved = ocr_realword.LEARNED_SKIP
    ocr_realword.LEARNED_SKIP = False
    try:
        for i, text in enumerate(texts):
            doc[0] = i
            repair_text(text, config=config)
    finally:
        S._decide_all = inner
        ocr_realword.LEARNED_SKIP = saved
    return list(rows.values())


def matrix(rows: list[dict]) -> np.ndarray:
    return np.array(
        [F.features(r["cost"], r["thr"], r["prior"], r["zo"], r["za"], r["o"], r["subs"],
                    r["heavy"]) for r in rows]
    )  # fmt: skip


def fit(x: np.ndarray, y: np.ndarray, ridge: float = 1e-3) -> tuple[np.ndarray, float]:
    """Class-balanced L2 logistic regression; raw-scale ``(weights, bias)``."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    pos = y.sum()
    wt = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * (len(y) - pos)))
    w = np.zeros(z.shape[1])
    reg = ridge * np.eye(len(w))
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (wt * (y - p)) - reg @ w
        hess = (z * (wt * p * (1 - p))[:, None]).T @ z + reg
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-9:
            break
    raw = w[1:] / sd
    return raw, float(w[0] - (w[1:] * mu / sd).sum())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    lg = sub.add_parser("log")
    lg.add_argument("sources", nargs="+", choices=SOURCES)
    ft = sub.add_parser("fit")
    ft.add_argument("--sources", default=",".join(SOURCES))
    ft.add_argument("--slack", type=float, default=6.0, help="label: within this of the bar")
    ft.add_argument("--keep", type=float, default=3.0, help="never skip a reading this near")
    ft.add_argument("--guard", type=float, default=0.5, help="bar this far below the lowest kept")
    ft.add_argument("--write", action="store_true", help="write lexicons/" + F.MODEL)
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    if args.cmd == "log":
        for src in args.sources:
            t = time.process_time()
            rows = log(src)
            (OUT / f"rows_{src}.json").write_text(json.dumps(rows), encoding="utf-8")
            print(f"{src}: {len(rows):,} readings, {sum(r['acc'] for r in rows)} accepted, "
                  f"{time.process_time() - t:.1f} s")  # fmt: skip
        return
    srcs = args.sources.split(",")
    rows = [r for s in srcs for r in json.loads((OUT / f"rows_{s}.json").read_text())]
    x = matrix(rows)
    gap = np.array([r["gap"] for r in rows])
    acc = np.array([r["acc"] for r in rows])
    w, b = fit(x, (gap >= -args.slack).astype(float))
    score = x @ w + b
    bar = float(score[(gap >= -args.keep) | acc].min() - args.guard)
    skip = score < bar
    print(f"{len(rows):,} readings ({', '.join(srcs)}), {acc.sum()} accepted; bar {bar:.4f}")
    for s in srcs:
        m = np.array([r["src"] == s for r in rows])
        k = skip & m
        print(f"  {s:<6} {m.sum():>7,} readings: skip {k.sum():>7,} "
              f"({k.sum() / max(1, m.sum()):.1%}); lost accepted {(k & acc).sum()}, "
              f"within 3 {(k & (gap >= -3)).sum()}, "
              f"within 6 {(k & (gap >= -6)).sum()}")  # fmt: skip
    named = {k: round(float(v), 4) for k, v in zip(F.FEATURES, w, strict=True)}
    print("weights", named, "bias", round(b, 4))
    if args.write:
        n = {s: sum(r["src"] == s for r in rows) for s in srcs}
        model = {
            "format": F.FORMAT,
            "features": list(F.FEATURES),
            "weights": [round(float(v), 6) for v in w],
            "bias": round(b, 6),
            "bar": round(bar, 6),
            "trained_on": (
                f"DEV text only, filter off: {n} real-word readings of "
                "realword_candidates (speed: speed_text('ocr', 100000); smh: SMH dev half; "
                "light: benchmarks/.generated/ocr_light/dev.json; icdar: ICDAR 2017 monograph "
                f"files 1-40). Label: best margin - threshold >= -{args.slack:g} nats; "
                f"class-balanced L2 logistic regression; bar = lowest score of a reading "
                f"accepted or within {args.keep:g} nats, less {args.guard:g}: skips "
                f"{skip.sum()} of {len(rows)}, no accepted reading lost. "
                "python benchmarks/ocr_realfilter_fit.py log speed smh light icdar && "
                f"python benchmarks/ocr_realfilter_fit.py fit --slack {args.slack:g} "
                f"--keep {args.keep:g} --guard {args.guard:g} --write"
            ),
        }
        path = Path(__file__).resolve().parents[1] / "lexicons" / F.MODEL
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
