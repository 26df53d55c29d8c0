"""What became of each gold substitution after the whole pipeline (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_outcome.py --spinner wordnet --spinner rare [--no-profile] [--show 8]

:mod:`benchmarks.spin_oracle` classifies the gold substitutions by the first reading's
evidence only (no document gate, no second readings, no phrases).  This script repairs the
same dev documents as ``spin_eval.py --split dev`` through ``repair.repair_text`` and puts
each gold substitution in one class (``multi_reach``: a written 2-3 word span whose one-word
original is among :func:`repair.candidates.spin_phrase.span_originals`; ``multiword``: any
other phrase; ``stop/short``; ``common`` (Zipf >= ``MAX_WRITTEN_ZIPF``); ``gold_not_in``
(no candidate or not the original); ``reached`` (the original is a candidate)) and one
outcome: ``right`` (an edit at the span restores the original), ``wrong`` (an edit at the
span, another word) or ``missed``.  Edits that touch no gold span are counted by rule
(``false``).  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config  # noqa: E402
from spin_sim import RATE, spin_doc  # noqa: E402
from spin_sim.corpus import select  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402
from repair.stages.spin import MAX_WRITTEN_ZIPF  # noqa: E402


def gold_class(written: str, orig: str) -> str:
    """The reach class of one gold substitution (``written`` -> ``orig``)."""
    low, gold = written.lower(), orig.lower()
    parts = tuple(low.split(" "))
    if 2 <= len(parts) <= 3 and " " not in gold:
        if gold in span_originals(parts)[0]:
            return "multi_reach"
        return "multiword"
    if " " in written or " " in orig:
        return "multiword"
    if len(written) < 3 or low in STOPWORDS or not written.isalpha():
        return "stop/short"
    if zipf(low) >= MAX_WRITTEN_ZIPF:
        return "common"
    if gold not in candidates_for(low):
        return "gold_not_in"
    return "reached"


def outcomes(spinner: str, cap: int, profile: bool, show: int):
    """(class, outcome) counts, false edits by rule, examples."""
    config = make_config("spin,tortured,collocation", not profile)
    cat: Counter[tuple[str, str]] = Counter()
    false: Counter[str] = Counter()
    ex: dict[tuple[str, str], list] = defaultdict(list)
    for d in select("dev", cap):
        s = spin_doc(d.doc_id, d.register, d.text, spinner, "dev", RATE)
        if not s.edits:
            continue
        r = repair_text(s.spun, (), config)
        gold = gold_spans(s)
        by_span = {(e.offset, e.end): e for e in r.edits}
        used: set[tuple[int, int]] = set()
        for (a, b), orig in gold.items():
            written = s.spun[a:b]
            k = gold_class(written, orig)
            e = by_span.get((a, b))
            if e is None:
                o = "missed"
            else:
                used.add((a, b))
                o = "right" if e.replacement.lower() == orig.lower() else "wrong"
            cat[(k, o)] += 1
            if len(ex[(k, o)]) < show:
                ex[(k, o)].append((written, orig, e.replacement if e else None))
        for span, e in by_span.items():
            if span not in used:
                overlaps = any(a < span[1] and span[0] < b for a, b in gold)
                key = f"{e.rule}{'/overlap' if overlaps else ''}"
                false[key] += 1
                if len(ex[("false", key)]) < show:
                    ex[("false", key)].append((s.spun[span[0] : span[1]], e.replacement))
    return cat, false, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--spinner", action="append", help="repeatable (default: wordnet, rare, double)"
    )
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["wordnet", "rare", "double"]:
        cat, false, ex = outcomes(spinner, args.cap, not args.no_profile, args.show)
        n = max(sum(cat.values()), 1)
        print(f"{spinner}: {n} substitutions")
        classes = sorted(
            {k for k, _ in cat},
            key=lambda k: -sum(cat[(k, o)] for o in ("right", "wrong", "missed")),
        )
        for k in classes:
            r, w, m = (cat[(k, o)] for o in ("right", "wrong", "missed"))
            print(f"  {k:12s} {(r + w + m) / n:.3f}  right {r:5d}  wrong {w:5d}  missed {m:5d}")
            for o in ("wrong", "missed") if args.show else ():
                print(f"      {o}: {ex[(k, o)]}")
        print(
            f"  false edits: {sum(false.values())} "
            + ", ".join(f"{k} {v}" for k, v in false.most_common())
        )
        for k in false if args.show else ():
            print(f"      {k}: {ex[('false', k)]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
