"""A confirmed mapping carried to its other places below the same-mapping bar (session 60).

A one-click spinner writes one synonym per word wherever it swaps that word, so where
the spin stage has restored a written form to an original *confidently* (the word
model's probability at least :data:`CONFIDENT`) or at :data:`PLACES` places or more,
the document itself shows that mapping at work.  The form's other places that propose
the same original are then kept at a bar far under the stage's same-mapping bar
(:data:`repair.stages.spin.MAPPING_BAR`, 0.2): :data:`CONFIRMED_BAR`.  A row still needs
the LM on its side (``gain0`` > 0), must not be a common-word row and must not lie under
an edit; with :data:`ROUTED_ONLY` the document must be one the stage routes to the
any-rank model (:mod:`repair.score.spin_route`: its cues read a one-click spinner).
Only the document's own restorations are read: no list, no spinner.

Session 60, spinbot (benchmarks/RESULTS.md, "Session 60, spinbot"): on spinbot dev the
rows under 0.2 that propose a restored mapping were 70 golds, 26 unspun words and 31 other
spun words; restricted to a confirmed mapping and a probability of at least 0.05 they are
38 golds, 1 unspun word and 4 other spun words.  Shipped (0.05, routed only): dev spinbot
0.2293 -> 0.2337 (precision 0.678 -> 0.682), every other dev row identical; in every
document (not routed only) WordNet 0.3625 -> 0.3637 but its precision 0.768 -> 0.764,
rare 0.617 -> 0.614, double 0.660 -> 0.659.

>>> confirmed({("large", "big"): [0.55]}, ("large", "big"))
False
>>> confirmed({("large", "big"): [0.55, 0.51]}, ("large", "big"))
True
>>> confirmed({("large", "big"): [0.72]}, ("large", "big"))
True
>>> confirmed({("large", "big"): [0.72]}, ("large", "huge"))
False
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from repair.document import Document
from repair.types import Candidate, Edit

#: The probability a row proposing a confirmed mapping needs (None: off, the stage's
#: same-mapping bar alone).  Session 60: dev spinbot 0.2293 -> 0.2337 (module doc).
CONFIRMED_BAR: float | None = 0.05
#: A restoration at least this confident (its edit's confidence: the word model's
#: probability) confirms its mapping alone.
CONFIDENT = 0.6
#: A mapping restored at this many places is confirmed whatever their confidence.
PLACES = 2
#: Only in a document routed to the any-rank model (:mod:`repair.score.spin_route`: a
#: one-click spinner's fixed synonym per word read at work).
ROUTED_ONLY = True
#: The feature that marks a kept row (its reason in the evidence).
FEATURE = "confirmed_mapping"


def restored(doc: Document, edits: Sequence[Edit]) -> dict[tuple[str, str], list[float]]:
    """(written form, original) -> the confidences of the spin stage's word restorations
    (rule ``SPIN_SYNONYM``) of that mapping in ``doc``, both lower case."""
    out: dict[tuple[str, str], list[float]] = {}
    for e in edits:
        if e.rule == "SPIN_SYNONYM":
            key = (doc.text[e.offset : e.offset + e.length].lower(), e.replacement.lower())
            out.setdefault(key, []).append(e.confidence)
    return out


def confirmed(done: Mapping[tuple[str, str], Sequence[float]], key: tuple[str, str]) -> bool:
    """Whether the mapping ``key`` is confirmed by the restorations ``done``
    (:func:`restored`): one at least :data:`CONFIDENT`, or :data:`PLACES` of them."""
    confs = done.get(key, ())
    return bool(confs) and (len(confs) >= PLACES or max(confs) >= CONFIDENT)


def confirmed_rows(
    doc: Document,
    candidates: Sequence[Candidate],
    edits: Sequence[Edit],
    taken: set[int],
    routed: bool = True,
) -> list[Candidate]:
    """The word rows kept for a confirmed mapping (module doc), each marked with its bar
    (``word_bar``, read by the decision) and :data:`FEATURE`; ``taken``: start offsets
    already kept by the stage's same-mapping pass (not repeated); ``routed``: whether the
    document is routed to the any-rank model (read with :data:`ROUTED_ONLY`)."""
    if CONFIRMED_BAR is None or (ROUTED_ONLY and not routed):
        return []
    done = restored(doc, edits)
    if not done:
        return []
    covered = {p for e in edits for p in range(e.offset, e.offset + e.length)}
    out = []
    for c in candidates:
        if (
            c.source != "SPIN_SYNONYM"
            or c.features.get("common")
            or c.start in covered
            or c.start in taken
            or c.features.get("model_probability", 0.0) < CONFIRMED_BAR
            or c.features.get("gain0", 0.0) <= 0.0
        ):
            continue
        if confirmed(done, (doc.text[c.start : c.end].lower(), c.replacement.lower())):
            feats = {**c.features, "word_bar": CONFIRMED_BAR, "same_mapping": True, FEATURE: True}
            out.append(Candidate(c.start, c.end, c.replacement, c.kind, c.source, feats))
    return out
