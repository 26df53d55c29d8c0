"""In a document read as a dense one-click spinner's, a written span's candidate original
that the document prints elsewhere is not the one the span hides.

The word version is :mod:`repair.score.spin_printed`: a one-click spinner (SpinBot-like:
most replaceable words swapped, one fixed synonym per word) replaces a word it knows
wherever it stands, so the words a document still prints are the ones it does not
replace.  The same holds for the one word a spinner wrote as a multi-word span
("bordering on" for "almost"): where the span's best original by LM gain (the one
:func:`repair.candidates.spin_phrase.phrase_evidence` chose, "near") is printed elsewhere
in the document and another original is not, the other is the likelier one.

Where the spin stage routed a document to the any-rank model
(:mod:`repair.score.spin_route`), :func:`reprinted` re-chooses each span candidate whose
chosen original the document prints (outside the span itself, any case): every original
of the span scores its whole-span LM gain plus :data:`PRINTED_SPAN` (nats) when printed;
the best of the sums replaces the chosen one when it is not printed, with its own
features and its lead over the next sum as its ``margin``.  The stage's floors
(``repair.stages.spin._phrase_kept``) then decide it as any span.  :func:`printed_nats`
is the same score for the stage's tie-break among near-tied originals
(``repair.stages.spin._tie_picked``), so a re-chosen span is not re-chosen back.  Reads
only the document's own words and the routing verdict: no word list.  Account and
figures: benchmarks/RESULTS.md, "Session 57, spinspan".
"""

from __future__ import annotations

from repair.candidates.spin_phrase import Rival, span_readings
from repair.document import Document
from repair.types import Candidate

#: Nats added to a written span's candidate original that the document prints elsewhere,
#: in a document routed to the any-rank model; None: off.  Spinbot dev (40 documents,
#: ``spin_eval.py --spinner spinbot --split dev``; edits / right / broken): off 0.2275
#: (1,289 / 871 / 91); -1 0.2277; **-2 0.2293** (1,291 / 875 / 89); -3 0.2274; -5 0.2260.
#: Cross-fitted by document halves (``--half``): dev-a picks -2 (0.2190 -> 0.2215), which
#: on dev-b reads 0.2379 -> 0.2388; dev-b picks -2, which on dev-a reads 0.2190 -> 0.2215.
#: No other spinner's dev document is routed (every other dev row identical in every
#: count); ``spin_calibrate.py`` identical (0.038 changed tokens per 1,000, FPR 0.0060; the
#: per-document CSV byte-identical).  Test (read once): spinbot 0.1880 -> 0.1885 (precision
#: 0.640 -> 0.646), every other test row identical.  On (-2.0); None: off.
PRINTED_SPAN: float | None = -2.0
#: The candidate feature that marks a span of a routed document for the cue.
FEATURE = "printed_cue"


def printed(doc: Document, start: int, end: int, original: str) -> bool:
    """Whether ``doc`` prints ``original`` (any case) outside the written span
    ``doc.text[start:end]``.

    >>> d = Document("They live near the sea, bordering on the coast.")
    >>> printed(d, 24, 36, "near"), printed(d, 24, 36, "almost")
    (True, False)
    >>> printed(Document("kick off the match"), 0, 8, "kick")  # the span's own word
    False
    """
    low = original.lower()
    inside = doc.text[start:end].lower().split().count(low)
    return doc.word_counts.get(low, 0) > inside


def printed_nats(doc: Document, c: Candidate, original: str) -> float:
    """The score ``original`` gains at the span candidate ``c`` (:data:`PRINTED_SPAN` where
    ``c`` is marked for the cue and the document prints ``original``; else 0)."""
    if PRINTED_SPAN is None or not c.features.get(FEATURE):
        return 0.0
    return PRINTED_SPAN if printed(doc, c.start, c.end, original) else 0.0


def reprinted(doc: Document, c: Candidate) -> Candidate:
    """The span candidate ``c`` (marked for the cue) re-chosen where its original is
    printed in ``doc`` and an original that is not printed outscores it once
    :data:`PRINTED_SPAN` is added; else ``c`` itself.  A recurring mapping (also on length-fair
    evidence), a tight or a document-mapped span keeps its original (its own evidence chose it)."""
    f = c.features
    if (
        PRINTED_SPAN is None
        or not f.get(FEATURE)
        or f.get("recurring")
        or f.get("span_tight")
        or f.get("self_gated")
        or f.get("fair_recurring")
        or not printed(doc, c.start, c.end, c.replacement)
    ):
        return c
    reads = span_readings(doc, c.start, c.end)
    if not reads:
        return c
    scored = sorted(
        ((r.gain + printed_nats(doc, c, r.original), r) for r in reads),
        key=lambda x: (x[0], x[1].original == c.replacement),
        reverse=True,
    )
    best, r = scored[0]
    if r.original == c.replacement or printed(doc, c.start, c.end, r.original):
        return c
    lead = best - scored[1][0] if len(scored) > 1 else 10.0
    return Candidate(c.start, c.end, r.original, c.kind, c.source, _features(f, r, lead))


def _features(f: dict[str, object], r: Rival, lead: float) -> dict[str, object]:
    """The span's features ``f`` with the reading ``r`` as its original (lead ``lead``)."""
    return {**f, **r.fields(), "margin": min(round(lead, 4), 10.0), "printed_pick": True}
