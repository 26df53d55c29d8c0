"""Decide single-word restorations of a paper mill's habits (:mod:`repair.detect.tortured_mill`).

Each written word is decided with the evidence of all its places pooled
(:func:`repair.score.rareword.pooled`); a failure is a reason:

* ``lm_against``: the best habit's context evidence (trigram LM gain plus half the
  book-register pair gain) is below :data:`MIN_GAIN` nats;
* ``ambiguous``: the best habit beats the second by less than :data:`MIN_MARGIN` nats;
* ``sparse``: the document has fewer than :data:`MIN_DOC_WORDS` distinct passing words,
  or fewer than :data:`MIN_PER_1000` per 1,000 words: a mill spins every sentence,
  honest prose uses a few of these ordinary words where a synonym would fit better.

Bars set on the dev half of ``benchmarks/tortured_general_eval.py --abstracts``
(abstracts spun with the dev families' habits, restored knowing only the test
families') and clean dev documents of seven registers (no clean document passes).
"""

from __future__ import annotations

from repair.detect.rareword import RareWord
from repair.score.rareword import Decision, pooled

#: Least context evidence (nats) of the best habit.
MIN_GAIN = 3.0
#: Least score margin (nats) of the best habit over the second.
MIN_MARGIN = 0.5
#: Distinct passing words a document needs, in all and per 1,000 words.
MIN_DOC_WORDS = 5
MIN_PER_1000 = 40.0
#: Confidence of an applied restoration (document-level evidence, not a model).
CONFIDENCE = 0.8


def decide(found: list[RareWord], n_words: int) -> list[Decision]:
    """One decision per found word (the same restoration for every place of a word)."""
    pool = pooled(found)
    reasons = {
        word: "lm_against" if gain < MIN_GAIN else "ambiguous" if margin < MIN_MARGIN else ""
        for word, (_best, gain, margin) in pool.items()
    }
    n_pass = sum(1 for why in reasons.values() if not why)
    dense = n_pass >= MIN_DOC_WORDS and n_words and 1000.0 * n_pass / n_words >= MIN_PER_1000
    out = []
    for r in found:
        why = reasons[r.token.text]
        if why or not dense:
            out.append(Decision(r, False, why or "sparse"))
        else:
            out.append(Decision(r, True, "applied", CONFIDENCE, pool[r.token.text][0]))
    return out
