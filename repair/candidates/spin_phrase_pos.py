"""Part-of-speech agreement between a long wordy span's function and its one-word original
(session 60, spinphrase60; used by :mod:`repair.candidates.spin_phrase_long`).

A wordy paraphrase keeps the function of the word it spells out: an adverbial phrase
("at this point in time", "from time to time") stands for an adverb, a frame that ends in a
word taking a complement ("due to the fact that", "in the region of") for a preposition or
a subordinator, a noun phrase for a noun.  A clean writer's repeated run of common words
read as one word by the LM often breaks that agreement ("from time to time" -> "available":
an adjective for an adverbial; "state of the world" -> "same"; "we are not yet" -> "most").

The classes are read from lemminflect's lemma table (``lexicons/lemminflect_lemmas.tsv``:
a word's parts of speech, ``getAllLemmas``) and the closed grammatical classes of
:mod:`repair.candidates.spin_phrase_long` (pronouns, articles / demonstratives / numerals),
no word pairs:

* the span's **function** by its first word (English phrases are head-first):

  - a *particle* (a stop word lemminflect reads as nothing but an adverb, outside the
    pronoun and determiner classes: "at", "from", "in", "due to" is not one) opens an
    **adverbial** span: the original needs an adverb reading, or none of the open classes
    (a preposition, a subordinator);
  - an article, demonstrative or numeral, or a word lemminflect reads as a noun and never
    as an adjective or adverb, opens a **nominal** span: the original needs a noun reading
    (the quantifiers "all", "some", "each" ...), or an adjective reading where the span
    ends in a particle, a determiner frame ("a great deal of" -> "much");
  - a pronoun or an auxiliary opens a **clause** piece, which no one closed-class word
    spells out: declined;
  - any other first word ("due", "even", "more"): no constraint;

* **closure**: an original with none of the open classes (a preposition or a subordinator:
  "because", "with", "of") takes a complement, so the span must end in a word that takes
  one (a stop word with no verb, auxiliary or adjective reading, not a pronoun: "that",
  "of", "to"): "in the peace process" -> "with" is declined.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS

#: The open classes of lemminflect's table.
_OPEN = frozenset({"NOUN", "VERB", "AUX", "ADJ", "ADV", "PROPN"})


@lru_cache(maxsize=8192)
def readings(word: str) -> frozenset[str]:
    """lemminflect's parts of speech of ``word`` (its lemma table; empty for a function
    word it does not list)."""
    from repair.resources.lemmas import getAllLemmas

    return frozenset(getAllLemmas(word))


def particle(word: str, pronouns: frozenset[str], determiners: frozenset[str]) -> bool:
    """A preposition, subordinator or adverb particle: a stop word read as nothing but an
    adverb, outside the pronoun and determiner classes."""
    return (
        word in STOPWORDS
        and word not in pronouns
        and word not in determiners
        and readings(word) <= {"ADV"}
    )


def span_function(span: str, pronouns: frozenset[str], determiners: frozenset[str]) -> str:
    """``adverbial``, ``nominal``, ``clause`` or ``other`` by the span's first word (see
    the module doc)."""
    first = span.split()[0]
    r = readings(first)
    if first in pronouns or "AUX" in r:
        return "clause"
    if particle(first, pronouns, determiners):
        return "adverbial"
    if first in determiners or ("NOUN" in r and not r & {"ADJ", "ADV"}):
        return "nominal"
    return "other"


def closes(word: str, pronouns: frozenset[str]) -> bool:
    """Whether ``word`` ends a span in a word that takes a complement."""
    return (
        word in STOPWORDS and word not in pronouns and not readings(word) & {"VERB", "AUX", "ADJ"}
    )


def agrees(span: str, original: str, pronouns: frozenset[str], determiners: frozenset[str]) -> bool:
    """Whether the one-word ``original`` can spell out ``span`` (function and closure)."""
    r = readings(original)
    function_word = not r & _OPEN
    if function_word and not closes(span.split()[-1], pronouns):
        return False
    kind = span_function(span, pronouns, determiners)
    if kind == "clause":
        return False
    if kind == "adverbial":
        return "ADV" in r or function_word
    if kind == "nominal":
        # a noun, or a quantifier for a determiner frame ("a great deal of" -> "much")
        return "NOUN" in r or ("ADJ" in r and particle(span.split()[-1], pronouns, determiners))
    return True
