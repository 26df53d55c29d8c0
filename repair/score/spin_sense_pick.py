"""Choosing among a spun word's candidates by the document's own sense policy.

A WordNet sense spinner writes, for an original, a lemma of one of its first senses; a
one-click spinner draws from a thesaurus list whose entries share no WordNet synset with
the original as often as not.  The candidate ranker (:mod:`repair.score.spin_rank`)
learned one preference for all spinners.  Within one document the spinner's policy shows
in its confident rows (the word model's probability at or over the word bar): where most
of them (:data:`MIN_SHARE`) restore an original sharing a WordNet 3.0 synset with the
written word, the spinner draws from WordNet senses, and its uncertain rows are re-chosen
by the same sense bins: each candidate's ranker score gains :data:`WEIGHT` times the log
ratio of its sense bin (:func:`~repair.candidates.spin_doc_channel.policy_bin`: the
original's sense rank of the shared synset, and whether it is the written form's first
sense) between the document's confident rows and its rows far under the bar
(:func:`~repair.candidates.spin_doc_channel.policy_ratios`), the row itself left out.

Dev top-1 among rows holding the gold original (``benchmarks/spin_policy_pick.py``, the
ranker's scores before the topic pick; ranker alone -> with the sense term at weight 0.5
where the document's share is >= 0.7): WordNet 0.697 -> 0.777, seeddense 0.616 -> 0.667,
spinbot 0.447 -> 0.449, rare 0.549 -> 0.549, double 0.616 -> 0.616.  Without the share
gate the term costs spinbot (0.447 -> 0.432): its confident rows are mostly Moby pairs.
In the pipeline (``benchmarks/spin_eval.py --split dev``) weight 0.5 beat 1.0 and 2.0 on
precision (WordNet 0.767 / 0.764 / 0.756) at the same or higher error reduction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable

from repair.candidates.spin_doc_channel import POLICY_BASE, policy_bin, policy_ratios
from repair.score.spin_rank import later_sense

#: Ranker log-odds added per nat of the candidate's sense-bin log ratio (dev WordNet error
#: reduction 0.352 -> 0.362 at 0.5, 0.362 at 1.0, 0.356 at 2.0).
WEIGHT = 0.5
#: The share of the document's confident rows whose original shares a WordNet synset with
#: the written word, from which the document's spinner is read as a sense spinner (dev
#: medians: WordNet 1.0, seeddense 1.0, spinbot 0.42, double 0.42, rare 0.15; 0.6 and 0.7
#: gave the same dev top-1).
MIN_SHARE = 0.7
#: Confident rows needed to read the document's policy (as the open policy's sense table).
MIN_ROWS = 8
#: Ranker log-odds added, before the topic re-chooses a row, to each candidate sharing a
#: WordNet synset with the written word only through one of its own later senses
#: (:func:`repair.score.spin_rank.later_sense`), in a document whose confident rows show
#: a spinner that does not draw on WordNet senses (:func:`later_sense_extra`: the sense
#: table does not apply).  The weight is :data:`repair.score.spin_rank.LATER_SENSE`'s
#: leave-one-spinner-out fit (-2.5 to -3.0); in every document it costs seeddense (a sense
#: spinner taking later senses' co-lemmas).  ``python benchmarks/spin_eval.py --all``,
#: off -> -2.75: dev spinbot 0.1639 -> 0.1664 (precision 0.642 -> 0.661), rare 0.4078 ->
#: 0.4154, double 0.3538 -> 0.3583, every other spinner identical (-1.5: 0.1645 / 0.4139
#: / 0.3561; -4.0: 0.1662 / 0.4157 / 0.3593); test (read once) spinbot 0.1415 -> 0.1423
#: (precision 0.589 -> 0.616), rare 0.3653 -> 0.3695, double 0.2923 -> 0.2983, every other
#: spinner identical; clean calibration (``spin_calibrate.py``) and seeds as off.
LATER_SENSE: float | None = -2.75


#: :meth:`SenseTable.extra` keeps each leave-one-out table of ratios it computes: a row's
#: table depends only on its own sense bin and on whether the row is a confident one, a base
#: one or neither (at most 2 x 9 + 1 tables a document), so each is computed once instead of
#: recounting every row of the document at every row read (O(rows) a row: quadratic in a
#: long document; 24 % of ``repair fix``'s CPU on 100 k WordNet-spun words read as one
#: document).  Exact: the same computation on the same counts.  Session 59, speedspin
#: (benchmarks/RESULTS.md).  Off: recounted at every row, as before.
TABLE_MEMO = True


class SenseTable:
    """A document's sense bins: its confident rows' against its base rows'."""

    def __init__(self, conf: Counter[str], base: Counter[str]) -> None:
        self.conf, self.base = conf, base
        #: (the row's bin, "conf" / "base" / None) -> its leave-one-out ratios (TABLE_MEMO)
        self._ratios: dict[tuple[str | None, str | None], dict[str, float]] = {}

    def key(
        self, written: str, original: str, p: float, bar: float
    ) -> tuple[str | None, str | None]:
        """Which leave-one-out table the row (``written`` proposing ``original`` at
        probability ``p``) reads: (its bin, "conf" / "base") or (None, None)."""
        own = policy_bin(written, original)
        side = "conf" if p >= bar else "base" if p < POLICY_BASE else None
        return (own if side is not None else None, side)

    def extra(self, written: str, original: str, p: float, bar: float) -> Callable[[str], float]:
        """The score each candidate of the row (``written`` proposing ``original`` at
        probability ``p``) gains, the row's own bin left out of the table."""
        own = policy_bin(written, original)
        side = "conf" if p >= bar else "base" if p < POLICY_BASE else None
        key = (own if side is not None else None, side)
        ratios = self._ratios.get(key) if TABLE_MEMO else None
        if ratios is None:
            ratios = self._left_out(own, side)
            if TABLE_MEMO:
                self._ratios[key] = ratios
        return lambda cand: WEIGHT * math.log(ratios.get(policy_bin(written, cand.lower()), 1.0))

    def _left_out(self, own: str, side: str | None) -> dict[str, float]:
        """The document's ratios with one row of bin ``own`` left out of ``side``."""
        conf, base = Counter(self.conf), Counter(self.base)
        if side == "conf":
            conf[own] -= 1
        elif side == "base":
            base[own] -= 1
        return policy_ratios(conf.elements(), base.elements())


def confident_share(rows: Iterable[tuple[str, str, float]], bar: float) -> tuple[int, float]:
    """(how many of the document's word-model ``rows`` clear ``bar``, the share of those
    whose original shares a WordNet 3.0 synset with the written word; 0.0 for none).

    >>> confident_share([("purchased", "bought", 0.9), ("purchased", "table", 0.9)], 0.4)
    (2, 0.5)
    """
    conf = [policy_bin(w, o) != "none" for w, o, p in rows if p >= bar]
    return len(conf), sum(conf) / max(len(conf), 1)


def later_sense_extra(
    rows: Iterable[tuple[str, str, float]], bar: float
) -> Callable[[str, str], float] | None:
    """Where a document's spinner is read as one that does *not* draw on WordNet senses
    (at least :data:`MIN_ROWS` confident rows, under :data:`MIN_SHARE` of them sharing a
    synset: the sense table does not apply), the score a candidate gains for sharing a
    synset with the written word only through one of its own later senses
    (:data:`LATER_SENSE`, :func:`repair.score.spin_rank.later_sense`),
    as a function of (written, candidate); None elsewhere or while the flag is off.

    >>> later_sense_extra([("purchased", "bought", 0.9)], 0.4) is None
    True
    """
    weight = LATER_SENSE
    if weight is None:
        return None
    n, share = confident_share(rows, bar)
    if n < MIN_ROWS or share >= MIN_SHARE:
        return None
    return lambda written, cand: weight if later_sense(written, cand.lower()) else 0.0


def sense_table(rows: Iterable[tuple[str, str, float]], bar: float) -> SenseTable | None:
    """The document's :class:`SenseTable` over its word-model ``rows`` (lower-case written
    form, lower-case original, probability), or None where fewer than :data:`MIN_ROWS`
    clear ``bar`` or fewer than :data:`MIN_SHARE` of those share a WordNet sense.

    >>> sense_table([("purchased", "bought", 0.9)], 0.4) is None
    True
    """
    conf: Counter[str] = Counter()
    base: Counter[str] = Counter()
    for written, original, p in rows:
        if p >= bar:
            conf[policy_bin(written, original)] += 1
        elif p < POLICY_BASE:
            base[policy_bin(written, original)] += 1
    n = sum(conf.values())
    if n < MIN_ROWS or 1.0 - conf["none"] / n < MIN_SHARE:
        return None
    return SenseTable(conf, base)
