"""The order of a garbled page's accepted readings of one span (issue 12, session 40).

Nothing here accepts or declines a reading: a span's accepted readings and whether one
is applied stay as :mod:`repair.score.ocr` decided (a reordering that would swap a
reading :mod:`repair.score.ocr_knownform` refuses for one it does not, or back, is not
made); only which of them comes first moves.

:data:`SUB_PENALTY` (on): the accepted readings of a printed word of letters lose this
many nats each per substitution (its ``subs``; a reading without them, its Levenshtein
distance to the print) before they are ordered.  The learned channel prices each
confusion at ``-ln p - 3`` (an offset calibrated against the LM gain for *whether* to
read), and the page's habits lower it further (:mod:`repair.score.ocr_docchannel`), so
between two readings the one that undoes more confusions is favoured by up to 3 nats
a confusion for nothing: "ovor" -> "ever" (-2.1 nats) against "over" (-1.1), "Valo" ->
"Yale" against "Vale", "ooma" -> "coins" against "coma", "ero" -> "are" against "ere".
SMH dev-a / dev-b token errors -3 / -3 at 0.5 nats (0.25: -1 / -3, 1.0: -3 / -1;
-0.5: +6 / +5); prints with marks are left alone (there the reading that keeps the
mark has more edits: "wanderin?;" -> "wandering").

:data:`NAME_SLOT` (on): a capitalised print after a title or an initial ("Mr Cator",
"Mrs. Gurdon", "Q. S. Speddlng": :func:`repair.candidates.ocr_namepos.name_position`)
is a surname or a place almost always.  The trigram model (lower-cased, modern) knows
few of the period's surnames, and what it says of the readings there is mostly their
frequency as common words or famous names: "Mr gates" (11 nats over the print) beats
"Mr Cater", though the gold reading is the cheaper misreading by the learned channel.
Among the accepted readings of such a span the LM gain counts only :data:`LM_SHARE` of
itself, and a fixed ``OCR_NAME`` reading (one cheap confusion to a listed name) comes
first when no scored reading reaches :data:`NAME_FIXED_MARGIN` ("Speddlng" ->
Spedding, not "Spending" at -2.1 nats; "Coppcn" -> Coppen, not a rescued "Copper").
SMH dev-a / dev-b -1 / -3 tokens (with :data:`SUB_PENALTY`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from repair.candidates.ocr_namepos import name_position
from repair.document import Document
from repair.types import Candidate

#: Whether a garbled page's name slots order their accepted readings with the LM gain
#: scaled by :data:`LM_SHARE`.
NAME_SLOT = True
#: The share of a reading's (positive) LM gain that counts in a name slot's ordering.
LM_SHARE = 0.25
#: In a name slot, a name reading of :mod:`repair.candidates.ocr` (``OCR_NAME``, a fixed
#: fallback: one cheap confusion to a listed name, or the name shape's) comes first when
#: the best scored reading's margin is below this (nats): "Q. S. Speddlng" -> Spedding,
#: not "Spending" at -2.1.
NAME_FIXED_MARGIN = 0.0
#: Nats per substitution taken off each accepted reading of a printed word with two or
#: more accepted readings when they are ordered (0: off).
SUB_PENALTY = 0.5

Groups = dict[tuple[int, int], list[tuple[float, Candidate, dict[str, Any]]]]


def name_slot_spans(doc: Document, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The ``spans`` that are exactly one capitalised word token in a name's position
    (after a title or an initial)."""
    toks = doc.tokens
    starts = [t.start for t in toks]
    out: set[tuple[int, int]] = set()
    for span in spans:
        i = bisect_left(starts, span[0])
        if i >= len(toks):
            continue
        t = toks[i]
        if t.end != span[1] or t.kind != "word" or not t.text[:1].isupper():
            continue
        if name_position(toks, i):
            out.add(span)
    return out


def _subs(c: Candidate) -> int:
    subs = c.features.get("subs")
    if subs:
        return len(subs)
    from rapidfuzz.distance import Levenshtein

    orig = " ".join(str(w) for w in c.features.get("orig", ()))
    return int(Levenshtein.distance(orig, c.replacement))


def _word_print(doc: Document, span: tuple[int, int]) -> bool:
    """Whether the print over ``span`` is one word of letters (an apostrophe inside)."""
    text = doc.text[span[0] : span[1]]
    return text.replace("'", "").isalpha()


def _name_first(items: list[tuple[float, Candidate, dict[str, Any]]]) -> list:
    """:data:`NAME_FIXED_MARGIN`: ``items`` (best first) with a fixed ``OCR_NAME``
    reading moved to the front when no scored reading has a margin of at least the
    bound."""
    name = next((x for x in items if "fixed" in x[1].features and x[1].source == "OCR_NAME"), None)
    if name is None:
        return items
    scored = [float(ev.get("margin", 0.0)) for _m, c, ev in items if "fixed" not in c.features]
    if not scored or max(scored) >= NAME_FIXED_MARGIN:
        return items
    return [name, *(x for x in items if x is not name)]


def rerank(doc: Document, groups: Groups) -> int:
    """:data:`NAME_SLOT` and :data:`SUB_PENALTY` (in place) on the spans with two or more
    accepted readings, each span's readings sorted again (best first).  Spans decided
    jointly and fixed readings are left alone, and so is a span whose first reading
    would change between one :mod:`repair.score.ocr_knownform` refuses and one it does
    not (whether the span is read stays as it was).  Returns the number of spans
    whose first reading changed."""
    from repair.score import ocr_knownform

    multi = [
        span
        for span, items in groups.items()
        if len(items) > 1 and not any("joint_margin" in ev for _m, _c, ev in items)
    ]
    if not multi:
        return 0
    slots = name_slot_spans(doc, multi) if NAME_SLOT else set()
    moved = 0
    for span in multi:
        slot = span in slots
        subs = bool(SUB_PENALTY) and _word_print(doc, span)
        if not (slot or subs):
            continue
        items = groups[span]
        new = []
        for m, c, ev in items:
            if "fixed" in c.features:
                new.append((m, c, ev))
                continue
            cut = 0.0
            g = ev.get("lm_logprob_gain")
            if slot and g is not None and float(g) > 0.0:
                cut += (1.0 - LM_SHARE) * float(g)
                ev = {**ev, "name_slot": round((1.0 - LM_SHARE) * float(g), 2)}
            if subs:
                cut += SUB_PENALTY * _subs(c)
            new.append((m - cut, c, ev))
        new.sort(key=lambda x: -x[0])
        if slot:
            new = _name_first(new)
        old_top, new_top = items[0], new[0]
        if new_top[1] is old_top[1]:
            continue
        if ocr_knownform.refused(old_top[1].source, old_top[2]) != ocr_knownform.refused(
            new_top[1].source, new_top[2]
        ):
            continue
        groups[span] = new
        moved += 1
    return moved
