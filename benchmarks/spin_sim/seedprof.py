"""Seed 000's own spinner on a new article (``--spinner seedprof``, session 61).

The ``seed`` / ``seeddense`` simulators spin with :mod:`spinner_sim`'s forward table, written
apart from the profile: 155 of its 183 dev families and 98 of its 166 held families have a
pair in the shipped profile, but the profile's own rows (read off seed 000 and the spinner's
known habits: "Chinese" -> "Chinese language", "before" -> "earlier than", "a judge" ->
"a choose", "were" -> "had been") are never spun onto new text, and the forward table has no
capitalised nationality row ("Chinese language chief" never occurs).  The held-out real
articles are that case: the same thesaurus, new text.

This spinner spins a document with **the profile's own rows read forwards**
(``lexicons/spin_en_pairs.tsv``: original -> spun form, the caps rows on capitalised words
only, every other row on lower-case words or a sentence's first word), each occurrence
with probability :data:`RATE` (the forward table's 90 % habit), and fills the rest of the
spinner's dictionary up to seed 000's density (:data:`seeddense.DENSITY`) with
:mod:`seeddense`'s generic WordNet extension (words no profile row touches).

Families: a profile row's family (the tsv's fifth column) is halved by
:func:`text.family_split` of ``"p:" + family``.  Every document is spun with **every**
family, as the real spinner's articles carry habits the profile holds beside habits it
does not; ``--unprofiled`` (:func:`held_pairs`) takes the rows of the document split's own
half of the families out of the profile, so a dev document is read with the test half's
rows known and its dev half's unknown, and a test document the other way round (tuning on
dev never sees the test families' rows held out).  With the profile whole the figure is
"the same spinner, every habit known, a new article" (an upper bound); unprofiled it is
"about half the habits known", the stand-in for the real articles (benchmarks/RESULTS.md,
"Session 61, spinseed").  The extension is every family's (as ``seeddense``'s);
``benchmarks/spin_account.py`` counts the dev families' profile spans (``h:``), the test
families' (``p:``) and the extension's (``x:``) apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from . import dictionary, seeddense
from .text import GoldEdit, _sentence_initial, family_split, tokens
from .wordnet import sense_counts

NAME = "seedprof"
#: Share of a profile row's occurrences the spinner swaps (``spinner_sim.RATE``).
RATE = 0.9
PAIRS = Path(__file__).resolve().parents[2] / "lexicons" / "spin_en_pairs.tsv"


def family_half(family: str) -> str:
    """``dev`` or ``test``: the half of a profile family."""
    return family_split("p:" + family)


@cache
def rows() -> tuple[tuple[str, str, bool, str, bool], ...]:
    """(original, spun, caps, family, strong) per profile row, in file order."""
    out = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        spun, orig, strength, caps, family = line.split("\t")[:5]
        if spun.lower() == orig.lower():
            continue
        out.append((orig, spun, caps == "caps", family, strength == "strong"))
    return tuple(out)


def held_pairs(split: str) -> set[tuple[str, str]]:
    """(spun, original) of every profile row of ``split``'s families, lower case."""
    return {(s.lower(), o.lower()) for o, s, _c, f, _st in rows() if family_half(f) == split}


@cache
def _table(split: str | None) -> dict[str, tuple[tuple[str, ...], bool, str]]:
    """original (lower case, or as written for caps rows) -> (spun forms, caps, family)."""
    table: dict[str, tuple[list[str], bool, str]] = {}
    for orig, spun, caps, family, _strong in rows():
        if split is not None and family_half(family) != split:
            continue
        key = orig if caps else orig.lower()
        alts, _c, fam = table.setdefault(key, ([], caps, family))
        if spun not in alts:
            alts.append(spun)
    return {k: (tuple(a), c, f) for k, (a, c, f) in table.items()}


@cache
def _pattern(split: str | None) -> re.Pattern[str]:
    keys = sorted(_table(split), key=lambda k: (-len(k), k))
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w'’\-])(?:{body})(?![\w'’\-])", re.IGNORECASE)


@cache
def _profile_words() -> frozenset[str]:
    """Every lower-case word of a profile original (the extension leaves them alone)."""
    return frozenset(w for o, *_ in rows() for w in o.lower().split())


def profile_edits(text: str, rng: random.Random, split: str | None) -> list[GoldEdit]:
    """The profile's rows read forwards over ``text`` (one pass, longest original first)."""
    return read_rows(text, rng, _table(split), _pattern(split), "p:")


def read_rows(
    text: str, rng: random.Random, table: dict, pattern: re.Pattern[str], prefix: str
) -> list[GoldEdit]:
    """``table``'s rows (written form -> (spun forms, caps row, family)) found by
    ``pattern`` read forwards over ``text``, each at :data:`RATE`; families as
    ``prefix + family``."""
    toks = tokens(text)
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for m in pattern.finditer(text):
        word = m.group()
        key = " ".join(word.split())
        entry = table.get(key) or table.get(key.lower())
        if entry is None:
            continue
        alts, caps, family = entry
        if caps and key not in table:
            continue  # a caps row matches its own casing only
        if not caps and word[:1].isupper():
            i = starts.get(m.start())
            if i is None or not _sentence_initial(toks, i) or not word[1:].islower():
                continue  # a name or an acronym
        if rng.random() > RATE:
            continue
        spun = rng.choices(alts, [3.0] + [1.0] * (len(alts) - 1))[0]
        if word[:1].isupper() and not caps:
            spun = spun[:1].upper() + spun[1:]
        out.append(GoldEdit(m.start(), m.end(), word, spun, prefix + family))
    return out


def _entry(lemma: str, upos: str) -> str | None:
    if lemma in _profile_words():
        return None
    return seeddense.entry(lemma, upos)


def spin(
    text: str, rng: random.Random, rate: float = seeddense.DENSITY, split: str | None = None
) -> list[GoldEdit]:
    """The profile's rows (every family), then the extension up to seed 000's density
    (``rate`` and ``split`` are ignored, as :func:`seeddense.spin` ignores them: the halves
    are taken out of the profile instead, :func:`held_pairs`)."""
    return with_extension(text, rng, profile_edits(text, rng, None), _entry)


def with_extension(
    text: str,
    rng: random.Random,
    table: list[GoldEdit],
    entry: Callable[[str, str], str | None],
) -> list[GoldEdit]:
    """``table``'s edits and the WordNet extension's (``entry``) up to seed 000's density."""
    taken = [(e.start, e.end) for e in table]
    extra = [
        GoldEdit(e.start, e.end, e.original, e.replacement, "x:" + e.family)
        for e in dictionary.candidates(text, lambda _lemma: True, entry, sense_counts)
        if not any(a < e.end and e.start < b for a, b in taken)
    ]
    want = min(len(extra), max(0, round(seeddense.DENSITY * len(text.split())) - len(table)))
    chosen = sorted(rng.sample(range(len(extra)), want))
    return sorted([*table, *(extra[i] for i in chosen)], key=lambda e: e.start)


#: The spans a ``seedprof`` document of each split is also scored on (:func:`in_half`):
#: ``dev-rows`` / ``test-rows`` its profile rows of the dev / test half of the families,
#: the document split's own half first (the rows ``--unprofiled`` takes out of the
#: profile: the habits it does not hold; the other half's are the habits it holds),
#: ``extension`` the WordNet extension's words.
HALVES = {
    "dev": ("dev-rows", "test-rows", "extension"),
    "test": ("test-rows", "dev-rows", "extension"),
}


def in_half(edit: GoldEdit, half: str) -> bool:
    """Whether a ``seedprof`` gold edit is scored in ``half`` (:data:`HALVES`)."""
    if half == "extension":
        return edit.family.startswith("x:")
    if half in ("dev-rows", "test-rows"):
        return edit.family.startswith("p:") and family_half(edit.family[2:]) == half[:-5]
    raise ValueError(f"unknown half {half!r}: one of dev-rows, test-rows, extension")
