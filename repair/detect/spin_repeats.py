"""Repeated function phrases: a one-click spinner's fixed rewrite, written again and again.

A phrase spinner rewrites a word the same way wherever it meets it ("if" -> "in the
event that", "around" -> "in the region of"), so a spun document holds the same rare
run of function words several times, where a writer varies the wording or repeats
content ("the oil for food program", "state of the union").  No list of wordy forms:
any run (every window, overlapping ones too) of four or five common words (Zipf >=
:data:`MIN_ZIPF`), all but :data:`MAX_CONTENT` of them function words
(:data:`repair.candidates.spin_synonyms.STOPWORDS`), inside one sentence, that occurs more
than once counts for each repeat by how rare the LM finds the run as a whole (a run clean
prose repeats often, "one of the most", counts little).  The document's value is that sum
per 100 words (:func:`repeat_evidence`), read against clean text by
:mod:`repair.detect.spin_document` (benchmarks/RESULTS.md, "Session 25, phraseauc25":
phrase spinner, its dev families' list rows held out, dev AUC 0.707 -> 0.736; the gain
rests on :data:`MIN_ZIPF` 5.0, at 5.5 it is gone; test 0.784 -> 0.798, but seed test
0.955 -> 0.951, so the cue ships off: :data:`repair.detect.spin_document.REPEAT_WEIGHT` 0.0).

>>> runs, n = repeated_phrases("In the event that it rains we stay. Go in the event that we can.")
>>> sorted(" ".join(g) for g in runs), n
(['in the event that'], 15)
>>> repeat_evidence("A plain sentence. Another plain sentence.")
0.0
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm

#: Run lengths read (words).
MIN_WORDS_RUN = 4
MAX_WORDS_RUN = 5
#: Words of a run that may be other than function words (the noun of "in the event that").
MAX_CONTENT = 1
#: Every word of a run is at least this common (Zipf): function phrases, not topic terms
#: (read once per word: :func:`_kind` caches it).
MIN_ZIPF = 5.0
#: Documents shorter than this count as this long (:data:`repair.detect.spin_stats.MIN_WORDS`).
MIN_DOC_WORDS = 150
#: Runs starting with a coordinator join two phrases rather than form one.
_JOINERS = frozenset({"and", "or", "but"})
#: Punctuation that ends a run, and the words between.
_CUT = re.compile(r"[.,;:!?()\"“”]")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


@lru_cache(maxsize=200_000)
def _kind(word: str) -> int:
    """0: not a common word (a run stops), 1: a function word, 2: another common word."""
    if zipf(word) < MIN_ZIPF:
        return 0
    return 1 if word in STOPWORDS else 2


def repeated_phrases(text: str) -> tuple[Counter[tuple[str, ...]], int]:
    """The function-word runs of ``text`` (module doc) that occur more than once, with their
    counts, and the number of words read.

    >>> runs, n = repeated_phrases("At this point in time we wait. At this point in time, no.")
    >>> sorted(" ".join(g) for g in runs), n  # "point" and "time": two content words
    (['at this point in'], 13)
    >>> repeated_phrases("The oil for food program and the oil for food program.")[0]
    Counter()
    """
    counts: Counter[tuple[str, ...]] = Counter()
    n = 0
    shortest, longest, most = MIN_WORDS_RUN, MAX_WORDS_RUN, MAX_CONTENT
    for piece in _CUT.split(text):
        words = [w.lower() for w in _WORD.findall(piece)]
        size = len(words)
        n += size
        if size < shortest:
            continue
        kinds = [_kind(w) for w in words]
        # ahead[i]: common words from i on (a run cannot pass the first uncommon one)
        ahead = [0] * (size + 1)
        for i in range(size - 1, -1, -1):
            ahead[i] = ahead[i + 1] + 1 if kinds[i] else 0
        for i in range(size - shortest + 1):
            if ahead[i] < shortest or words[i] in _JOINERS:
                continue
            content = 0
            for k in range(i, i + min(ahead[i], longest)):
                content += kinds[k] == 2
                if content > most:
                    break
                if k - i + 1 >= shortest:
                    counts[tuple(words[i : k + 1])] += 1
    return Counter({g: c for g, c in counts.items() if c > 1}), n


def repeat_evidence(text: str) -> float:
    """The document's repeated-function-phrase evidence per 100 words: over the runs of
    :func:`repeated_phrases`, each repeat beyond the first weighted by the run's rarity
    (``-ln P`` of the run under the LM, unconditioned), per 100 words (at least
    :data:`MIN_DOC_WORDS`)."""
    runs, n = repeated_phrases(text)
    if not runs:
        return 0.0
    lm = get_lm()
    total = sum((c - 1) * -lm.sequence_logprob(list(g)) for g, c in runs.items())
    return 100.0 * total / max(n, MIN_DOC_WORDS)
