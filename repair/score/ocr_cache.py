"""The article's own vocabulary as evidence: a cache model over the page's words.

A trigram model sees two words either side of a token; an article's topic is wider.  A
report of the police court prints "fined" a dozen times, and where the OCR reads one of
them as "lined" the trigram window ("was lined 5s") says little.  The page says more:
the words an article has printed are likelier to come again than their general
frequency says (a *cache* language model, Kuhn and De Mori 1990).  Interpolated,

    P(w) = LAMBDA * P_general(w) + (1 - LAMBDA) * n_page(w) / N_page,

so a word's log-probability rises by

    bonus(w) = ln(LAMBDA + (1 - LAMBDA) * (n_page(w) / N_page) / P_general(w))

where ``P_general`` is the word's unigram frequency (Zipf scale).  A reading's margin
gains ``bonus(alt)``, capped at :data:`CAP` nats, where the count leaves out the
words inside the reading's own span.  The printed word's own bonus is not taken off: a
page repeats its misprints ("m" for "in", "mid" for "and" several times), and counting
them against the reading cost SMH dev 11 token errors.  Frequent words gain nothing (their
page rate is their general rate); a content word the article uses again gains most.

Only readings of one printed word as one word (the real-word readings of
:mod:`repair.candidates.ocr_realword` and the non-word readings alike) of a word rarer
than :data:`MAX_ZIPF` that a dictionary or name list knows (or that the page prints
:data:`UNKNOWN_MIN_COUNT` times, "Pte"); a non-word's refused reading is carried over
its threshold only when the page prints it :data:`NON_WORD_MIN_COUNT` times (else the
gain only ranks its accepted readings).  Only on pages the garble gate opened: clean text
never reaches the scorer's garbled branch.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from repair.resources.frequency import zipf

#: Switch (the scorer reads it).
CACHE = True
#: Weight of the general model in the interpolation.
LAMBDA = 0.9
#: Largest gain (nats) of a reading's margin (held-out folds of SMH dev, session 21:
#: 2.0 -> 2,194 / 3,018 tokens, 3.0 -> 2,190 / 3,017, 4.0 -> 2,189 / 3,018).
CAP = 3.0
#: Findings whose readings the cache prices (``None``: every one-word reading).
FINDINGS: frozenset[str] | None = None
#: A reading at least this frequent in general (Zipf) gains nothing: the function words
#: every text repeats ("we", "the") are no article's topic.
MAX_ZIPF = 5.0
#: The gain may carry a refused reading of a real word over its threshold ...
REAL_WORDS_OPEN = True
#: ... and of a non-word when the page prints the reading this often (else the gain only
#: ranks a non-word's accepted readings).
NON_WORD_MIN_COUNT = 2
#: A form neither the dictionary nor a name list knows gains only when the page prints
#: it this often ("Pte" in a list of soldiers; a misprint such as "Covony" is rarer).
UNKNOWN_MIN_COUNT = 5
#: Zipf value of a word the frequency list does not know.
FLOOR_ZIPF = 1.0


def opens(features: dict, counts: Counter[str]) -> bool:
    """Whether the page's vocabulary may carry a refused reading (``features`` of its
    candidate) over its threshold: a real word's reading (:data:`REAL_WORDS_OPEN`), a
    non-word's when the page prints the reading :data:`NON_WORD_MIN_COUNT` times; else
    it only ranks the accepted readings."""
    if features.get("orig_known"):
        return REAL_WORDS_OPEN
    return counts.get(features["alt"][0].lower(), 0) >= NON_WORD_MIN_COUNT


def page_counts(words: Iterable[str]) -> Counter[str]:
    """Lower-cased counts of the page's alphabetic words."""
    return Counter(w.lower() for w in words if w.isalpha())


def _bonus(word: str, n: int, total: int) -> float:
    if n <= 0 or total <= 0:
        return math.log(LAMBDA)
    general = 10.0 ** (max(zipf(word), FLOOR_ZIPF) - 9.0)
    return math.log(LAMBDA + (1.0 - LAMBDA) * (n / total) / general)


def _word(text: str) -> bool:
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

    return is_known(text) or get_ngrams().is_name(text)


def cache_gain(
    orig: str, alt: str, counts: Counter[str], total: int, own: Iterable[str] = ()
) -> float:
    """What the page's vocabulary adds to the margin of reading ``orig`` as ``alt``
    (nats, within +-:data:`CAP`); ``counts`` are :func:`page_counts`, ``total`` their sum,
    ``own`` the words printed inside the reading's span (not counted: "cold»" holds
    "cold").  A reading no dictionary or name list knows gains only when the page prints
    it :data:`UNKNOWN_MIN_COUNT` times (a page repeats its misprints: "Covony" beside
    "Coveny")."""
    a = alt.lower()  # the printed word (``orig``) gets no bonus: see the module doc
    n = counts.get(a, 0)
    if n <= 0 or not a.isalpha():
        return 0.0
    n -= sum(1 for w in own if w.lower() == a)
    if n <= 0 or zipf(a) >= MAX_ZIPF:
        return 0.0
    if n < UNKNOWN_MIN_COUNT and not _word(a):
        return 0.0
    gain = _bonus(a, n, total)  # >= 0 here: the page prints the reading
    return max(-CAP, min(CAP, gain))
