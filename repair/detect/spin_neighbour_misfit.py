"""A document spin cue for spinners with a thesaurus of their own: the share of content
words that misfit their context where a distributional neighbour of theirs fits better.

An embedding ("WordAi-like") spinner writes a distributional neighbour of the original
word without reading the context (``benchmarks/spin_sim/distrib.py``); 71-80 % of its
originals are in no WordNet or Moby list the restorer reads, so the document score's
word cues never see it (``spin_eval.py --spinner distrib``: dev AUC 0.586).  The plain
misfit share (:mod:`repair.detect.spin_misfit`, shipped off) reads every badly fitting
word, and clean registers differ in how many they have.  This cue counts a misfit only
where the shipped neighbour table (:mod:`repair.resources.neighbours`: word-context
neighbours over symspellpy's Google Books bigram list, no evaluation text) offers a word
that would fit there, as a spinner's original would:

* a lower-case content word ``w`` (three letters or more, no stop word) whose two-sided
  context fit (:func:`repair.detect.spin_misfit.fits`' measure) is below
  :data:`FIT_BELOW`;
* its candidates: the first :data:`RANK` neighbours of ``w`` in the table and the words
  that have ``w`` among their first :data:`RANK` neighbours (a spinner writes a neighbour
  *of the original*), sharing a part of speech and inflection with ``w``
  (lemminflect) and no lemma;
* it counts when the best candidate's two-sided LM gain in ``w``'s place
  (:func:`repair.score.spin_context.lm_gain`, two words either side in the sentence) is at
  least :data:`MIN_GAIN` nats.

The cue is the share of the content words that count (0.0 below :data:`MIN_WORDS` of
them).  Dev (``benchmarks/spin_neighbour_misfit.py --alone``; benchmarks/RESULTS.md,
"Session 59, spindist"): AUC alone, distrib-spun against the same 40 documents clean /
against every clean dev document, 0.865 / 0.829 (distrib1 0.875 / 0.845; the plain misfit
share 0.865 / 0.861, 0.838 / 0.836); the phrase spinner's documents read no higher than
clean (0.505 / 0.473).  It changes the score users read, never an edit, and enters
:func:`repair.detect.spin_document.surprise` capped under the cut
(:data:`repair.detect.spin_document.NEIGHBOUR_MISFIT_WEIGHT`, shipped off).
"""

from __future__ import annotations

from functools import lru_cache

#: A content word is read when its context fit is below this (nats; dev: 0 of -1, 0, 1).
FIT_BELOW = 0.0
#: Neighbours read each way (forward rows, and reverse: rows holding the word) (dev: 10 of
#: 5, 10, 20: the AUC alone is flat).
RANK = 10
#: The best candidate must gain this much in the word's place (nats; dev: 2 of 1, 2, 3).
MIN_GAIN = 2.0
#: Texts with fewer content words than this get 0.0 (dev: 50 of 30, 50, 60, 80; at 30 the
#: clean abstracts rise past the tortured and mill-spun ones).
MIN_WORDS = 50


@lru_cache(maxsize=2)
def _reverse(rank: int) -> dict[str, tuple[str, ...]]:
    """word -> the table's targets holding it among their first ``rank`` neighbours."""
    from repair.resources.neighbours import table

    out: dict[str, list[str]] = {}
    for target, row in table().items():
        for n in row[:rank]:
            out.setdefault(n, []).append(target)
    return {w: tuple(ts) for w, ts in out.items()}


@lru_cache(maxsize=65536)
def _readings(word: str) -> frozenset[tuple[str, str, str]]:
    """(upos, lemma, tag) readings of ``word`` (lemminflect)."""
    from repair.resources.lemmas import getAllInflections, getAllLemmas

    out = set()
    for upos, lems in getAllLemmas(word).items():
        for lem in lems:
            for tag, forms in getAllInflections(lem, upos=upos).items():
                if word in forms:
                    out.add((upos, lem, tag))
    return frozenset(out)


def candidates(word: str) -> tuple[str, ...]:
    """``word``'s neighbour candidates (module doc): forward then reverse, same part of
    speech and inflection, no shared lemma."""
    return _candidates(word, RANK)


@lru_cache(maxsize=65536)
def _candidates(word: str, rank: int) -> tuple[str, ...]:
    """:func:`candidates` with ``rank`` neighbours read each way (a memo that reads no
    module flag: the rank is its argument)."""
    from repair.resources.neighbours import neighbours

    mine = _readings(word)
    shapes = {(u, t) for u, _lem, t in mine}
    lemmas = {lem for _u, lem, _t in mine} | {word}
    out: list[str] = []
    for o in (*neighbours(word)[:rank], *_reverse(rank).get(word, ())):
        if o in out or not o.isalpha():
            continue
        theirs = _readings(o)
        if not ({(u, t) for u, _lem, t in theirs} & shapes):
            continue
        if ({lem for _u, lem, _t in theirs} | {o}) & lemmas:
            continue
        out.append(o)
    return tuple(out)


def _words(text: str) -> list[str]:
    """Lower-case words, "" for a sentence break (as :mod:`repair.detect.spin_misfit`)."""
    from repair.detect.spin_misfit import _BREAK, _TOKEN, _WORD

    out: list[str] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if _WORD.fullmatch(t):
            out.append(t if t.islower() else "\x00" + t.lower())
        elif _BREAK.fullmatch(t) or "\n\n" in t:
            out.append("")
    return out


def neighbour_misfits(text: str) -> tuple[int, int]:
    """(content words whose neighbour fits better, content words) of ``text``."""
    from repair.detect.spin_misfit import _stopwords
    from repair.resources.lm import get_lm
    from repair.score.spin_context import lm_gain

    lm = get_lm()
    stop = _stopwords()
    raw = _words(text)
    words = [w.lstrip("\x00") for w in raw]
    n = hits = 0
    for k, w in enumerate(raw):
        if not w or w[0] == "\x00" or len(w) < 3 or w in stop:
            continue
        n += 1
        left: list[str] = []
        for j in (k - 1, k - 2):
            if j < 0 or not words[j]:
                break
            left.insert(0, words[j])
        right: list[str] = []
        for j in (k + 1, k + 2):
            if j >= len(words) or not words[j]:
                break
            right.append(words[j])
        fit = lm.logprob(w, left) - lm.logprob(w)
        if right:
            h1 = left[-1:]
            fit += lm.logprob(right[0], [*h1, w]) - lm.logprob(right[0], h1)
        if fit >= FIT_BELOW:
            continue
        cands = candidates(w)
        if cands and max(lm_gain(left, [w], [o], right) for o in cands) >= MIN_GAIN:
            hits += 1
    return hits, n


def neighbour_misfit_share(text: str) -> float:
    """The share of ``text``'s content words that misfit where a neighbour fits better
    (module doc); 0.0 for a text of fewer than :data:`MIN_WORDS` content words.

    >>> neighbour_misfit_share("Too short.")
    0.0
    """
    hits, n = neighbour_misfits(text)
    return hits / n if n >= MIN_WORDS else 0.0
