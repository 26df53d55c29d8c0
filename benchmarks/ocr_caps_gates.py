"""Which gate of the ocr stage drops each capitalised SMH dev error that no candidate reads.

    python benchmarks/ocr_caps_gates.py [--out FILE]

The errors are those of ``ocr_reach.py`` whose printed form is capitalised (``cap`` and
capitalised ``real`` classes) and that are neither fixed nor among the candidates.  Each
is classed by the first gate of ``repair/candidates/ocr.py``'s token path that stops it:
``no-finding`` (the detector does not flag the token, or another path owns it: real
words, mixed case), ``hyphen``/``line-hyphen`` (a piece of a hyphenated word),
``name_like-repeat`` (printed twice: a name), ``not-in-cc`` (the table's cheap search does
not reach the gold word), ``max-corr``, ``min_z`` (the reading is too rare for a
capitalised token), ``in_names`` (a lower-case reading between capitals) or ``other``.
``cc@k:cost`` says where the gold word is among ``correction_candidates`` of the token.
Dev half only (the test half is never read).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import repair.candidates.ocr as ocr  # noqa: E402
from benchmarks.ocr_reach import _gives, _overlaps, _Recorder, errors_of  # noqa: E402
from benchmarks.smh_eval import DEFAULT_DATA, load, split_of  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.ocr_channel import correction_candidates  # noqa: E402
from repair.score.ocr_search import wide_candidates  # noqa: E402

_seen: dict[int, tuple] = {}


def _patch() -> None:
    orig = ocr._Generator._token

    def token(self, toks, i, reason, info):  # type: ignore[no-untyped-def]
        out = orig(self, toks, i, reason, info)
        _seen[toks[i].start] = (toks, i, reason, info)
        return out

    ocr._Generator._token = token  # type: ignore[method-assign]


def classify(raw: str, gold: str, start: int) -> tuple[str, str]:
    """(gate, where the gold word is among the cheap readings) of one error."""
    cc = correction_candidates(raw)
    at = [k for k, c in enumerate(cc) if c.text.lower() == gold.lower()]
    where = f"cc@{at[0]}:{cc[at[0]].cost:.1f}" if at else "cc-"
    if not at and any(c.text.lower() == gold.lower() for c in wide_candidates(raw, names=True)):
        where = "wide"
    hit = _seen.get(start)
    if hit is None:
        return "no-finding", where
    toks, i, reason, info = hit
    if ocr._next_to_hyphen(toks, i):
        return "hyphen", where
    if ocr._after_line_hyphen(toks, i):
        return "line-hyphen", where
    if reason == "capitalized_unknown" and (info.counts[raw] >= 2 or raw in info.reference_words):
        return "name_like-repeat", where
    if not at:
        return f"not-in-cc({reason})", where
    c = cc[at[0]]
    if at[0] >= ocr._MAX_CORRECTIONS:
        return "max-corr", where
    cap_heavy = reason in ("nonword", "capitalized_unknown") and ocr._capital_garble(raw, info)
    min_z = ocr.CAPITAL_GARBLED_TARGET_ZIPF if cap_heavy else 4.0
    if reason == "capitalized_unknown" and c.text[:1] == raw[:1] and zipf(c.text.lower()) < min_z:
        return f"min_z(cap_heavy={cap_heavy})", where
    initial = ocr.opens_sentence(toks, i)
    lower = ocr._initial_case(c.text, raw, initial)[:1].islower()
    if ocr._between_capitals(toks, i) and lower:
        return "in_names", where
    return f"other({reason})", where


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="write one line per error")
    args = ap.parse_args(argv)
    _patch()
    arts = [a for a in load(DEFAULT_DATA / "allArticles.txt") if split_of(a.ident) == "dev"]
    rec = _Recorder()
    tally: Counter[tuple[str, str, str]] = Counter()
    lines = []
    for a in arts:
        rec.reset()
        _seen.clear()
        res = repair_text(a.raw, config=RepairConfig())
        if rec.text != a.raw:
            continue
        cands = list(rec.cands.values())
        edits = [(e.offset, e.offset + e.length, e.replacement) for e in res.edits]
        for err in errors_of(a):
            if err.cls not in ("cap", "real") or not err.raw[:1].isupper() or " " in err.raw:
                continue
            mine = [x for x in edits if _overlaps(x[0], x[1], err)]
            if mine and _gives(a.raw, err, mine):
                continue
            near = [c for c in cands if _overlaps(c.start, c.end, err)]
            if any(_gives(a.raw, err, [(c.start, c.end, c.replacement)]) for c in near):
                continue
            gate, where = classify(err.raw, err.gold, err.start)
            tally[(err.cls, gate, re.sub(r"@.*", "", where))] += 1
            lines.append(f"{err.cls} {rec.page} {gate} {where} {err.raw!r}->{err.gold!r}")
    print("| printed | gate | gold reading | errors |\n|---|---|---|---|")
    for (cls, gate, where), n in tally.most_common():
        print(f"| {cls} | {gate} | {where} | {n} |")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
