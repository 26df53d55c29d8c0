"""Record the confusion walks of one OCR repair, then replay them alone (issue 14).

    python benchmarks/ocr_walk_replay.py record --words 30000 /tmp/walks.pkl
    python benchmarks/ocr_walk_replay.py replay /tmp/walks.pkl [--reps 3] [--stride 1]
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/ocr_walk_replay.py replay /tmp/walks.pkl --reps 1 --stride 8

``record`` repairs the speed suite's OCR text (``repair.bench.speed.speed_text("ocr",
N)``, or ``--text FILE``) with every call of ``confusion_variants`` (with an index) and
``confusion_variants_pair`` written down: the token, the bounds and each prefix index's
set of prefixes.  ``replay`` runs the same calls on whichever ``repair`` the running
Python imports and prints the CPU seconds of the fastest pass and a digest of every
answer (readings, costs, substitutions and their order): two checkouts give the same
digest when their walks are exact.  On a loaded machine, CPU seconds drift by 20 %;
callgrind's instruction count (``Collected``) does not (``--reps 1``, compare with
``--reps 0``: the difference is the walks alone).  The file is a local pickle: read only
files you wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path


def rebind(home: object, swaps: dict[str, tuple[object, object]]) -> None:
    """Replace, for each ``name -> (old, new)`` of ``swaps``, ``home.name`` and every
    ``repair.*`` module's global ``name`` still bound to ``old`` by ``new`` (modules that
    imported the function by name keep their own binding)."""
    for name, (_old, new) in swaps.items():
        setattr(home, name, new)
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("repair.") and module is not home:
            for name, (old, new) in swaps.items():
                if getattr(module, name, None) is old:
                    setattr(module, name, new)


def record(out: Path, words: int, text_file: Path | None) -> int:
    """Repair the text with the walks written down; return the number of walks."""
    from repair.score import ocr_channel as oc

    calls: list[tuple] = []
    indexes: dict[int, object] = {}
    plain, pair = oc.confusion_variants, oc.confusion_variants_pair

    def key(index: object) -> int:
        indexes.setdefault(id(index), index)  # held: no id is reused while recording
        return id(index)

    def variants(token, prefixes=None, max_cost=oc.MAX_COST, max_subs=oc.MAX_SUBS):  # noqa: ANN001, ANN202
        if prefixes is not None:
            calls.append(("one", token, key(prefixes), max_cost, max_subs))
        return plain(token, prefixes, max_cost, max_subs)

    def variants_pair(token, first, second, max_cost, max_subs):  # noqa: ANN001, ANN202
        calls.append(("pair", token, key(first), key(second), max_cost, max_subs))
        return pair(token, first, second, max_cost, max_subs)

    from repair.pipeline import repair_text

    rebind(
        oc,
        {"confusion_variants": (plain, variants), "confusion_variants_pair": (pair, variants_pair)},
    )
    if text_file is not None:
        text = text_file.read_text(encoding="utf-8")
    else:
        from repair.bench.speed import speed_text

        text = speed_text("ocr", words)
    repair_text(text)
    sets = {k: index.all_prefixes() for k, index in indexes.items()}  # type: ignore[attr-defined]
    with open(out, "wb") as fh:
        pickle.dump((calls, sets), fh)
    return len(calls)


def replay(path: Path, reps: int, stride: int) -> tuple[float, str]:
    """CPU seconds of the fastest of ``reps`` timed passes and the digest of the answers
    (an untimed first pass, which also fills the window table)."""
    from repair.score import ocr_channel as oc

    with open(path, "rb") as fh:
        calls, sets = pickle.load(fh)  # noqa: S301 - a file this script wrote
    calls = calls[::stride]
    indexes = {}
    for k, full in sets.items():
        index = oc.prefixes_of(())
        index.full = full
        indexes[k] = index
    digest = hashlib.sha256()
    for call in calls:
        if call[0] == "one":
            answers = [oc.confusion_variants(call[1], indexes[call[2]], call[3], call[4])]
        else:
            answers = list(
                oc.confusion_variants_pair(
                    call[1], indexes[call[2]], indexes[call[3]], call[4], call[5]
                )
            )
        for answer in answers:
            digest.update(repr(list(answer.items())).encode())
    best = float("inf")
    for _ in range(reps):
        t0 = time.process_time()
        for call in calls:
            if call[0] == "one":
                oc.confusion_variants(call[1], indexes[call[2]], call[3], call[4])
            else:
                oc.confusion_variants_pair(
                    call[1], indexes[call[2]], indexes[call[3]], call[4], call[5]
                )
        best = min(best, time.process_time() - t0)
    return best, digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="repair an OCR text and write its walks down")
    rec.add_argument("out", type=Path)
    rec.add_argument("--words", type=int, default=30_000, help="speed-suite OCR text size")
    rec.add_argument("--text", type=Path, default=None, help="repair this file instead")
    rep = sub.add_parser("replay", help="time the recorded walks and digest their answers")
    rep.add_argument("path", type=Path)
    rep.add_argument("--reps", type=int, default=3)
    rep.add_argument("--stride", type=int, default=1, help="every STRIDE-th walk only")
    args = parser.parse_args()
    if args.cmd == "record":
        print(f"{record(args.out, args.words, args.text)} walks written to {args.out}")
    else:
        seconds, digest = replay(args.path, args.reps, args.stride)
        print(f"{seconds:.3f} s CPU (fastest of {args.reps})  digest {digest}")


if __name__ == "__main__":
    main()
