"""The page's own garble rate: the channel's price of a misreading follows the page.

The confusion table's costs are ``-ln P(printed | meant)`` minus one offset, learned on
the pages of its sources: it prices a glyph confusion at the *average garble* of those
pages.  An archive printed or scanned better or worse than the sources is mispriced:
books read at ~1 % CER by the SMH table (~8 %) get readings too cheap (correct words
broken), heavy newspaper columns read by the ICDAR table too dear (readings refused).
The rate part of the channel is a property of the page, not of the glyphs, so it is
estimated on the page: after the first reading, the share of the page's words whose
reading was accepted (the page's misread words, as the repair sees them) against
:data:`REFERENCE_RATE` (between the sources' light books, ~2 %, and heavy newspaper
columns, ~15 %) adds ``SLOPE * ln(REFERENCE_RATE / rate)`` nats to every substitution
of every reading, at most :data:`MAX_SHIFT`; the second reading decides with those
prices (the model's gains are kept, only the margins move).  Only lighter pages are
moved (:data:`MIN_SHIFT` 0): cheaper readings on heavy pages lost SMH dev CER (-35.8 ->
-34.6 %) for nothing across sources.  Leave one source out (benchmarks/RESULTS.md, "OCR:
across sources, second round"): ICDAR books read with the SMH table +8.6 -> +9.9 %, 96
-> 75 correct tokens broken; with the shipped table +40.3 -> +41.2 %, 55 -> 47 broken;
SMH unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from repair.score.ocr_docchannel import shift_costs
from repair.types import Candidate

#: Whether a garbled page's second reading prices substitutions by the page's rate.
PAGE_RATE = True
#: Share of a page's words read (accepted) in the first reading at which nothing moves.
REFERENCE_RATE = 0.06
#: Nats per unit of ``ln(REFERENCE_RATE / rate)``, for each substitution of a reading.
SLOPE = 1.0
#: Largest move (nats) per substitution towards dearer readings (a light page).
MAX_SHIFT = 1.5
#: Largest move the other way (nats; below 0: cheaper readings on a heavy page).
MIN_SHIFT = 0.0
#: A fixed move (nats) per substitution on every garbled page (for experiments).
CONSTANT_SHIFT = 0.0
#: Pages with fewer words are not moved (too few readings to estimate a rate).
MIN_WORDS = 50


def shift_of(read: int, words: int) -> float:
    """Nats added to each substitution of a page of ``words`` words with ``read``
    readings accepted in its first reading."""
    if CONSTANT_SHIFT:
        return CONSTANT_SHIFT
    if words < MIN_WORDS:
        return 0.0
    rate = max(read, 1) / words
    return max(MIN_SHIFT, min(MAX_SHIFT, SLOPE * math.log(REFERENCE_RATE / rate)))


def reprice(candidates: Sequence[Candidate], shift: float) -> tuple[list[Candidate], set[int]]:
    """The candidates with ``shift`` nats added per substitution, and the indices moved."""
    if not shift:
        return list(candidates), set()
    return shift_costs(candidates, lambda c: shift * len(c.features["subs"]))
