"""Lone strong word rows of a formal document the spin gate keeps shut (issue 11; off).

A paper mill's abstract is short and its synonyms are about as common as the words
they replace, so the spin stage's document gate stays shut on most of them and the
collocation stage's rare-word pass (a pre-gate of four rare words, 60 per 1,000) does
not read them either.  What is left in such an abstract is a handful of word rows the
word model (:mod:`repair.score.spin_model`) ranks high on their own: "ensuing" ->
"next", "nourishment" -> "food", "platters" -> "records", each with a large both-sides
LM gain.  :func:`lone_rows` keeps them where

* the document passes the style bars of scientific register whatever its vocabulary
  (:func:`repair.detect.science.formal_style`: no names, speech or "I");
* the rare-word pass does not read it (:func:`repair.score.science.rare_pass_reads`:
  where it does, it pools every source and decides those words itself), nor the
  sense-word pass (:func:`repair.score.sense_words.sense_decisions` applies none: its
  document gate counts these words, and a row taken here would shut it);
* the row's probability is at least :data:`BAR`, the LM gain of its original in context
  (the model's ``gain0`` feature) at least :data:`MIN_GAIN` nats, the written word is
  rarer than its original (wordfreq Zipf; a thesaurus picks the rarer synonym) and no
  paper-mill habit writes it for another original
  (:func:`repair.score.science.habit_conflict`).

The kept rows carry their own bar (``word_bar``, read by :func:`repair.score.spin._decide`)
and ``lone_row`` in their evidence.

Measured (session 51, spintort; ``benchmarks/RESULTS.md``): on the dev abstracts the rows
it keeps are right (mill, tortured), but the clean formal documents of
``benchmarks/spin_calibrate.py`` (inaugural addresses, short pieces of speeches and
science news) hold the same rows ("candidly" -> "honestly", "appertain" -> "belong",
"pursuance" -> "pursuit"): the calibration's changed tokens rise, so :data:`LONE_ROWS`
ships off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from repair.document import Document
from repair.types import Candidate

#: Keep the lone strong rows (:func:`lone_rows`).  Off: dev mill and tortured gain, but
#: clean formal prose carries the same rows (module docstring; benchmarks/RESULTS.md,
#: "Session 51, spintort").
LONE_ROWS = False
#: Least word-model probability of a kept row.
BAR = 0.3
#: Least LM gain (nats) of the row's original over the written word in context.
MIN_GAIN = 9.0


def _best_rows(candidates: Iterable[Candidate], taken: set[tuple[int, int]]) -> list[Candidate]:
    """The most probable one-word ``SPIN_SYNONYM`` row of each span not in ``taken``."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        span = (c.start, c.end)
        if c.source != "SPIN_SYNONYM" or span in taken or " " in c.replacement:
            continue
        p = c.features.get("model_probability", 0.0)
        if span not in best or p > best[span].features.get("model_probability", 0.0):
            best[span] = c
    return list(best.values())


def strong(doc: Document, c: Candidate) -> bool:
    """Whether row ``c`` passes the row bars (:data:`BAR`, :data:`MIN_GAIN`, a written
    word rarer than its original, no mill habit for another original)."""
    from repair.resources.frequency import zipf
    from repair.score.science import habit_conflict

    if c.features.get("model_probability", 0.0) < BAR:
        return False
    if c.features.get("gain0", 0.0) < MIN_GAIN:
        return False
    written = doc.text[c.start : c.end].lower()
    original = c.replacement.lower()
    return zipf(written) < zipf(original) and not habit_conflict(written, original)


def lone_rows(
    doc: Document, candidates: Iterable[Candidate], kept: Iterable[Candidate]
) -> list[Candidate]:
    """The strong rows (:func:`strong`) of ``candidates`` not in ``kept``, as candidates
    with their own bar, when :data:`LONE_ROWS` is on, the document is of formal style and
    the rare-word pass does not read it; else none."""
    if not LONE_ROWS:
        return []
    taken = {(c.start, c.end) for c in kept}
    rows = [c for c in _best_rows(candidates, taken) if strong(doc, c)]
    if not rows:
        return []
    from repair.detect.science import formal_style
    from repair.score.science import rare_pass_reads

    if not formal_style(doc) or rare_pass_reads(doc):
        return []
    from repair.score.sense_words import sense_decisions

    if any(d.applied for d in sense_decisions(doc, frozenset(), [])):
        return []  # the sense-word pass reads the document (its gate counts these words)
    return [replace(c, features={**c.features, "word_bar": BAR, "lone_row": True}) for c in rows]
