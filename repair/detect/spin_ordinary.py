"""A source-free spin gate cue: how often a more ordinary word would fit better.

A one-click spinner swaps most replaceable words for any synonym of any rank, so a spun
document is dense in written words that a clearly commoner word would fit better: the
spin stage's first reading proposes for them an original at least :data:`ZIPF_LEAD`
Zipf more frequent than the written word with an LM gain of at least :data:`MIN_GAIN`
nats.  A writer chooses a rarer word now and then; a spinner at every other word.

:func:`ordinary_density` is the number of such rows per written word (documents shorter
than :data:`MIN_WORDS` count as that long, so a short text needs as many rows as a
:data:`MIN_WORDS`-word one).  The spin stage opens its word gate
(:data:`ORDINARY_GATE`, read by :func:`repair.stages.spin._ordinary_gate`) where the
density reaches :data:`GATE_AT` under the document model's own gate.  No list of a
spinner is read: the rows are the stage's general ones (WordNet, Moby), the evidence
the LM's and word frequency's.

Session 60, spinbot (benchmarks/RESULTS.md, "Session 60, spinbot"): the 7 spinbot dev
documents the word gate keeps shut hold 0.053-0.133 rows per word against a maximum of
0.107 over 398 clean dev documents the gate keeps shut (AUC 0.960, two above the clean
maximum; the document model's score 0.915, none; ``benchmarks/spin_shut_ordinary.py``).
Shipped off (:data:`ORDINARY_GATE`).
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.resources.frequency import zipf
from repair.score.spin_evidence import WordEvidence

#: Open the word gate where the cue reaches :data:`GATE_AT` (False: off).  Session 60,
#: shipped off: dev spinbot 0.2337 -> 0.2354 (precision 0.682 -> 0.675, 2 more documents
#: opened), but distrib 0.0000 -> -0.0016 and distrib1 -0.0008 -> -0.0025 (their documents
#: open on the same cue), every other dev row identical.
ORDINARY_GATE = False
#: A row counts where its original is at least this much more frequent (Zipf) ...
ZIPF_LEAD = 1.0
#: ... and fits at least this much better (LM gain, nats).
MIN_GAIN = 2.0
#: Documents shorter than this many words count as this long.
MIN_WORDS = 150
#: The gate opens at this many rows per written word.
GATE_AT = 0.11


def ordinary_density(words: Sequence[WordEvidence], n_words: int) -> float:
    """Rows whose original is a clearly commoner word that fits better, per word.

    >>> from repair.score.spin_evidence import WordEvidence as W
    >>> rows = [W(0, 9, "pinnacles", "tops", 3.0, 1.0, 2.0, 3, 1.0),
    ...         W(20, 25, "large", "big", 3.0, 1.0, 2.0, 3, 1.0)]
    >>> round(ordinary_density(rows, 100), 4)  # "large" is as common as "big"
    0.0067
    >>> ordinary_density(rows[:1], 300)
    0.0033333333333333335
    """
    n = sum(
        1
        for w in words
        if w.gain >= MIN_GAIN and zipf(w.original.lower()) >= zipf(w.written.lower()) + ZIPF_LEAD
    )
    return n / max(n_words, MIN_WORDS)


def opens(density: float) -> bool:
    """Whether the cue ``density`` (:func:`ordinary_density`) opens the word gate."""
    return ORDINARY_GATE and density >= GATE_AT
