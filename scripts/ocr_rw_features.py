"""Per OCR_REALWORD edit of an SMH split: the token errors it saves alone (reverted, the
other edits kept) and the features :func:`repair.score.ocr._realword_guard` weighs (traced
through ``repair.score.ocr._RW_TRACE``); ``half`` is "a" / "b" by article parity (the dev
halves of session 37).

    python scripts/ocr_rw_features.py dev out.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import smh_eval  # noqa: E402

from repair.pipeline import repair_text  # noqa: E402
from repair.score import ocr as so  # noqa: E402


def _reverted(raw: str, edits: list, skip: object) -> str:
    parts, pos = [], 0
    for f in sorted(edits, key=lambda x: x.offset):
        if f is skip:
            continue
        parts += [raw[pos : f.offset], f.replacement]
        pos = f.offset + len(f.original)
    return "".join(parts) + raw[pos:]


def main(split: str, out: str) -> None:
    rows = []
    for ai, a in enumerate(smh_eval.selected(smh_eval.DEFAULT_DATA, split)):
        so._RW_TRACE = []
        r = repair_text(a.raw)
        trace, so._RW_TRACE = so._RW_TRACE, None
        base = smh_eval.errors(r.text, a.gold)[0]
        for e in sorted(r.edits, key=lambda x: x.offset):
            if e.rule != "OCR_REALWORD":
                continue
            d = smh_eval.errors(_reverted(a.raw, list(r.edits), e), a.gold)[0] - base
            feat = next(
                (t for t in trace if (t["start"], t["orig"], t["alt"]) ==
                 (e.offset, e.original, e.replacement)), None,
            )  # fmt: skip
            rows.append({
                "art": ai, "half": "ab"[ai % 2], "delta": d, "orig": e.original,
                "alt": e.replacement, "ctx": a.raw[max(0, e.offset - 30) : e.offset + 30],
                "f": feat,
            })  # fmt: skip
    Path(out).write_text(json.dumps(rows, indent=0), encoding="utf-8")
    print(len(rows), "edits,", sum(r["f"] is None for r in rows), "untraced")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
