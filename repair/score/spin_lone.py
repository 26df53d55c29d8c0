"""Lone strong word rows of a formal document the spin gate keeps shut (issue 11).

A paper mill's abstract is short and its synonyms are about as common as the words
they replace, so the spin stage's document gate stays shut on most of them and the
collocation stage's rare-word pass (a pre-gate of four rare words, 60 per 1,000) does
not read them either.  What is left in such an abstract is a handful of word rows the
word model (:mod:`repair.score.spin_model`) ranks high on their own: "ensuing" ->
"next", "nourishment" -> "food", "platters" -> "records", each with a large both-sides
LM gain.  :func:`lone_rows` keeps them where

* the document passes the style bars of scientific register whatever its vocabulary
  (:func:`repair.detect.science.formal_style`: no names, speech or "I");
* the document addresses no audience (:func:`addresses_audience`, :data:`ADDRESS_GATE`):
  an abstract reports ("we measured"), a speech exhorts ("our nation", "we must");
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
"pursuance" -> "pursuit"), so it shipped off.  Session 58 (spinmill) added the address
gate (:data:`ADDRESS_GATE`): the formal documents that carry such rows are speeches, and a
speech speaks for and to a people where an abstract reports.  With it, on dev: mill
0.027 -> 0.054, tortured 0.466 -> 0.474, the calibration's whole clean documents as main
(0.033 changed per 1,000, FPR 0.0067) and one more short clean piece changed (1797
"unexampled" -> "unprecedented"; 14 items without the gate): :data:`LONE_ROWS` ships on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from repair.document import Document
from repair.types import Candidate

#: Keep the lone strong rows (:func:`lone_rows`).  On since session 58 (spinmill), with
#: :data:`ADDRESS_GATE`: dev mill 0.027 -> 0.054, tortured 0.466 -> 0.474, calibration
#: whole documents as main (session 51 shipped it off: clean speeches carry the same rows;
#: benchmarks/RESULTS.md, "Session 51, spintort" and "Session 58, spinmill").
LONE_ROWS = True
#: Keep the lone rows only in a document that addresses no audience
#: (:func:`addresses_audience`): formal speeches pass :func:`formal_style` as abstracts do
#: and hold the same strong rows ("pursuance" -> "pursuit", "forbearance" -> "kindness"),
#: but they speak for and to a people ("our", "us", "we must", "shall").  Session 58
#: (spinmill, dev): of the 14 clean dev items :data:`LONE_ROWS` gave an edit (all inaugural /
#: State of the Union text), the gate keeps 13 out; the 9 right dev mill / tortured words
#: stand in abstracts with no address word.
ADDRESS_GATE = True
#: The closed class of address words: first person plural object / possessive and the
#: hortative modals (the first person singular is :mod:`repair.detect.science`'s bar).
ADDRESS_WORDS = frozenset("our ours us ourselves shall must ought should".split())
#: Most address words a document may hold: one, or this many per 1,000 words if more
#: (a 70-word abstract may say "our results" once; the dev speeches hold 13-95 per 1,000).
MAX_ADDRESS_PER_1000 = 10.0
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


def addresses_audience(doc: Document) -> bool:
    """Whether ``doc`` holds more :data:`ADDRESS_WORDS` than one, or than
    :data:`MAX_ADDRESS_PER_1000` per 1,000 of its words (a speech's "our", "we must")."""
    n = sum(1 for t in doc.words if t.text.lower() in ADDRESS_WORDS)
    return n > max(1.0, MAX_ADDRESS_PER_1000 * len(doc.words) / 1000.0)


def lone_rows(
    doc: Document, candidates: Iterable[Candidate], kept: Iterable[Candidate]
) -> list[Candidate]:
    """The strong rows (:func:`strong`) of ``candidates`` not in ``kept``, as candidates
    with their own bar, when :data:`LONE_ROWS` is on, the document is of formal style,
    addresses no audience (:data:`ADDRESS_GATE`) and the rare-word pass does not read it;
    else none."""
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
    if ADDRESS_GATE and addresses_audience(doc):
        return []  # a speech: it speaks to a people, an abstract reports
    from repair.score.sense_words import sense_decisions

    if any(d.applied for d in sense_decisions(doc, frozenset(), [])):
        return []  # the sense-word pass reads the document (its gate counts these words)
    return [replace(c, features={**c.features, "word_bar": BAR, "lone_row": True}) for c in rows]
