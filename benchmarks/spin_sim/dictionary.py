"""A dictionary spinner's loop, shared by the WordNet and rare-synonym simulators: each
spinnable content word is read (part of speech, lemma, inflection), looked up in the
spinner's fixed dictionary ``entry(lemma, upos)`` and re-inflected; ``spin`` samples
``rate`` of the content words among those candidates."""

from __future__ import annotations

import random
from collections.abc import Callable

from . import inflect
from .text import FamilyFilter, GoldEdit, allow_split, match_case, sample_edits, spinnable, tokens

Entry = Callable[[str, str], "str | None"]


def candidates(
    text: str,
    allow: FamilyFilter,
    entry: Entry,
    sense_counts: Callable[[str], dict[str, int]] | None = None,
) -> list[GoldEdit]:
    """Every swap ``entry`` allows in ``text`` (``sense_counts`` helps guess the POS)."""
    toks = tokens(text)
    out = []
    for i in spinnable(text, toks):
        t = toks[i]
        low = t.text.lower()
        prev = next((toks[j].text for j in range(i - 1, -1, -1) if toks[j].is_word), "")
        if sense_counts is None:
            reading = inflect.guess_pos(low, prev)
        else:
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
    text: str,
    rng: random.Random,
    rate: float,
    split: str | None,
    edits: Callable[[str, FamilyFilter], list[GoldEdit]],
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    return sample_edits(edits(text, allow_split(split)), len(spinnable(text)), rate, rng)
