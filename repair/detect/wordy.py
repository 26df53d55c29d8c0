"""Find wordy paraphrases a phrase spinner writes for plain words ("prior to" for "before").

A phrase spinner lengthens text: it writes "make use of" for "use", "a large
number of" for "many", "at a rapid pace" for "quickly".  Each of these is
ordinary English, so one of them proves nothing; what gives a spinner away is their
*density*: clean text of every register here has at most 4 of them in a document
(≤ 4 per 1,000 words), a phrase-spun one 7-16 (the gate is in
:mod:`repair.score.wordy`).

Three kinds of pattern, each restoring the plain form:

* **light verbs** (generative): a light verb (make, take, have, give), an article
  (or none before "of") and a noun that is also a verb, then a preposition: "make use of" → "use",
  "took a look at" → "looked at", "made an attempt to" → "attempted to"; the
  verb is inflected like the light verb (lemminflect); "of" goes (it belongs to
  the noun), any other preposition stays with the verb ("look at");
* **manner adverbials** (generative): "in a timely manner", "at a rapid pace", "on
  a regular basis" → the adjective's -ly adverb when it is a common word
  ("timely" stays: no "timelily");
* **complex function words** (a closed class, like a stop-word list, written from
  plain-English style guidance; :data:`FUNCTION_PHRASES`): "prior to" → "before",
  "in excess of" → "more than", "due to the fact that" → "because".

>>> [(m.written, m.plains) for m in find("We made use of it prior to the test, at a rapid pace.")]
[('made use of', ('used',)), ('prior to', ('before',)), ('at a rapid pace', ('rapidly',))]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

#: Complex prepositions, conjunctions and quantifiers → their plain form (closed class).
FUNCTION_PHRASES: dict[str, tuple[str, ...]] = {
    "prior to": ("before",),
    "subsequent to": ("after",),
    "in excess of": ("more than",),
    "in the event that": ("if",),
    "with regard to": ("about",),
    "with respect to": ("about",),
    "due to the fact that": ("because",),
    "owing to the fact that": ("because",),
    "in view of the fact that": ("because",),
    "despite the fact that": ("although",),
    "in spite of the fact that": ("although",),
    "at this point in time": ("now",),
    "at the present time": ("now",),
    "in the near future": ("soon",),
    "a large number of": ("many",),
    "a great number of": ("many",),
    "a large amount of": ("much",),
    "the majority of": ("most",),
    "in the region of": ("about", "around"),
    "for the purpose of": ("for",),
    "in close proximity to": ("near",),
    "on a regular basis": ("regularly", "often"),
}
#: Inflected light verbs -> Penn tag (a closed class; lemminflect is not loaded for them).
LIGHT_VERBS: dict[str, str] = {
    "make": "VB", "makes": "VBZ", "made": "VBD", "making": "VBG",
    "take": "VB", "takes": "VBZ", "took": "VBD", "taking": "VBG", "taken": "VBN",
    "have": "VB", "has": "VBZ", "had": "VBD", "having": "VBG",
    "give": "VB", "gives": "VBZ", "gave": "VBD", "giving": "VBG", "given": "VBN",
}  # fmt: skip
#: Nouns of light-verb idioms whose verb means something else ("take place", "take part").
IDIOM_NOUNS = frozenset(
    "place part care charge hold turn shape effect sense time note stock root way fun room "
    "sure account advantage issue pride heart rise birth chance point".split()
)
MANNER_NOUNS = ("manner", "fashion", "way", "pace", "rate", "basis")
PREPOSITIONS = ("of", "at", "to", "on", "for", "in", "with")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    written: str
    #: plain forms, best guess first (the scorer picks by LM)
    plains: tuple[str, ...]
    pattern: str

    @property
    def plain(self) -> str:
        return self.plains[0]


@cache
def _pattern() -> re.Pattern[str]:
    func = "|".join(re.escape(k) for k in sorted(FUNCTION_PHRASES, key=len, reverse=True))
    light = "|".join(sorted(LIGHT_VERBS, key=len, reverse=True))
    prep = "|".join(PREPOSITIONS)
    manner = "|".join(MANNER_NOUNS)
    return re.compile(
        rf"(?<![\w'’-])(?:(?P<func>{func})"
        rf"|(?P<light>(?P<lv>{light}) (?P<art>an? )?(?P<noun>[a-z]+) (?P<prep>{prep}))"
        rf"|(?P<manner>(?:in|at|on) an? (?P<adj>[a-z]+) (?:{manner})))"
        rf"(?![\w'’-])",
        re.IGNORECASE,
    )


#: Lemmas that are both a noun and a verb (``scripts/build_wordy_nouns.py``, lemminflect).
NOUN_VERBS_FILE = "wordy_nouns.txt"


@cache
def noun_verbs() -> frozenset[str]:
    """Lemmas that are both a noun and a verb ("use", "look", "attempt")."""
    from repair.lexicons import read_text

    lines = read_text(NOUN_VERBS_FILE).splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _verb_of(noun: str, tag: str) -> str | None:
    """The noun as a verb inflected with ``tag`` ("use", "VBD" -> "used"), or None.

    The word must be a noun lemma and a verb lemma ("use", "look", "attempt"), so an
    auxiliary "have" before a participle ("have put on") is no light verb.
    """
    if noun not in noun_verbs():
        return None
    if tag == "VB":
        return noun
    from repair.resources.lemmas import getInflection

    forms = getInflection(noun, tag)
    return forms[0] if forms else None


def _adverb(adj: str) -> str | None:
    from repair.resources.frequency import zipf

    if adj.endswith("ly"):
        return None
    base = adj[:-1] + "i" if adj.endswith("y") else adj
    adv = base[:-2] + "ly" if base.endswith("le") else base + "ly"
    return adv if zipf(adv) >= 3.0 else None


def _case(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def _accepted(m: re.Match[str]) -> str | None:
    """The pattern kind of a regular-expression match that is a paraphrase, else None
    (no lemminflect: the noun of a light verb is checked against :func:`noun_verbs`)."""
    written = m.group()
    if any(c.isupper() for c in written[1:]):
        return None  # part of a title or a name
    if m.group("func"):
        return "function_phrase"
    if m.group("light"):
        noun, prep = m.group("noun").lower(), m.group("prep").lower()
        # without an article only "make use of"-like nouns ("have put on" is no paraphrase)
        if noun in IDIOM_NOUNS or (not m.group("art") and prep != "of"):
            return None
        return "light_verb" if noun in noun_verbs() else None
    return "manner_adverbial" if _adverb(m.group("adj").lower()) is not None else None


def _scan(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Accepted regular-expression matches with their kind, left to right.  A rejected
    match gives back its text after the first word, so it cannot hide a paraphrase that
    starts inside it ("have talked with regard to": "have talked with" is no light verb,
    "with regard to" is a paraphrase)."""
    pattern, pos = _pattern(), 0
    while (m := pattern.search(text, pos)) is not None:
        kind = _accepted(m)
        if kind:
            yield m, kind
            pos = m.end()
        else:
            space = text.find(" ", m.start(), m.end())
            pos = space + 1 if space >= 0 else m.end()


#: The last text scanned and its matches: the collocation stage counts and finds, and the
#: document spin score reads the paraphrases again, all on one text (one scan, not three).
_last_scan: tuple[str, list[tuple[re.Match[str], str]]] = ("", [])


def _scanned(text: str) -> list[tuple[re.Match[str], str]]:
    """:func:`_scan` of ``text`` as a list, kept for the next call on the same text."""
    global _last_scan
    last = _last_scan  # one read: another thread may replace it
    if last[0] == text:
        return last[1]
    found = list(_scan(text))
    _last_scan = (text, found)
    return found


def count(text: str) -> int:
    """How many wordy paraphrases :func:`find` would return for ``text`` (a
    regular-expression pass and set look-ups: the document score reads it on every text).

    >>> count("We made use of it prior to the test, at a rapid pace.")
    3
    """
    return len(_scanned(text))


def find(text: str, at_least: int = 0) -> list[Match]:
    """Every wordy paraphrase in ``text`` with its plain form(s).

    With ``at_least``, a text with fewer pattern matches than that gets ``[]`` before
    any verb is inflected (the scorer's document gate; keeps clean text cheap).
    """
    found = _scanned(text)
    if len(found) < at_least:
        return []
    out = []
    for m, kind in found:
        written = m.group()
        if kind == "function_phrase":
            plains = FUNCTION_PHRASES[" ".join(written.lower().split())]
        elif kind == "light_verb":
            verb = _verb_of(m.group("noun").lower(), LIGHT_VERBS[m.group("lv").lower()])
            if verb is None:
                continue
            prep = m.group("prep").lower()
            # "make use of X" -> "use X", but "take a look at X" -> "look at X"
            plains = (f"{verb} {prep}",) if prep != "of" else (verb,)
        else:
            adv = _adverb(m.group("adj").lower())
            assert adv is not None  # _accepted checked it
            plains = (adv,)
        out.append(
            Match(m.start(), m.end(), written, tuple(_case(written, p) for p in plains), kind)
        )
    return out
