"""The long document mappings (``repair.candidates.spin_phrase_long``) of the phrase-spun
documents of one half (list rows held out) and of the clean documents of the same half:
the reading alone (no pipeline), with the shipped cues (session 60: the part-of-speech
agreement, a neighbour shared at every place), session 59's (``--session59``) or none
(``--no-cues``: session 51's reading).

    python benchmarks/spin_phrase_long.py --split dev [--no-cues | --session59]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spin_eval import hold_out_listed, spun_docs  # noqa: E402
from spin_sim.corpus import documents  # noqa: E402

import repair.stages.spin  # noqa: E402,F401  (import order: the stage pulls the readers)
from repair.candidates import spin_phrase_long as spl  # noqa: E402
from repair.candidates import spin_phrase_self as sps  # noqa: E402
from repair.candidates.spin_phrase import phrase_evidence  # noqa: E402
from repair.detect.wordy import find as wordy_find  # noqa: E402
from repair.document import Document  # noqa: E402


def long_mappings(text: str) -> list[sps.DocumentMapping]:
    """The document's long mappings, the wordy list's forms covered (as the stage does)."""
    doc = Document(text)
    covered: set[int] = set()
    for w in wordy_find(text):
        covered.update(range(w.start, w.end))
    maps = sps.document_mappings(doc, phrase_evidence(doc, covered), covered)
    return [m for m in maps if len(m.written.split()) >= spl.MIN_WORDS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--no-cues", action="store_true", help="session 51's reading")
    ap.add_argument("--session59", action="store_true", help="session 59's two cues only")
    args = ap.parse_args(argv)
    spl.LONG_SPANS = True
    if args.no_cues:
        spl.DISTINCT_NEIGHBOURS, spl.MIN_CONTEXT_GAIN = False, None
    if args.no_cues or args.session59:
        spl.POS_AGREEMENT, spl.SHARED_AT_EVERY_PLACE = False, False
    hold_out_listed(args.split)
    t0 = time.perf_counter()
    _docs, spun = spun_docs("phrase", args.split, 40, 0.25)
    for s in spun:
        for m in long_mappings(s.spun):
            gold = {e.original.lower() for e in s.edits}
            print(
                f"spun  {s.doc_id}: {m.written!r} -> {m.original} x{len(m.places)} "
                f"(mean {m.mean_gain}; original among the gold: {m.original in gold})"
            )
    n = hits = 0
    for d in documents():
        if d.split != args.split:
            continue
        n += 1
        for m in long_mappings(d.text):
            hits += 1
            print(f"clean {d.doc_id}: {m.written!r} -> {m.original} x{len(m.places)}")
    print(
        f"# {len(spun)} spun, {n} clean documents; clean mappings {hits}; "
        f"{time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
