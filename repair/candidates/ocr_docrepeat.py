"""A non-word the page prints again and again, with its reading nowhere on the page, is kept.

An old book spells "kitchin", "sonnes", "forgat"; a report names "Coveny" three times.
The OCR garbles a word in many ways, and a misread that repeats letter for letter is
rarer than one that varies; a page that prints a form at least :data:`MIN_REPEAT` times
and never prints the word a reading would make of it ("kitchen", "senses") is far more
likely to spell that form on purpose.  Where the OCR does repeat a misread ("tho" for
"the"), the word itself is on the page too, and the reading goes ahead.

The guard, on a page that prints old spellings (:data:`OLD_PRINT_ONLY`), drops a
one-word reading (rules :data:`RULES`) of a lower-case alphabetic token when

* the token is no word the lexicon knows (the readings of real words are the real-word
  reader's, with its own context test),
* the page prints the token, case aside, at least :data:`MIN_REPEAT` times, and
* the page never prints the reading, case aside.

Evidence from the page only; no list (issue 12, session 41: ICDAR 2017 monographs
"kitchin" -> kitchen and "sonnes" -> senses broke 13 gold tokens on files 1-80).

>>> from repair.candidates.ocr_rules import cand
>>> text = "in the kitchin and out of the kitchin again"
>>> c = cand(7, 14, "kitchen", "OCR_CONFUSION")
>>> import repair.candidates.ocr_docrepeat as dr; dr.DOC_REPEAT_KEEP = True
>>> keep_repeated_forms(text, [w for w in text.split()], [c])
[]
>>> keep_repeated_forms(text + " kitchen", [w for w in (text + " kitchen").split()], [c]) == [c]
True
>>> dr.DOC_REPEAT_KEEP = False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from repair.score.ocr_channel import is_known
from repair.types import Candidate

#: The switch.  On (session 41, lead): ICDAR 2017 books 1-80 broken tokens 44 -> 25 and
#: edit distance 726 -> 708 with :data:`PERIOD_KNOWN_KEEP` (19 old spellings kept: "kitchin",
#: "sonnes"; 3 losses), gold + synthetic noise broken 166 -> 95, SMH dev unchanged, SMH test
#: +1 token error (an SMH page taken for old print; the helper shipped it off for that token).
DOC_REPEAT_KEEP = True
#: Times the page must print the form (case aside).
MIN_REPEAT = 2
#: Readings judged.
RULES = frozenset({"OCR_CONFUSION", "OCR_SPELLING"})
#: Capitalised forms too (names the page repeats); off: lower-case tokens only.
CAPITALISED = False
#: Only on pages that print old spellings (:func:`repair.candidates.ocr._old_print`):
#: newspaper OCR repeats its misreads inside one article ("Manlj" four times) far more
#: often than a book page does (SMH dev on every page: +37 token errors).
OLD_PRINT_ONLY = True
#: On a page that prints old spellings, a non-word the period table knows
#: (:meth:`repair.score.ngrams.NgramTable.known`: "legg", "forgat", "streight",
#: "warres") is kept once too: the page spells as the period did.
PERIOD_KNOWN_KEEP = True


def keep_repeated_forms(
    text: str, words: Iterable[str], cands: list[Candidate], old_print: bool = True
) -> list[Candidate]:
    """``cands`` without readings of a form the page repeats and never reads (module doc);
    ``words``: the page's word tokens; ``old_print``: the page prints old spellings."""
    if not DOC_REPEAT_KEEP or not cands or (OLD_PRINT_ONLY and not old_print):
        return cands
    counts: Counter[str] | None = None
    out = []
    for c in cands:
        if c.source in RULES:
            span = text[c.start : c.end]
            if span.isalpha() and (span.islower() or (CAPITALISED and span[1:].islower())):
                if counts is None:
                    counts = Counter(w.lower() for w in words)
                low = span.lower()
                rep = c.replacement.lower()
                if (
                    rep.isalpha()
                    and counts[rep] == 0
                    and not is_known(low)
                    and (counts[low] >= MIN_REPEAT or (old_print and _period_known(low)))
                ):
                    continue
        out.append(c)
    return out


def _period_known(word: str) -> bool:
    """Whether :data:`PERIOD_KNOWN_KEEP` keeps ``word`` (the period table knows it)."""
    if not PERIOD_KNOWN_KEEP:
        return False
    from repair.score.ngrams import get_ngrams

    return get_ngrams().known(word)
