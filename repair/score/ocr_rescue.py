"""A word the scorer turned down, preferred to a fallback guess that is no word.

When no reading of a garbled token clears its margin, the stage may still change it by a
fallback that needs no language-model decision: a name-shape reading of a capitalised
non-word (:mod:`repair.candidates.ocr_nameshape`, "Hnbour" -> "Habour", "Mmtland" ->
"Mintland") is applied at a fixed confidence.  Once the token is going to be changed
anyway, the question the margin answered ("is the reading better than the print?") is no
longer the one to ask: the choice is between the fallback's guess, which is itself no
word, and the best reading that is one ("Harbour", "Maitland"), whose margin fell short
of its threshold by at most :data:`SLACK` nats.  That reading is taken instead.

Only a one-word printed token that is no known word, read as one known word or listed
name; the fallback must give a form neither the dictionary nor the name list knows.

A second use of the scorer's near misses (:func:`consistent`): a page misprints a word
the same way several times, and the two-sided language model accepts the reading where
the context is telling ("Major of Sydney" -> "Mayor") and falls short where it is not.
One page, one reading: where the page accepts the same reading of the same print at
another span, a near miss within :data:`CONSISTENT_SLACK` nats of its threshold is
taken too (SMH dev: "Major" -> "Mayor" three times, "Juno" -> "June", "m" -> "in").
"""

from __future__ import annotations

from repair.score.ngrams import get_ngrams  # module level: _word is asked per reading (issue 14)
from repair.score.ocr_channel import is_known
from repair.types import Candidate

#: Switch (the scorer reads it).
RESCUE = True
#: Nats a rejected reading's margin may fall short of its threshold.
SLACK = 3.0
#: A reading the page accepts elsewhere (the same print read as the same word) is
#: taken where its margin falls short by at most CONSISTENT_SLACK nats ...
CONSISTENT = False
CONSISTENT_SLACK = 2.0


def _word(text: str) -> bool:
    return is_known(text.lower()) or get_ngrams().is_name(text)


def eligible(c: Candidate) -> bool:
    """Whether ``c`` may stand in for a fallback: a one-word reading of a non-word."""
    f = c.features
    orig, alt = f.get("orig"), f.get("alt")
    return (
        not f.get("orig_known", False)
        and bool(orig)
        and bool(alt)
        and len(orig) == 1
        and len(alt) == 1
        and alt[0].isalpha()
        and _word(alt[0])
    )


def rescue(
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    near_misses: dict[tuple[int, int], tuple[float, Candidate, dict]],
) -> None:
    """Put each span's best near miss (``(margin, candidate, evidence)``, margins within
    :data:`SLACK` of their thresholds) ahead of a fallback that gives no word (in place)."""
    for span, (margin, cand, ev) in near_misses.items():
        items = groups.get(span)
        if not items or any(m > -100.0 for m, _c, _e in items):
            continue  # a reading was accepted, or nothing is applied: nothing to rescue
        if any(_word(c.replacement.strip()) for _m, c, _e in items):
            continue  # the fallback gives a word
        ev["rescued"] = True
        items.insert(0, (max(margin, -99.0), cand, ev))


def _word_reading(orig: tuple[str, ...], alt: tuple[str, ...]) -> bool:
    """One printed word read as one other word of letters, in the same case: no deletion
    of a speck ("I " at a line start), no split of a compound, no name read as a word."""
    if len(orig) != 1 or len(alt) != 1 or not orig[0].isalpha() or not alt[0].isalpha():
        return False
    return orig[0][:1].isupper() == alt[0][:1].isupper()


def consistent(
    groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]],
    near: list[tuple[float, Candidate, dict]],
) -> None:
    """Accept each near miss (``(margin, candidate, evidence)``) whose reading, the same
    printed words read as the same words, the page accepts at another span, where its own
    span has no accepted reading (in place): one page, one reading of a misprint."""
    accepted = {
        (tuple(c.features["orig"]), tuple(c.features["alt"]))
        for items in groups.values()
        for m, c, _e in items
        if m > -100.0 and "orig" in c.features and "alt" in c.features
    }
    for margin, cand, ev in near:
        key = (tuple(cand.features["orig"]), tuple(cand.features["alt"]))
        if key not in accepted or not _word_reading(key[0], key[1]):
            continue
        if cand.end - cand.start != len(key[0][0]) or cand.replacement != key[1][0]:
            continue  # the span holds marks besides the word ("clop]")
        items = groups.setdefault((cand.start, cand.end), [])
        if any(m > -100.0 for m, _c, _e in items):
            continue
        ev["consistent"] = True
        items.insert(0, (max(margin, -99.0), cand, ev))
