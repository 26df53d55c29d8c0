"""Document score from the density of odd collocations (:mod:`repair.detect.tortured_odd`).

A thesaurus spinner breaks the word pairs of its source ("preparation data" for
"training data"); :func:`document_score` maps odd words per 1,000 words to a score in
(0, 1): ``1 / (1 + exp(-(density - CENTRE) / SCALE))``.  Clean dev documents of the
registers of ``benchmarks/spin_eval.py`` have at most ~80 odd words per 1,000 (clean
abstracts at most ~62), synonym-spun dev abstracts a median of ~77 and up to ~190, so
the score is 0.5 at :data:`CENTRE` (set on the dev halves with the combined document
score ``1 - (1 - spin)(1 - collocation)``: tortured abstracts AUC 0.872 -> 0.903, phrase
0.940 -> 0.937, WordNet 0.971 -> 0.969).

>>> round(document_score(100.0), 2), round(document_score(40.0), 3)
(0.5, 0.047)
"""

from __future__ import annotations

import math

#: Odd words per 1,000 words giving score 0.5.
CENTRE = 100.0
#: Odd words per 1,000 words per unit of log-odds.
SCALE = 20.0


def document_score(per_1000: float) -> float:
    """Score of a document with ``per_1000`` odd collocations per 1,000 words."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, (per_1000 - CENTRE) / SCALE))))
