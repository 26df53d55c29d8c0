"""Under the word bar: the spinner-agnostic rows of spun documents by model probability (dev).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_bands.py [--spinner wordnet ...] [--cap 40] [--no-profile] [--common]

For the dev documents that ``benchmarks/spin_eval.py --split dev`` reports on, every row
the spin stage's first reading decides (:attr:`repair.stages.spin.SpinDetection.words`;
``--common``: the common-word reading's rows) in a document whose word gate is open
(:func:`repair.stages.spin.word_bar` <= 1) is counted by its word model probability band
and by whether an edit of the whole pipeline covers its span (``edit``) or not
(``none``): ``R`` its proposal is the gold original, ``W`` the span is spun but the
proposal is another word, ``F`` the span was not spun.  Lowering a bar to a band's
lower edge adds that band's ``none`` rows: each ``R`` removes a token error, each ``F``
adds one, a ``W`` leaves one.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import make_config, spun_docs  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402

BANDS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8)


def band(p: float, edges: tuple[float, ...] = BANDS) -> int:
    """The index of the band of ``edges`` that holds ``p`` (the last one is open above).

    >>> band(0.0), band(0.27), band(0.99)
    (0, 3, 10)
    """
    return max(i for i, e in enumerate(edges) if p >= e)


def verdict(proposal: str, gold: str | None) -> str:
    """``R`` (the proposal restores ``gold``), ``W`` (another word) or ``F`` (not spun).

    >>> verdict("country", "Country"), verdict("land", "country"), verdict("land", None)
    ('R', 'W', 'F')
    """
    if gold is None:
        return "F"
    return "R" if proposal.lower() == gold.lower() else "W"


def count(spinner: str, cap: int, profile: bool, common: bool) -> Counter:
    """(band, ``edit``/``none``, R/W/F) -> rows, over ``spinner``'s spun dev documents."""
    config = make_config("spin,tortured,collocation", not profile)
    seen: list[stage.SpinDetection] = []
    shipped = stage._Stage.detect

    def detect(self, doc):  # type: ignore[no-untyped-def]
        d = shipped(self, doc)
        seen.append(d)
        return d

    out: Counter = Counter()
    stage._Stage.detect = detect  # type: ignore[method-assign]
    try:
        docs, spun = spun_docs(spinner, "dev", cap, RATE)
        for s in spun:
            if not s.edits:
                continue
            seen.clear()
            r = repair_text(s.spun, (), config)
            det = seen[0]
            if stage.word_bar(det.details) > 1.0:
                continue
            gold = gold_spans(s)
            edited = {(e.offset, e.end) for e in r.edits}
            rows = (
                zip(det.common, det.common_probs, strict=True)
                if common
                else zip(det.words, det.probs, strict=True)
            )
            for w, p in rows:
                where = "edit" if (w.start, w.end) in edited else "none"
                out[(band(p), where, verdict(w.original, gold.get((w.start, w.end))))] += 1
    finally:
        stage._Stage.detect = shipped  # type: ignore[method-assign]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append")
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--common", action="store_true", help="the common-word reading's rows")
    args = ap.parse_args(argv)
    for spinner in args.spinner or ["wordnet", "double", "rare"]:
        c = count(spinner, args.cap, not args.no_profile, args.common)
        print(spinner)
        for i, lo in enumerate(BANDS):
            hi = BANDS[i + 1] if i + 1 < len(BANDS) else 1.0
            cells = "  ".join(
                f"{where} " + " ".join(f"{k}{c[(i, where, k)]:4d}" for k in "RWF")
                for where in ("none", "edit")
            )
            print(f"  p [{lo:.2f}, {hi:.2f})  {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
