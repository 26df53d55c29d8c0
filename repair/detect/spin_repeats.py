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
rests on :data:`MIN_ZIPF` 5.0, at 5.5 it is gone).

>>> runs, n = repeated_phrases("In the event that it rains we stay. Go in the event that we can.")
>>> sorted(" ".join(g) for g in runs), n
(['in the event that'], 15)
>>> repeat_evidence("A plain sentence. Another plain sentence.")
0.0
"""

from __future__ import annotations

import re
from collections import Counter

from repair.candidates.spin_synonyms import STOPWORDS
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm

#: Run lengths read (words).
MIN_WORDS_RUN = 4
MAX_WORDS_RUN = 5
#: Words of a run that may be other than function words (the noun of "in the event that").
MAX_CONTENT = 1
#: Every word of a run is at least this common (Zipf): function phrases, not topic terms.
MIN_ZIPF = 5.0
#: Documents shorter than this count as this long (:data:`repair.detect.spin_stats.MIN_WORDS`).
MIN_DOC_WORDS = 150
#: Runs starting with a coordinator join two phrases rather than form one.
_JOINERS = frozenset({"and", "or", "but"})
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[.,;:!?()\"“”]")


def _sentences(text: str) -> list[list[str]]:
    """Lower-case words of ``text``, cut at punctuation (a run never crosses it)."""
    out: list[list[str]] = []
    cur: list[str] = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w[0].isalpha():
            cur.append(w.lower())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def repeated_phrases(text: str) -> tuple[Counter[tuple[str, ...]], int]:
    """The function-word runs of ``text`` (module doc) that occur more than once, with their
    counts, and the number of words read.

    >>> runs, n = repeated_phrases("At this point in time we wait. At this point in time, no.")
    >>> sorted(" ".join(g) for g in runs), n  # "point" and "time": two content words
    (['at this point in'], 13)
    >>> repeated_phrases("The oil for food program and the oil for food program.")[0]
    Counter()
    """
    common: dict[str, bool] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    n = 0
    for words in _sentences(text):
        n += len(words)
        for i in range(len(words)):
            if words[i] in _JOINERS:
                continue
            content = 0
            for k in range(i, min(i + MAX_WORDS_RUN, len(words))):
                w = words[k]
                ok = common.get(w)
                if ok is None:
                    ok = common[w] = zipf(w) >= MIN_ZIPF
                if not ok:
                    break
                content += w not in STOPWORDS
                if content > MAX_CONTENT:
                    break
                if k - i + 1 >= MIN_WORDS_RUN:
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
