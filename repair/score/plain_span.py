"""Decide function-word spans with a plainer one-word form (:mod:`repair.detect.plain_span`).

Precision first: a span is restored only

* in a document the wordy-paraphrase gate opened (:func:`repair.score.wordy.decide`
  restored at least one paraphrase there): the document already reads as phrase-spun,
  and the gate is not widened (clean text keeps its "have to" and "after that");
* where the LM prefers the one-word original by at least :data:`MIN_GAIN` nats over the
  span with two words of context each side, :data:`MIN_CONTEXT` of it beyond what the
  unconditioned LM explains (a short common word beats a two-word span everywhere),
  with neither side against it (left and right gains >= 0) and a lead of
  :data:`MIN_MARGIN` over the table's next original ("just about" -> "almost", not
  "some" or "near").

Bars chosen on dev (``benchmarks/phrase_family_heldout.py``): in the 16 phrase-spun dev
documents the gate opens, 5 restorations, all right; the families they restore ("then",
"almost") are in no closed list.
"""

from __future__ import annotations

from repair.detect.plain_span import find
from repair.detect.wordy import Match
from repair.document import Document
from repair.score import clip

#: Least LM gain (nats) of the one-word original over the span, in context.
MIN_GAIN = 5.0
#: Least gain beyond the unconditioned gain (:attr:`PhraseEvidence.context`).
MIN_CONTEXT = 2.0
#: Least lead over the runner-up original (nats).
MIN_MARGIN = 2.0
#: The pattern name the restorations carry (``Edit.evidence["pattern"]``).
PATTERN = "function_span"


def decide(
    doc: Document, wordy: list[tuple[Match, str, float, float]]
) -> list[tuple[Match, str, float, float]]:
    """``(match, plain, gain, confidence)`` for each function-word span to restore in a
    document whose wordy paraphrases ``wordy`` (the wordy decision) were restored; none
    when ``wordy`` is empty.  Spans overlapping a wordy paraphrase are skipped."""
    if not wordy:
        return []
    covered = {p for m, *_ in wordy for p in range(m.start, m.end)}
    out = []
    for ph in find(doc, covered):
        if ph.gain < MIN_GAIN or ph.context < MIN_CONTEXT or ph.margin < MIN_MARGIN:
            continue
        if ph.left_gain < 0 or ph.right_gain < 0:
            continue
        written = ph.written
        plain = ph.original[:1].upper() + ph.original[1:] if written[:1].isupper() else ph.original
        match = Match(ph.start, ph.end, written, (plain,), PATTERN)
        conf = 0.55 + 0.1 * clip((ph.gain - MIN_GAIN) / 5) + 0.1 * clip(ph.margin / 5)
        out.append((match, plain, ph.gain, round(conf, 4)))
    return out
