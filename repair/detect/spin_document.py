"""The document spin score users read: the spin stage's score joined with wordy phrases.

The spin stage scores a document by its synonym swaps (:mod:`repair.detect.spin`); a
phrase spinner ("in order to" for "to", "a large number of" for "many") swaps few
words and goes nearly unseen there, but the collocation stage that runs after it reads
that evidence (wordy-paraphrase density, restorable terms:
:mod:`repair.stages.collocation`).  :attr:`repair.types.DocScores.spin` is the two
joined by :func:`document_score`; the spin stage's own score, which gates its edits, is
kept in ``scores.details["spin_score"]`` and no edit changes.

The rule, chosen on the dev halves only (benchmarks/RESULTS.md, "Document spin score"):
a noisy-OR ``1 - (1 - spin) * (1 - w * collocation)`` (weight ``w`` =
:data:`COLLOCATION_WEIGHT`), then a monotone piecewise-linear map sending
:data:`SPUN_AT` to 0.5, so that 0.5 still means spun: :data:`SPUN_AT` is the
noisy-OR value with as many clean dev documents of ``benchmarks/spin_calibrate.py`` at or
above it as the spin stage's score had at or above 0.5 (17 of 1,339).  The map keeps
the ranking of the noisy-OR (its ROC AUC) and the clean false-positive rate.

>>> document_score(0.0, 0.0), document_score(1.0, 0.0)
(0.0, 1.0)
>>> document_score(SPUN_AT, 0.0)
0.5
"""

from __future__ import annotations

#: Weight of the collocation stage's score in the noisy-OR (dev: 0.8 keeps the WordNet
#: spinner's recall at 0.5 and gives the phrase spinner's AUC within 0.002 of 1.0).
COLLOCATION_WEIGHT = 0.8
#: The noisy-OR value reported as 0.5 (module doc; dev clean documents).
SPUN_AT = 0.66


def document_score(spin: float, collocation: float) -> float:
    """The document spin score (0-1, 0.5 or more = spun) from the spin stage's score
    and the collocation stage's.

    >>> round(document_score(0.3, 0.4), 3), round(document_score(0.6, 0.7), 3)
    (0.397, 0.741)
    """
    joined = 1.0 - (1.0 - spin) * (1.0 - COLLOCATION_WEIGHT * collocation)
    if joined < SPUN_AT:
        return 0.5 * joined / SPUN_AT
    return 0.5 + 0.5 * (joined - SPUN_AT) / (1.0 - SPUN_AT)
