"""Learn what a mark inside a word costs when it stands for a letter (issue 12).

    python scripts/build_mark_prices.py --smh ../shared/data/ocr/overproof_smh

Prints the table :data:`repair.candidates.ocr_markglyph.LEARNED_PRICES` is copied from.
Training data: the lines :mod:`scripts.build_ocr_confusions` learns from (the dev half of
the Sydney Morning Herald set, lines re-lined by the corrector skipped; both of its folds
pooled; the test half is never read).  Each OCR line is aligned with its gold line
(Levenshtein opcodes); every mark printed between two letters ("t-ourt", "the»e") is
counted, and counted as a *letter* when the alignment sets it against a letter of the
gold.  A mark's price is ``-ln P(letter | the mark between letters)``, its rate smoothed
toward the pooled rate of all marks by SMOOTH observations; marks seen fewer than
MIN_SEEN times share the pooled row of the rare marks (``other``).  Which letter it
was is not priced here: the reading's frequency and the context model decide that.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_ocr_confusions import _fold_lines  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

MIN_SEEN = 10
SMOOTH = 2.0


def mark_counts(lines: list[tuple[str, str, bool]]) -> tuple[Counter[str], Counter[str]]:
    """Per mark: how often it is printed between two letters, and how often of those the
    alignment with the gold sets it against a letter."""
    seen: Counter[str] = Counter()
    letter: Counter[str] = Counter()
    for ocr, gold, _aligned in lines:
        target: list[str] = [""] * len(ocr)
        for op in Levenshtein.opcodes(ocr, gold):
            for d in range(op.src_end - op.src_start):
                j = op.dest_start + d
                if op.tag == "replace" and j < op.dest_end:
                    target[op.src_start + d] = gold[j]
        for i in range(1, len(ocr) - 1):
            ch = ocr[i]
            if ch.isalnum() or ch.isspace() or not (ocr[i - 1].isalpha() and ocr[i + 1].isalpha()):
                continue
            seen[ch] += 1
            if target[i].isalpha():
                letter[ch] += 1
    return seen, letter


def prices(seen: Counter[str], letter: Counter[str]) -> dict[str, float]:
    """``{mark: nats}`` with an ``other`` row for the rare marks (module doc)."""
    pooled = sum(letter.values()) / max(1, sum(seen.values()))
    rows: dict[str, tuple[int, int]] = {}
    rare_seen = rare_letter = 0
    for ch, n in seen.items():
        if n >= MIN_SEEN:
            rows[ch] = (letter[ch], n)
        else:
            rare_seen, rare_letter = rare_seen + n, rare_letter + letter[ch]
    rows["other"] = (rare_letter, rare_seen)
    return {
        ch: round(-math.log((k + SMOOTH * pooled) / (n + SMOOTH)), 2) for ch, (k, n) in rows.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smh", type=Path, required=True)
    args = ap.parse_args()
    lines = [line for fold in _fold_lines(args.smh, None) for line in fold]
    seen, letter = mark_counts(lines)
    for ch, nats in sorted(prices(seen, letter).items(), key=lambda kv: kv[1]):
        k, n = (letter[ch], seen[ch]) if ch != "other" else (None, None)
        print(f"{ch!r}: {nats},  # {k} of {n}" if n else f"{ch!r}: {nats},")


if __name__ == "__main__":
    main()
