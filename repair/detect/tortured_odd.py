"""Odd collocations: written word pairs that no one writes, where a synonym's pair is common.

A thesaurus spinner swaps words one at a time, so it breaks the word pairs of the
source: "preparation data" (for "training data"), "descant we" ("paper we"). Honest
prose has unusual pairs too, but few of them where an ordinary synonym of the word
makes a strongly associated pair with the same neighbour.  For each lower-case content
word of at most :data:`MAX_ZIPF` with candidate originals
(:func:`repair.candidates.tortured_rare.pool`), and each neighbour in its sentence,
the written pair's pointwise mutual information in book-register pair counts
(:mod:`repair.resources.bigrams`; an unseen pair counts :data:`UNSEEN_PMI`) is compared
with the best candidate's pair; the word is *odd* when a candidate's pair is seen, has
a PMI of at least :data:`MIN_PAIR_PMI` and beats the written pair by at least
:data:`MIN_PMI_GAIN`.

:func:`density` is odd words per 1,000 words, a document-level signal that needs no
LM; :mod:`repair.score.collocation_odd` turns it into a score.  Thresholds were set on
the dev halves of ``benchmarks/spin_eval.py`` (tortured abstracts, WordNet, rare,
double and phrase spinners, and their clean originals).

>>> from repair.document import Document
>>> count(Document("In this descant we proffer a simple comportment."))[0] >= 1
True
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document

#: Only words at most this common (wordfreq Zipf) are read.
MAX_ZIPF = 4.5
#: PMI (nats) of a written pair the book counts never saw.
UNSEEN_PMI = -1.0
#: Least PMI gain (nats) of a candidate's pair over the written pair.
MIN_PMI_GAIN = 6.0
#: Least PMI (nats) of the candidate's pair.
MIN_PAIR_PMI = 3.0
#: Punctuation inside a sentence that does not separate neighbours.
_JOINERS = frozenset("-'’")


def _sentence_words(doc: Document) -> list[str | None]:
    """The document's words in order, ``None`` at punctuation (a sentence or clause
    edge: no pair across it)."""
    out: list[str | None] = []
    for t in doc.tokens:
        if t.kind == "word":
            out.append(t.text)
        elif t.kind == "punct" and t.text not in _JOINERS:
            out.append(None)
    return out


@lru_cache(maxsize=100_000)
def _log_count(text: str) -> float | None:
    from repair.resources.bigrams import get_bigrams

    return get_bigrams().log_count(text)


def pmi(first: str, second: str) -> float | None:
    """PMI (nats) of the pair ``first second`` in the book counts; None when unseen."""
    from repair.resources.bigrams import get_bigrams

    pair = _log_count(f"{first} {second}")
    if pair is None:
        return None
    a, b = _log_count(first), _log_count(second)
    if a is None or b is None:
        return None
    return pair - a - b + get_bigrams()._log_total


@lru_cache(maxsize=100_000)
def _counted_pool(word: str) -> tuple[tuple[str, float], ...]:
    """(candidate, ln count) of each candidate original of ``word``
    (:func:`repair.candidates.tortured_rare.pool`, in order) the book counts know: a
    candidate they do not know makes no pair with a PMI."""
    from repair.candidates.tortured_rare import pool

    out = []
    for c in pool(word):
        b = _log_count(c)
        if b is not None:
            out.append((c, b))
    return tuple(out)


def _is_odd(words: list[str | None], i: int) -> bool:
    from repair.resources.bigrams import get_bigrams

    w = words[i]
    assert w is not None
    cands: tuple[tuple[str, float], ...] | None = None
    book = get_bigrams()
    total = book._log_total
    for j in (i - 1, i + 1):
        if j < 0 or j >= len(words) or not words[j]:
            continue
        near = str(words[j]).lower()
        if cands is None:
            cands = _counted_pool(w)
        a = _log_count(near)
        if a is None:  # every pmi() with it is None: no candidate pair counts
            continue
        written = pmi(near, w) if j < i else pmi(w, near)
        floor = UNSEEN_PMI if written is None else written
        # pmi(near, c) / pmi(c, near) with the neighbour's count read once and the pairs
        # looked up together (the same floats; the pairs are mostly read once: no memo)
        if j < i:
            pairs = book.log_counts([f"{near} {c}" for c, _b in cands])
        else:
            pairs = book.log_counts([f"{c} {near}" for c, _b in cands])
        for (_c, b), pair in zip(cands, pairs, strict=True):
            if pair is None:
                continue
            got = pair - a - b + total if j < i else pair - b - a + total
            if got >= MIN_PAIR_PMI and got - floor >= MIN_PMI_GAIN:
                return True
    return False


def count(doc: Document) -> tuple[int, int]:
    """(odd words, words) of ``doc``."""
    from repair.candidates.tortured_rare import has_candidates
    from repair.resources.frequency import zipf

    words = _sentence_words(doc)
    n = sum(1 for w in words if w)
    odd = 0
    for i, w in enumerate(words):
        if not w or len(w) < 4 or not w.isalpha() or not w.islower() or w in STOPWORDS:
            continue
        if zipf(w) > MAX_ZIPF or not has_candidates(w):
            continue
        odd += _is_odd(words, i)
    return odd, n


def density(doc: Document) -> float:
    """Odd words per 1,000 words of ``doc``."""
    odd, n = count(doc)
    return 1000.0 * odd / n if n else 0.0
