"""Write ``lexicons/bigram_counts.bin`` from symspellpy's word and word-pair counts.

Source: ``frequency_dictionary_en_82_765.txt`` and
``frequency_bigramdictionary_en_243_342.txt`` shipped in the symspellpy wheel (MIT;
the counts come from the Google Books Ngram corpus, CC BY 3.0).  Format:
:mod:`repair.resources.bigrams`.  Run ``python scripts/build_bigram_counts.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.resources.bigrams import LEXICON, encode  # noqa: E402

OUT = ROOT / "lexicons" / LEXICON
WORDS = "frequency_dictionary_en_82_765.txt"
PAIRS = "frequency_bigramdictionary_en_243_342.txt"


def read_counts() -> tuple[dict[str, int], dict[str, int]]:
    import symspellpy

    base = Path(symspellpy.__file__).parent
    words: dict[str, int] = {}
    for line in (base / WORDS).read_text(encoding="utf-8").splitlines():
        w, c = line.split()
        words[w] = words.get(w, 0) + int(c)
    pairs: dict[str, int] = {}
    for line in (base / PAIRS).read_text(encoding="utf-8").splitlines():
        a, b, c = line.split()
        pairs[f"{a} {b}"] = pairs.get(f"{a} {b}", 0) + int(c)
    return words, pairs


def main() -> None:
    from importlib.metadata import version

    words, pairs = read_counts()
    note = (
        f"# symspellpy {version('symspellpy')} ({WORDS}, {PAIRS}; MIT); counts from the "
        "Google Books Ngram corpus (CC BY 3.0); built by scripts/build_bigram_counts.py"
    )
    OUT.write_bytes(encode(words, pairs, note))
    print(f"wrote {OUT}: {len(words)} words, {len(pairs)} pairs")


if __name__ == "__main__":
    main()
