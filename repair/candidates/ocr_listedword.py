"""Rare words and names the word-frequency list knows, one learned confusion away (issue 12).

The correction targets are the dictionary's words of Zipf >= 2 (about 60 k): the
surnames, places and rare words of a newspaper ("Lewthwaite", "Cubitt", "Chegwidden",
"Desiderius") are none of them, so no search reaches them.  wordfreq's large English
list (321 k forms, as :mod:`repair.resources.frequency` ships it) knows many of them
at Zipf 1 to 2, and knows no garbled print of them.  A flagged capitalised token (a
name's shape: a lower-case print the list does not know may be an old spelling of a book)
of a garbled page that no other reading reached, which the list does not know, is read
as the string one learned confusion away (as
:func:`repair.score.ocr_channel.single_confusions` reads them) that the list knows at
Zipf >= :data:`MIN_ZIPF`, when that confusion is cheap (:data:`MAX_COST`) and no other
such string comes within :data:`AMBIGUOUS` nats.

Only the target side widens: a word the list knows is not made "known" (never
protected, never flagged anew), and no reading is asked of a token that has one.

>>> [c.replacement for c in listed_candidates("Cubltt")]
['Cubitt']
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import confusion_reading
from repair.resources.frequency import zipf
from repair.score.ocr_channel import _max_src_len, _single_rows, is_target, target_part
from repair.types import Candidate

#: Switch (see the module doc).
LISTED = True
#: Shortest token read (letters).
MIN_LEN = 6
#: The reading's Zipf at least (wordfreq's large list) ...
MIN_ZIPF = 1.0
#: ... for a print the list does not know (Zipf below this).
PRINT_MAX_ZIPF = 0.0
#: Cost (nats) of the one confusion at most.
MAX_COST = 3.0
#: A second listed reading this close (nats) makes the token ambiguous: no reading.
AMBIGUOUS = 1.0
#: A print that is two words this common (Zipf) run together is left to the split readings.
TWO_WORDS_ZIPF = 4.0
#: Margin the reading needs in context (the language model knows few such words).
THRESHOLD = -2.0


def listed_candidates(text: str, start: int = 0, reason: str = "nonword") -> list[Candidate]:
    """The listed reading of the flagged token ``text`` at ``start`` (module doc)."""
    if not LISTED or len(text) < MIN_LEN or not text.isalpha():
        return []
    if not (text[:1].isupper() and text[1:].islower()):
        return []  # a name's shape (lower-case rare prints: old spellings of books, too)
    best = _best(text)
    if best is None:
        return []
    word, cost, subs = best
    return confusion_reading(text, start, word, word, cost, subs, reason, THRESHOLD, listed=True)


@lru_cache(maxsize=1024)
def _best(text: str) -> tuple[str, float, tuple[tuple[str, str], ...]] | None:
    low = text.lower()
    if zipf(low) > PRINT_MAX_ZIPF or _two_words(low):
        return None
    plain_zipf = zipf.__wrapped__  # type: ignore[attr-defined]  # one-off strings: no cache
    found: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {}
    rows, longest = _single_rows(), _max_src_len()
    for i in range(len(text)):  # one learned confusion, as single_confusions reads them
        for n in range(1, min(longest, len(text) - i) + 1):
            for dst, cost, subs in rows.get(text[i : i + n], ()):
                variant = text[:i] + dst + text[i + n :]
                if cost > MAX_COST + AMBIGUOUS or not variant.isalpha() or variant in found:
                    continue
                if not variant[1:].islower() or plain_zipf(variant.lower()) < MIN_ZIPF:
                    continue
                found[variant] = (cost, subs)
    ranked = sorted(found.items(), key=lambda item: item[1][0])
    if not ranked or ranked[0][1][0] > MAX_COST or _truncated(ranked[0][0].lower()):
        return None
    if len(ranked) > 1 and ranked[1][1][0] - ranked[0][1][0] < AMBIGUOUS:
        return None
    return ranked[0][0], ranked[0][1][0], ranked[0][1][1]


def _truncated(word: str) -> bool:
    """Whether ``word`` is a piece of a target word, no target itself ("emergenc",
    "industr", "childr"): the list's forms include such truncations of web text."""
    return not is_target(word) and word in target_part().prefix_set()


def _two_words(low: str) -> bool:
    """Whether the print is two target words run together ("througha"): a lost space,
    read by the split readings, not a misread glyph."""
    return any(_common(low[:k]) and _common(low[k:]) for k in range(1, len(low)))


def _common(word: str) -> bool:
    return is_target(word) and zipf(word) >= TWO_WORDS_ZIPF
