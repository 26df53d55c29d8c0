"""Count the glyph confusions behind ``ocr_confusions.tsv`` from ICDAR 2017 data.

    python lexicons/build_ocr_confusions.py ../shared/data/ocr/icdar2017_eng_monograph

Reads the aligned OCR / gold lines by path (the data is not ours to copy) over the
*training part* (files 1-80 and the first 300,000 characters of file 81), finds
each maximal run of differing characters outside '#' regions, and prints the most
frequent ``ocr -> gold`` pairs with their counts.  The table's costs were set by
hand from these counts (cost ~ 3 - log10(count), capped to [0.3, 3]) plus the
classic pairs of the OCR literature; pairs that are spelling conventions of old
print (i/j, u/v) were left out on purpose.  Nothing here runs at repair time.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

TRAIN_CHARS_81 = 300_000


def count(folder: Path) -> Counter[tuple[str, str]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        ocr, gold = lines[1][14:], lines[2][14:]
        if path.stem == "81":
            ocr, gold = ocr[:TRAIN_CHARS_81], gold[:TRAIN_CHARS_81]
        i = 0
        while i < len(ocr):
            if ocr[i] != gold[i] and gold[i] != "#":
                j = i
                while j < len(ocr) and ocr[j] != gold[j] and gold[j] != "#":
                    j += 1
                pairs[(ocr[i:j].replace("@", ""), gold[i:j].replace("@", ""))] += 1
                i = j
            else:
                i += 1
    return pairs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    for (ocr, gold), n in count(Path(argv[1])).most_common(120):
        print(f"{ocr!r}\t{gold!r}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
