"""Build ``lexicons/science_register.tsv``: words that mark scientific register.

Run ``python scripts/build_science_register.py`` from the checkout root (needs the
``bench`` extra for WordNet 3.0).  Deterministic for given inputs; a test checks that the
shipped file is current.

A word marks scientific register when scientific text uses it much more than English at
large.  Scientific text here is two offline sources, neither of them a benchmark text:

* the expected (correct) side of the tortured-phrase list (``lexicons/tortured_phrases.tsv``,
  Problematic Paper Screener, CC BY 4.0), **dev phrase families only** (the same
  BLAKE2b family split as ``scripts/build_collocations.py``): "deep learning",
  "signal to noise ratio", "random forest";
* WordNet 3.0: the lemmas and glosses (definitions, not the examples) of every synset
  whose topic domain (pointer ``;c``) lies under "science", "engineering",
  "mathematics" or "medicine" in the hypernym tree ("physics", "statistics",
  "epidemiology", "computer technology": 83 domains), the domain "politics" left out
  (political speech is not scientific register).

English at large is ``wordfreq``'s frequency.  A word's weight is
``ln(p_science(w) / p_english(w))`` with ``p_science`` the word's share of the science
tokens (add-half smoothing); kept are words of :data:`MIN_COUNT` or more occurrences
and a weight of at least :data:`MIN_WEIGHT` nats, never a stopword.

Columns: ``word``, ``weight`` (nats, two decimals), ``count`` (occurrences in the
science sources).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_collocations import family_split  # noqa: E402

from lexicons import format_header, read_tsv  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402

OUT = ROOT / "lexicons" / "science_register.tsv"
COLUMNS = ("word", "weight", "count")
#: Hypernym roots of the scientific topic domains (first noun sense of each).
ROOTS = ("science", "engineering", "mathematics", "medicine")
#: Domains under the roots that are not scientific register.
EXCLUDED_DOMAINS = frozenset({"politics"})
#: Least occurrences in the science sources.
MIN_COUNT = 2
#: Least weight (nats): the word is at least e times as frequent in science text.
MIN_WEIGHT = 1.0
#: The commonest English words (wordfreq) read for a negative weight ...
COMMON_WORDS = 5000
#: ... when the science sources should have shown them this many times ...
MIN_EXPECTED = 3.0
#: ... down to this weight (nats below zero).
WEIGHT_FLOOR = 3.0
_WORD = re.compile(r"[a-z]+")


def _data_lines(pos: str) -> list[list[str]]:
    from wordnet30 import wordnet_dir

    out = []
    with open(wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith(" "):
                out.append(line.rstrip("\n").split(" "))
    return out


def _parse(fields: list[str]) -> tuple[int, list[str], list[tuple[str, str, int]], str]:
    """(offset, lemmas, pointers (symbol, pos, offset), gloss definition) of one data line."""
    n_words = int(fields[3], 16)
    lemmas = [w.split("(")[0].replace("_", " ") for w in fields[4 : 4 + 2 * n_words : 2]]
    i = 4 + 2 * n_words
    n_ptr = int(fields[i])
    i += 1
    ptrs = []
    for _ in range(n_ptr):
        sym, tgt, tpos = fields[i], fields[i + 1], fields[i + 2]
        ptrs.append((sym, tpos, int(tgt)))
        i += 4
    line = " ".join(fields)
    gloss = line.partition(" | ")[2]
    definition = gloss.split('"')[0]  # the examples are quoted after the definition
    return int(fields[0]), lemmas, ptrs, definition


def wordnet_text() -> list[str]:
    """Lemmas and definitions of the synsets in scientific topic domains."""
    from wordnet30 import read_index

    nouns = {}
    hyper: dict[int, list[int]] = {}
    for fields in _data_lines("noun"):
        off, lemmas, ptrs, definition = _parse(fields)
        nouns[off] = lemmas
        hyper[off] = [t for s, p, t in ptrs if s in ("@", "@i")]
    index = read_index("noun")
    roots = {index[r][0] for r in ROOTS}

    def scientific(off: int) -> bool:
        stack, seen = [off], set()
        while stack:
            x = stack.pop()
            if x in roots:
                return True
            if x not in seen:
                seen.add(x)
                stack.extend(hyper.get(x, ()))
        return False

    texts: list[str] = []
    domains: dict[int, bool] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for fields in _data_lines(pos):
            off, lemmas, ptrs, definition = _parse(fields)
            for sym, tpos, tgt in ptrs:
                if sym != ";c" or tpos != "n":
                    continue
                if tgt not in domains:
                    names = nouns.get(tgt, [""])
                    domains[tgt] = scientific(tgt) and names[0] not in EXCLUDED_DOMAINS
                if domains[tgt]:
                    texts.append(" ".join(lemmas) + " " + definition)
                    break
    return texts


def pps_text() -> list[str]:
    """Expected phrases of the dev families of the tortured-phrase list."""
    out = []
    for row in read_tsv("tortured_phrases.tsv"):
        for r in row[1].split(" | "):
            term = r.strip().lower()
            if family_split(term.replace("-", " ")) == "dev":
                out.append(term)
    return out


def weights(texts: list[str]) -> list[tuple[str, float, int]]:
    from wordfreq import top_n_list, word_frequency

    counts = Counter(w for t in texts for w in _WORD.findall(t.lower()))
    total = sum(counts.values())
    rows = []
    for w, c in counts.items():
        if c < MIN_COUNT or w in STOPWORDS or len(w) < 3:
            continue
        p_en = word_frequency(w, "en")
        if p_en <= 0:
            continue
        weight = math.log((c + 0.5) / total) - math.log(p_en)
        if weight >= MIN_WEIGHT:
            rows.append((w, round(weight, 2), c))
    # common words that scientific text avoids: expected often, seen rarely
    for w in top_n_list("en", COMMON_WORDS):
        if w in STOPWORDS or len(w) < 3 or not w.isalpha() or counts.get(w, 0) >= MIN_COUNT:
            continue
        p_en = word_frequency(w, "en")
        c = counts.get(w, 0)
        if p_en * total < MIN_EXPECTED:
            continue
        weight = math.log((c + 0.5) / total) - math.log(p_en)
        if weight <= -MIN_WEIGHT:
            rows.append((w, round(max(weight, -WEIGHT_FLOOR), 2), c))
    return sorted(rows)


NOTE = """\
# science_register.tsv: words that mark scientific register (weight: ln of their share
#   of scientific text over wordfreq's English frequency; negative for common words that
#   scientific text avoids; count: occurrences in that text).
# Sources: the expected side of the tortured-phrase list, dev phrase families only
#   (Problematic Paper Screener, Cabanac, Labbe & Magazinov; CC BY 4.0), and WordNet 3.0
#   lemmas and definitions of synsets in scientific topic domains (WordNet licence,
#   lexicons/LICENSE-wordnet.txt); wordfreq (MIT; its data CC BY-SA 4.0) for English.
#   Built by scripts/build_science_register.py.
"""


def render() -> str:
    """The lexicon's text."""
    rows = weights(pps_text() + wordnet_text())
    return (
        format_header(COLUMNS) + "\n" + NOTE + "".join(f"{w}\t{x:.2f}\t{c}\n" for w, x, c in rows)
    )


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
