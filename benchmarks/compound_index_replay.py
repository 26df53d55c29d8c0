"""Replay the compound questions a benchmark asks: the scan against the sorted index.

Runs ``ocr_light_eval.py --suite --split dev`` and ``ocr_clean_registers.py --split dev``
(their reports go to stderr) with :func:`repair.candidates.ocr_lightmerge._compounds` logged,
then asks every logged ``(piece, head)`` again with
``ocr_lightmerge.COMPOUND_INDEX`` off (the regular-expression scan) and on (the index,
:mod:`repair.candidates.ocr_compoundindex`): the answers must be equal; prints the calls,
the mismatches and the CPU of each replay (issue 14, session 59, speedcompound).

    python benchmarks/compound_index_replay.py [--light-only]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--light-only", action="store_true", help="the light suite dev alone")
    args = ap.parse_args(argv)

    import ocr_clean_registers
    import ocr_light_eval

    from repair.candidates import ocr_lightmerge

    asked: list[tuple[str, bool]] = []
    scan = ocr_lightmerge._compounds

    def logged(piece: str, head: bool) -> bool:
        asked.append((piece, head))
        return scan(piece, head)

    runs = [("light suite dev", ocr_light_eval.main, ["--suite", "--split", "dev"])]
    if not args.light_only:
        runs.append(("census dev", ocr_clean_registers.main, ["--split", "dev"]))
    ocr_lightmerge._compounds = logged  # type: ignore[assignment]
    try:
        for _name, run, run_args in runs:
            with contextlib.redirect_stdout(sys.stderr):
                run(run_args)
    finally:
        ocr_lightmerge._compounds = scan  # type: ignore[assignment]
    flag = ocr_lightmerge.COMPOUND_INDEX
    answers = {}
    try:
        for on in (False, True):
            ocr_lightmerge.COMPOUND_INDEX = on
            t0 = time.process_time()
            answers[on] = [scan(piece, head) for piece, head in asked]
            print(f"COMPOUND_INDEX={on}: {len(asked)} calls, {time.process_time() - t0:.3f} s CPU")
    finally:
        ocr_lightmerge.COMPOUND_INDEX = flag
    bad = [q for q, a, b in zip(asked, answers[False], answers[True], strict=True) if a != b]
    print(f"mismatches: {len(bad)} {bad[:10]}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
