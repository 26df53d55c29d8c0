"""A term window against its written word's other places: one written form, one original.

A thesaurus spinner writes the same word for the same original each time ("errors" ->
"misfeasance" three times in one abstract).  A term window (:mod:`repair.score.collocation`)
reads one place: "misfeasance rate" -> "crime rate" is a known term, and the rare-word pass
then carries "crime" to the other places (:func:`repair.score.science.register_decisions`,
:mod:`repair.score.consistency`), although their own context says "error" by tens of nats
("grammar misfeasance in them", "twice as many misfeasance on this clod").

:func:`pooled_against` declines an applied window whose one changed word is a rare word
(the rare-word pass reads it: Zipf at most :data:`repair.detect.rareword.MAX_ZIPF`) written
at other places outside the applied windows, where the rare-word pass's noisy-channel score
(:attr:`repair.detect.rareword.Option.score`) summed over those places prefers another
candidate to the window's original by :data:`MIN_MARGIN` nats or more.  The rare-word pass
then reads every place of the word, the window's too, with the evidence of all of them
pooled (:func:`repair.score.rareword.pooled`).

Switch: :data:`TERM_POOL`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from repair.document import Document

#: Decline a term window its word's other places contradict (:func:`pooled_against`).
#: ON (session 48, spintort48; ``python benchmarks/spin_eval.py --all --split dev|test``):
#: tortured dev 0.454 -> 0.466 (precision 0.808 -> 0.832: "misfeasance" -> "errors" at
#: three places, not "crime"), every other dev row the same; test tortured 0.275 and mill
#: 0.027 unchanged (it does not fire there); ``spin_calibrate.py``: 0.094 -> 0.092 changed
#: tokens per 1,000 (FPR 0.0075 -> 0.0071; abc_news documents changed 41 -> 39, by a term
#: window declined); ``tortured_general_eval.py --abstracts`` identical; seeds identical.
TERM_POOL = True
#: Least lead (nats, summed over the other places) of another candidate over the window's
#: original (set before the dev run; not tuned).
MIN_MARGIN = 10.0
#: The reason a declined window carries.
REASON = "pooled_against"


def _other_places(
    doc: Document, word: str, taken: frozenset[int], index: dict[str, list[int]]
) -> list[int]:
    """Token indexes of ``word`` (same letters, lower case) outside ``taken`` offsets;
    ``index`` (token text -> indexes) is filled on first use, so a document is read once
    however many windows ask."""
    if not index:
        for i, t in enumerate(doc.tokens):
            index.setdefault(t.text, []).append(i)
    return [i for i in index.get(word, ()) if doc.tokens[i].start not in taken]


def pooled_against(doc: Document, decided: list[Any]) -> list[Any]:
    """``decided`` (:class:`repair.score.collocation.Decision`) with the applied windows
    declined (reason :data:`REASON`) whose changed word's other places prefer another
    original by :data:`MIN_MARGIN` (module doc); ``decided`` itself when none is."""
    if not TERM_POOL or not any(d.applied for d in decided):
        return decided
    from repair.candidates.tortured_rare import ranked
    from repair.detect.rareword import MAX_OPTIONS, MAX_ZIPF, REINFLECT, evidence
    from repair.resources.frequency import zipf

    taken = frozenset(t.start for d in decided if d.applied for t in d.restoration.tokens)
    out, declined = [], False
    index: dict[str, list[int]] = {}
    for d in decided:
        r = d.restoration
        if not d.applied or len(r.changed) != 1:
            out.append(d)
            continue
        k = r.changed[0]
        word, original = r.written[k], r.restored[k].lower()
        z = zipf(word)
        places = _other_places(doc, word, taken, index) if word.islower() and z <= MAX_ZIPF else []
        cands = ranked(word, MAX_OPTIONS) if places else ()
        if not places or original not in cands:
            out.append(d)
            continue
        sums: dict[str, float] = {}
        for i in places:
            for o in evidence(doc.tokens, i, z, cands, reinflect=REINFLECT).options:
                sums[o.word] = sums.get(o.word, 0.0) + o.score
        best = max(sums, key=lambda c: sums[c])
        if best != original and sums[best] - sums.get(original, 0.0) >= MIN_MARGIN:
            out.append(replace(d, applied=False, reasons=(*d.reasons, REASON)))
            declined = True
        else:
            out.append(d)
    return out if declined else decided
