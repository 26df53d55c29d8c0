"""Build ``lexicons/char_ngrams_period.tsv.gz``: a character 4-gram model of period words.

:mod:`repair.candidates.ocr_deepreach` weighs a garbled print against the words it may
be a misreading of by how English a letter sequence looks: a rare name ("Houlton")
spells like English, garble ("IMimstor", "Llsmorr") does not.  The model is counted
over the word types of the two period lists this package already ships
(``lexicons/words_period.txt.gz``: web2, cmudict, SCOWL; ``lexicons/names_period.txt.gz``:
US Census names, GeoNames places), each type once, so it is a model of spelling, not of
running text; no other source and no evaluation text is read.

Format: gzip text, line 1 ``# repair-charngrams 1 ORDER``, line 2 ``# source``, then
``ngram<TAB>count`` lines (``^`` pads a word's start, ``$`` ends it, letters lower case,
``'`` kept, other glyphs ``?``), every n-gram of order 1 to ORDER seen at least
:data:`MIN_COUNT` times (order 1: all).

Usage::

    python scripts/build_char_ngrams.py      # writes lexicons/char_ngrams_period.tsv.gz
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.score.char_ngrams import ORDER, padded  # noqa: E402

#: Higher-order n-grams seen fewer times are dropped (the model backs off to shorter ones).
MIN_COUNT = 3
OUT = ROOT / "lexicons" / "char_ngrams_period.tsv.gz"


def _words(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def main() -> None:
    types = set(_words(ROOT / "lexicons" / "words_period.txt.gz"))
    types.update(_words(ROOT / "lexicons" / "names_period.txt.gz"))
    counts: Counter[str] = Counter()
    for w in types:
        s = padded(w)
        for n in range(1, ORDER + 1):
            for i in range(ORDER - 1, len(s) - n + 1) if n == 1 else range(len(s) - n + 1):
                g = s[i : i + n]
                if n > 1 and g.endswith("^"):
                    continue
                counts[g] += 1
    kept = sorted(g for g, c in counts.items() if len(g) == 1 or c >= MIN_COUNT)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# repair-charngrams 1 {ORDER}\n")
        f.write(f"# word types of words_period.txt.gz + names_period.txt.gz ({len(types)})\n")
        for g in kept:
            f.write(f"{g}\t{counts[g]}\n")
    print(f"wrote {OUT} ({len(kept):,} n-grams from {len(types):,} types)")


if __name__ == "__main__":
    main()
