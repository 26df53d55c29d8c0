"""Fit the OCR reading ranker (``lexicons/ocr_rank.json``) on SMH dev articles.

    python scripts/train_ocr_rank.py [--folds 5] [--write] [--rows FILE.jsonl]

Every SMH *dev* article's raw OCR is repaired by :func:`repair.repair_text` (default
settings, the ranker off); :func:`repair.score.ocr._rank` is wrapped to see, per span,
every reading of the last pass with its last decision.  The printed line is aligned to
its gold line by tokens (:func:`repair.bench.metrics._opcodes`): a token of an equal run
is right as printed; a one-to-one, one-to-two or two-to-one changed run has its gold
reading (a longer changed run is left out whole).  Spans over any other token are left
out, and so are spans with no right choice (neither the print nor a reading is gold).
A reading is *right* when the span's tokens, read with it, equal the gold tokens (exact
case).

The model (:mod:`repair.score.ocr_rank`) applies, per span, the reading of largest
corrected margin among those whose score ``(margin - threshold) + w . extra`` is >= 0.
The weights of the extra features are fitted by greedy coordinate search (steps 1, 0.5,
0.25, 0.1) for the most right spans, the margin's weight fixed at 1 (the scale: nats).
``--folds K`` reports the out-of-fold count, articles split by CRC32 of their NLA id,
against the margin rule (all extra weights 0); ``--write`` writes the weights fitted on
all dev articles with their provenance.  The test half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ocr_reach import _runs  # noqa: E402
from benchmarks.smh_eval import DEFAULT_DATA, Article, load, split_of  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.score.ocr_rank import (  # noqa: E402
    FEATURES,
    FORMAT,
    doc_counts,
    features,
    first_picks,
    page_votes,
)

OUT = Path(__file__).resolve().parent.parent / "lexicons" / "ocr_rank.json"
STEPS = (1.0, 0.5, 0.25, 0.1)

Unit = tuple[int, int, tuple[str, ...] | None]  # raw char span, gold words (None: unknown)


def units_of(art: Article) -> list[Unit]:
    """The article's printed tokens grouped into units with their gold words."""
    out: list[Unit] = []
    offset = 0
    gold_lines = art.gold.split("\n")
    for k, line in enumerate(art.raw.split("\n")):
        gold_line = gold_lines[k] if k < len(gold_lines) else ""
        rs, gs = token_seq(line), token_seq(gold_line)
        known: dict[int, tuple[int, tuple[str, ...]]] = {}  # raw index -> (end, gold)
        for tag, i1, i2, j1, _j2 in _opcodes(rs.toks, gs.toks):
            if tag == "equal":
                for i in range(i1, i2):
                    known[i] = (i + 1, (gs.toks[j1 + i - i1].strip(),))
        for i1, i2, j1, j2 in _runs(rs.toks, gs.toks):
            if (i2 - i1, j2 - j1) in ((1, 1), (1, 2), (2, 1)):  # else: unknown
                known[i1] = (i2, tuple(t.strip() for t in gs.toks[j1:j2]))
        i = 0
        while i < len(rs.toks):
            got = known.get(i)
            if got is None:
                out.append((rs.spans[i][0] + offset, rs.spans[i][1] + offset, None))
                i += 1
                continue
            end, gold = got
            out.append((rs.spans[i][0] + offset, rs.spans[end - 1][1] + offset, gold))
            i = end
        offset += len(line) + 1
    return out


def label(
    text: str, units: list[Unit], start: int, end: int, repl: str
) -> tuple[bool, bool] | None:
    """(reading right, printed right) for ``repl`` over ``start:end``; None: unknown."""
    over = [u for u in units if u[0] < end and u[1] > start]
    if not over or any(u[2] is None for u in over):
        return None
    lo, hi = min(start, over[0][0]), max(end, over[-1][1])
    if "\n" in text[lo:hi]:
        return None
    gold = [w for u in over for w in u[2] or ()]
    got = [t.strip() for t in token_seq(text[lo:start] + repl + text[end:hi]).toks]
    printed = [t.strip() for t in token_seq(text[lo:hi]).toks]
    return got == gold, printed == gold


class Recorder:
    """Wraps :func:`repair.score.ocr._rank` to keep the last pass's readings (ranker off)."""

    def __init__(self) -> None:
        import repair.score.ocr as score

        score.RANK = False
        inner = score._rank
        self.snapshot: tuple[Any, ...] | None = None

        def rec(doc, candidates, memo, groups, garbled):  # type: ignore[no-untyped-def]
            self.snapshot = (doc, candidates, dict(memo), groups, garbled)
            return inner(doc, candidates, memo, groups, garbled)

        score._rank = rec


def rows_of(arts: list[Article]) -> Iterator[dict[str, Any]]:
    """One row per span of a garbled page with decided readings and a right choice."""
    rec = Recorder()
    for a in arts:
        rec.snapshot = None
        repair_text(a.raw, config=RepairConfig())
        if rec.snapshot is None:
            continue
        doc, candidates, memo, groups, garbled = rec.snapshot
        if not garbled or doc.text != a.raw:
            continue  # the ranker works on garbled pages; offsets must be the raw's
        units = units_of(a)
        counts = doc_counts(doc.words)
        votes = page_votes(candidates, memo, groups)
        picks = first_picks(groups)
        spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for k, c in enumerate(candidates):
            seen = memo.get(k)
            if seen is None or "fixed" in c.features or "orig" not in c.features:
                continue
            d = seen[2]
            spans.setdefault((c.start, c.end), []).append(
                {
                    "repl": c.replacement,
                    "source": c.source,
                    "x": features(c, d.evidence, counts, votes, picks.get((c.start, c.end), "")),
                    "margin": d.margin,
                    "accepted": d.accept,
                }
            )
        for span, opts in spans.items():
            if any("joint_margin" in ev for _m, _c, ev in groups.get(span, [])):
                continue
            labels = [label(a.raw, units, span[0], span[1], o["repl"]) for o in opts]
            if any(x is None for x in labels):
                continue
            keep_right = labels[0][1]  # type: ignore[index]
            for o, lab in zip(opts, labels, strict=True):
                o["right"] = lab[0]  # type: ignore[index]
            if keep_right or any(o["right"] for o in opts):
                yield {
                    "art": a.ident,
                    "span": list(span),
                    "keep_right": keep_right,
                    "options": opts,
                }


def decide(row: dict[str, Any], w: list[float]) -> dict[str, Any] | None:
    """The reading the model applies to a span (None: the printed text stays)."""
    best, best_m = None, 0.0
    for o in row["options"]:
        x = o["x"]
        extra = sum(wi * xi for wi, xi in zip(w[1:], x[1:], strict=True))
        if x[0] + extra >= 0.0 and (best is None or o["margin"] + extra > best_m):
            best, best_m = o, o["margin"] + extra
    return best


def tally(rows: list[dict[str, Any]], w: list[float]) -> tuple[int, int, int]:
    """(right spans, fixed errors, broken right words)."""
    right = fixed = broken = 0
    for r in rows:
        o = decide(r, w)
        ok = r["keep_right"] if o is None else o["right"]
        right += ok
        fixed += ok and not r["keep_right"]
        broken += r["keep_right"] and o is not None
    return right, fixed, broken


def breakdown(rows: list[dict[str, Any]], w: list[float]) -> dict[str, int]:
    """What the model with weights ``w`` does with the spans, by outcome."""
    out = dict.fromkeys(
        (
            "kept, the print right",
            "edited right",
            "kept, a rejected reading right",
            "edited, the print right (broken)",
            "edited wrong, another applicable reading right",
            "edited wrong, a rejected reading right",
        ),
        0,
    )
    keys = list(out)
    for r in rows:
        o = decide(r, w)
        if o is None:
            out[keys[0] if r["keep_right"] else keys[2]] += 1
        elif o["right"]:
            out[keys[1]] += 1
        elif r["keep_right"]:
            out[keys[3]] += 1
        else:
            ok = [x for x in r["options"] if x["right"]]
            passes = any(
                x["x"][0] + sum(a * b for a, b in zip(w[1:], x["x"][1:], strict=True)) >= 0
                for x in ok
            )
            out[keys[4] if passes else keys[5]] += 1
    return out


def fit(rows: list[dict[str, Any]]) -> list[float]:
    """Greedy coordinate search for the most right spans (the margin's weight 1)."""
    w = [1.0] + [0.0] * (len(FEATURES) - 1)
    best = tally(rows, w)[0]
    for step in STEPS:
        improved = True
        while improved:
            improved = False
            for d in range(1, len(w)):
                for sign in (1.0, -1.0):
                    w2 = list(w)
                    w2[d] = round(w2[d] + sign * step, 4)
                    got = tally(rows, w2)[0]
                    if got > best:
                        best, w, improved = got, w2, True
    return w


def article_cv(arts: list[Article], rows: list[dict[str, Any]], folds: int) -> str:
    """SMH WER/CER of the dev articles, each fold repaired with the weights fitted on
    the other folds (ranker on), next to the margin rule (ranker off)."""
    import repair.score.ocr as score
    import repair.score.ocr_rank as rank
    from benchmarks.smh_eval import errors

    tot = {"gold_tok": 0, "gold_chr": 0, "raw": [0, 0], "rule": [0, 0], "ranked": [0, 0]}
    shipped = rank.model
    try:
        for k in range(folds):
            held = [a for a in arts if zlib.crc32(a.ident.encode()) // 2 % folds == k]
            train = [r for r in rows if zlib.crc32(r["art"].encode()) // 2 % folds != k]
            fitted = rank.RankModel(FEATURES, tuple(fit(train)), f"fold {k}")
            rank.model = lambda fitted=fitted: fitted  # type: ignore[assignment]
            for a in held:
                rt, gt, rc, gc = errors(a.raw, a.gold)
                tot["gold_tok"] += gt
                tot["gold_chr"] += gc
                tot["raw"][0] += rt
                tot["raw"][1] += rc
                for name, on in (("rule", False), ("ranked", True)):
                    score.RANK = on
                    ot, _, oc, _ = errors(repair_text(a.raw, config=RepairConfig()).text, a.gold)
                    tot[name][0] += ot
                    tot[name][1] += oc
    finally:
        rank.model = shipped  # type: ignore[assignment]
        score.RANK = False
    raw_t, raw_c = tot["raw"]
    lines = [f"article cross-validation ({folds} folds of SMH dev articles):"]
    for name in ("rule", "ranked"):
        t, c = tot[name]
        lines.append(
            f"  {name:6}: WER {t / tot['gold_tok']:.4f} ({100 * (t - raw_t) / raw_t:+.2f} %), "
            f"CER {c / tot['gold_chr']:.4f} ({100 * (c - raw_c) / raw_c:+.2f} %)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--rows", type=Path, default=None, help="cache of the labelled spans")
    ap.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    ap.add_argument(
        "--article-cv",
        action="store_true",
        help="also repair each held-out fold's articles with the weights of the other "
        "folds and report SMH WER/CER (dev only), ranker off vs on",
    )
    args = ap.parse_args(argv)
    if args.rows and args.rows.is_file():
        rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    else:
        path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
        arts = [a for a in load(path) if split_of(a.ident) == "dev"]
        rows = list(rows_of(arts))
        if args.rows:
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rule = [1.0] + [0.0] * (len(FEATURES) - 1)
    print(f"{len(rows)} spans of SMH dev; margin rule: right, fixed, broken = {tally(rows, rule)}")
    for name, n in breakdown(rows, rule).items():
        print(f"  {name}: {n}")
    oof = [0, 0, 0]
    for k in range(args.folds):
        fold = [zlib.crc32(r["art"].encode()) // 2 % args.folds == k for r in rows]
        w = fit([r for r, f in zip(rows, fold, strict=True) if not f])
        got = tally([r for r, f in zip(rows, fold, strict=True) if f], w)
        oof = [a + b for a, b in zip(oof, got, strict=True)]
        print(f"fold {k}: weights {dict(zip(FEATURES, w, strict=True))} held-out {got}")
    print(f"out of fold: right, fixed, broken = {tuple(oof)}")
    if args.article_cv:
        path = args.data / "allArticles.txt" if args.data.is_dir() else args.data
        arts = [a for a in load(path) if split_of(a.ident) == "dev"]
        print(article_cv(arts, rows, args.folds))
    w = fit(rows)
    got = tally(rows, w)
    print(f"all dev: weights {dict(zip(FEATURES, w, strict=True))} -> {got}")
    if args.write:
        n_art = len({r["art"] for r in rows})
        model = {
            "format": FORMAT,
            "features": list(FEATURES),
            "weights": w,
            "trained_on": (
                f"SMH dev half ({n_art} articles of ../shared/data/ocr/overproof_smh, split by "
                f"CRC32 of the NLA id), {len(rows)} spans of garbled pages with a right choice; "
                f"right spans {tally(rows, rule)[0]} (margin rule) -> {got[0]}; "
                f"{args.folds}-fold out of fold {oof[0]}; python scripts/train_ocr_rank.py --write"
            ),
        }
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
