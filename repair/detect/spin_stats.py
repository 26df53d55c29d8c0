"""Summaries of the spin stage's word evidence for the document spin score.

The spin stage's document model reads the mean and the top five of its word
probabilities; :mod:`repair.detect.spin_document` also reads how they are spread
over the document (:func:`word_stats`): the share of words with a better-fitting,
more frequent synonym, at several strengths, per word of the document.

>>> word_stats([], [], 200)["p_per_100"]
0.0
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.score.spin_model import FEATURES

_GAIN = FEATURES.index("gain")
_CONTEXT = FEATURES.index("context")
_ZIPF_WRITTEN = FEATURES.index("zipf_written")
_ZIPF_ORIGINAL = FEATURES.index("zipf_original")
#: Documents shorter than this count as this long (a short text cannot show a rate).
MIN_WORDS = 150


def word_stats(
    probs: Sequence[float], feats: Sequence[Sequence[float]], n_words: int
) -> dict[str, float]:
    """Per-document summaries of the word probabilities ``probs`` and their feature rows
    ``feats`` (:func:`repair.score.spin_model.word_features`), per 100 words of a
    document of ``n_words`` words (at least :data:`MIN_WORDS`).

    * ``p_per_100``: the sum of the probabilities (expected spun words) per 100 words;
    * ``p_over_{10,20,35}``: words with probability >= 0.10 / 0.20 / 0.35 per 100 words;
    * ``ordinary_per_100``: words whose best original fits better in context (gain > 2
      nats, > 1 beyond unigram frequency) and is more frequent (zipf +0.5) per 100 words;
    * ``rows_per_100``: words with a candidate original at all, per 100 words.

    >>> s = word_stats([0.5, 0.1], [[3.0, 0, 0, 0, 2.0, 0, 3.0, 4.0] + [0.0] * 14] * 2, 100)
    >>> s["p_per_100"], s["p_over_20"], s["ordinary_per_100"]
    (0.4, 0.667, 1.333)
    """
    scale = 100.0 / max(n_words, MIN_WORDS)
    ordinary = sum(
        1
        for x in feats
        if x[_GAIN] > 2.0 and x[_CONTEXT] > 1.0 and x[_ZIPF_ORIGINAL] >= x[_ZIPF_WRITTEN] + 0.5
    )
    return {
        "p_per_100": round(sum(probs) * scale, 3),
        "p_over_10": round(sum(p >= 0.10 for p in probs) * scale, 3),
        "p_over_20": round(sum(p >= 0.20 for p in probs) * scale, 3),
        "p_over_35": round(sum(p >= 0.35 for p in probs) * scale, 3),
        "ordinary_per_100": round(ordinary * scale, 3),
        "rows_per_100": round(len(feats) * scale, 3),
    }


def paraphrase_gains(text: str) -> list[float]:
    """For each wordy paraphrase of ``text`` (:func:`repair.detect.wordy.find`: "prior to",
    "make use of"), how much better its best plain form fits the context, in nats
    (:func:`repair.score.wordy.lm_gain`: the LM on both sides, two words each).

    A phrase spinner writes the paraphrase where the plain word stood, so the plain form
    tends to fit much better there; a writer who chose "prior to" chose it for its place.
    The document spin score reads these gains against clean text's
    (:func:`repair.detect.spin_document.paraphrase_evidence`).

    >>> paraphrase_gains("No paraphrase here.")
    []
    >>> [g > 0 for g in paraphrase_gains("We will do it at this point in time, he said.")]
    [True]
    """
    from repair.detect.wordy import find

    matches = find(text)
    if not matches:
        return []
    from repair.score.wordy import lm_gain

    return [round(max(lm_gain(text, m, p) for p in m.plains), 3) for m in matches]
