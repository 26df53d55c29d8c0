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
"""

from __future__ import annotations

from repair.types import Candidate

#: Switch (the scorer reads it).
RESCUE = True
#: Nats a rejected reading's margin may fall short of its threshold.
SLACK = 3.0


def _word(text: str) -> bool:
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

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
