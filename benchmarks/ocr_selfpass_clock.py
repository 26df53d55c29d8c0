"""CPU of the self-training second pass (``ocr_docself.AUTO``) by document size (issue 14).

Usage::

    python benchmarks/ocr_selfpass_clock.py FILE
    python benchmarks/ocr_selfpass_clock.py FILE --words 5000 10000 19000 25000 --pairs 3

For each size, the first N space-separated pieces of FILE (an OCR text: ``speed_text("ocr",
100_000)`` of :mod:`repair.bench.speed`) are repaired in one process after a warm-up, with
:data:`repair.score.ocr_docself.AUTO` off and on in alternated pairs (off first in odd
pairs, on first in even ones).  Printed per size: the median CPU (``time.process_time``)
of each setting, words/s, the OCR passes a repair ran (calls of the OCR stage's candidate
builder: 2 when the self-training pass ran) and the edits.  A text of more than
:data:`~repair.score.ocr_docself.AUTO_MAX_WORDS` words never takes the second pass, so the
100 k-word speed figure of ``benchmarks/RESULTS.md`` does not see it (session 51).

In one process the repeats of a size share the memos of the profile in force
(:data:`~repair.score.ocr_docself.KEEP_CACHES`), while each second pass reads a learned
profile's memos afresh: the ratio overstates a single document's cost (a fresh process a
run, ``repair fix FILE`` against ``repair fix FILE --one-pass``, gives that).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARM_UP = "Tbe rneeting follows reports tliat negotiators met on Sunday. " * 60


def _counting(fn: Callable[..., Any], calls: list[int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return fn(*args, **kwargs)

    return wrapper


def clock(text: str, auto: bool, calls: list[int]) -> tuple[float, int, int]:
    """``(CPU seconds, OCR passes, edits)`` of one ``repair_text`` of ``text``."""
    from repair.pipeline import repair_text
    from repair.score import ocr_docself

    was = ocr_docself.AUTO
    ocr_docself.AUTO = auto
    calls[0] = 0
    try:
        start = time.process_time()
        result = repair_text(text)
        return time.process_time() - start, calls[0], len(result.edits)
    finally:
        ocr_docself.AUTO = was


def _table(path: Path, sizes: list[int], pairs: int, calls: list[int]) -> None:
    from repair.pipeline import repair_text

    repair_text(WARM_UP)
    pieces = path.read_text(encoding="utf-8").split(" ")
    print(f"{'words':>7} {'off s':>7} {'on s':>7} {'on/off':>6} {'off w/s':>8} {'on w/s':>8}"
          f" {'passes':>7} {'edits off/on':>13}")  # fmt: skip
    for n in sizes:
        text = " ".join(pieces[:n])
        words = len(text.split())
        times: dict[bool, list[float]] = {False: [], True: []}
        seen: dict[bool, tuple[int, int]] = {}
        for k in range(pairs):
            for auto in (False, True) if k % 2 == 0 else (True, False):
                cpu, passes, edits = clock(text, auto, calls)
                times[auto].append(cpu)
                seen[auto] = (passes, edits)
        off, on = statistics.median(times[False]), statistics.median(times[True])
        print(
            f"{words:>7} {off:>7.2f} {on:>7.2f} {on / off:>6.2f} {words / off:>8,.0f}"
            f" {words / on:>8,.0f} {seen[False][0]:>3}/{seen[True][0]:<3}"
            f" {seen[False][1]:>6}/{seen[True][1]:<6}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--words", type=int, nargs="+", default=[5_000, 10_000, 19_000, 25_000])
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args(argv)

    from repair.stages import ocr as ocr_stage

    calls = [0]
    stage = type(ocr_stage.STAGE)
    plain = stage.candidates
    stage.candidates = _counting(plain, calls)  # type: ignore[method-assign]
    try:
        _table(args.file, args.words, args.pairs, calls)
    finally:
        stage.candidates = plain  # type: ignore[method-assign]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
