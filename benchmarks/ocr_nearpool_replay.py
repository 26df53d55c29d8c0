"""Replay of the rapidfuzz searches of one ``repair fix`` run, with and without the
bag-distance filter (:mod:`repair.score.ocr_nearpool`; issue 14, session 61).

``python benchmarks/ocr_nearpool_replay.py TEXT`` repairs TEXT in process, recording
every :func:`repair.score.ocr_nearpool.extract` call (its arguments kept), then replays
them all three times in each setting — off (rapidfuzz reads every pool), on, and on
with lists unfiltered (``LISTS`` off) — and prints the best process time of each by
caller; every result is compared with the unfiltered one (a mismatch is printed).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import Any


def main(argv: list[str]) -> int:
    from repair.score import ocr_nearpool as near

    real = near.extract
    calls: list[tuple[str, str, Any, int, int | None]] = []

    def recorded(query: str, choices: Any, cutoff: int, limit: int | None = None) -> Any:
        caller = sys._getframe(1).f_code.co_name
        calls.append((caller, query, choices, cutoff, limit))
        return real(query, choices, cutoff, limit)

    near.extract = recorded  # type: ignore[assignment]
    import repair.cli as cli

    cli.ONE_SHOT = True
    sys.argv = ["repair", "fix", argv[0], "-q", "-o", "/dev/null"]
    try:
        cli.main()
    except SystemExit:
        pass
    near.extract = real  # type: ignore[assignment]
    print(f"{len(calls):,} searches recorded")

    def run(mode: str) -> tuple[Counter[str], list[Any]]:
        near.NEAR_FILTER = mode != "off"
        near.LISTS = mode == "on"
        near._signatures.clear()
        near._signed[0] = 0
        per: Counter[str] = Counter()
        outs = []
        clock = time.process_time
        for caller, query, choices, cutoff, limit in calls:
            t = clock()
            outs.append(real(query, choices, cutoff, limit))
            per[caller] += clock() - t
        return per, outs

    best: dict[str, tuple[float, Counter[str]]] = {}
    ref: list[Any] = []
    for _ in range(3):
        for mode in ("off", "on", "on-nolists"):
            per, outs = run(mode)
            if mode == "off":
                ref = outs
            else:
                pairs = zip(ref, outs, strict=True)
                bad = sum([tuple(x) for x in a] != [tuple(x) for x in b] for a, b in pairs)
                if bad:
                    print(f"MISMATCH {mode}: {bad} searches")
            total = sum(per.values())
            if mode not in best or total < best[mode][0]:
                best[mode] = (total, per)
    for mode, (total, per) in best.items():
        parts = "  ".join(f"{k} {v:.3f}" for k, v in per.most_common(7))
        print(f"{mode:11s} {total:.3f} s  {parts}")
    near.NEAR_FILTER = near.LISTS = True
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
