"""Write ``lexicons/spin_neighbours.bin``: distributional neighbours for the corpus learner.

Source: symspellpy's bundled ``frequency_bigramdictionary_en_243_342.txt`` (242,342 word
pairs with Google Books Ngram counts; symspellpy MIT, the counts CC BY 3.0), read from the
installed package.  No evaluation text is in it and nothing of ``../shared`` is read.

Each lower-case alphabetic word with at least :data:`MIN_CONTEXTS` context entries gets a
vector of its left words (``a w``) and right words (``w b``), kept apart, weighted by
positive PMI over the pair counts (context smoothing alpha 0.75); similarity is the
cosine.  A target's row: its nearest targets, best first, that are no stop word, at least
two letters, not a form of its own lemma (lemminflect) and known to the LM, the first
:data:`K`.  Format and checks: :mod:`repair.resources.neighbours`.

Run ``python scripts/build_spin_neighbours.py`` (~30 s; numpy, scipy, symspellpy).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.resources.neighbours import LEXICON, encode  # noqa: E402

BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
#: A target needs this many context entries (left and right pairs) in the list.
MIN_CONTEXTS = 3
#: Neighbours computed per target before filtering.
TOP = 80
#: Neighbours kept per target (after filtering).
K = 30
OUT = ROOT / "lexicons" / LEXICON


def bigram_path() -> Path:
    """symspellpy's bundled bigram list (installed with the package)."""
    import symspellpy

    return Path(symspellpy.__file__).parent / BIGRAMS


def build(src: Path, top: int = TOP) -> dict[str, list[str]]:
    """word -> its ``top`` nearest words by context cosine, best first (unfiltered)."""
    import numpy as np
    from scipy import sparse

    pairs: list[tuple[str, str, float]] = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isalpha() and parts[1].isalpha():
            pairs.append((parts[0].lower(), parts[1].lower(), float(parts[2])))
    vocab = sorted({w for a, b, _n in pairs for w in (a, b)})
    vid = {w: i for i, w in enumerate(vocab)}
    nv = len(vocab)
    rows, cols, vals = [], [], []
    for a, b, n in pairs:
        rows += [vid[b], vid[a]]  # b's left word a; a's right word b
        cols += [vid[a], nv + vid[b]]
        vals += [n, n]
    m = sparse.coo_matrix((vals, (rows, cols)), shape=(nv, 2 * nv)).tocsr()
    m.sum_duplicates()
    entries = np.diff(m.indptr)
    targets = [i for i in range(nv) if entries[i] >= MIN_CONTEXTS]
    m = m[targets]
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col / max(col.sum(), 1.0)
    coo = m.tocoo()
    with np.errstate(divide="ignore"):
        pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    norms = np.sqrt(np.asarray(ppmi.multiply(ppmi).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags(1.0 / norms) @ ppmi
    names = [vocab[i] for i in targets]
    out: dict[str, list[str]] = {}
    top = min(top, len(names) - 1)
    for a in range(0, len(names), 2000):
        sims = (unit[a : a + 2000] @ unit.T).toarray()
        for k in range(sims.shape[0]):
            sims[k, a + k] = -1.0
            best = np.argpartition(-sims[k], top)[:top]
            best = best[np.argsort(-sims[k, best], kind="stable")]
            out[names[a + k]] = [names[j] for j in best if sims[k, j] > 0]
    return out


@cache
def lemmas(word: str) -> frozenset[str]:
    """Every lemminflect lemma of ``word`` (the word itself when it has none)."""
    from lemminflect import getAllLemmas

    out = {lem for lems in getAllLemmas(word).values() for lem in lems}
    return frozenset(out or {word})


def filtered(raw: dict[str, list[str]], k: int = K) -> dict[str, list[str]]:
    """Rows of content-word targets: neighbours that are no stop word, >= 2 letters, not
    a form of the target's lemma and known to the LM, the first ``k``; empty rows dropped."""
    from repair.candidates.spin_synonyms import STOPWORDS
    from repair.resources.lm import get_lm

    lm = get_lm()
    out: dict[str, list[str]] = {}
    for word, ns in raw.items():
        if word in STOPWORDS or len(word) < 2 or not lm.known(word):
            continue
        own = lemmas(word)
        row = [
            w
            for w in ns
            if w not in STOPWORDS and len(w) >= 2 and not (lemmas(w) & own) and lm.known(w)
        ][:k]
        if row:
            out[word] = row
    return out


def main() -> None:
    table = filtered(build(bigram_path()))
    data = encode(table, K)
    OUT.write_bytes(data)
    print(f"{OUT}: {len(table):,} targets x {K} neighbours, {len(data):,} bytes")


if __name__ == "__main__":
    main()
