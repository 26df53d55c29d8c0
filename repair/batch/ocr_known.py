"""Do the OCR tables in force already know a corpus?  A cross-fit without gold (issue 12).

``repair batch``'s automatic self-training (:mod:`repair.batch.ocr_auto`) gains on an
archive the tables never saw and costs a little on one they were fitted on.  This test
tells the two apart from the first pass the learning reads anyway (no second repair):
the garbled documents are cut in two folds (alternate documents), the table in force is
self-trained on each fold alone (:func:`repair.score.ocr_selftrain._priced_rows`, the
learner's own rates) and scored on the other fold's first pass.  Each listed row the
held-back fold's edits used or could have used is a binomial trial at its true run: the
fold used it ``n`` times over ``N`` other readings of that run.  Its log-likelihood under
the learned rate minus that under the rate the table in force prices (``exp(-(cost +
OFFSET))``, the learner's convention), summed over both directions and divided by the
row uses scored, is the **cross-fit gain** (nats per use: a lightly garbled archive
uses few rows, so a gain per word would call it known however wrong its rates are).
Rates the table already prices right barely move on half the pages, and what they move
is noise the other half does not share; an archive the tables do not know moves them
the same way on both halves.

Calibrated in session 56 (ocrselfgate) on dev data only: SMH dev's pages with the
shipped tables (fitted on them and ICDAR) and the SMH-only tables are known, with the
ICDAR-only tables or the glyph prior alone unknown; ICDAR monograph files 1-40 likewise
with the shipped or ICDAR-only tables (known) and the SMH-only tables or the prior
(unknown); see :data:`KNOWN_MAX_GAIN`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

#: A corpus whose cross-fit gain (:func:`crossfit_gain`, nats per row use) is at most
#: this is taken as known to the tables in force: its learned table is not used.
#: Session 56, ocrselfgate (dev data only; garbled documents' first pass): known SMH dev
#: with shipped tables 0.135, with SMH-only tables -0.062, ICDAR files 1-40 with shipped
#: 0.111, ICDAR-only 0.068; unknown SMH dev with ICDAR-only tables 0.729, glyph prior
#: only 2.57, ICDAR 1-40 with SMH-only tables 3.40; set between them.
KNOWN_MAX_GAIN = 0.3


@dataclass(frozen=True)
class Verdict:
    """The test's answer: the cross-fit gain, what it read, and whether the corpus is
    known to the tables in force (``gain <= KNOWN_MAX_GAIN``)."""

    gain: float
    documents: int
    words: int
    uses: int
    known: bool

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["gain"] = round(self.gain, 4)
        return out


def _fold_counts(pages: Sequence[str], first: Sequence[Any], fold: int) -> Any:
    """The pooled first pass (:class:`~repair.score.ocr_selftrain.ArchiveCounts`) of the
    documents ``k`` with ``k % 2 == fold``."""
    from repair.score.ocr_selftrain import ArchiveCounts, still_unknown

    counts = ArchiveCounts()
    for k in range(fold, len(pages), 2):
        r = first[k]
        counts.add(r.text, r.edits, still_unknown(r.text), pages[k])
    return counts


def heldout_gain(learn: Any, held: Any) -> tuple[float, int]:
    """Log-likelihood gain (nats) of fold ``held``'s row uses under the rates learned from
    fold ``learn`` (both :class:`~repair.score.ocr_selftrain.ArchiveCounts`) over the
    rates of the table in force, summed over the listed rows either fold used, and the
    number of ``held``'s uses of those rows."""
    from repair.score.ocr_channel import confusions
    from repair.score.ocr_selftrain import OFFSET, _priced_rows

    table = {(s, d): c for s, ds in confusions().items() for d, c in ds}
    learned = _priced_rows(learn)
    rows = {s for s in (*learn.used, *held.used) if s in table and s[1]}
    trials = held.true_counts(rows)
    gain, uses = 0.0, 0
    for sub in rows:
        cost = table[sub]
        p0 = math.exp(-(cost + OFFSET))
        p1 = math.exp(-(min(cost, learned.get(sub, cost)) + OFFSET))
        n, big_n = held.used.get(sub, 0), trials.get(sub[1], 0)
        gain += n * math.log(p1 / p0) + big_n * math.log((1.0 - p1) / (1.0 - p0))
        uses += n
    return gain, uses


def crossfit_gain(pages: Sequence[str], first: Sequence[Any]) -> tuple[float, int]:
    """The cross-fit gain of ``pages`` (garbled raw documents) and ``first`` (their first
    passes with the tables in force, same order): nats per row use over both directions,
    and the uses scored (``(0.0, 0)`` without two documents or a use)."""
    if len(pages) < 2:
        return 0.0, 0
    even, odd = _fold_counts(pages, first, 0), _fold_counts(pages, first, 1)
    g1, n1 = heldout_gain(even, odd)
    g2, n2 = heldout_gain(odd, even)
    return ((g1 + g2) / (n1 + n2) if n1 + n2 else 0.0), n1 + n2


def judge(pages: Sequence[str], first: Sequence[Any]) -> Verdict:
    """Whether the tables in force already know the corpus of ``pages`` (see the module)."""
    gain, uses = crossfit_gain(pages, first)
    words = sum(len(p.split()) for p in pages)
    return Verdict(gain, len(pages), words, uses, gain <= KNOWN_MAX_GAIN)
