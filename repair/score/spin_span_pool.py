"""One original per written span, pooled over all its places (session 64, measured, off).

A spinner maps an original to one multi-word form wherever it swaps it, so the places of
one written span ("distaff sides") restored in a document should share one original.  The
stage picks each place's original from that place's own readings (the best both-side LM
gain, :func:`repair.candidates.spin_phrase._ranked`), and session 63's span-mapping carry
(:mod:`repair.score.spin_span_mapping`) spreads the first place's pick, right or wrong.

:func:`pooled_spans` re-chooses, after the stage's decision, the original of every span
restoration (rule ``SPIN_SYNONYM_PHRASE``) whose written span (lower case) the document
writes at two places or more: the candidate original with the best summed gain over
every place the span is written (:func:`repair.candidates.spin_phrase.span_readings`; an
original a place cannot read counts :data:`MISSING` nats there), among all the span's
originals or, with :data:`CHOSEN_ONLY`, among those the stage chose at one of its places;
with :data:`SPLIT_ONLY` only where the stage restored the span two ways.

Session 64, spinpool (benchmarks/RESULTS.md, "Session 64, spinpool"): the places of one
written span agree on the wrong original as often as on the right one (the LM's
preference for the commoner original is the same at every place), so the pooled gain adds
no evidence.  A scratch scan of the stage's dev edits (spinbot / rare / double / WordNet):
over all originals 8 / 2 / 0 / 0 places made right against 11 / 3 / 10 / 8 made wrong; the
split spans alone 7 / 0 / 0 / 0 against 5 / 3 / 2 / 2.  In the stage, dev: split spans
(the setting below) spinbot 0.2641 -> 0.2645, rare 0.4284 -> 0.4273, double 0.3629 ->
0.3622, WordNet 0.3660 -> 0.3652; every recurring span over all originals spinbot 0.2635,
rare 0.4281, double 0.3596, WordNet 0.3629; the seed rows identical.  Off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from repair.document import Document
from repair.types import Edit

#: Re-choose each recurring written span's original by its pooled gain (False: off).
#: Session 64: off, no spinner's dev gains but spinbot's (+0.0004; module doc).
POOLED_SPANS = False
#: Only among the originals the stage chose at one of the span's places.
CHOSEN_ONLY = True
#: Only where the stage restored one written span to two or more originals.
SPLIT_ONLY = True
#: The gain (nats) counted for an original a place has no reading of.
MISSING = -30.0
#: The rule of the span restorations.
RULE = "SPIN_SYNONYM_PHRASE"
#: The feature that marks a re-chosen edit (its evidence).
FEATURE = "pooled_span"


def _places(text: str, span: str) -> list[tuple[int, int]]:
    """Every place ``span`` (lower case) is written in ``text`` as whole words."""
    import re

    pat = re.compile(r"(?<!\w)" + re.escape(span) + r"(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def pooled_spans(doc: Document, edits: Iterable[Edit]) -> list[Edit]:
    """``edits`` with each recurring span restoration's original re-chosen (module doc)."""
    edits = list(edits)
    if not POOLED_SPANS:
        return edits
    from repair.candidates.collocation import case_like
    from repair.candidates.spin_phrase import span_readings

    groups: dict[str, list[Edit]] = {}
    for e in edits:
        if e.rule == RULE:
            groups.setdefault(doc.text[e.offset : e.end].lower(), []).append(e)
    pick: dict[str, tuple[str, float]] = {}
    for span, es in groups.items():
        chosen = {e.replacement.lower() for e in es}
        if SPLIT_ONLY and len(chosen) < 2:
            continue
        places = _places(doc.text, span)
        if len(places) < 2:
            continue
        reads = [{r.original.lower(): r.gain for r in span_readings(doc, a, b)} for a, b in places]
        pool = chosen if CHOSEN_ONLY else set().union(*reads)
        if not pool:
            continue
        scored = {o: sum(r.get(o, MISSING) for r in reads) for o in pool}
        best = max(scored, key=lambda o: (scored[o], o))
        pick[span] = (best, scored[best])
    if not pick:
        return edits
    out = []
    for e in edits:
        span = doc.text[e.offset : e.end].lower()
        got = pick.get(span) if e.rule == RULE else None
        if got is None or got[0] == e.replacement.lower():
            out.append(e)
            continue
        new = case_like(e.original, got[0])
        evidence = {**e.evidence, FEATURE: f"{e.replacement} -> {new} ({got[1]:.1f} nats summed)"}
        out.append(replace(e, replacement=new, evidence=evidence))
    return out
