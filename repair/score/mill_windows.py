"""Document-level paper-mill evidence: tortured term windows in a formal document (issue 11).

A paper mill spins every content word of an abstract with a thesaurus, so some of its
known scientific terms come out with one word replaced ("nervous networks", "sensor
webs", "impressive conductivity", "console telescope") while the clean original keeps
them intact.  Such a window shows two things at once: the written words are no pair
(their LM association ``written_pmi`` is under :data:`MAX_WRITTEN_PMI`), and putting
the term's word back fits the sentence far better than the frequency of the restored
word alone explains (``context_gain`` at least :data:`MIN_CONTEXT_GAIN` nats).
:func:`tortured_windows` counts the distinct written words of such windows
(:func:`repair.detect.collocation.find`, read as in scientific register).

:func:`opens` takes that count as evidence that the document is a mill's product and
opens the spin stage's band of word decisions for it (the word rows decided at
:data:`repair.stages.spin.SCIENCE_BAND_BAR`, as :data:`repair.stages.spin.SCIENCE_BAND`
does for every formal document in the score band): the document passes the style bars
of scientific register (:func:`repair.detect.science.formal_style`), addresses no
audience (:func:`repair.score.spin_lone.addresses_audience`: speeches hold the same
windows), its document model score is in the band (``SCIENCE_BAND_GATE`` up to the
model's gate), the rare-word pass does not read it, and it holds at least
:data:`MIN_WINDOWS` tortured windows, and :data:`MIN_PER_1000` per 1,000 words.

Measured (session 59, spinmill; ``benchmarks/RESULTS.md``): see :data:`MILL_WINDOWS`.  The
windows' own restorations stay the collocation stage's; the cue only opens the band.
"""

from __future__ import annotations

from functools import lru_cache

from repair.document import Document

#: Open the spin stage's word band (:func:`repair.stages.spin.science_band`) where the
#: document carries tortured term windows (:func:`opens`).  On since session 59
#: (spinmill): dev mill 0.054 -> 0.069 (precision 0.630 -> 0.600; 4 more right spin
#: edits, the 4 more wrong ones on spun words: broken 0.0029 =), every other dev row
#: identical; the calibration's 2,594 clean dev items identical in score and edits (the
#: cue opens 16 of 27 mill dev abstracts, 0 of 27 clean ones); test (read once) mill
#: 0.041 -> 0.063, tortured 0.280 =, clean whole documents as main, but two short pieces
#: of inaugural speeches with no address word change (benchmarks/RESULTS.md, "Session
#: 59, spinmill").
MILL_WINDOWS = True
#: Least context gain (nats) of the restored term over the written words, beyond the
#: restored word's own frequency (``Restoration.context_gain``).  Dev (session 59): the 27
#: clean dev abstracts hold no window with 5 or more and a written PMI under 0; 16 of
#: the 27 mill dev abstracts hold one or more.
MIN_CONTEXT_GAIN = 5.0
#: The written words' LM association (``Restoration.written_pmi``, nats) must be under
#: this: a real pair of words ("heating time", "field surveys") is associated.
MAX_WRITTEN_PMI = 0.0
#: Count only windows whose written and restored words end in a noun: a known term of the
#: register is a noun phrase ("neural networks", "radio telescope"); a verb's or an
#: adverb's pair ("varies considerably", "moves toward") is ordinary prose.  Set on dev
#: (session 59): without it the clean suite's academic prose opens ("nations" ->
#: "countries"); every mill dev window the cue counts ends in a noun.
NOMINAL = True
#: Least distinct tortured windows (by written word changed) in the document.
MIN_WINDOWS = 1
#: ... and at least this many per 1,000 of the document's words (a long formal text holds
#: one now and then).  Set on dev (session 59): a clean WSJ short piece holds one noun
#: window in 108 words (9.3 per 1,000: "tax adjustment" -> "tax break"), the mill's
#: 60-80-word abstracts one in 12.5-16.7 per 1,000 (8.0, the first setting, let it in).
MIN_PER_1000 = 10.0


def tortured_windows(doc: Document) -> int:
    """The distinct written words changed by the tortured term windows of ``doc``."""
    from repair.detect import collocation

    words: set[str] = set()
    for r in collocation.find(doc, science=True):
        if r.context_gain < MIN_CONTEXT_GAIN or r.written_pmi >= MAX_WRITTEN_PMI:
            continue
        if NOMINAL and not (_noun(r.restored[-1]) and _noun(r.written[-1])):
            continue
        words.update(r.written[i] for i in r.changed)
    return len(words)


@lru_cache(maxsize=8192)
def _noun(word: str) -> bool:
    """Whether lemminflect reads ``word`` as a noun (or a noun's plural)."""
    from repair.resources.lemmas import getAllLemmas

    return "NOUN" in (getAllLemmas(word) or {})


def opens(doc: Document) -> bool:
    """Whether the tortured windows of formal ``doc`` (the band's other conditions are the
    caller's) mark it as a mill's product: no audience addressed, at least
    :data:`MIN_WINDOWS` windows and :data:`MIN_PER_1000` per 1,000 words."""
    from repair.score.spin_lone import addresses_audience

    if not MILL_WINDOWS or addresses_audience(doc):
        return False
    n = tortured_windows(doc)
    return n >= MIN_WINDOWS and 1000.0 * n >= MIN_PER_1000 * max(len(doc.words), 1)
