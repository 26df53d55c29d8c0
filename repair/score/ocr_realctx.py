"""Real-word readings decided by a mixed context model: the modern trigram and the period
table's bigrams on both sides, interpolated per word (issue 12, session 15).

A real word printed for another ("lined" for "fined", "paving" for "paying", "tour" for
"four") is decided by how much likelier the reading makes its window than the print:

    gain = sum_k ln P_mix(w_k | history) [reading] - sum_k ln P_mix(w_k | history) [print]
    P_mix(w | h) = LAM * P_trigram(w | h[-2:]) + (1 - LAM) * P_period(w | h[-1])

over the reading's words and the two words after it (so both sides count: the words
after are scored given the reading).  The trigram model (:mod:`repair.resources.lm`) is
modern news; the period table (:mod:`repair.score.ngrams`) counts books and addresses of
1611-2006: "paying" and "persons" are common there in the places a 1940 newspaper uses
them.  Mixed in probability, not added in log space: one model's near-zero no longer
decides alone, and two models that agree are not counted twice (session 9 added the
period bigram's log-probability to the margin: not confirmed on both folds).

The margin is then the noisy channel's log posterior ratio as before,
``gain - channel cost(print | reading) - prior(print)``, on the reading's own threshold.
Only readings of one known word as one known word (:data:`FINDINGS`), on garbled pages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Switch (the scorer reads it).
MIXED = False
#: Weight of the modern trigram in the interpolation.
LAM = 0.8
#: Findings whose decisions use the mixed model.
FINDINGS: frozenset[str] = frozenset({"realword"})

_memo: dict[tuple[str | None, ...], float] = {}
_MEMO_MAX = 200_000


def window_logprob(words: Sequence[str], prev: Sequence[str], nxt: Sequence[str]) -> float:
    """ln P_mix of ``words`` then ``nxt`` (at most two) after ``prev`` (at most two)."""
    after = list(nxt[:2])
    before = list(prev[-2:])
    key = (*words, None, *before, None, *after)
    lp = _memo.get(key)
    if lp is not None:
        return lp
    from repair.resources.lm import get_lm
    from repair.score.ngrams import get_ngrams

    lm, table = get_lm(), get_ngrams()
    hist = before
    total = 0.0
    lam = LAM
    for w in (*words, *after):
        p_lm = math.exp(lm.logprob(w, hist))
        p_ng = math.exp(table.bigram_logprob(hist[-1], w) if hist else table.unigram_logprob(w))
        total += math.log(lam * p_lm + (1.0 - lam) * p_ng)
        hist = [*hist[-1:], w]
    if len(_memo) >= _MEMO_MAX:
        _memo.clear()
    _memo[key] = total
    return total


def mixed_gain(
    orig: Sequence[str], alt: Sequence[str], prev: Sequence[str], nxt: Sequence[str]
) -> float:
    """The mixed model's gain of reading ``orig`` as ``alt`` between ``prev`` and ``nxt``."""
    return window_logprob(alt, prev, nxt) - window_logprob(orig, prev, nxt)
