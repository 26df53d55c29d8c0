"""Closed compounds no dictionary lists, read as two words written as one (issue 12).

Newspapers print many closed compounds and compound names that neither the dictionary
nor the name list holds ("hotelkeeper", "Fruitgrowers", "Parkgrove", "Greenthorpe"):
when the OCR garbles one ("hotolkcopor", "Frultgrowors", "Parkgrovo"), no search over
the dictionary can produce it.  Each half is a common word, though, so the garbled
token is read as two common words, each within the learned confusions of its own half
of the print, joined without a space: the channel cost is the sum of the two halves'
costs plus :data:`JOIN_COST` (the prior of writing two words as one).

Only a flagged token of a garbled page that no other reading reached is read this way
(:func:`compound_candidates` is asked last), and only when at least one half changes:
a print that already is two words joined is left alone.

>>> [c.replacement for c in compound_candidates("Frultgrowors")]
['Fruitgrowers']
>>> compound_candidates("Parkgrove")
[]
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_rules import confusion_reading
from repair.resources.frequency import zipf
from repair.score.ocr_channel import confusion_variants, is_target, target_part, transfer_case
from repair.types import Candidate

#: Switch (see the module doc).
COMPOUND = True
#: Shortest token read (letters), and shortest half of the reading.
MIN_LEN = 8
MIN_PART = 4
#: Longest token read.
MAX_LEN = 16
#: A half must be a target word at least this common (Zipf).
PART_ZIPF = 3.5
#: Channel cost (nats) of each half at most, and of both.
PART_MAX_COST = 4.0
MAX_COST = 5.0
#: Prior (nats) of two words written as one.
JOIN_COST = 1.0
#: Margin the reading needs in context (the language model knows no such compound).
THRESHOLD = -4.5
#: Confusions a half's walk may use.
MAX_SUBS = 3


def compound_candidates(text: str, start: int = 0, reason: str = "nonword") -> list[Candidate]:
    """The compound reading of the flagged token ``text`` at ``start`` (module doc)."""
    if not COMPOUND or not (MIN_LEN <= len(text) <= MAX_LEN) or not text.isalpha():
        return []
    if not (text.islower() or (text[:1].isupper() and text[1:].islower())):
        return []
    best = _best(text)
    if best is None:
        return []
    word, cost, subs = best
    return confusion_reading(
        text, start, transfer_case(text, word), word, cost, subs, reason, THRESHOLD, compound=True
    )


@lru_cache(maxsize=1024)
def _best(text: str) -> tuple[str, float, tuple[tuple[str, str], ...]] | None:
    low = text.lower()
    if zipf(low) > 0.0:
        return None  # the list knows the print: a word or name ("Dongting")
    cuts = range(MIN_PART, len(low) - MIN_PART + 1)
    if any(_common(low[:k]) and _common(low[k:]) for k in cuts):
        return None  # the print is two words joined already
    best: tuple[str, float, tuple[tuple[str, str], ...]] | None = None
    for k in cuts:
        left = _half(text[:k])
        if not left:
            continue
        right = _half(low[k:])
        if not right:
            continue
        for lw, (lc, ls) in left.items():
            for rw, (rc, rs) in right.items():
                total = lc + rc + JOIN_COST
                if lc + rc > MAX_COST or (best is not None and total >= best[1]):
                    continue
                if _listed(lw + rw):
                    best = (lw + rw, total, ls + rs)
    return best


def _common(word: str) -> bool:
    return len(word) >= MIN_PART and is_target(word) and zipf(word) >= PART_ZIPF


def _listed(word: str) -> bool:
    """Whether a word list knows the compound: wordfreq, or the period vocabulary."""
    from repair.score.ngrams import get_ngrams

    return zipf(word) > 0.0 or get_ngrams().known(word)


def _half(part: str) -> dict[str, tuple[float, tuple[tuple[str, str], ...]]]:
    """The common target words within :data:`PART_MAX_COST` of ``part`` (lower case)."""
    low = part.lower()
    found = {
        w.lower(): v
        for w, v in confusion_variants(low, target_part(), PART_MAX_COST, MAX_SUBS).items()
    }
    if part != low:  # a capital the OCR misread ("Botel" for "Hotel")
        for w, v in confusion_variants(part, target_part(), PART_MAX_COST, MAX_SUBS).items():
            w = w.lower()
            if w not in found or v[0] < found[w][0]:
                found[w] = v
    found[low] = (0.0, ())
    return {w: v for w, v in found.items() if _common(w)}
