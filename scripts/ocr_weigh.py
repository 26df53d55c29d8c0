"""How the OCR scorer weighs its evidence: labelled readings and few-feature fits.

    python scripts/ocr_weigh.py rows --source smh|icdar --out ROWS.jsonl
    python scripts/ocr_weigh.py fit ROWS.jsonl [ROWS2.jsonl] [--folds 5] [--features a,b]

``rows`` repairs every SMH *dev* article (default settings) or every ICDAR 2017 monograph
file 1-80 (OCR stage only, as ``benchmarks/ocr_eval.py``), keeps, per span of a garbled
page, every reading of the last pass with its last decision (as
``scripts/train_ocr_rank.py`` does) and labels each against the gold: SMH by the token
alignment of ``train_ocr_rank.units_of``; ICDAR by the aligned gold line, the span grown
to spaces both lines share (no ``#`` region).  Each reading keeps what the scorer weighs:
LM gain, channel cost, the trust in the print (prior), threshold, and the other evidence
(how many of the four context words the trigram does not know, the period bigrams' view of
the reading against the print, Zipf, the page's counts of the reading, how many other
spans printed alike the margin rule read the same way).

``fit`` simulates the decision on the rows: per span, the reading of largest
``margin + w . x`` among those with ``margin - threshold + w . x >= 0`` is applied
(``w = 0``: the margin rule, with the period back-off of ``ocr.OOV_BACKOFF``), and fits
``w`` by greedy coordinate search for the most right spans, reporting out of fold (folds
by article or file) against the margin rule; with two row files also trained on one and
scored on the other.  The test halves are never read.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

#: the extra features a fit may weigh (each reading's; see :func:`extras`)
EXTRAS = (
    "cost",  # channel cost (nats): a weight w makes the channel weigh 1 - w... (1 + |w|)
    "gain_garbled",  # LM gain x share of the 4 context words the trigram does not know
    "period",  # period bigram context score of the reading less the print's (one word)
    "doc_alt",  # log(1 + times the page prints the reading elsewhere)
    "agree",  # log(1 + other spans printed alike the margin rule read this way)
    "zipf_alt",  # Zipf of the reading (one word; else 0)
    "more_words",  # words in the reading minus words printed
    "gain",  # LM gain (a weight w scales the model: 1 + w)
    "alt_unknown",  # the reading is a word the trigram does not know (one word)
)
STEPS = (1.0, 0.5, 0.25, 0.1)


def _snapshots() -> list[tuple[Any, ...]]:
    """Wrap :func:`repair.score.ocr._rank`: every call's (doc, candidates, memo, groups,
    garbled, ranked groups) appended to the returned list."""
    import repair.score.ocr as score

    out: list[tuple[Any, ...]] = []
    inner = score._rank

    def rec(doc, candidates, memo, groups, garbled):  # type: ignore[no-untyped-def]
        pre = {k: list(v) for k, v in groups.items()}
        got = inner(doc, candidates, memo, groups, garbled)
        out.append((doc, candidates, memo, pre, garbled, got))
        return got

    score._rank = rec
    return out


def _ctx_unknown(prev: list[str], nxt: list[str]) -> float:
    from repair.resources.lm import get_lm

    lm = get_lm()
    words = [w for w in (*prev, *nxt) if any(ch.isalpha() for ch in w)]
    if not words:
        return 0.0
    return sum(not lm.known(w.lower().strip(".,;:'\"!?()")) for w in words) / 4.0


def _period(prev: list[str], nxt: list[str], word: str) -> float:
    from repair.score.ngrams import get_ngrams

    t = get_ngrams()
    left = prev[-1] if prev else None
    right = nxt[0] if nxt else None
    return t.context_score(left, word, right)


def options_of(snap: tuple[Any, ...]) -> Iterator[tuple[tuple[int, int], list[dict[str, Any]]]]:
    """Per span of a garbled page's last pass, its decided readings with their evidence."""
    from repair.resources.frequency import zipf
    from repair.resources.lm import get_lm
    from repair.score import ocr_knownform
    from repair.score.ocr import oov_bonus
    from repair.score.ocr_rank import doc_counts, first_picks, page_votes

    doc, candidates, memo, pre, garbled, got = snap
    lm = get_lm()
    counts = doc_counts(doc.words)
    votes = page_votes(candidates, memo, pre)
    picks = first_picks(pre)
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for k, c in enumerate(candidates):
        seen = memo.get(k)
        if seen is None or "fixed" in c.features or "orig" not in c.features:
            continue
        prev, nxt, d = seen
        f = c.features
        orig = [str(w) for w in f.get("orig", ())]
        alt = [str(w) for w in f.get("alt", ())] or c.replacement.split()
        one = len(alt) == 1 and len(orig) == 1
        a1 = alt[0].lower() if one else ""
        seen_n = min((counts.get(w.lower(), 0) for w in alt), default=0)
        if [w.lower() for w in alt] == [w.lower() for w in orig]:
            seen_n -= 1
        vote = votes.get(" ".join(orig).lower(), Counter())
        mine = c.replacement.lower()
        agree = vote.get(mine, 0) - (picks.get((c.start, c.end), "") == mine)
        gain = float(d.gain)
        cost = float(d.cost)
        x = {
            "cost": cost,
            "gain_garbled": gain * _ctx_unknown(list(prev), list(nxt)),
            "period": (_period(prev, nxt, a1) - _period(prev, nxt, orig[0].lower()))
            if one and a1.isalpha()
            else 0.0,
            "doc_alt": math.log1p(max(0, seen_n)),
            "agree": math.log1p(max(0, agree)),
            "zipf_alt": zipf(a1) if one else 0.0,
            "more_words": float(len(alt) - len(orig)),
            "gain": gain,
            "alt_unknown": float(one and a1.isalpha() and not lm.known(a1)),
        }
        spans.setdefault((c.start, c.end), []).append(
            {
                "repl": c.replacement,
                "source": c.source,
                "margin": float(d.margin),
                "threshold": float(d.threshold),
                "gain": gain,
                "cost": cost,
                "orig_known": bool(f.get("orig_known")),
                "accepted": bool(d.accept),
                "oov": oov_bonus(alt[0]) if one and not f.get("orig_known") else 0.0,
                "x": x,
                "prev": list(prev),
                "nxt": list(nxt),
                "orig": orig,
            }
        )
    for span, opts in spans.items():
        items = got.get(span, [])
        if any("joint_margin" in ev for _m, _c, ev in items):
            continue
        applied = ""
        if items:
            _m, best, ev = items[0]
            if "fixed" in best.features:
                continue  # a fixed reading won: not the scorer's choice
            if not ocr_knownform.refused(best.source, ev):
                applied = best.replacement
        yield span, [{**o, "applied": o["repl"] == applied} for o in opts]


# --- labelling ------------------------------------------------------------------------


def smh_rows() -> Iterator[dict[str, Any]]:
    from train_ocr_rank import label, units_of

    from benchmarks.smh_eval import DEFAULT_DATA, load, split_of
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    path = DEFAULT_DATA / "allArticles.txt" if DEFAULT_DATA.is_dir() else DEFAULT_DATA
    arts = [a for a in load(path) if split_of(a.ident) == "dev"]
    snaps = _snapshots()
    for a in arts:
        snaps.clear()
        repair_text(a.raw, config=RepairConfig())
        units = units_of(a)
        for snap in snaps:
            doc, garbled = snap[0], snap[4]
            if not garbled or doc.text != a.raw:
                continue
            for span, opts in options_of(snap):
                labels = [label(a.raw, units, span[0], span[1], o["repl"]) for o in opts]
                if any(x is None for x in labels):
                    continue
                keep_right = labels[0][1]  # type: ignore[index]
                for o, lab in zip(opts, labels, strict=True):
                    o["right"] = lab[0]  # type: ignore[index]
                if keep_right or any(o["right"] for o in opts):
                    yield {"group": a.ident, "span": list(span), "keep_right": keep_right,
                           "options": opts}  # fmt: skip


def icdar_rows(folder: Path) -> Iterator[dict[str, Any]]:
    from ocr_eval import OCR_ONLY, load_icdar

    from repair.pipeline import repair_text

    files = sorted(
        (p for p in folder.glob("*.txt") if p.stem.isdigit() and 1 <= int(p.stem) <= 80),
        key=lambda p: int(p.stem),
    )
    snaps = _snapshots()
    for p in files:
        raw, oa, ga = load_icdar(p)
        # raw index -> aligned index
        pos = [i for i, ch in enumerate(oa) if ch != "@"]
        pos.append(len(oa))
        snaps.clear()
        repair_text(raw, config=OCR_ONLY)
        for snap in snaps:
            doc, garbled = snap[0], snap[4]
            if not garbled:
                continue
            base = raw.find(doc.text)
            if base < 0:
                continue
            for span, opts in options_of(snap):
                s, e = span[0] + base, span[1] + base
                a, b = pos[s], pos[e - 1] + 1
                # grow to a space both lines share
                while a > 0 and not (oa[a - 1] == " " and ga[a - 1] == " "):
                    a -= 1
                while b < len(oa) and not (oa[b] == " " and ga[b] == " "):
                    b += 1
                if "#" in ga[a:b] or b - a > 60:
                    continue
                gold = ga[a:b].replace("@", "")
                printed = oa[a:b].replace("@", "")
                ra = _raw_at(pos, a)
                rb = _raw_at(pos, b)
                keep_right = printed == gold
                for o in opts:
                    o["right"] = raw[ra:s] + o["repl"] + raw[e:rb] == gold
                if keep_right or any(o["right"] for o in opts):
                    yield {"group": p.stem, "span": [s, e], "keep_right": keep_right,
                           "options": opts}  # fmt: skip


def _raw_at(pos: list[int], a: int) -> int:
    """The raw index of the first raw character at or after aligned index ``a``."""
    from bisect import bisect_left

    return bisect_left(pos, a)


# --- fitting --------------------------------------------------------------------------


#: extras move the choice among readings only, not whether one is applied
CHOICE_ONLY = [False]


def decide(row: dict[str, Any], w: dict[str, float], oov: bool = True) -> dict[str, Any] | None:
    """The reading applied to a span under extra weights ``w`` (None: the print stays)."""
    best, best_m = None, 0.0
    for o in row["options"]:
        extra = sum(v * o["x"][k] for k, v in w.items() if v)
        over = o["margin"] - o["threshold"] + (0.0 if CHOICE_ONLY[0] else extra)
        if over >= 0.0:
            m = o["margin"] + extra + (o.get("oov", 0.0) if oov else 0.0)
            if best is None or m > best_m:
                best, best_m = o, m
    return best


def tally(rows: list[dict[str, Any]], w: dict[str, float]) -> tuple[int, int, int]:
    """(right spans, fixed, broken)."""
    right = fixed = broken = 0
    for r in rows:
        o = decide(r, w)
        ok = r["keep_right"] if o is None else o["right"]
        right += ok
        fixed += ok and not r["keep_right"]
        broken += r["keep_right"] and o is not None
    return right, fixed, broken


def fit(rows: list[dict[str, Any]], names: list[str]) -> dict[str, float]:
    w = dict.fromkeys(names, 0.0)
    best = tally(rows, w)[0]
    for step in STEPS:
        improved = True
        while improved:
            improved = False
            for d in names:
                for sign in (1.0, -1.0):
                    w2 = dict(w)
                    w2[d] = round(w2[d] + sign * step, 4)
                    got = tally(rows, w2)[0]
                    if got > best:
                        best, w, improved = got, w2, True
    return w


def fold_of(group: str, folds: int) -> int:
    return zlib.crc32(group.encode()) // 2 % folds


def report(rows: list[dict[str, Any]], names: list[str], folds: int) -> str:
    zero = dict.fromkeys(names, 0.0)
    lines = [f"{len(rows)} spans; margin rule (right, fixed, broken): {tally(rows, zero)}"]
    applied_agree = sum(
        (decide(r, zero) or {}).get("repl")
        == next((o["repl"] for o in r["options"] if o.get("applied")), None)
        or (decide(r, zero) is None and not any(o.get("applied") for o in r["options"]))
        for r in rows
    )
    lines.append(f"  simulated rule = pipeline's choice on {applied_agree} spans")
    lines.append(f"  in sample fit: {fit(rows, names)} -> {tally(rows, fit(rows, names))}")
    oof = [0, 0, 0]
    base = [0, 0, 0]
    for k in range(folds):
        train = [r for r in rows if fold_of(r["group"], folds) != k]
        held = [r for r in rows if fold_of(r["group"], folds) == k]
        w = fit(train, names)
        got = tally(held, w)
        b = tally(held, zero)
        lines.append(f"  fold {k}: {w} held {b} -> {got}")
        oof = [x + y for x, y in zip(oof, got, strict=True)]
        base = [x + y for x, y in zip(base, b, strict=True)]
    lines.append(f"  out of fold: {tuple(base)} -> {tuple(oof)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--source", choices=("smh", "icdar"), required=True)
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--icdar", type=Path, default=None)
    f = sub.add_parser("fit")
    f.add_argument("rows", type=Path, nargs="+")
    f.add_argument("--folds", type=int, default=5)
    f.add_argument("--features", default=",".join(EXTRAS))
    f.add_argument("--choice-only", action="store_true")
    args = ap.parse_args(argv)
    CHOICE_ONLY[0] = getattr(args, "choice_only", False)
    if args.cmd == "rows":
        if args.source == "smh":
            it = smh_rows()
        else:
            from repair.bench.suites import shared_dir

            folder = args.icdar or shared_dir() / "data" / "ocr" / "icdar2017_eng_monograph"
            it = icdar_rows(folder)
        n = 0
        with args.out.open("w", encoding="utf-8") as fh:
            for row in it:
                fh.write(json.dumps(row) + "\n")
                n += 1
        print(f"{n} rows -> {args.out}")
        return 0
    names = [x for x in args.features.split(",") if x]
    sets = [
        [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()] for p in args.rows
    ]
    for p, rows in zip(args.rows, sets, strict=True):
        print(f"== {p}")
        print(report(rows, names, args.folds))
    if len(sets) == 2:
        for a, b in ((0, 1), (1, 0)):
            w = fit(sets[a], names)
            zero = dict.fromkeys(names, 0.0)
            print(f"== {args.rows[a].name} -> {args.rows[b].name}: {w}")
            print(f"  {tally(sets[b], zero)} -> {tally(sets[b], w)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
