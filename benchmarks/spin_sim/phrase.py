"""Phrase spinner: single words become wordy paraphrases, and phrasal verbs become words.

Policy (a "rewriter" that changes length, so word-for-word alignment breaks): its
own small table, written for this benchmark (not read from any lexicon), in both
directions: "before" → "prior to", "use" → "make use of", "increasingly" → "more
and more"; "carry out" → "conduct", "in order to" → "to".  Every occurrence is
spun with probability ``min(1, PHRASE_P * rate / 0.25)``; names (capitalized inside
a sentence) are left alone and the first letter's case is kept.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection
from functools import cache

from .text import (
    FamilyFilter,
    GoldEdit,
    _sentence_initial,
    allow_split,
    family_split,
    match_case,
    tokens,
)

NAME = "phrase"
PHRASE_P = 0.8

#: family: original > spun ; original > spun ...
TABLE = """
before: before > prior to
after: after > subsequent to
increasingly: increasingly > more and more
use: use > make use of ; uses > makes use of ; using > making use of
because: because > due to the fact that
although: although > despite the fact that
now: now > at this point in time
often: often > on a regular basis
many: many > a large number of
try: try to > make an attempt to ; tried to > made an attempt to ; trying to > making an attempt to
also: also > in addition
soon: soon > in the near future
quickly: quickly > at a rapid pace
mainly: mainly > for the most part
usually: usually > as a rule
finally: finally > at long last
must: must > have to
decide: decide > make a decision ; decided > made a decision ; decides > makes a decision
examine: examine > take a look at ; examined > took a look at ; examines > takes a look at
explain: explain > shed light on ; explains > sheds light on
help: help > lend a hand to ; helped > lent a hand to ; helps > lends a hand to
start: start > get underway ; started > got underway
in order to: in order to > to
a lot of: a lot of > plenty of
as well as: as well as > along with
at the moment: at the moment > currently
in spite of: in spite of > despite
due to: due to > owing to
as soon as: as soon as > once
in addition to: in addition to > besides
for example: for example > for instance
take part: take part in > participate in ; took part in > participated in
take part: taking part in > participating in
find out: find out > discover ; found out > discovered ; finding out > discovering
carry out: carry out > conduct ; carried out > conducted ; carrying out > conducting
point out: point out > note ; pointed out > noted ; points out > notes
look into: look into > investigate ; looked into > investigated ; looking into > investigating
put off: put off > postpone ; putting off > postponing
give up: give up > abandon ; gave up > abandoned ; giving up > abandoning
go up: go up > rise ; went up > rose ; goes up > rises ; going up > rising
a number of: a number of > several
the majority of: the majority of > most
at the same time: at the same time > simultaneously
in the end: in the end > ultimately
each other: each other > one another
right now: right now > at present
at first: at first > initially
so far: so far > up to now
set up: sets up > establishes ; setting up > establishing
more than: more than > in excess of
if: if > in the event that
despite: despite > in spite of
around: around > in the region of
already: already > by this time
then: then > after that
almost: almost > just about
whether: whether > whether or not
about: about > with regard to
need: need to > have a need to ; needs to > has a need to ; needed to > had a need to
show: shows > points to ; showed > pointed to
deal with: deal with > cope with ; dealt with > coped with ; dealing with > coping with
"""


@cache
def table() -> dict[str, tuple[str, str]]:
    """original (lower case) -> (spun, family)."""
    out: dict[str, tuple[str, str]] = {}
    for line in TABLE.strip().splitlines():
        family, _, body = line.partition(":")
        for part in body.split(";"):
            orig, _, spun = (x.strip() for x in part.partition(">"))
            out[orig] = (spun, family.strip())
    return out


@cache
def _pattern() -> re.Pattern[str]:
    keys = sorted(table(), key=lambda k: (-len(k), k))
    body = "|".join(re.escape(k).replace(r"\ ", r"[ \t]+") for k in keys)
    return re.compile(rf"(?<![\w'’\-])(?:{body})(?![\w'’\-])", re.IGNORECASE)


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    toks = tokens(text)
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for m in _pattern().finditer(text):
        word = m.group()
        spun, family = table()[" ".join(word.lower().split())]
        i = starts.get(m.start())
        if i is None or not allow(family):
            continue
        if word[:1].isupper() and not _sentence_initial(toks, i):
            continue  # part of a name or a title
        if any(c.isupper() for c in word[1:]):
            continue
        out.append(GoldEdit(m.start(), m.end(), word, match_case(word, spun), family))
    return out


def family_forms(split: str) -> dict[str, list[str]]:
    """Family -> its spun forms (lower case), for the families of ``split``."""
    out: dict[str, list[str]] = {}
    for spun, family in table().values():
        if family_split(family) == split:
            out.setdefault(family, []).append(spun)
    return out


def listed_forms(split: str, rows: Collection[str]) -> list[str]:
    """The spun forms of ``split``'s families that are verbatim rows of a shipped list
    ``rows`` (:data:`repair.detect.wordy.FUNCTION_PHRASES`: 5 test and 7 dev families'
    forms were written into it with this simulator; benchmarks/RESULTS.md, "Phrase
    spinner: families held out inside dev")."""
    return sorted({f for forms in family_forms(split).values() for f in forms if f in rows})


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    allow = allow_split(split)
    p = min(1.0, PHRASE_P * rate / 0.25)
    return [e for e in candidates(text, allow) if rng.random() < p]
