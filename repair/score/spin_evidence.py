"""Substitution evidence for any word: does a more ordinary synonym fit here better?

For each content word ``s`` with candidate originals ``o``
(:func:`repair.candidates.spin_synonyms.originals_of`) we measure, with the
trigram LM and two words of context on each side,

* ``gain``: ln P(left o right) - ln P(left s right), the LM gain of the restoration;
* ``unigram``: ln P(o) - ln P(s) without context (how much more ordinary ``o`` is);
* ``context``: ``gain - unigram``, how much better ``o`` fits *this* context
  than its frequency alone explains.  An author chose the written word for its
  context, so in clean text this is about zero or negative; a spinner chose it
  without looking, so the source word's collocations are lost (positive).

The best candidate (by ``gain``) is kept per word.  One pass over the text, one
LM evaluation per candidate: the detector and the decision both read these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from repair.candidates.spin_synonyms import originals_of
from repair.resources.lm import get_lm

#: Candidates examined per word (LM cost is linear in it).
MAX_CANDIDATES = 12


@dataclass(frozen=True)
class WordEvidence:
    """The best restoration of one written word ``text[start:end]`` and its LM evidence."""

    start: int
    end: int
    written: str
    original: str
    gain: float
    unigram: float
    context: float
    n_candidates: int
    margin: float
    #: LM gain of the best original's own word given the left context only (the rest of
    #: ``gain`` comes from the right context reading it).
    left: float = 0.0
    #: Position of the best original in the candidate list (0: WordNet's first sense).
    rank: int = 0


def _lp(words: list[str], left: list[str]) -> float:
    return get_lm().sequence_logprob(words, left)


def word_evidence(
    left: list[str], written: str, right: list[str], originals: tuple[str, ...]
) -> tuple[str, float, float, float]:
    """(best original, its LM gain, its unigram gain, margin over the runner-up).

    Exact for gains above zero: a candidate whose first-word score alone cannot
    beat the runner-up (or zero) is skipped, since the right-context terms only
    lower it (each is a log-probability).
    """
    lm = get_lm()
    s = written.lower()
    base = _lp([s, *right], left)
    hist = [w.lower() for w in left[-2:]]
    best, best_gain, second = "", -1e9, -1e9
    for o in originals:
        if best and lm.logprob(o, hist) - base <= max(second, 0.0):
            continue
        g = _lp([o, *right], left) - base
        if g > best_gain:
            second = best_gain
            best, best_gain = o, g
        elif g > second:
            second = g
    margin = best_gain - second if second > -1e9 else 10.0
    return best, best_gain, lm.logprob(best) - lm.logprob(s), margin


@lru_cache(maxsize=100_000)
def candidates_for(word: str) -> tuple[str, ...]:
    """Candidate originals of a written word (lower-cased), known to the LM, at most
    :data:`MAX_CANDIDATES` (WordNet's first, then Moby's)."""
    lm = get_lm()
    return tuple(o for o in originals_of(word.lower()) if lm.known(o))[:MAX_CANDIDATES]


def evidence(
    start: int, end: int, written: str, left: list[str], right: list[str]
) -> WordEvidence | None:
    """:class:`WordEvidence` for one word, or None when it has no candidate original."""
    origs = candidates_for(written)
    if not origs:
        return None
    best, gain, uni, margin = word_evidence(left, written, right, origs)
    lm = get_lm()
    hist = [w.lower() for w in left[-2:]]
    left_gain = lm.logprob(best, hist) - lm.logprob(written.lower(), hist)
    return WordEvidence(
        start, end, written, best, gain, uni, gain - uni, len(origs), margin,
        left_gain, origs.index(best),
    )  # fmt: skip
