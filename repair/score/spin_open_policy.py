"""An unknown spinner's sense policy, read off its own document.

:mod:`repair.candidates.spin_doc_channel` reads which WordNet senses a spinner takes its
synonyms from (:func:`~repair.candidates.spin_doc_channel.policy_bin`) where the profile
knows the spinner's family.  The same reading carries to a spinner no profile knows: in a
document the word model opens, its restorations over the bar are that spinner's pairs
and its rows far under the bar are the author's own words.  Where a sense bin is much
more frequent among the former (the document's likelihood ratio, add-one smoothed), a
word-model row under the bar in that bin has its odds multiplied by the ratio (Bayes:
the model's probability is the prior) and is kept where it then clears the bar.

Nothing is fitted on any evaluation text: the table is re-read in every document, so a
spinner whose synonyms come from the senses an unspun word's best candidate comes from
gets ratios near 1 and no relief.  Two guards make the ratio the document's and not
chance: at least :data:`MIN_CONFIRMED` rows over the bar in all, and at least
:data:`MIN_BIN` of them in the row's own bin (a bin seen once or twice among few
confirmed rows reaches a ratio of 2 by add-one smoothing alone: the rare-word spinner's
losses on dev, benchmarks/RESULTS.md, session 25 "spinrank25").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from repair.candidates.spin_doc_channel import (
    MIN_CONFIRMED,
    POLICY_BASE,
    policy_bin,
    policy_ratios,
    with_ratio,
)

#: Rows over the bar a bin needs before its ratio relieves a row.
MIN_BIN = 5
#: The ratio a bin must reach for relief (the profile channel's ``POLICY_MIN_RATIO``).
MIN_RATIO = 2.0
#: A relieved row's own probability is at least this (the profile channel's ``FLOOR``).
FLOOR = 0.1


@dataclass(frozen=True)
class OpenPolicy:
    """One document's sense-bin ratios and how many confirmed rows each bin holds."""

    ratios: dict[str, float]
    confirmed: Counter[str]

    def ratio(self, written: str, original: str) -> tuple[str, float]:
        """The pair's bin and its ratio (1.0 where the bin is unread or too thin)."""
        b = policy_bin(written, original)
        if self.confirmed[b] < MIN_BIN:
            return b, 1.0
        return b, self.ratios.get(b, 1.0)

    def relieved(self, p: float, bar: float, written: str, original: str) -> float | None:
        """The ratio that lifts a row of probability ``p`` (under ``bar``, at least
        :data:`FLOOR`) over ``bar``, or None.

        >>> t = OpenPolicy({"o1w0": 4.0}, Counter({"o1w0": 6}))
        >>> t.relieved(0.2, 0.4, "purchased", "bought") is None  # o0w0: no ratio
        True
        """
        if p >= bar or p <= 0.0 or p < FLOOR:
            return None
        _b, r = self.ratio(written, original)
        if r < MIN_RATIO or with_ratio(p, r) < bar:
            return None
        return r


def open_policy(rows: Iterable[tuple[str, str, float]], bar: float) -> OpenPolicy | None:
    """The document's :class:`OpenPolicy` from its word-model rows ``(written, original,
    probability)``: rows at or over ``bar`` against rows under
    :data:`~repair.candidates.spin_doc_channel.POLICY_BASE`; None with fewer than
    :data:`~repair.candidates.spin_doc_channel.MIN_CONFIRMED` rows over the bar.

    >>> open_policy([("purchased", "bought", 0.9)], 0.5) is None
    True
    """
    conf, base = [], []
    for written, original, p in rows:
        if p >= bar or p < POLICY_BASE:
            (conf if p >= bar else base).append(policy_bin(written, original))
    if len(conf) < MIN_CONFIRMED:
        return None
    return OpenPolicy(policy_ratios(conf, base), Counter(conf))
