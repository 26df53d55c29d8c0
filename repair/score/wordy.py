"""Decide wordy-paraphrase restorations (:mod:`repair.detect.wordy`).

Each paraphrase is ordinary English, so the decision is made by the document first:

* ``sparse``: fewer than :data:`MIN_MATCHES` paraphrases, or a count not unlikely
  enough under clean English: :func:`document_score` (a Poisson likelihood ratio of the
  count, phrase-spun rate against the clean rate) below :data:`MIN_SCORE`, i.e. 4
  paraphrases in a document of up to ~760 words, 5 up to ~1,200 words.  Clean text of every
  register here has at most 4 per document (483 in 1.59 M words); a phrase-spun dev
  document of ``benchmarks/spin_eval.py`` 1-16;
* ``lm_against``: the plain form fits its context (two words before, two after)
  worse than the paraphrase by more than :data:`MAX_LOSS` nats (the LM's per-word
  costs favour the shorter form, so a loss means the paraphrase belongs there:
  "take a look at" in "take a look at this").

Among several plain forms ("regularly" / "often") the LM's best is kept.
``confidence = 0.55 + 0.3·clip((density − 6) / 10) + 0.1·clip(gain / 5)`` (density per
1,000 words).
"""

from __future__ import annotations

import math

from repair.detect.wordy import Match
from repair.score import clip

#: Least paraphrases a document can be restored with (the detector's cheap gate; three
#: in a short honest text happen: ``neg_few_paraphrases`` in ``tests/cases/collocation.json``).
MIN_MATCHES = 4
#: Least document score (:func:`document_score`) before any paraphrase is restored (set on
#: the dev rows: with 4 paraphrases at least, phrase dev 0.539; the old gate of 5
#: paraphrases and 6 per 1,000 words 0.493).
MIN_SCORE = 0.9
#: Density (per 1,000 words) where the confidence starts to rise.
DENSITY_BASE = 6.0
#: Most LM loss (nats) of the plain form in context.
MAX_LOSS = 0.0
#: Paraphrases per word in clean English: 483 in 1.59 M words of seven registers
#: (``benchmarks/spin_sim/corpus.py``: news, WSJ, speeches, web text, Lee; 0.30 per 1,000).
CLEAN_RATE = 0.0003
#: ... and in phrase-spun text: the dev documents of ``benchmarks/spin_eval.py`` (6.9 per 1,000).
SPUN_RATE = 0.007
#: Log-likelihood ratio at which the document score is 0.5, and its scale (nats): set on
#: the dev rows of ``benchmarks/spin_eval.py`` so that the noisy-OR with the spin score
#: detects phrase-spun documents without losing the other spinners (2 paraphrases in
#: 500 words give 0.49; 2 % of clean documents here have 2 or more).
LLR_MIDPOINT = 3.0
LLR_SCALE = 2.0


def _words(s: str) -> list[str]:
    return s.lower().split()


def lm_gain(text: str, m: Match, plain: str) -> float:
    """ln-prob of the plain form (and two words after) minus the paraphrase's, in context."""
    from repair.resources.lm import get_lm

    lm = get_lm()
    before = _words(text[max(0, m.start - 60) : m.start])[-2:]
    after = [w.strip(".,;:!?\"'()") for w in _words(text[m.end : m.end + 60])[:2]]
    after = [w for w in after if w]
    new = lm.sequence_logprob([*_words(plain), *after], before)
    old = lm.sequence_logprob([*_words(m.written), *after], before)
    return new - old


def evidence(n_matches: int, n_words: int) -> float:
    """Poisson log-likelihood ratio (nats) of ``n_matches`` paraphrases in ``n_words``
    words under the phrase-spun rate against the clean rate.

    >>> round(evidence(0, 500), 2), round(evidence(8, 800), 2)
    (-3.35, 19.84)
    """
    return n_matches * math.log(SPUN_RATE / CLEAN_RATE) - n_words * (SPUN_RATE - CLEAN_RATE)


def document_score(n_matches: int, n_words: int) -> float:
    """How likely the document went through a phrase spinner, in [0, 1]: the logistic
    of :func:`evidence` (0.5 at :data:`LLR_MIDPOINT` nats); 0 without a paraphrase.  The
    hook for a document spin score: ``1 - (1 - spin) * (1 - score)``.

    >>> document_score(0, 500) < 0.01 < 0.99 < document_score(8, 800)
    True
    """
    if n_matches == 0:
        return 0.0
    z = (evidence(n_matches, n_words) - LLR_MIDPOINT) / LLR_SCALE
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def decide(text: str, n_words: int, matches: list[Match]) -> list[tuple[Match, str, float, float]]:
    """``(match, plain, gain, confidence)`` for each paraphrase to restore."""
    if len(matches) < MIN_MATCHES or n_words == 0:
        return []
    if document_score(len(matches), n_words) < MIN_SCORE:
        return []
    density = 1000.0 * len(matches) / n_words
    out = []
    for m in matches:
        gain, plain = max((lm_gain(text, m, p), p) for p in m.plains)
        if gain < -MAX_LOSS:
            continue
        conf = 0.55 + 0.3 * clip((density - DENSITY_BASE) / 10) + 0.1 * clip(gain / 5)
        out.append((m, plain, gain, round(conf, 4)))
    return out
