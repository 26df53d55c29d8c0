"""Seed 000's spinner family at seed 000's density (``--spinner seeddense``).

The ``seed`` spinner (:mod:`seedfamily`) spins what its forward table knows; over this
corpus that is ~5.6 % of words for one family half (~9.5 % for both), while seed 000
carries **0.259 substitutions per word** (315 gold edit blocks over its 1,217 gold
words: ``python benchmarks/spin_density.py``).  The real family's dictionary is larger
than the table, so a document of the family opens the document gates; the sparse
``seed`` rows measure the gates on thin documents instead.

This spinner keeps the table (same families, same halves, same 90 % habit) and fills
the rest of the real dictionary with one generic, spinner-agnostic extension, so that
each document carries :data:`DENSITY` substitutions per word:

* the *extension dictionary*: for a content word that no table family holds, one fixed
  co-lemma (:func:`entry`) of its first :data:`SENSES` WordNet 3.0 senses for the guessed
  part of speech, a single ordinary word (Zipf >= :data:`MIN_ZIPF`), never a number
  word nor a form of the same stem (:func:`same_stem`): a dictionary spinner's
  wrong-sense, everyday swaps ("part" -> "portion", "tough" -> "hard");
  nothing is read from seed 000, its gold or the shipped lexicons;
* families: the table's keep their halves (:func:`seedfamily.split_of`); an extension
  family is its lemma, halved by :func:`text.family_split` of ``"x:" + lemma``;
* a document is spun with **every** family (one half alone cannot reach the density: the
  table's half gives ~5 % of words, a half of the extension ~10 %); the split by word
  family is in the scoring instead: ``spin_eval.py --spinner seeddense`` scores a ``dev``
  document on its dev-family substitutions and a ``test`` document on its held-family
  ones (:func:`half_of`, ``spin_eval.half_reference``), beside the whole-document row.
  The test documents' held-family figure is the one that speaks for the real family.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from . import dictionary, seedfamily
from .text import GoldEdit, family_split, stable_choice
from .wordnet import _POS_FILE, sense_counts

NAME = "seeddense"
#: Substitutions per word of seed 000 against its gold (315 / 1,217).
DENSITY = 0.259
#: WordNet senses the extension dictionary reads per (lemma, part of speech).
SENSES = 3
#: The extension's synonyms are ordinary words (wordfreq Zipf).
MIN_ZIPF = 3.5
_ONE_WORD = re.compile(r"[a-z]{3,}")
#: Number words: a spinner changes how a number is written, never which number it is
#: (WordNet's "a very large indefinite number" sense lists million with billion).
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve twenty thirty
    forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
    dozen""".split()
)


@cache
def _table_words() -> frozenset[str]:
    """Every lower-case word of a table original (those stay the table's)."""
    out: set[str] = set()
    for _key, pairs, _flags in seedfamily.sim().families():
        for orig, _alts in pairs:
            out.update(orig.lower().split())
    return frozenset(out)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The extension dictionary: one fixed ordinary co-lemma of ``lemma``'s first senses."""
    from wordnet30 import read_data, read_index

    from repair.resources.frequency import zipf

    if lemma in _table_words() or lemma in NUMBER_WORDS:
        return None
    pos = _POS_FILE[upos]
    syns: list[str] = []
    for off in read_index(pos).get(lemma, [])[:SENSES]:
        for w in read_data(pos).get(off, ()):
            w = w.lower()
            if (
                w != lemma
                and _ONE_WORD.fullmatch(w)
                and w not in syns
                and w not in _table_words()
                and w not in NUMBER_WORDS
                and not same_stem(w, lemma)
                and zipf(w) >= MIN_ZIPF
            ):
                syns.append(w)
    return stable_choice(syns, NAME, lemma, upos) if syns else None


def same_stem(a: str, b: str) -> bool:
    """Two spellings or forms of one word ("neighbor"/"neighbour", "profit"/"profits",
    "lead"/"leadership"): they share their first four letters.  A dictionary spinner swaps
    in another word, so the extension dictionary leaves these out."""
    return a[:4] == b[:4]


def _family(lemma: str) -> str:
    return "x:" + lemma


def family_half(family: str) -> str:
    """``dev`` or ``test``: the half of a gold edit's family (table or extension)."""
    if family.startswith("x:"):
        return family_split(family)
    return "dev" if seedfamily.split_of(family) == "dev" else "test"


@cache
def profile_pairs() -> frozenset[tuple[str, str]]:
    """(spun, original) pairs of the shipped seed profile (``lexicons/spin_en_pairs.tsv``),
    lower case: read to keep them out of the held-out half, never to spin."""
    path = Path(__file__).resolve().parents[2] / "lexicons" / "spin_en_pairs.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            spun, orig = line.split("\t")[:2]
            out.add((spun.lower(), orig.lower()))
    return frozenset(out)


def half_of(edit: GoldEdit) -> str:
    """The half a gold edit is scored in: its family's (:func:`family_half`), except that a
    held-out family's substitution the shipped profile holds is ``profile``: scored in
    neither half (the table's held half is not held out of the lexicon: 98 of its 166
    families have a pair there: ``python benchmarks/spin_density.py``)."""
    half = family_half(edit.family)
    if half == "test" and (edit.replacement.lower(), edit.original.lower()) in profile_pairs():
        return "profile"
    return half


def spin(
    text: str, rng: random.Random, rate: float = DENSITY, split: str | None = None
) -> list[GoldEdit]:
    """The table's edits plus extension edits up to ``DENSITY`` substitutions per word,
    every family (``rate`` and ``split`` are ignored: the density is seed 000's and the
    family halves are scored apart, see the module's docstring)."""
    table = seedfamily.spin(text, rng, rate, None)
    taken = [(e.start, e.end) for e in table]
    extra = [
        GoldEdit(e.start, e.end, e.original, e.replacement, _family(e.family))
        for e in dictionary.candidates(text, lambda _lemma: True, entry, sense_counts)
        if not any(a < e.end and e.start < b for a, b in taken)
    ]
    words = len(text.split())
    want = min(len(extra), max(0, round(DENSITY * words) - len(table)))
    chosen = sorted(rng.sample(range(len(extra)), want))
    return sorted([*table, *(extra[i] for i in chosen)], key=lambda e: e.start)


#: The halves a document of each split is scored on (:func:`in_half`).
#: ``dev-table`` / ``held-table``: the same halves narrowed to the seed table's own
#: (translation-like) families, without the WordNet extension, whose pairs the restorer's
#: WordNet tables propose by construction (benchmarks/RESULTS.md, "Session 24, seedfam24":
#: the extension makes the unseen figures circular).
HALVES = {
    "dev": ("dev-families", "dev-unseen", "dev-table"),
    "test": ("held-families", "held-table"),
}


def in_half(edit: GoldEdit, half: str) -> bool:
    """Whether a gold edit is scored in ``half``: ``dev-families`` (a dev family),
    ``dev-unseen`` (a dev family's substitution the shipped profile does not hold: the dev
    analogue of the held-out figure) or ``held-families`` (a held family's substitution
    the profile does not hold, :func:`half_of`); ``dev-table`` and ``held-table`` the
    same halves' substitutions of the seed table's families only (:data:`HALVES`)."""
    h = half_of(edit)
    if half == "dev-families":
        return h == "dev"
    if half == "dev-unseen":
        return (
            h == "dev" and (edit.replacement.lower(), edit.original.lower()) not in profile_pairs()
        )
    if half == "dev-table":
        return h == "dev" and not edit.family.startswith("x:")
    if half == "held-table":
        return h == "test" and not edit.family.startswith("x:")
    if half != "held-families":
        # "dev" used to fall through to here and class the held families' substitutions
        raise ValueError(f"unknown half {half!r}: one of {sorted(sum(HALVES.values(), ()))}")
    return h == "test"
