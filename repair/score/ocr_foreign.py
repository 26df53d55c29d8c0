"""A word of another language, or a word among such words, is no garble (issue 12).

English OCR pages quote French, Latin, Italian or Spanish ("Paul et Virginie", "la
cortesia", "ceteris paribus").  To the English lexicons such a word is a non-word, and
a reader that reads every long non-word as its nearest English word
(:mod:`repair.score.ocr_sole`) "corrects" it.  :func:`foreign_word` tells such a word
apart with evidence that carries over to any page: wordfreq's word lists of other
languages (shipped with the wordfreq package, read lazily, only when a reading is about
to be taken):

* the word itself is frequent in another language (Zipf at least :data:`WORD_ZIPF` in
  one of :data:`LANGUAGES`) while English lacks it; or
* at least :data:`NEIGHBOURS` of the words next to it (:data:`SPAN` either side) are
  words of another language (frequent there, :data:`NEIGHBOUR_LEAD` Zipf commoner there
  than in English: "della", "les"): a phrase of another language, whose rarer words the
  lists need not know.  wordfreq has no Latin list: Latin is caught only where its
  word forms are Italian, Spanish or Portuguese ones.

Switch: :data:`repair.score.ocr_sole.FOREIGN_SOLE`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from repair.resources.frequency import zipf

#: wordfreq languages asked (the languages English pages quote most; wordfreq has no
#: Latin list, and Italian and Spanish share many of its word forms).
LANGUAGES = ("fr", "it", "es", "de", "pt")
#: Zipf a word needs in another language to be that language's word.
WORD_ZIPF = 3.0
#: English Zipf under which the word itself counts as foreign.
ENGLISH_RARE = 2.5
#: Zipf a neighbour must be commoner in another language than in English.
NEIGHBOUR_LEAD = 1.5
#: Foreign neighbours that make a phrase of another language.
NEIGHBOURS = 2
#: Words read either side.
SPAN = 2

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def foreign_zipf(word: str) -> float:
    """The highest Zipf of ``word`` (lower-cased) in :data:`LANGUAGES`' wordfreq lists
    ("small" lists; 0.0 when wordfreq is missing).

    >>> foreign_zipf("cette") > 5.0, foreign_zipf("qzxv")
    (True, 0.0)
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    low = word.lower()
    return max(zipf_frequency(low, lang, wordlist="small") for lang in LANGUAGES)


def _foreign_neighbour(word: str) -> bool:
    """A word of another language: frequent there and :data:`NEIGHBOUR_LEAD` Zipf commoner
    there than in English ("della", "les", "patrie"; not "come", "son", "in")."""
    if len(word) < 2:
        return False
    there = foreign_zipf(word)
    return there >= WORD_ZIPF and there - zipf(word.lower()) >= NEIGHBOUR_LEAD


def foreign_word(word: str, text: str | None = None, start: int = 0, end: int = 0) -> bool:
    """Whether ``word`` (printed at ``text[start:end]``) is a word of another language:
    frequent there, or among :data:`NEIGHBOURS` such words.

    >>> foreign_word("cortesia"), foreign_word("aluays")
    (True, False)
    >>> t = "des droits naturels et imprescriptibles de l'homme"
    >>> foreign_word("imprescriptibles", t, 23, 39), foreign_word("imprescriptibles")
    (True, False)
    """
    if zipf(word.lower()) < ENGLISH_RARE and foreign_zipf(word) >= WORD_ZIPF:
        return True
    if text is None:
        return False
    before = _WORD.findall(text[max(0, start - 64) : start])[-SPAN:]
    after = _WORD.findall(text[end : end + 64])[:SPAN]
    return sum(1 for w in before + after if _foreign_neighbour(w)) >= NEIGHBOURS
