"""Learn the slot channel (``lexicons/ocr_slot_confusions.tsv``): every letter confusion unit
the aligned OCR/gold lines show, however rare, with its smoothed rate.

    python scripts/build_ocr_slot_confusions.py \\
        --smh ../shared/data/ocr/overproof_smh --icdar ../shared/data/ocr/icdar2017_eng_monograph \\
        > lexicons/ocr_slot_confusions.tsv

The same training data and units as ``scripts/build_ocr_confusions.py`` (SMH dev half,
ICDAR files 1-80 and file 81's first 300,000 characters; runs of differing glyphs
segmented into units of up to 3 glyphs a side by hard EM: :func:`build_ocr_confusions.learn`),
but no unit is dropped for being rare: the main table keeps a pair seen once or twice only
at a real-word-proof cost, because every search walks its rows; this table is read only by
:mod:`repair.score.ocr_slotprice`, which prices a short real word read as a common word of
its slot ("ms" -> "was": m/wa, "ni" -> "in": the transposition ni/in).  Only letter units
(both sides letters, no case change alone).  Cost = ``-ln((n + ALPHA * p0) / (count(true) +
ALPHA)) - OFFSET`` nats, with ``p0`` the back-off rate of the unit's shape (one glyph for one,
one for two or two for one, two for two) pooled over every unit of that shape, so a unit seen
once in a rare true form is not priced as if it were common.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_ocr_confusions as build  # noqa: E402

#: Pseudo-count of the back-off rate (Dirichlet smoothing).
ALPHA = 200.0
OFFSET = build.OFFSET
MIN_COST = build.MIN_COST
#: Absolute discount of every count (``None``: Ney's estimate n1 / (n1 + 2 n2) from the
#: counts of counts, 0.71 here).  Held-out folds of SMH dev (``benchmarks/ocr_fold_eval.py``,
#: token errors): 0 -> 5,153, Ney -> 5,157, 1.5 -> 5,158 (no slot table: 5,162).
DISCOUNT: float | None = 0.0
#: Also read each unit's rate from its sources' own counts, as the main table's
#: ``build_ocr_confusions.SOURCE_RATES`` (``"weighted"`` / ``"mean"`` / ``"max"`` of the
#: per-source smoothed rates, ``build_ocr_confusions.mix_rates``, used where above the
#: pooled rate; ``None``: pooled only).  Cross-fit tokens / chars with the main table's
#: ``"mean"``: 4,653 / 7,693 -> 4,651 / 7,690 with this one too; OFF with the main
#: table's flag (session 49, ocrfold49).
SOURCE_RATES: str | None = None
#: Longest side of a unit kept (glyphs).
MAX_SIDE = 2


def shape(o: str, g: str) -> tuple[int, int]:
    return (len(o), len(g))


def wanted(o: str, g: str) -> bool:
    """Letter units up to :data:`MAX_SIDE` a side, not a case change or old convention."""
    if not (o and g and o.isalpha() and g.isalpha()) or max(len(o), len(g)) > MAX_SIDE:
        return False
    return o.lower() != g.lower() and (o, g) not in build._CONVENTIONS


def discount(pairs: Counter[tuple[str, str]]) -> float:
    """:data:`DISCOUNT`, or Ney's estimate over the wanted units' counts of counts."""
    if DISCOUNT is not None:
        return DISCOUNT
    kinds = Counter(n for (o, g), n in pairs.items() if wanted(o, g))
    return kinds[1] / max(1, kinds[1] + 2 * kinds[2])


def rows(
    pairs: Counter[tuple[str, str]],
    grams: Counter[str],
    per_source: list[tuple[Counter, Counter]] | None = None,
) -> list[tuple[str, str, float, int]]:
    """(ocr, true, cost, count) of every wanted unit (module doc); ``per_source``: each
    source's own (unit counts, n-gram counts), read by SOURCE_RATES."""
    seen: Counter[tuple[int, int]] = Counter()
    for (o, g), n in pairs.items():
        if wanted(o, g):
            seen[shape(o, g)] += n
    # the back-off rate of a shape: its units per true n-gram of that length, spread
    # over the printed forms a true form could take (26 letters a glyph)
    total = {k: sum(v for t, v in grams.items() if len(t) == k and t.isalpha()) for k in (1, 2)}
    d = discount(pairs)
    out = []
    for (o, g), n in pairs.items():
        if not wanted(o, g):
            continue
        sh = shape(o, g)
        p0 = seen[sh] / max(1, total[len(g)]) / 26 ** len(o)
        p = (max(n - d, 0.0) + ALPHA * p0) / (grams[g] + ALPHA)
        if per_source and SOURCE_RATES:
            own = [
                (max(sp.get((o, g), 0) - d, 0.0) + ALPHA * p0) / (sg[g] + ALPHA) if sg[g] else None
                for sp, sg in per_source
            ]
            p = max(p, build.mix_rates(own, SOURCE_RATES))
        out.append((o, g, max(MIN_COST, -math.log(p) - OFFSET), n))
    out.sort(key=lambda r: (r[2], -r[3], r[0], r[1]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smh", type=Path, default=None)
    ap.add_argument("--icdar", type=Path, default=None)
    args = ap.parse_args(argv)
    pairs, grams, _spacing, _plain = build.learn(args.smh, args.icdar)
    per_source = build.source_counts(args.smh, args.icdar) if SOURCE_RATES else None
    print("# format: repair-lexicon/1; columns: ocr, true, cost, count")
    print("# OCR slot channel: letter confusion units (printed -> page, up to 2 glyphs a side),")
    print("# every unit the aligned lines show; read only by repair/score/ocr_slotprice.py.")
    print("# Learned by scripts/build_ocr_slot_confusions.py from the same aligned OCR/gold lines")
    print("# as ocr_confusions.tsv (SMH dev half; ICDAR 2017 English monographs files 1-80 and")
    print("# file 81's first 300,000 characters). Only counts are shipped, no text. MIT.")
    print(
        f"# cost = -ln((n - D + {ALPHA:g} p0) / (count(true) + {ALPHA:g})) - {OFFSET}, at least"
        f" {MIN_COST}; p0: the unit shape's pooled rate; D = {discount(pairs):.2f}."
    )
    for o, g, cost, n in rows(pairs, grams, per_source):
        print(f"{o}\t{g}\t{cost:.2f}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
