"""A term window declined only for its commoner written word, read again by its context.

A paper mill backs a fixed term off word by word to a synonym about as common as the
original ("sensor networks" -> "sensor webs", "next morning" -> "ensuing morning", "radio
telescope" -> "console telescope").  The term windows (:mod:`repair.detect.collocation`)
find these (a reverse synonym of the written word makes a known term with the kept
neighbour), and :func:`repair.score.collocation.decide` declines them for one reason only,
``common_written``: the written word is over the rare-word bar (Zipf above
:data:`repair.score.collocation.MAX_WRITTEN_ZIPF`), which is where clean formal English
lives too ("additional expenditures").  Its document bar (``MIN_DOC_COMMON`` windows)
rarely opens in a short abstract with a held-out family's spins.

:func:`relax` applies such a window when every other bar of
:func:`repair.score.collocation.decide` passed (LM gain, context gain, written pair not
itself associated, restored words not rarer, a strong or high-PMI term) and, on top:

* the context asks for the term, beyond the restored words being more frequent, by
  :data:`MIN_CONTEXT_GAIN` nats or more (the bar of ``decide`` is 2);
* the written pair is one the LM has no association for (``written_pmi`` at most
  :data:`MAX_WRITTEN_PMI`; ``decide`` allows 1 nat);
* every changed written word is at most :data:`~repair.detect.collocation.MAX_SPUN_ZIPF`
  common (the window detector's own bound).

Switch: :data:`TERM_BACKOFF`.  Account and figures: benchmarks/RESULTS.md, "Session 53,
spintort".

**Rate-gated reading** (:data:`RATE_GATED`, session 54, spinmill).  The same windows are
applied, with :data:`TERM_BACKOFF` off, only in a document (a pipeline window: the
stream's paragraph windows, so the decision is per window and needs no count over the
whole text) that holds at least :data:`MIN_PER_1000` :func:`eligible` windows per 1,000
of its words (:func:`rate_open`).  On the spin harness's dev half no clean whole document
reaches the bar (highest 11.0 per 1,000 in 1,339 documents: one window in a 91-word
hand-written academic piece), 9 of 1,255 short clean pieces do, and 7 of 27 mill dev
abstracts (one window in 65-80 words).  In practice the bar reads one window in a text of
at most ~80 words or two in one of at most ~165: a longer mill abstract needs more
windows than the simulated mill writes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from repair.detect.collocation import MAX_SPUN_ZIPF
from repair.resources.frequency import zipf

#: Apply a term window declined only for ``common_written`` whose context asks for the
#: term by :data:`MIN_CONTEXT_GAIN` nats beyond frequency and whose written pair the LM
#: does not associate (:func:`relax`).  OFF (session 53, spintort; benchmarks/RESULTS.md):
#: dev mill 0.027 -> 0.042, tortured 0.466 -> 0.470, but ``spin_calibrate.py`` 0.091 ->
#: 0.630 changed tokens per 1,000 (documents changed 81 -> 720): honest formal prose has
#: the same windows ("estimated expenditures" -> "estimated costs", "friendly intercourse"
#: -> "friendly relations", "menu picks" -> "menu options") with the same evidence.
TERM_BACKOFF = False
#: Apply the :func:`eligible` windows in a document that holds at least
#: :data:`MIN_PER_1000` of them per 1,000 words (:func:`rate_open`; module doc).  OFF
#: (session 54, spinmill; benchmarks/RESULTS.md): dev mill 0.027 -> 0.042, tortured 0.466
#: -> 0.470, every other dev row as main; but ``spin_calibrate.py``'s clean test half
#: crosses the bar the dev half did not (a clean test abstract and a 61-word Lee test
#: document changed, each scored ~1.0: FPR 0.0071 -> 0.0078, 81 -> 83 documents changed,
#: 0.091 -> 0.092 changed tokens per 1,000) and the short clean pieces 0.323 -> 0.442 per
#: 1,000 (30 -> 54 changed: "surplus capacity" -> "excess capacity", "rich soils" -> "rich
#: countries"): one eligible window in a short text is as common in honest prose.
RATE_GATED = False
#: Apply the :func:`eligible` windows in a formal document whose tortured term windows
#: mark it as a paper mill's product (:func:`mill_open`: formal style and session 59's
#: :func:`repair.score.mill_windows.opens`, without the spin band's document-score bar).
#: OFF (session 65, spinmill; benchmarks/RESULTS.md): dev mill 0.069 -> 0.077 (precision
#: 0.618 -> 0.605: "console telescope" -> radio and "berth surfaces" -> road right, "a
#: integral method" -> single x2 wrong on spun words), every other dev row and the
#: calibration's 2,594 clean dev items identical; but test (read once) mill 0.063 -> 0.068
#: with a clean test abstract changed ("repeated pressure changes" -> constant: the
#: abstract's own window opens the gate; mill AUC 0.955 -> 0.915, tortured AUC 0.972 ->
#: 0.951): the gate needs the band's score bar too (not measured: a test-read change).
MILL_GATED = False
#: Least :func:`eligible` windows per 1,000 words of the document (window) for
#: :data:`RATE_GATED`: over the highest clean whole dev document's rate (11.0), under the
#: mill dev abstracts' (12.5-15.4); set from the dev half before the guards ran.
MIN_PER_1000 = 12.0
#: Least context gain (LM gain minus the unigram gain of the changed words, nats): the
#: dev term windows declined only for ``common_written`` that restore the gold read 5.8 to
#: 16.5; set at 5 before the guards ran.
MIN_CONTEXT_GAIN = 5.0
#: Most LM association of the written pair (nats; ``decide`` allows 1.0).
MAX_WRITTEN_PMI = 0.0
#: The only reason a window may have been declined for.
REASONS = ("common_written",)
#: Confidence taken off ``decide``'s (these windows are less sure than rare-word ones).
CONFIDENCE_OFF = 0.05


def eligible(d: Any) -> bool:
    """Whether declined decision ``d`` (:class:`repair.score.collocation.Decision`) is one
    :func:`relax` applies (module doc)."""
    r = d.restoration
    return (
        not d.applied
        and d.reasons == REASONS
        and r.context_gain >= MIN_CONTEXT_GAIN
        and r.written_pmi <= MAX_WRITTEN_PMI
        and max(zipf(r.written[i]) for i in r.changed) <= MAX_SPUN_ZIPF
    )


def rate_open(decided: list[Any], n_words: int | None) -> bool:
    """Whether ``decided`` (one document's, of ``n_words`` words) holds at least
    :data:`MIN_PER_1000` :func:`eligible` windows per 1,000 words (:data:`RATE_GATED`)."""
    if not RATE_GATED or not n_words:
        return False
    n = sum(eligible(d) for d in decided)
    return n > 0 and 1000.0 * n / n_words >= MIN_PER_1000


def mill_open(doc: Any) -> bool:
    """Whether :data:`MILL_GATED` opens ``doc``'s eligible windows: a formal document that
    session 59's tortured term windows mark as a paper mill's product
    (:func:`repair.score.mill_windows.opens`); False with the flag off (nothing read)."""
    if not MILL_GATED:
        return False
    from repair.detect.science import formal_style
    from repair.score import mill_windows

    return formal_style(doc) and mill_windows.opens(doc)


def relax(decided: list[Any], n_words: int | None = None, opened: bool = False) -> list[Any]:
    """``decided`` with the :func:`eligible` windows applied (:data:`TERM_BACKOFF`, or
    :data:`RATE_GATED` in a document of ``n_words`` words over the rate bar, or where
    ``opened``: :func:`mill_open`); ``decided`` itself when none opens or none is
    eligible."""
    if not TERM_BACKOFF and not opened and not rate_open(decided, n_words):
        return decided
    if not any(eligible(d) for d in decided):
        return decided
    return [
        replace(d, applied=True, confidence=round(d.confidence - CONFIDENCE_OFF, 4), reasons=())
        if eligible(d)
        else d
        for d in decided
    ]
