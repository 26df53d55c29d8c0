"""Distributional spinner: synonyms from context vectors, a source the restorer never reads.

Every other simulator draws its synonyms from WordNet 3.0 or the Moby thesaurus, the
very sources the restorer reverses, so their figures overstate what carries to a real
spinner with a thesaurus of its own.  This one builds its own thesaurus the way an
embedding-based ("WordAi-like") spinner does: **distributional neighbours** from
running text, with no WordNet, no Moby, no lemminflect synonym and no wordfreq
ranking in the choice.

Thesaurus (built once, cached as JSON under ``$REPAIR_CACHE_DIR`` or the system temp
folder, keyed by a fingerprint of the corpus and the parameters below):

* corpus: every ``.txt`` of ``../shared/data/clean_english`` (ABC news, WSJ sample, State
  of the Union, inaugural addresses, NLTK webtext; ~1.8 M words; licences in that
  folder's README: research/fair use, public domain) read in place at build time;
  nothing of it is stored but lemma -> neighbour lists in the local cache;
* a target is a lower-case word seen at least :data:`MIN_COUNT` times; its context
  vector counts the :data:`FEATURES` most frequent words at position -1 and +1 (kept
  apart) and anywhere within +-:data:`WINDOW` (a bag), weighted by positive PMI with
  context smoothing (alpha 0.75); similarity is the cosine;
* a target's neighbours are the :data:`TOP` most similar targets with cosine
  >= :data:`MIN_COS` that lemminflect knows as a lemma of the same part of speech,
  that are not a form of the target's lemma, share no 5-letter prefix with it
  (``nation``/``national``) and are no number word.

Policy (``distrib``; ``distrib1`` takes the nearest neighbour alone, a better embedding
spinner): the part of speech is guessed without WordNet (:func:`inflect.guess_pos`, no
sense ranks); the synonym is one of the lemma's :data:`POOL` nearest neighbours, fixed
once per (lemma, POS) (the spinner is consistent across documents), inflected like the
word; :data:`spin_sim.RATE` of the content words are swapped.  Families are the lemmas,
split dev/test like every other spinner's (:func:`text.family_split`).

Neighbours are not all synonyms: like a real embedding spinner it writes co-hyponyms
and the odd antonym ("increase" -> "decline"), which no restorer can take back; the
figure is what carries, not a ceiling.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

from . import dictionary, inflect
from .corpus import SHARED
from .seeddense import NUMBER_WORDS
from .text import STOPWORDS, FamilyFilter, GoldEdit, stable_choice

NAME = "distrib"
MIN_COUNT = 25
FEATURES = 4000
WINDOW = 3
TOP = 40
MIN_COS = 0.15
POOL = 3
VERSION = 1
_WORD = re.compile(r"[a-z]+")


def _corpus_files() -> list[Path]:
    return sorted(SHARED.glob("*/*.txt"))


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(f"{VERSION}:{MIN_COUNT}:{FEATURES}:{WINDOW}:{TOP}:{MIN_COS}".encode())
    for p in files:
        h.update(f"{p.parent.name}/{p.name}:{p.stat().st_size}".encode())
    return h.hexdigest()


def _cache_path(key: str) -> Path:
    env = os.environ.get("REPAIR_CACHE_DIR")
    base = Path(env) if env and env != "off" else Path(tempfile.gettempdir())
    return base / f"spin_sim_distrib_{key}.json"


def build(files: list[Path]) -> dict[str, list[tuple[str, float]]]:
    """word -> its nearest targets (word, cosine), best first (no POS filter yet)."""
    import numpy as np
    from scipy import sparse

    seqs = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace").lower()
        seqs.append(_WORD.findall(text))
    freq = Counter(w for s in seqs for w in s)
    feats = [w for w, _n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:FEATURES]]
    fid = {w: i for i, w in enumerate(feats)}
    targets = sorted(
        w for w, n in freq.items() if n >= MIN_COUNT and len(w) >= 3 and w not in STOPWORDS
    )
    tid = {w: i for i, w in enumerate(targets)}
    rows: list[int] = []
    cols: list[int] = []
    nf = len(feats)
    for s in seqs:
        n = len(s)
        for i, w in enumerate(s):
            t = tid.get(w)
            if t is None:
                continue
            for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)):
                if j == i:
                    continue
                f = fid.get(s[j])
                if f is None:
                    continue
                if j == i - 1:
                    rows.append(t)
                    cols.append(f)
                elif j == i + 1:
                    rows.append(t)
                    cols.append(nf + f)
                rows.append(t)
                cols.append(2 * nf + f)
    m = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(targets), 3 * nf)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col / col.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape, dtype=np.float64
    )
    norms = np.sqrt(np.asarray(ppmi.multiply(ppmi).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags(1.0 / norms) @ ppmi
    out: dict[str, list[tuple[str, float]]] = {}
    step = 2000
    for a in range(0, len(targets), step):
        sims = (unit[a : a + step] @ unit.T).toarray()
        for k in range(sims.shape[0]):
            i = a + k
            sims[k, i] = -1.0
            top = min(TOP, len(targets) - 1)
            best = np.argpartition(-sims[k], top)[:top]
            best = best[np.argsort(-sims[k, best], kind="stable")]
            out[targets[i]] = [
                (targets[j], round(float(sims[k, j]), 4)) for j in best if sims[k, j] >= MIN_COS
            ]
    return out


@cache
def table() -> dict[str, list[tuple[str, float]]]:
    """The neighbour table (built on first use, then read from the cache)."""
    files = _corpus_files()
    if not files:
        raise FileNotFoundError(f"distrib spinner: no corpus under {SHARED}")
    path = _cache_path(_fingerprint(files))
    if path.exists():
        return {k: [tuple(x) for x in v] for k, v in json.loads(path.read_text()).items()}
    out = build(files)
    write_json(path, out)
    return out


def write_json(path: Path, obj: object) -> None:
    """Write ``obj`` as JSON to ``path`` atomically (a cache entry: never half written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj), encoding="utf-8")
    tmp.replace(path)


def _same_lemma(word: str, lemma: str) -> bool:
    """Whether ``word`` is a form of ``lemma`` (lemminflect's readings of it)."""
    return word == lemma or any(lem == lemma for _u, lem, _t in inflect.analyses(word))


@cache
def neighbours(lemma: str, upos: str, pool: int = POOL) -> tuple[str, ...]:
    """The lemma's ``pool`` nearest distributional neighbours a spinner would write for
    ``upos``."""
    if lemma in NUMBER_WORDS:
        return ()
    out = []
    for w, _cos in table().get(lemma, ()):
        if w in NUMBER_WORDS or w in STOPWORDS or w[:5] == lemma[:5]:
            continue
        if _same_lemma(w, lemma) or not inflect.is_lemma(w, upos):
            continue
        out.append(w)
        if len(out) == pool:
            break
    return tuple(out)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The spinner's dictionary: one fixed neighbour per (lemma, POS), or None."""
    pool = neighbours(lemma, upos)
    return stable_choice(pool, NAME, lemma, upos) if pool else None


@cache
def entry_nearest(lemma: str, upos: str) -> str | None:
    """``distrib1``'s dictionary: the nearest neighbour alone (a better embedding spinner)."""
    pool = neighbours(lemma, upos, 1)
    return pool[0] if pool else None


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry)


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    return dictionary.spin(text, rng, rate, split, candidates)


def spin_nearest(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """``distrib1``: as :func:`spin` with the nearest neighbour only (:func:`entry_nearest`)."""
    return dictionary.spin(
        text, rng, rate, split, lambda t, allow: dictionary.candidates(t, allow, entry_nearest)
    )
