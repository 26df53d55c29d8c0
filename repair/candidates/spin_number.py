"""Figures where the document's own style spells the number ("the 2 leaders" in a text
that writes "two nations").

News style (and most house styles) spells small counts of things and writes figures
for measures: "two leaders", "three companies", but "5 kilometres", "6 months",
"3 per cent".  Some spinners turn every small number word into a figure.  A figure
2-9 before a plural noun is a *style break* of the document when:

* the noun is not a measure (``lexicons/measure_nouns.txt``: WordNet's
  ``noun.quantity`` and ``noun.time`` nouns, ``scripts/build_measure_nouns.py``);
* it is not part of a name or model number (the word before is not capitalized
  mid-sentence: "Explorer 6 uses", "Guy #2") nor followed by "per";
* it is not in a list of figures (another figure at most two words away across a
  comma, semicolon or full stop: "2 acres, 3 roods, and 6 perches", "Lot 6. 3 acres"):
  tallies, lists of lots and scores are data, written in figures by any style; a
  spinner's figure sits in prose ("the 2 leaders met for 3 hours");
* the same document spells small counts before plural nouns that are not measures
  ("two nations") at least as often as it writes such figures, and at least
  :data:`MIN_SPELLED` times: its register spells counts, so the figures break its own
  style (informal text that mixes "2 panes" and "two tabs" once each is left alone).

The candidates themselves are :func:`repair.candidates.spin.find_numbers`' (digits
2-9 before a lower-case plural word, dates, times and units left out).  The decision
(restore the word where the LM is not against it) is :mod:`repair.stages.spin`'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from repair.candidates.spin import NUMBER_WORDS, Occurrence, find_numbers
from repair.lexicons import read_text

MEASURES = "measure_nouns.txt"
#: Spelled counts a document needs before its count figures are style breaks.
MIN_SPELLED = 2
_SPELLED = "|".join(sorted({w for d, w in NUMBER_WORDS.items() if d in "23456789"}))
#: A small number word (lower case, so not sentence-initial) before a plural word.
_SPELLED_COUNT = re.compile(rf"(?<![\w\-’'])(?:{_SPELLED}) ([a-z]+s)\b")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’\-]*)(?:\s+([a-z]+))?")
_PREV_WORD = re.compile(r"([\w#]+)([^\w]*)$")
#: What separates two figures of a list: up to two words, then a comma, semicolon,
#: colon or full stop, and maybe "and"/"or" ("2 acres, 3", "6. 3", "3 roods, and 6").
_LIST_GAP = re.compile(r"\s*(?:[^\W\d_]+\s*){0,2}[.,;:]\s*(?:(?:and|or)\s+)?")
_DIGITS_BEFORE = re.compile(r"\d[^\d]{0,30}$")


@lru_cache(maxsize=1)
def measure_nouns() -> frozenset[str]:
    """Nouns (lemmas and plurals) that take figures in news style."""
    return frozenset(
        ln.strip() for ln in read_text(MEASURES).splitlines() if ln.strip() and ln[0] != "#"
    )


def spelled_counts(text: str) -> int:
    """How often ``text`` spells a small count before a plural noun that is not a measure."""
    measures = measure_nouns()
    return sum(1 for m in _SPELLED_COUNT.finditer(text) if m.group(1) not in measures)


def count_figures(text: str) -> list[Occurrence]:
    """:func:`find_numbers`' figures that count things (not measures, names or rates)."""
    measures = measure_nouns()
    out = []
    for o in find_numbers(text):
        if o.start and not (text[o.start - 1].isspace() or text[o.start - 1] in "(“‘"):
            continue  # 5"9, x2: part of a token
        if _in_figure_run(text, o.start, o.end):
            continue  # "2 acres, 3 roods": a list of figures, not a spelled count
        m = _NEXT_WORD.match(text, o.end)
        if not m or len(m.group(1)) < 4 or m.group(1) in measures or m.group(2) == "per":
            continue
        prev = _PREV_WORD.search(text[max(0, o.start - 30) : o.start])
        if prev:
            word, gap = prev.group(1), prev.group(2)
            if "#" in word:
                continue
            named = word[:1].isupper() and not re.search(r"[.!?:\n]", gap)
            if named and not _sentence_start(text, o.start - len(gap) - len(word)):
                continue  # a name or model number: "Internet Explorer 6 uses"
        out.append(o)
    return out


def _in_figure_run(text: str, start: int, end: int) -> bool:
    """Whether the figure ``text[start:end]`` is an item of a list of figures."""
    after = _LIST_GAP.match(text, end)
    if after and after.end() < len(text) and text[after.end()].isdigit():
        return True
    before = _DIGITS_BEFORE.search(text, max(0, start - 31), start)
    return bool(before and _LIST_GAP.fullmatch(text, before.start() + 1, start))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t“\"'‘(")
    return not before or before[-1] in ".!?\n:"


def figure_styles(text: str) -> dict[int, bool]:
    """Start of each count figure of ``text`` -> whether it is a style break (the
    document's own style spells counts; module docstring)."""
    figures = count_figures(text)
    if not figures:
        return {}
    spelled = spelled_counts(text) >= max(MIN_SPELLED, len(figures))
    return {o.start: spelled for o in figures}
