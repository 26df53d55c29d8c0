"""Choosing among a spun word's candidate originals by the document's topic.

The candidate ranker (:mod:`repair.score.spin_rank`) reads two words of context either
side and the pair's static features (source rank, Zipf, WordNet pair, fanout).  Where a
spinner's synonym source is not the one the ranker learned to favour (a one-click spinner
drawing from a large thesaurus list rather than a WordNet sense), it picks a candidate
that fits the two-word window but not the document: "maiden" -> "first" in a story whose
author wrote "new" throughout, "slings" -> "casts" in a story about financial services.

The author's word fits the rest of the document better than the spinner's does
(:func:`repair.score.spin_topic.topic_gain`: mean PMI with the content words of the 150
words either side, against the written word's).  :func:`topic_pick` adds
:data:`TOPIC_WEIGHT` times that topic gain to the ranker score of each candidate within
:data:`WINDOW` of the ranker's best and proposes the best of the sums.

The weight is a conditional-logit fit on the dev halves of five simulated spinners
(spinbot, rare, WordNet, double, seed: the ranker's score as an offset, one free weight);
held out one spinner at a time it stays within 6.3-8.0 and raises every held-out
spinner's top-1 among rows holding the gold original (spinbot 0.455 -> 0.482, rare 0.546
-> 0.570, WordNet 0.699 -> 0.707, double 0.622 -> 0.642; benchmarks/RESULTS.md,
"Session 34, spinpick34").  Static channel features (the written word's place in the
original's Moby list, the list's length, part-of-speech agreement, the WordNet share of
the document's choices) did not carry over between spinners and are not used.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from repair.document import Document
from repair.score.spin_evidence import WordEvidence, _chosen, _columns, rescored
from repair.score.spin_model import MIN_GAIN
from repair.score.spin_topic import row_topic_gains

#: Ranker log-odds added per nat of topic gain (mean PMI, original over written).
TOPIC_WEIGHT = 7.0
#: Only candidates whose ranker score is within this many log-odds of the best, and whose
#: LM gain is positive (a row proposing any other is never applied), are read (no dev row
#: changed with a deficit over 3.4; each read costs a topic look-up).
WINDOW = 4.0


def topic_pick(
    doc: Document,
    w: WordEvidence,
    wanted: Collection[str] | None = None,
    extra: Callable[[str], float] | None = None,
) -> tuple[WordEvidence, float] | None:
    """``w`` re-chosen with the document's topic (its choices carrying the summed scores,
    so :func:`~repair.score.spin_evidence.consistent` reads them too), and the proposed
    original's topic gain.  Read: the candidates within :data:`WINDOW` of the ranker's
    best whose LM gain is positive; the best of them by the sum is proposed.  With
    ``wanted`` (a second reading, which keeps a row only where its proposal is a new
    original): only the ranker's choice and the ``wanted`` candidates in the window are
    read.  None (the row stands) where fewer than two are read or no ``wanted`` candidate
    is in the window.  The row is returned re-scored even where its proposal does not
    change.  ``extra``: a score each candidate gains before the window is read (the
    document's sense policy, :mod:`repair.score.spin_sense_pick`)."""
    choices = w.choices
    if len(choices) < 2:
        return None
    names, gains, scores = _columns(choices)
    if extra is not None:
        scores = [s + extra(n) for n, s in zip(names, scores, strict=True)]
    top = max(scores)
    near = [j for j in range(len(scores)) if scores[j] >= top - WINDOW]
    if wanted is not None:
        # a second reading: only whether a new original overtakes the ranker's choice
        near = [j for j in near if scores[j] == top or names[j] in wanted]
        if not any(names[j] in wanted for j in near):
            return None
    # a candidate whose LM gain is not positive is never applied (spin_model.MIN_GAIN)
    read = [j for j in near if gains[j] > MIN_GAIN]
    if len(read) < 2:
        return None
    got = row_topic_gains(doc, w.written.lower(), [names[j].lower() for j in read], w.start)
    adj = list(scores)
    for j, g in zip(read, got, strict=True):
        adj[j] = scores[j] + TOPIC_WEIGHT * g
    i = max(range(len(read)), key=lambda i: (adj[read[i]], -read[i]))
    row = _chosen(w.start, w.end, w.written, w.n_candidates, rescored(choices, adj), read[i])
    return row, got[i]
