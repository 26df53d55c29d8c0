"""A declined multi-word span read again when clean English never writes it and the
document maps it the same way each time.

The spin stage reads a written span of two or three words back to one word
(:mod:`repair.candidates.spin_phrase`) and declines most of them
(:func:`repair.stages.spin._phrase_kept`): an author's own phrase is made of common words
and fits its context.  A spinner's span often is not English at all ("parol contract"
for "policy", "nonnegotiable demand" for "tax", "endogamous group" for "family"): no two
neighbouring words of it are a pair of the book counts
(:func:`repair.score.science.unseen_span`, the corpus n-gram test) nor associated in
the LM (:data:`LM_PMI_MAX`), while an author's "political parties", "in turn", "a bit
much" or "sets aside" are.  Such an unseen span is restored

* **pooled**: where it is written at least :data:`POOL_MIN` times in the document, to the
  one original whose LM gain summed over its places is best (a spinner maps a form the
  same way each time, so the places' evidence is pooled), when the mean gain is at least
  :data:`POOL_GAIN`, the mean lead over the runner-up :data:`POOL_MARGIN`, and no place
  has either side of the gain below :data:`MIN_SIDE`;
* **alone**: elsewhere, where its own gain is at least :data:`SINGLE_GAIN` with a lead of
  :data:`SINGLE_MARGIN` and neither side below :data:`MIN_SIDE`.

Off by default (:data:`repair.stages.spin.SPAN_RARE`). Only in a document whose spin gate is
already open (:mod:`repair.stages.spin`); the
restorations are ``SPIN_SYNONYM_PHRASE`` candidates, so the stage's own checks (a kept
span against the word candidates inside it, the LM in each round's context) still
apply.  Chosen on dev halves (benchmarks/RESULTS.md, "Session 32, spinmulti32").
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.candidates.spin_phrase import span_originals
from repair.document import Document
from repair.resources.lm import get_lm
from repair.score.science import unseen_span
from repair.score.spin_context import WordContext, context
from repair.types import Candidate

#: Places of one written span that pool their evidence.
POOL_MIN = 2
#: Least mean LM gain (nats) of the pooled original over its places, in context.
POOL_GAIN = 4.0
#: Least mean lead of the pooled original over the runner-up (nats per place).
POOL_MARGIN = 2.0
#: Least LM gain and lead of a span read alone.
SINGLE_GAIN = 10.0
SINGLE_MARGIN = 3.0
#: Least left and right part of the gain at every place.
MIN_SIDE = -1.0
#: Most LM association (nats: ln P(b | a) - ln P(b)) of any two neighbouring written words:
#: a pair the LM knows as one ("sets aside", "climbs up") is an author's, though the book
#: counts (a lemma's inflected forms apart) miss it.
LM_PMI_MAX = 2.0

Row = dict[str, tuple[float, float, float]]


def _rows(doc: Document, ctx: WordContext, c: Candidate, low: tuple[str, ...]) -> Row:
    """Original -> (gain, left gain, right gain) at the span of ``c``."""
    origs = span_originals(low)[0]
    left, right, _initial = context(doc, ctx, c.start, c.end)
    lm = get_lm()
    spun = list(low)
    base_left = lm.sequence_logprob(spun, left)
    base_right = lm.sequence_logprob(right, [*left, *spun])
    out: Row = {}
    for o in origs:
        lg = lm.sequence_logprob([o], left) - base_left
        rg = lm.sequence_logprob(right, [*left, o]) - base_right
        out[o] = (lg + rg, lg, rg)
    return out


def _lm_pair(low: tuple[str, ...]) -> bool:
    """Whether two neighbouring words of ``low`` are associated in the LM by more than
    :data:`LM_PMI_MAX`."""
    lm = get_lm()
    return any(
        lm.logprob(b, [a]) - lm.logprob(b) > LM_PMI_MAX for a, b in zip(low, low[1:], strict=False)
    )


def _best(total: dict[str, float]) -> tuple[str, float]:
    """The original with the best total, and its lead over the runner-up (10 if alone)."""
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    lead = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else 10.0
    return ranked[0][0], lead


def _candidate(c: Candidate, original: str, row: tuple[float, float, float], how: str) -> Candidate:
    g, lg, rg = row
    feats = {**c.features, "gain0": g, "left_gain": lg, "right_gain": rg, "span_rare": how}
    return Candidate(c.start, c.end, original, c.kind, c.source, feats)


def rare_spans(doc: Document, declined: Sequence[Candidate]) -> list[Candidate]:
    """Candidates restoring the declined multi-word spans ``declined`` whose written span
    is unseen in the book counts, pooled or alone (module doc)."""
    ctx: WordContext | None = None
    groups: dict[tuple[str, ...], list[tuple[Candidate, Row]]] = {}
    seen: set[tuple[int, int]] = set()
    for c in declined:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        written = doc.text[c.start : c.end]
        low = tuple(written.lower().split())
        if not unseen_span(written) or _lm_pair(low):
            continue
        ctx = ctx or WordContext.of(doc)
        rows = _rows(doc, ctx, c, low)
        if rows:
            groups.setdefault(low, []).append((c, rows))
    out: list[Candidate] = []
    for places in groups.values():
        if len(places) >= POOL_MIN:
            total: dict[str, float] = {}
            for _c, rows in places:
                for o, (g, _lg, _rg) in rows.items():
                    total[o] = total.get(o, 0.0) + g
            o, lead = _best(total)
            n = len(places)
            if (
                total[o] / n >= POOL_GAIN
                and lead / n >= POOL_MARGIN
                and all(min(rows[o][1], rows[o][2]) >= MIN_SIDE for _c, rows in places)
            ):
                out += [_candidate(c, o, rows[o], "pooled") for c, rows in places]
                continue
        for c, rows in places:
            o, lead = _best({k: v[0] for k, v in rows.items()})
            g, lg, rg = rows[o]
            if g >= SINGLE_GAIN and lead >= SINGLE_MARGIN and min(lg, rg) >= MIN_SIDE:
                out.append(_candidate(c, o, rows[o], "alone"))
    return out
