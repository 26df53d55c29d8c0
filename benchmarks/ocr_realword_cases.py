"""Every real-word reading the OCR scorer decides on SMH dev, labelled by the gold.

    python benchmarks/ocr_realword_cases.py --out cases.jsonl [--split dev]

One row per one-word reading of a known printed word (``orig_known``) in its last
decision: the print, the reading, the two words either side (as repaired so far), the
channel cost, prior, threshold, the model gain and margin, whether it was applied, the
article's fold, and the label: ``gold`` (the reading is the gold word), ``correct`` (the
printed token is right: the reading would break it) or ``other`` (the print is wrong and
the reading is not the gold).  Offline re-scoring (``--rescore``) of the rows lets a
decision rule be compared on both folds without re-running the pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_confusion_cv import fold_of  # noqa: E402
from smh_eval import DEFAULT_DATA, load, split_of  # noqa: E402

from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def gold_of_tokens(raw: str, gold: str) -> dict[tuple[int, int], str | None]:
    """Printed token span -> its gold token (one-to-one alignment only; else None)."""
    out: dict[tuple[int, int], str | None] = {}
    offset = 0
    gold_lines = gold.split("\n")
    for k, line in enumerate(raw.split("\n")):
        gl = gold_lines[k] if k < len(gold_lines) else ""
        rs, gs = token_seq(line), token_seq(gl)
        for tag, i1, i2, j1, j2 in _opcodes(rs.toks, gs.toks):
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for d in range(i2 - i1):
                    s, e = rs.spans[i1 + d]
                    out[s + offset, e + offset] = gs.toks[j1 + d].strip()
            else:
                for i in range(i1, i2):
                    s, e = rs.spans[i]
                    out[s + offset, e + offset] = None
        offset += len(line) + 1
    return out


def collect(split: str) -> list[dict]:
    import repair.score.ocr as score
    import repair.stages.ocr as stage

    rows: list[dict] = []
    state: dict = {}
    decide_all, score_candidates = score._decide_all, stage.score_candidates

    def rec_decide(scorer, ctx, candidates, garbled, memo):  # type: ignore[no-untyped-def]
        groups = decide_all(scorer, ctx, candidates, garbled, memo)
        state["last"] = (candidates, memo, groups)
        return groups

    def rec_score(doc, candidates, garbled, *rest):  # type: ignore[no-untyped-def]
        state["text"] = doc.text
        state["last"] = None
        edits = score_candidates(doc, candidates, garbled, *rest)
        state["edits"] = {(e.offset, e.offset + e.length): e.replacement for e in edits}
        return edits

    score._decide_all = rec_decide
    stage.score_candidates = rec_score
    arts = load(DEFAULT_DATA / "allArticles.txt")
    arts = [a for a in arts if split in ("all", split_of(a.ident))]
    for a in arts:
        state.clear()
        repair_text(a.raw, config=RepairConfig())
        if state.get("text") != a.raw or not state.get("last"):
            continue
        golds = gold_of_tokens(a.raw, a.gold)
        candidates, memo, _groups = state["last"]
        edits = state["edits"]
        for k, c in enumerate(candidates):
            f = c.features
            got = memo.get(k)
            if not f.get("orig_known") or got is None or "fixed" in f:
                continue
            if len(f["orig"]) != 1 or len(f["alt"]) != 1:
                continue
            prev, nxt, d = got
            span = (c.start, c.end)
            if span not in golds:
                continue
            g = golds[span]
            orig, alt = f["orig"][0], f["alt"][0]
            if g is None:
                label = "other"
            elif g == orig:
                label = "correct"
            elif g.lower() == alt.lower():
                label = "gold"
            else:
                label = "other"
            rows.append(
                {
                    "art": a.ident, "fold": fold_of(a.ident), "start": c.start, "end": c.end,
                    "orig": orig, "alt": alt, "gold": g, "label": label,
                    "prev": list(prev), "nxt": list(nxt), "finding": f["finding"],
                    "cost": float(f["cost"]), "prior": f.get("prior_per_zipf"),
                    "threshold": d.threshold, "gain": d.gain, "margin": d.margin,
                    "accept": d.accept, "applied": edits.get(span) == c.replacement,
                    "got": edits.get(span),
                }
            )  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    rows = collect(args.split)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    from collections import Counter

    print(Counter((r["finding"], r["label"], r["applied"]) for r in rows).most_common())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
