"""Every joint reading of :mod:`repair.candidates.ocr_heavyjoin` on SMH, built or applied,
with its price, its guard gap and a rough verdict (issue 12, session 60).

    python benchmarks/smh_heavyjoin.py [--split dev] [--limit N] [MODULE.NAME=VALUE ...]

Each article is repaired; every candidate the reader builds is listed with the pieces'
best reading apart (the guard's rival) and the LM gap; an applied one is judged ``ok``
when the gold (line-end hyphens joined) holds the reading as a word within 400 characters
of the same relative place -- a rough check, to read beside the printed context.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_boundary_account import _set  # noqa: E402
from benchmarks.smh_eval import add_selection_args, normalise, selected  # noqa: E402
from repair.candidates import ocr_heavyjoin as hj  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_selection_args(ap)
    ap.add_argument("settings", nargs="*", help="MODULE.NAME=VALUE overrides")
    args = ap.parse_args(argv)
    _set(args.settings)
    log: list = []
    build = hj.heavy_join_candidates

    def recording(*a: object, **k: object) -> list:
        out = build(*a, **k)  # type: ignore[arg-type]
        log.extend(out)
        return out

    hj.heavy_join_candidates = recording  # type: ignore[assignment]
    hj._TRACE = {}
    right = wrong = built = 0
    for art in selected(args.data, args.split, args.limit):
        log.clear()
        res = repair_text(art.raw, config=RepairConfig())
        applied = {(e.offset, e.offset + e.length, e.replacement) for e in res.edits}
        gold = normalise(art.gold)
        seen: set[tuple[int, int, str]] = set()
        for c in log:
            key = (c.start, c.end, c.replacement)
            if key in seen:
                continue
            seen.add(key)
            built += 1
            pos = int(c.start / max(1, len(art.raw)) * len(gold))
            window = gold[max(0, pos - 400) : pos + 400]
            ok = re.search(rf"\b{re.escape(c.replacement)}\b", window, re.I) is not None
            on = key in applied
            if on:
                right += ok
                wrong += not ok
            gap, apart = hj._TRACE.get(key, (0.0, []))[:2]
            page = len(re.findall(rf"\b{re.escape(c.replacement)}\b", art.raw, re.I))
            print(
                f"{'APPLIED' if on else 'built  '} {'ok ' if ok else 'BAD'} "
                f"{art.raw[c.start : c.end]!r} -> {c.replacement!r} price={c.features['cost']:.1f} "
                f"gap={gap:.1f} apart={apart} page={page} "
                f"ctx={art.raw[max(0, c.start - 25) : c.end + 20]!r}"
            )
    print(f"built {built} applied: ok {right}, BAD {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
