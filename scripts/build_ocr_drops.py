"""Learn how often the OCR drops a letter (``lexicons/ocr_drops.tsv``) from aligned OCR/gold text.

    python scripts/build_ocr_drops.py \\
        --smh ../shared/data/ocr/overproof_smh --icdar ../shared/data/ocr/icdar2017_eng_monograph \\
        > lexicons/ocr_drops.tsv

The confusion table (``scripts/build_ocr_confusions.py``) keeps no insertions: a letter
the page printed and the OCR lost ("Distict", "Lawence", "oad" for "road") has no row.
This script learns a *rate*, not pairs: per letter and per position in the word
(``initial``, ``inner``, ``final``), how often a gold letter is missing from the OCR line
while its neighbours are read right (a lone drop; the same training lines and the same
alignment as the confusion table: the SMH dev half, lines re-lined by the corrector
skipped, and ICDAR 2017 monograph files 1-80 plus file 81's first 300,000 characters).

Letters are few and drops rare (~100 in 0.5 M characters), so each letter's rate is
shrunk towards its position's pooled rate (``SHRINK`` letters of prior weight):
``p = (drops + SHRINK * p_pos) / (letters + SHRINK)``, and the cost is
``-ln p - OFFSET`` (nats, the confusion table's formula), never below ``MIN_COST``.
Only counts are written, no text.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_ocr_confusions as conf  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

POSITIONS = ("initial", "inner", "final")
#: Prior weight (letters) of the position's pooled rate in a letter's rate.
SHRINK = 5_000
#: The confusion table's offset (nats): the log-odds of a word being garbled at all.
OFFSET = conf.OFFSET
MIN_COST = 2.0
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def position(gold: str, j: int) -> str | None:
    """Where letter ``gold[j]`` stands in its word, or None (not a letter, or a word of
    one letter: dropping it drops the word)."""
    if not gold[j].isalpha():
        return None
    before = j > 0 and gold[j - 1].isalpha()
    after = j + 1 < len(gold) and gold[j + 1].isalpha()
    if not before and not after:
        return None
    return "initial" if not before else "final" if not after else "inner"


def count_line(ocr: str, gold: str, drops: Counter, letters: Counter) -> None:
    """Add one aligned line pair: every gold letter, and every lone dropped letter."""
    for j in range(len(gold)):
        pos = position(gold, j)
        if pos is not None:
            letters[(gold[j], pos)] += 1
    ops = Levenshtein.opcodes(ocr, gold)
    for k, op in enumerate(ops):
        if op.tag != "insert" or op.dest_end - op.dest_start != 1:
            continue
        # a lone drop: the operations on both sides are equal (read right)
        if k > 0 and ops[k - 1].tag != "equal":
            continue
        if k + 1 < len(ops) and ops[k + 1].tag != "equal":
            continue
        pos = position(gold, op.dest_start)
        if pos is not None:
            drops[(gold[op.dest_start], pos)] += 1


def icdar_lines(folder: Path) -> list[tuple[str, str]]:
    """ICDAR's aligned training lines as plain (ocr, gold) strings."""
    out = []
    for oa, ga in conf.icdar_pairs(folder):
        ocr = "".join(o for o, g in zip(oa, ga, strict=False) if o != "@" and g != "#")
        gold = "".join(g for o, g in zip(oa, ga, strict=False) if g not in "@#")
        out.append((ocr, gold))
    return out


def learn(smh: Path | None, icdar: Path | None) -> tuple[Counter, Counter]:
    drops: Counter[tuple[str, str]] = Counter()
    letters: Counter[tuple[str, str]] = Counter()
    lines = (conf.smh_pairs(smh) if smh else []) + (icdar_lines(icdar) if icdar else [])
    for ocr, gold in lines:
        count_line(ocr, gold, drops, letters)
    return drops, letters


def costs(drops: Counter, letters: Counter) -> list[tuple[str, str, float, int]]:
    """(letter, position, cost, drops) rows."""
    rows = []
    for pos in POSITIONS:
        n_pos = sum(v for (ch, p), v in letters.items() if p == pos)
        d_pos = sum(v for (ch, p), v in drops.items() if p == pos)
        pooled = (d_pos + 0.5) / (n_pos + 1)
        for ch in LETTERS:
            n, d = letters[(ch, pos)], drops[(ch, pos)]
            p = (d + SHRINK * pooled) / (n + SHRINK)
            rows.append((ch, pos, max(MIN_COST, -math.log(p) - OFFSET), d))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smh", type=Path, default=None)
    ap.add_argument("--icdar", type=Path, default=None)
    args = ap.parse_args(argv)
    drops, letters = learn(args.smh, args.icdar)
    print("# format: repair-lexicon/1; columns: letter, position, cost, drops")
    print("# OCR drop model: the cost (nats) of a letter the page printed and the OCR lost.")
    print("# Learned by scripts/build_ocr_drops.py (run it to rebuild; see its docstring) from")
    print("# lone dropped letters in aligned OCR/gold lines of the Sydney Morning Herald set of")
    print("# OverProof (dev half of benchmarks/smh_eval.py's split) and ICDAR 2017 English")
    print("# monographs files 1-80 and file 81's first 300,000 characters.  Only counts are")
    print("# shipped, no text.  This table: MIT, like the code.")
    print(
        f"# cost = -ln p - {OFFSET}, p = (drops + {SHRINK} * pooled rate of the position) /"
        f" (letters + {SHRINK}); at least {MIN_COST}."
    )
    print(f"# total lone drops: {sum(drops.values())} of {sum(letters.values())} letters")
    for ch, pos, cost, d in costs(drops, letters):
        print(f"{ch}\t{pos}\t{cost:.2f}\t{d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
