"""A source-free spin cue: the share of content words that fit their context worse than
their frequency predicts (the trigram LM, both sides).

Every other word cue of the document spin score (:mod:`repair.detect.spin_document`)
reads a synonym source (a word counts when WordNet, Moby or a profile offers a
better-fitting, more ordinary original), so a spinner with a thesaurus of its own goes
unseen: on ``benchmarks/spin_eval.py --spinner distrib`` (distributional neighbours, no
WordNet or Moby) main's AUC is 0.586 dev.  This cue reads no synonym source.  For each
content word ``w`` (lower case, three letters or more, no stop word) with ``h2 h1``
before it and ``r1`` after it in one sentence:

    fit(w) = [ln P(w | h2 h1) - ln P(w)] + [ln P(r1 | h1 w) - ln P(r1 | h1)]

how much more the left context expects ``w`` than its frequency does, and how much
``w`` helps predict the next word.  A writer's words mostly fit (fit >= 0); a spinner's
swapped words, written without reading the context, often do not.  The cue is the share
of content words with fit below :data:`FIT_BELOW` (benchmarks/spin_misfit.py: dev AUC
alone, spun against the same documents clean, distrib 0.848, spinbot 0.931, WordNet
0.765; it does not see the rare, phrase and seed spinners, whose cues are elsewhere).

A narrower form, :func:`common_misfit_share`, counts only common content words (Zipf >=
:data:`COMMON_ZIPF`) followed by a word of the same sentence: the LM's estimates for them
are sound, scientific and technical vocabulary (which the news-trained LM reads as
misfit) stays out, and a text needs :data:`MIN_WORDS` such words (short texts and
abstracts get 0.0).  It enters the document score capped under the cut
(:data:`repair.detect.spin_document.COMMON_MISFIT_WEIGHT`, shipped off; benchmarks/RESULTS.md,
"Session 40, spinphrase40").

It enters :func:`repair.detect.spin_document.surprise` weighed by
:data:`repair.detect.spin_document.MISFIT_WEIGHT`, read against clean dev documents
(:data:`repair.detect.spin_document.MISFIT_TAIL`); the weight keeps the cue alone under the
cut up to the clean dev maximum.  It changes the score users read, never an edit.
"""

from __future__ import annotations

import re

from repair.resources.lm import get_lm

#: A content word counts as misfit below this fit (nats; dev: -1.0 of -4, -2, -1, 0).
FIT_BELOW = -1.0
#: :func:`common_misfit_share` reads content words of at least this Zipf frequency (dev: 5.0
#: of 3.5, 4, 4.5, 5; lower bars let scientific abstracts' clean misfit in).
COMMON_ZIPF = 5.0
#: Documents with fewer content words than this get no misfit share (0.0).
MIN_WORDS = 30
_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*|\d+(?:[.,]\d+)*|\s+|[^\w\s]|\w+")
_WORD = re.compile(r"[A-Za-z]+")
_BREAK = re.compile(r"[.!?;:()\[\]\"“”—]")


def _stopwords() -> frozenset[str]:
    from repair.candidates.spin_synonyms import STOPWORDS

    return STOPWORDS


def fits(text: str) -> list[float]:
    """The context fit (module doc) of every lower-case content word of ``text``."""
    return [fit for fit, _w, _right in _fits(text)]


def words_kinds(text: str) -> tuple[list[str], list[int]]:
    """Lower-case words ("" for a sentence break) and their kinds: 0 break, 1 capitalised,
    2 stop word, 3 content word (lower case, three letters or more), 4 other."""
    stop = _stopwords()
    words: list[str] = []
    kinds: list[int] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if _WORD.fullmatch(t):
            low = t.lower()
            words.append(low)
            if not t.islower():
                kinds.append(1)
            elif low in stop:
                kinds.append(2)
            elif len(t) >= 3:
                kinds.append(3)
            else:
                kinds.append(4)
        elif _BREAK.fullmatch(t) or "\n\n" in t:
            words.append("")
            kinds.append(0)
    return words, kinds


def history(words: list[str], k: int) -> list[str]:
    """The (up to) two words before ``words[k]`` in its sentence ("" breaks it)."""
    h: list[str] = []
    for j in (k - 1, k - 2):
        if j < 0 or not words[j]:
            break
        h.insert(0, words[j])
    return h


def _fits(text: str) -> list[tuple[float, str, bool]]:
    """(fit, word, whether a word of the same sentence follows) per content word."""
    lm = get_lm()
    words, kinds = words_kinds(text)
    out: list[tuple[float, str, bool]] = []
    for k, w in enumerate(words):
        if kinds[k] != 3:
            continue
        h = history(words, k)
        fit = lm.logprob(w, h) - lm.logprob(w)
        right = k + 1 < len(words) and bool(words[k + 1])
        if right:
            r1, h1 = words[k + 1], h[-1:]
            fit += lm.logprob(r1, [*h1, w]) - lm.logprob(r1, h1)
        out.append((fit, w, right))
    return out


def misfit_share(text: str) -> float:
    """The share of ``text``'s content words with fit below :data:`FIT_BELOW` (0.0 for a
    text of fewer than :data:`MIN_WORDS` content words).

    >>> misfit_share("Too short.")
    0.0
    """
    f = fits(text)
    if len(f) < MIN_WORDS:
        return 0.0
    return sum(1 for x in f if x < FIT_BELOW) / len(f)


def common_misfit_share(text: str) -> float:
    """The share of ``text``'s common content words (Zipf >= :data:`COMMON_ZIPF`, a word of
    the same sentence after them) with fit below :data:`FIT_BELOW`; 0.0 for a text of fewer
    than :data:`MIN_WORDS` such words.

    >>> common_misfit_share("Too short.")
    0.0
    """
    from repair.resources.frequency import zipf

    f = [fit for fit, w, right in _fits(text) if right and zipf(w) >= COMMON_ZIPF]
    if len(f) < MIN_WORDS:
        return 0.0
    return sum(1 for x in f if x < FIT_BELOW) / len(f)
