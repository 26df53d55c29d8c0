"""Seed 000's spinner on a new article, its families at every inflection
(``--spinner seedinfl``, session 61, spininfl).

:mod:`seedprof` spins exactly the profile's rows, so a family the profile holds at one form
only ("battled" -> "fought") is never spun at its others ("battles" for "fights"), which a
dictionary spinner mapping lemma to lemma writes.  This spinner is ``seedprof`` with those
forms added: every one-word profile row whose two words are inflected alike under one part
of speech only (lemminflect's dictionary; the spinner's lemma has one part of speech) gives
its other inflections as rows (the lemmas' forms at every other tag both have), unless the
new spun form is a profile spun form or original (the profile already says what it is).
The new rows are drawn apart from the fix-time reading (:mod:`repair.candidates.spin_inflect`,
which adds the checks a restorer needs: an evident part of speech, real words, the
frequency direction) so the figure shows what those checks cost.

Spans: ``p:`` the profile's rows (as ``seedprof``), ``i:`` the new inflections (family:
the profile row's, halved by :func:`seedprof.family_half`), ``x:`` the WordNet extension.
A document is scored on its split's half of the inflection families first (:data:`HALVES`).
"""

from __future__ import annotations

import random
import re
from functools import cache

from lemminflect import getAllInflections, getAllLemmas

from . import seeddense, seedprof
from .text import GoldEdit

NAME = "seedinfl"
_TAGS = {"VERB": ("VB", "VBP"), "NOUN": ("NN",), "ADJ": ("JJ",)}


def _forms(lemma: str, upos: str) -> dict[str, str]:
    out = {t: f[0] for t, f in getAllInflections(lemma, upos=upos).items() if f}
    if out:
        for t in _TAGS[upos]:
            out.setdefault(t, lemma)
    return out


def _readings(word: str) -> list[tuple[str, dict[str, str], set[str]]]:
    out = []
    for upos, lemmas in getAllLemmas(word).items():
        if upos in _TAGS:
            for lemma in lemmas:
                forms = _forms(lemma, upos)
                tags = {t for t, f in forms.items() if f == word}
                if tags:
                    out.append((upos, forms, tags))
    return out


def other_inflections(spun: str, orig: str) -> list[tuple[str, str]]:
    """(original, spun) at the row's other inflections, when the row is inflected alike
    under one part of speech only."""
    if not (spun.isalpha() and orig.isalpha()) or " " in spun + orig:
        return []
    alike = [
        (u, fs, fo, ts & to)
        for u, fs, ts in _readings(spun)
        for v, fo, to in _readings(orig)
        if u == v and ts & to
    ]
    if len({a[0] for a in alike}) != 1:
        return []
    out = []
    for _u, fs, fo, common in alike:
        for tag in sorted(fs.keys() & fo.keys() - common):
            s, o = fs[tag], fo[tag]
            if s != o and s.isalpha() and o.isalpha() and (o, s) not in out:
                out.append((o, s))
    return out


@cache
def inflection_rows() -> tuple[tuple[str, str, bool, str], ...]:
    """(original, spun, caps, family) of the new inflections, lower case."""
    rows = seedprof.rows()
    taken = {w.lower() for o, s, *_ in rows for w in (o, s)}
    out, seen = [], set()
    for orig, spun, caps, family, _strong in rows:
        for o, s in other_inflections(spun.lower(), orig.lower()):
            if s in taken or o in taken or s in seen:
                continue
            seen.add(s)
            out.append((o, s, caps, family))
    return tuple(out)


@cache
def _table() -> dict[str, tuple[tuple[str, ...], bool, str]]:
    """original -> (spun forms, caps, tagged family): the profile's (``p:``) and the new
    inflections (``i:``, for originals no profile row holds)."""
    table = {k: (a, c, "p:" + f) for k, (a, c, f) in seedprof._table(None).items()}
    for o, s, caps, family in inflection_rows():
        if o not in table:
            table[o] = ((s,), caps, "i:" + family)
    return table


@cache
def _pattern() -> re.Pattern[str]:
    keys = sorted(_table(), key=lambda k: (-len(k), k))
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w'’\-])(?:{body})(?![\w'’\-])", re.IGNORECASE)


def table_edits(text: str, rng: random.Random) -> list[GoldEdit]:
    """:func:`seedprof.profile_edits` over the profile rows and the new inflections."""
    return seedprof.read_rows(text, rng, _table(), _pattern(), "")


@cache
def _words() -> frozenset[str]:
    return seedprof._profile_words() | frozenset(o for o, *_ in inflection_rows())


def _entry(lemma: str, upos: str) -> str | None:
    return None if lemma in _words() else seeddense.entry(lemma, upos)


def spin(
    text: str, rng: random.Random, rate: float = seeddense.DENSITY, split: str | None = None
) -> list[GoldEdit]:
    """As :func:`seedprof.spin`, the new inflections spun beside the profile's rows."""
    return seedprof.with_extension(text, rng, table_edits(text, rng), _entry)


#: The spans a ``seedinfl`` document of each split is also scored on (:func:`in_half`):
#: its split's half of the new inflections first, then the other half's, the profile's
#: rows, the extension.
HALVES = {
    "dev": ("dev-infl", "test-infl", "rows", "extension"),
    "test": ("test-infl", "dev-infl", "rows", "extension"),
}


def in_half(edit: GoldEdit, half: str) -> bool:
    """Whether a ``seedinfl`` gold edit is scored in ``half`` (:data:`HALVES`)."""
    if half == "extension":
        return edit.family.startswith("x:")
    if half == "rows":
        return edit.family.startswith("p:")
    if half in ("dev-infl", "test-infl"):
        return edit.family.startswith("i:") and seedprof.family_half(edit.family[2:]) == half[:-5]
    raise ValueError(f"unknown half {half!r}: one of dev-infl, test-infl, rows, extension")
