"""One-click "SpinBot-like" spinner: dense spinning where a spun word's neighbours are spun too.

Policy (a free one-click spinner that replaces most replaceable words): every
spinnable content word (noun, verb, adjective, adverb: :func:`inflect.guess_pos`,
ties broken by WordNet sense counts) that has a synonym is a candidate; its synonym
pool is the union of the lemmas of its first :data:`SENSES` WordNet 3.0 synsets for the
guessed part of speech and its Moby thesaurus synonyms that lemminflect knows in that
part of speech: one or two words, letters only, plain English (every word at wordfreq
Zipf >= :data:`FLOOR`), never a number word nor the lemma itself.  The synonym is
drawn **uniformly** from the whole pool (any rank: ordinary or rare, right sense or
wrong), fixed once per (lemma, part of speech) so the spinner is consistent across
documents, and inflected like the word.  :data:`RATE` (0.6) of the content words are
swapped (at most every candidate), so most neighbours of a spun word are spun as well.

Families are the lemmas, split into dev/test halves like the WordNet and rare
spinners' (:func:`text.family_split`), so a ``test`` document carries only held-out
families' substitutions.  Registered in :data:`spin_sim.DENSE` (not ``SPINNERS``): the
calibration and the committed suites stay as they were.
"""

from __future__ import annotations

import random
import re
from functools import cache

from . import dictionary, inflect
from .rare import _moby, _zipf
from .seeddense import NUMBER_WORDS
from .text import FamilyFilter, GoldEdit, stable_choice
from .wordnet import _POS_FILE, _data, _index, sense_counts

NAME = "spinbot"
#: Share of content words a one-click spinner swaps.
RATE = 0.6
#: WordNet senses whose lemmas enter the pool (per lemma and part of speech).
SENSES = 3
#: Every word of a synonym is at least this common (wordfreq Zipf): no obsolete words.
FLOOR = 2.0
_OK = re.compile(r"[a-z]+(?: [a-z]+)?")


def _fits(s: str, lemma: str) -> bool:
    return (
        bool(_OK.fullmatch(s))
        and s != lemma
        and lemma not in s.split()
        and s not in NUMBER_WORDS
        and min(_zipf(w) for w in s.split()) >= FLOOR
    )


@cache
def pool(lemma: str, upos: str) -> tuple[str, ...]:
    """Every synonym the spinner may use for ``lemma`` as ``upos`` (WordNet, then Moby)."""
    if lemma in NUMBER_WORDS:
        return ()
    pos = _POS_FILE[upos]
    out: list[str] = []
    for off in _index(pos).get(lemma, [])[:SENSES]:
        for w in _data(pos).get(off, ()):
            w = w.lower()
            if w not in out and _fits(w, lemma):
                out.append(w)
    for s in _moby(lemma):
        s = s.lower()
        if s in out or not _fits(s, lemma):
            continue
        head = s.split()[0] if upos == "VERB" else s.split()[-1]
        if inflect.is_lemma(head, upos):
            out.append(s)
    return tuple(out)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The spinner's dictionary: one synonym per (lemma, POS), uniform over the pool."""
    syns = pool(lemma, upos)
    return stable_choice(syns, NAME, lemma, upos) if syns else None


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry, sense_counts)


def spin(
    text: str, rng: random.Random, rate: float = RATE, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half.

    ``spin_doc`` passes the suite-wide default rate (0.25); this spinner's point is its
    density, so any rate below :data:`RATE` is raised to it (``--rate 0.75`` still goes up).
    """
    return dictionary.spin(text, rng, max(rate, RATE), split, candidates)
