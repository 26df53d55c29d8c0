"""Tokens, eligibility, casing and gold edits shared by every simulated spinner.

A spinner proposes :class:`GoldEdit` substitutions on the clean text (code-point
offsets); :func:`apply_edits` makes the spun text, and the edits are the gold
alignment (what was substituted, by what, and the word *family* it belongs to).
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: Words (with inner apostrophes or hyphens), numbers, whitespace, any other character.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*|\d+(?:[.,]\d+)*|\s+|[^\w\s]|\w+")
_WORD = re.compile(r"[A-Za-z]+")

#: Function words no spinner swaps on its own (the phrase spinner has its own table).
STOPWORDS = frozenset(
    """a an the and or but if then than so as of at by for from in into on onto to up down
    with without about above below over under out off through during after before again
    once here there when where why how all any both each few more most other some such no
    nor not only own same too very can will just should now is are was were be been being
    have has had having do does did doing i me my we our you your he him his she her it its
    they them their what which who whom this that these those am would could might must may
    shall also however while because until although though since yet still even ever
    one two three four five six seven eight nine ten first last many much well
    mr mrs ms per via get got go goes going went gone make made let lets say says said
    us let's its it's""".split()
)

#: A family's split: which half of the word families a document of each split may use.
Split = str  # "dev" | "test"
FamilyFilter = Callable[[str], bool]


def family_split(family: str) -> Split:
    """``dev`` or ``test`` for a word family (CRC-32 of its key: fixed, content-independent)."""
    return "dev" if zlib.crc32(("fam:" + family).encode()) % 2 == 0 else "test"


def doc_split(doc_id: str) -> Split:
    """``dev`` or ``test`` for a document (CRC-32 of its id)."""
    return "dev" if zlib.crc32(("doc:" + doc_id).encode()) % 2 == 0 else "test"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return bool(_WORD.fullmatch(self.text))


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class GoldEdit:
    """One substitution: ``text[start:end]`` (``original``) became ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    family: str

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "family": self.family,
        }


@dataclass(frozen=True)
class SpunDoc:
    """A clean text, its spun version and the gold edits between them."""

    doc_id: str
    register: str
    clean: str
    spun: str
    edits: tuple[GoldEdit, ...] = ()
    spinner: str = ""
    meta: dict[str, object] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.doc_id,
            "register": self.register,
            "spinner": self.spinner,
            "clean": self.clean,
            "damaged": self.spun,
            "edits": [e.to_json() for e in self.edits],
        }


def apply_edits(text: str, edits: Sequence[GoldEdit]) -> str:
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def match_case(template: str, word: str) -> str:
    """``word`` with the casing of ``template`` (first letter capital or not)."""
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _sentence_initial(toks: Sequence[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and (toks[j].text.isspace() or toks[j].text in "\"“‘'(["):
        if "\n" in toks[j].text:
            return True
        j -= 1
    return j < 0 or toks[j].text in ".!?:;"


def spinnable(text: str, toks: Sequence[Token] | None = None) -> list[int]:
    """Indexes of the tokens a spinner may swap: content words, never proper nouns.

    A word is out if it is short, a function word, all capitals, hyphenated or
    with an apostrophe, or capitalized: a capitalized word is kept unless it starts
    a sentence, is title-case, never appears capitalized inside a sentence and does
    appear in lower case in the text (so "Howard" after "Mr." stays).
    """
    toks = list(toks if toks is not None else tokens(text))
    mid_caps = {
        t.text.lower()
        for i, t in enumerate(toks)
        if t.is_word and t.text[:1].isupper() and not _sentence_initial(toks, i)
    }
    lower = {t.text for t in toks if t.is_word and t.text.islower()}
    out = []
    for i, t in enumerate(toks):
        w = t.text
        if not t.is_word or len(w) < 3 or w.lower() in STOPWORDS:
            continue
        if w[:1].isupper():
            if not (_sentence_initial(toks, i) and w[1:].islower()) or w.lower() in mid_caps:
                continue
            if w.lower() not in lower:
                continue
        elif not w.islower():
            continue
        out.append(i)
    return out


def content_words(text: str) -> int:
    return len(spinnable(text))


def is_proper_noun(toks: Sequence[Token], i: int) -> bool:
    """A capitalized word inside a sentence (what the tests call a name)."""
    t = toks[i]
    return t.is_word and t.text[:1].isupper() and not _sentence_initial(toks, i)


def sample_edits(
    candidates: Sequence[GoldEdit], n_content: int, rate: float, rng: random.Random
) -> list[GoldEdit]:
    """``rate`` of the content words (at most all candidates), chosen at random, in order."""
    want = min(len(candidates), round(rate * n_content))
    chosen = rng.sample(range(len(candidates)), want)
    return sorted((candidates[i] for i in chosen), key=lambda e: e.start)


def stable_choice(options: Sequence[str], *key: str) -> str:
    """A choice fixed by ``key`` (a spinner maps a word the same way everywhere)."""
    return options[zlib.crc32("\x1f".join(key).encode()) % len(options)]


def allow_split(split: Split | None) -> FamilyFilter:
    """The family filter of one half (every family when ``split`` is None)."""
    if split is None:
        return lambda family: True
    return lambda family: family_split(family) == split
