"""A written span read as its best WordNet original when that reading is strong alone.

:mod:`repair.candidates.spin_phrase` chooses a span's original by the LM over every
source: a loose source (Moby) offers many words that fit a context, so its best word often
beats the tight source's ("arrived at": Moby's "made" over WordNet's "reached"), and the
span rule then declines it or restores the wrong word.  The span's best WordNet original is
kept beside the choice (:class:`~repair.candidates.spin_phrase.TightReading`).  Here it
replaces the choice where it carries the evidence the stage already asks of a WordNet
original rarer than the span (``min_gain`` nats over the span, both sides of the gain for
it) and is no rarer than the span's *content* words by more than ``min_zipf_gain`` (the
function word of "arrived at", "lies in", "pass on" is not what a spinner chose, so the
original is compared with "arrived", not with "at").

Nothing is fitted: the two floors are the stage's own (``PHRASE_WN_RARER_GAIN``,
``PHRASE_WN_MIN_ZIPF_GAIN``, ``PHRASE_MIN_SIDE``, ``PHRASE_MIN_RIGHT``).

>>> from repair.candidates.spin_phrase import PhraseEvidence, TightReading
>>> ph = PhraseEvidence(0, 10, "arrived at", "made", 12.0, 2.0, -1.2, 6.0, 6.0, 8.0,
...                     True, 2, False, TightReading("reached", 9.5, 5.0, 4.5, 0.1))
>>> tight_reading(ph, 8.0, -1.0, 1.0, 0.0).original
'reached'
>>> tight_reading(ph, 10.0, -1.0, 1.0, 0.0) is None
True
"""

from __future__ import annotations

from dataclasses import replace

from repair.candidates.spin_phrase import PhraseEvidence


def tight_reading(
    ph: PhraseEvidence,
    min_gain: float,
    min_zipf_gain: float,
    min_left: float,
    min_right: float,
) -> PhraseEvidence | None:
    """``ph`` read as its best WordNet original (``wordnet`` true, ``zipf_gain`` against
    the content words, ``margin`` its lead over the chosen original or ``ph``'s own
    margin when it is the chosen one), or None where that reading is not strong alone:
    gain under ``min_gain``, left side under ``min_left``, right side (where the sentence
    goes on) under ``min_right``, or content Zipf gain under ``min_zipf_gain``."""
    t = ph.tight
    if t is None or t.gain < min_gain or t.left_gain < min_left:
        return None
    if ph.has_right and t.right_gain < min_right:
        return None
    if t.content_zipf_gain < min_zipf_gain:
        return None
    same = t.original == ph.original
    return replace(
        ph,
        original=t.original,
        gain=t.gain,
        margin=ph.margin if same else t.gain - ph.gain,
        zipf_gain=t.content_zipf_gain,
        left_gain=t.left_gain,
        right_gain=t.right_gain,
        wordnet=True,
    )
