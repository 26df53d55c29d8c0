"""The spinner's channel fitted on one document's confirmed pairs, applied to its other words.

A dictionary spinner swaps a word for a synonym its dictionary lists, and the way that
dictionary relates a written word to its original (sharing a WordNet sense, or only a
loose thesaurus link) is a habit of the spinner, not of the word.  Where a document is
known to be one spinner's (the profile's gate, or the seed family's, is open), its
*confirmed* pairs show that habit: the profile's pairs that occur in it and the words the
word model restores above its bar.  :func:`channel_ratio` compares how often a confirmed
pair's original shares a WordNet 3.0 synset with the written word against how often the
written word's *other* candidate originals do (add-one smoothed): the likelihood ratio of
"shares a sense" under the spinner against the candidate list.

:func:`relieved` applies it to the unlisted words of the same document: a word-model row
under the bar whose original shares a sense with the written word has its odds
multiplied by that ratio (Bayes: the model's probability is the prior, the document's
channel the likelihood), and is kept where the result clears the bar and its own
probability is at least :data:`FLOOR`.  Nothing is read from any evaluation text; the
ratio is re-fitted for each document, so a spinner whose confirmed pairs do not share
senses more than chance (ratio under :data:`MIN_RATIO`) gets no relief, and a document
whose words outside the profile the word model hardly restores (:func:`dense_enough`: a
sparse document the profile explains) none either.

:func:`policy_ratios` reads which senses the spinner takes its synonyms from (the
original's sense rank of the shared synset, :func:`policy_bin`): in the same document, the
bins of the word model's restorations over the bar (the dictionary past the profile)
against those of its rows far under it (the unspun words).  A row under the bar that the
binary channel does not keep has its odds multiplied by its bin's ratio
(:func:`policy_relieved`), and a row over the bar whose bin the document disfavours
likewise (``repair.stages.spin._policy_declined``).  A spinner that takes synonyms from
the senses an unspun word's best candidate comes from (the first, mostly) gives ratios
near 1 and no relief.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from repair.candidates.spin_channel import sense_ranks, wordnet_shared
from repair.score.spin_evidence import candidates_for

#: Confirmed one-word pairs (with the original among the written word's candidates) a
#: document needs before its channel is read.
MIN_CONFIRMED = 8
#: The ratio a document's channel must reach for any relief.
MIN_RATIO = 2.0
#: A relieved row's own probability is at least this.
FLOOR: float | None = 0.1
#: Word-model restorations (over the bar) per word a document needs: the spinner's
#: dictionary is seen to be larger than the profile.  On dev, sparse ``seed`` documents
#: (the profile's own families, ~5 % of words) have 0-0.006, dense ones 0-0.075 (36 of
#: 40 at 0.01 or more); the relief cost the sparse row 0.659 -> 0.643 without this.
MIN_UNLISTED = 0.01


def dense_enough(unlisted: int, words: int) -> bool:
    """Whether ``unlisted`` word-model restorations in ``words`` words show habits past
    the profile (:data:`MIN_UNLISTED` per word).

    >>> dense_enough(5, 300), dense_enough(1, 300)
    (True, False)
    """
    return unlisted >= MIN_UNLISTED * max(words, 1)


def shares_sense(written: str, original: str) -> bool:
    """Whether the lower-case forms share a WordNet 3.0 synset.

    >>> shares_sense("purchased", "bought"), shares_sense("purchased", "table")
    (True, False)
    """
    return wordnet_shared(written, original) > 0


def channel_ratio(pairs: Iterable[tuple[str, str]]) -> float | None:
    """The likelihood ratio of a shared sense for the (written, original) ``pairs``
    confirmed in one document, against the written words' other candidate originals;
    None below :data:`MIN_CONFIRMED` usable pairs (one word each, original a candidate).

    >>> channel_ratio([("purchased", "bought")]) is None
    True
    """
    n = hit = alt_n = alt_hit = 0
    for written, original in set(pairs):
        if " " in written or " " in original:
            continue
        cands = candidates_for(written)
        if original not in cands:
            continue
        n += 1
        hit += shares_sense(written, original)
        for other in cands:
            if other != original:
                alt_n += 1
                alt_hit += shares_sense(written, other)
    if n < MIN_CONFIRMED:
        return None
    return ((hit + 1) / (n + 2)) / ((alt_hit + 1) / (alt_n + 2))


def relieved(p: float, bar: float, ratio: float | None) -> bool:
    """Whether a row of probability ``p`` under ``bar`` whose original shares a sense with
    the written word clears ``bar`` once its odds carry the document's channel ``ratio``.

    >>> relieved(0.2, 0.4, 4.0), relieved(0.05, 0.4, 4.0), relieved(0.2, 0.4, None)
    (True, False, False)
    """
    if ratio is None or ratio < MIN_RATIO or p >= bar or p <= 0.0:
        return False
    if FLOOR is not None and p < FLOOR:
        return False
    return with_ratio(p, ratio) >= bar


def with_ratio(p: float, ratio: float) -> float:
    """Probability ``p`` (< 1) with its odds multiplied by ``ratio`` (a Bayes step).

    >>> round(with_ratio(0.2, 3.0), 3)
    0.429
    """
    odds = p / (1.0 - p) * ratio
    return odds / (1.0 + odds)


#: Rows of the word model under this probability stand for the document's unspun words:
#: the reference of :func:`policy_ratios`.  Dev (seeddense dev-unseen): 0.01 0.119,
#: 0.02 0.124, 0.05 0.118.
POLICY_BASE = 0.02
#: A sense bin's ratio must reach this for relief (1.5 and 3 gave the same on dev).
POLICY_MIN_RATIO = 2.0
#: The sense bins (:func:`policy_bin`), for add-one smoothing.
POLICY_BINS = 9


def policy_bin(written: str, original: str) -> str:
    """Which senses a (written, original) pair was taken from: the original's sense rank
    of their best shared WordNet 3.0 synset (0, 1, 2, 3 or later) and whether it is the
    written form's first sense, or ``none`` (:func:`~repair.candidates.spin_channel.sense_ranks`).

    >>> policy_bin("purchased", "bought"), policy_bin("purchased", "table")
    ('o0w0', 'none')
    """
    r = sense_ranks(written, original)
    return "none" if r is None else f"o{min(r[0], 3)}w{min(r[1], 1)}"


def policy_ratios(confirmed: Iterable[str], base: Iterable[str]) -> dict[str, float]:
    """Per sense bin, the likelihood ratio of the bins of a document's ``confirmed`` rows
    (restored over the bar: the spinner's dictionary past the profile) against those of
    its ``base`` rows (under :data:`POLICY_BASE`: its unspun words), add-one smoothed.

    >>> r = policy_ratios(["o1w0"] * 6 + ["o0w0"] * 2, ["o0w0"] * 6 + ["o1w0"])
    >>> r["o1w0"] > 2 > 1 > r["o0w0"]
    True
    """
    conf, ref = Counter(confirmed), Counter(base)
    nc, nr = sum(conf.values()), sum(ref.values())
    return {
        k: ((conf[k] + 1) / (nc + POLICY_BINS)) / ((ref[k] + 1) / (nr + POLICY_BINS))
        for k in conf.keys() | ref.keys()
    }


def policy_relieved(p: float, bar: float, ratio: float) -> bool:
    """Whether a row of probability ``p`` under ``bar`` (and at least :data:`FLOOR`)
    clears ``bar`` once its odds carry its sense bin's ``ratio`` (at least
    :data:`POLICY_MIN_RATIO`).

    >>> policy_relieved(0.2, 0.4, 3.0), policy_relieved(0.2, 0.4, 1.5)
    (True, False)
    """
    if ratio < POLICY_MIN_RATIO or p >= bar or p <= 0.0:
        return False
    if FLOOR is not None and p < FLOOR:
        return False
    return with_ratio(p, ratio) >= bar
