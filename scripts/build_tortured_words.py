"""Build ``lexicons/tortured_words.tsv``: a paper-mill spinner's word habits, learned.

The Problematic Paper Screener list (``lexicons/tortured_phrases.tsv``, CC BY 4.0) pairs
a tortured phrase with its expected term: "profound learning" → "deep learning",
"counterfeit consciousness" → "artificial intelligence".  Read word by word (phrases of
the same length, aligned by position), each pair shows a habit of the thesaurus behind
the paper mills: "profound" for "deep", "counterfeit" for "artificial".  The same habit
recurs across phrases ("profound neural network", "profound highlights"), so a mapping
learned from some phrases restores terms that are in no list.

Each row counts the phrase *families* (expected phrases) that show the mapping, apart
for the ``dev`` and ``test`` halves of the families (``build_collocations.family_split``,
the same halves as the collocation lexicon's prior).  With the ``test`` half held out
(:data:`repair.candidates.tortured_words.HELD_OUT`), a test family's phrase can only be
restored from habits seen in other families: ``benchmarks/tortured_general_eval.py``.

Kept: both words alphabetic, lower case, at least three letters, not a function word,
different, not one the other's plural.  Usage: ``python scripts/build_tortured_words.py``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_collocations import family_split  # noqa: E402
from repair.lexicons import format_header, read_tsv  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402

OUT = ROOT / "lexicons" / "tortured_words.tsv"
COLUMNS = ("spun", "original", "dev_families", "test_families")


def _ok(w: str) -> bool:
    return len(w) >= 3 and w.isalpha() and w.islower() and w not in STOPWORDS


def _inflection(a: str, b: str) -> bool:
    return a in (b + "s", b + "es") or b in (a + "s", a + "es")


def mappings() -> dict[tuple[str, str], dict[str, set[str]]]:
    """(spun word, original word) -> split -> the families showing it."""
    out: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in read_tsv("tortured_phrases.tsv"):
        expected = row[1].split(" | ")[0]
        t, e = row[0].split(" "), expected.split(" ")
        if len(t) != len(e) or len(t) < 2:
            continue
        split = family_split(expected)
        for a, b in zip(t, e, strict=True):
            if a != b and _ok(a) and _ok(b) and not _inflection(a, b):
                out[(a, b)][split].add(expected)
    return out


def main() -> int:
    rows = mappings()
    lines = [
        format_header(COLUMNS),
        "# tortured_words.tsv: word habits of paper-mill spinners, learned from the aligned",
        "#   words of the tortured -> expected pairs of tortured_phrases.tsv (Problematic Paper",
        "#   Screener, Cabanac, Labbe & Magazinov, arXiv:2107.06751; CC BY 4.0: keep the",
        "#   attribution); counts of phrase families per half (dev/test, by expected phrase).",
        "# built by: python scripts/build_tortured_words.py",
    ]
    for (a, b), splits in sorted(rows.items()):
        lines.append(f"{a}\t{b}\t{len(splits.get('dev', ()))}\t{len(splits.get('test', ()))}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} mappings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
