"""Two content words the web prints closed up more often than apart are a compound, not
two words run together ("redtape", "decisionmaking", "stemcells").

The shut-page split (:mod:`repair.candidates.ocr_shutsplit`, session 51) refuses a split
whose closed form the web prints at least ``10 ** CLOSED_LOG_RATIO`` (-2.5) as often as
the two words.  The garbled page's merged-word split
(:meth:`repair.candidates.ocr.OCRCandidateGenerator`, ``merged_splits``) and the light
path's (:func:`repair.candidates.ocr_light.light_boundary_candidates`) did not ask: on a
garbled page a merged non-word is charged one unknown word per extra word
(:data:`repair.score.ocr.SPLIT_OOV_CHARGE`), so "cut bureaucratic redtape" split by 13
nats of margin (the light suite's dev half at 2 %: "redtape" x3 and "decisionmaking" on
undamaged text).  That bar is too low there: a page's lost spaces run into forms the web
prints as its own typos ("alot" -0.7, "eachother" -1.8, "infact" -1.9, "ontop" -2.0, all
damage the light suite restores), so :data:`CLOSED_SPLIT` asks for more: a split that only
adds one space between two content words (no closed-class word: "alltime", "alot" are not
asked) is not built where the web prints the closed form at least as often as the two
words (:data:`MIN_LOG_RATIO`: "redtape" +1.8, "stemcells" +1.6, "decisionmaking" +1.0;
"schoolyear" -0.4, a lost space the suite restores, and "realestate" -1.8 still split).  Issue 12,
session 52 (ocrprec): ``tests/test_ocr_closedsplit52.py``.

>>> closed_compound("redtape", ("red", "tape")), closed_compound("schoolyear", ("school", "year"))
(True, False)
>>> closed_compound("alltime", ("all", "time")), closed_compound("ofthe", ("of", "the"))
(False, False)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from repair.resources.frequency import zipf

#: Splits of a merged token into two content words are not built where the web prints the
#: token closed up at least 10 ** :data:`MIN_LOG_RATIO` as often as the two words, on
#: garbled pages and by the light path of shut ones.  Session 52 (ocrprec): light suite dev
#: 2 % edits on undamaged text 88 -> 84 ("redtape" x3, "decisionmaking"), recall unchanged;
#: census dev 28 -> 27 OCR edits ("stemcells"); SMH dev, proxy dev, audit dev, ICDAR
#: unchanged (benchmarks/RESULTS.md, session 52, ocrprec).
CLOSED_SPLIT = True
#: ``zipf(closed) - zipf(bigram)`` (the bigram's Zipf from the n-gram table) at or above
#: which the closed form is the web's own spelling: 0, the closed form at least as common.
MIN_LOG_RATIO = 0.0


def closed_log_ratio(text: str, left: str, right: str) -> float | None:
    """``log10`` of how much more often the web prints ``text`` closed up than the bigram
    ``left right``; ``None`` where it never prints it closed.

    >>> round(closed_log_ratio("redtape", "red", "tape"), 1)
    1.8
    """
    from repair.score.ngrams import get_ngrams

    low, a, b = text.lower(), left.lower(), right.lower()
    if zipf(low) <= 0.0:
        return None
    return zipf(low) - (zipf(a) + get_ngrams().bigram_logprob(a, b) / math.log(10))


def closed_compound(text: str, parts: Sequence[str]) -> bool:
    """Whether ``text`` split into ``parts`` adds one space between two content words the
    web prints closed up at least as often as apart (:data:`CLOSED_SPLIT`)."""
    if not CLOSED_SPLIT or len(parts) != 2 or "".join(parts) != text:
        return False
    from repair.detect.span_echo import closed_class

    if closed_class(parts[0].lower()) or closed_class(parts[1].lower()):
        return False  # "alltime", "alot", "ontop": lost spaces the web also prints
    ratio = closed_log_ratio(text, parts[0], parts[1])
    return ratio is not None and ratio >= MIN_LOG_RATIO
