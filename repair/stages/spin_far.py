"""The far reverse reading: a word's reverse-thesaurus originals past the wide cut, kept
only where they alone gain much more than the word's first reading (session 64).

The spin stage's reverse readings (:func:`repair.stages.spin.reverse_reading`) read a
written word's Moby headwords to rank 48 by Zipf.  A common written word is listed by
hundreds of headwords, and an any-rank one-click spinner, drawing from its original's
whole list, leaves the original past that cut (spinbot dev: 243 of 1,350 one-word
originals with no candidate rank 49-192; ``benchmarks/spin_nocand.py``).  Reading the
whole row would hand the LM ~50 more originals per word, most of them a fair fit for an
honest word too, so this reading is a cap raised only where the evidence is large:

* only in a document whose reverse reading already kept at least :data:`FAR_ROWS` rows
  (the reverse habit of the document's spinner);
* each first-reading row under the bar that no edit or reverse row covers is read with
  :func:`~repair.candidates.spin_mobyfar.reverse_originals_far` alone, and kept only where
  their best gains :data:`FAR_LEAD` nats more than the word's first reading's best;
* decided by the word model at :data:`FAR_BAR` (never above the document's bar); each
  edit says ``reverse_far_candidates`` in its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from repair.candidates.spin_mobyfar import reverse_originals_far

if TYPE_CHECKING:
    from repair.document import Document
    from repair.types import Candidate, Edit

#: Read the far reverse originals (:func:`far_reverse_rows`).  Off (session 64, spinsource,
#: benchmarks/RESULTS.md): dev spinbot 0.2641 -> 0.2645 at lead 6 (precision 0.681 ->
#: 0.679; every other dev row identical), 0.2641 = at lead 4 (precision 0.677, rare
#: 0.4284 -> 0.4277).  The right far originals share no WordNet relation with the written
#: word ("chucks" -> darts, "joker" -> blind): Moby's loose listings, the any-rank
#: simulator's own source, not a reach a spinner with another thesaurus calls for.
FAR_REVERSE = False
#: ... only in documents whose reverse reading kept at least this many rows.
FAR_ROWS = 3
#: ... a row's far originals alone must gain this much more than its first reading (nats).
FAR_LEAD = 6.0
#: ... decided by the word model at this probability (never above the document's bar).
FAR_BAR = 0.15


def far_reverse_rows(
    doc: Document, detection, edits: list[Edit], bar: float, taken: Sequence[Candidate]
) -> list[Candidate]:
    """The far reverse reading's rows (the module's docstring); ``taken``: the reverse
    readings' rows (their spans are not read again)."""
    from repair.stages import spin as stage

    if len(taken) < FAR_ROWS:
        return []
    spans = {(c.start, c.end) for c in taken}

    def cannot_keep(w, low: str, base: Sequence[str]) -> bool:  # type: ignore[no-untyped-def]
        return (w.start, w.end) in spans or not reverse_originals_far(low)

    picked: dict[int, float] = {}
    words, changed = stage._reread_rows(
        doc, detection, edits, bar, stage.REVERSE_MIN_PROB, stage.REVERSE_MAX_ZIPF,
        reverse_originals_far, FAR_LEAD, skip=cannot_keep, picked=picked,
    )  # fmt: skip
    keep = [
        i for i in changed
        if (words[i].start, words[i].end) not in spans
        and words[i].original in reverse_originals_far(words[i].written.lower())
    ]  # fmt: skip
    return stage._decide_rows(
        doc, detection, words, keep, min(FAR_BAR, bar), stage.get_model(), "reverse_far",
        picked=picked,
    )  # fmt: skip
