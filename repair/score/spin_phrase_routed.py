"""In a document read as an any-rank spinner's, a loose multi-word span is restored on
length-fair evidence below the general bar.

The stage restores a written span from the loose source (a Moby multi-word entry, not a
WordNet lemma) as one word only on a whole-span LM gain of
:data:`repair.stages.spin.PHRASE_KEEP_GAIN` (10 nats) and a lead of
:data:`~repair.stages.spin.PHRASE_MIN_MARGIN` (2) over the runner-up: a two-word span
against one word inflates the gain by about one word's cost, and an author's own phrase
of common words often fits as well as a one-word reading.  Where the spin stage routed
the document to the any-rank model (:mod:`repair.score.spin_route`: its word rows read as
a one-click spinner's, which swaps most replaceable words and writes loose multi-word
forms as often as words), a span is kept at a lower gain (:data:`ROUTED_GAIN`) and lead
(:data:`ROUTED_MARGIN`) provided the gain is not frequency alone: its ``context`` part
(the gain minus the unconditioned ln P(original) - ln P(span), the length-fair part of
the comparison: both readings' costs outside the context cancel) is at least
:data:`ROUTED_CONTEXT`, and the left side favours the original (the stage's
``PHRASE_MIN_SIDE``).  Reads only the span's features and the routing verdict: no word
list.  Account and figures: benchmarks/RESULTS.md, "Session 56, spinmulti".
"""

from __future__ import annotations

from collections.abc import Mapping

#: Whole-span LM gain (nats) at which a loose span of a routed document is kept; None: off.
#: Dev spinbot, routed documents, rows the stage declines (session 56's dump): gain >= 9,
#: lead >= 1, context >= 1 keeps 52 right originals, 30 other originals at spun spans,
#: 8 spans the spinner did not write (gain >= 8: 59 / 40 / 14; >= 10: 29 / 17 / 2).
#: ``spin_eval.py --all --split dev``: spinbot 0.2045 -> 0.2247 (precision 0.697 -> 0.686,
#: restored 823 -> 870, wrong originals 241 -> 266, false edits 69 -> 73); every other dev
#: row identical (no other spinner's dev document is routed); spin_calibrate.py identical
#: (0.091 changed tokens per 1,000, FPR 0.0071).  Test (read once): spinbot 0.1672 ->
#: 0.1838 (precision 0.643 -> 0.644), every other row main's.  On (9.0); None: off.
ROUTED_GAIN: float | None = 9.0
#: ... the lead over the runner-up original (the general bar's is 2.0).
ROUTED_MARGIN = 1.0
#: ... the gain beyond what the unconditioned LM explains (PhraseEvidence.context).
ROUTED_CONTEXT = 1.0
#: ... the left side of the gain (the general floor, repair.stages.spin.PHRASE_MIN_SIDE).
ROUTED_LEFT = 1.0
#: Longest written span (words) the routed bar reads.  Dev spinbot, routed documents, rows
#: the stage declines: the three-word spans are 56 the spinner did not write and 3
#: overlapping one, none a spun span (its three-word forms that reach the reading are kept
#: on the general bar); on the clean calibration an author's idiom ("sounded the alarm" ->
#: warned, gain >= 9) would be taken.  Every dev figure is the same at 2 and 3.
ROUTED_MAX_WORDS = 2
#: The candidate feature that marks a span of a routed document.
FEATURE = "routed"


def marked(written: str) -> bool:
    """Whether a span candidate of a routed document, written ``written``, is marked for
    the routed bar (:data:`ROUTED_GAIN` set, at most :data:`ROUTED_MAX_WORDS` words).

    >>> import repair.score.spin_phrase_routed as r
    >>> old, r.ROUTED_GAIN = r.ROUTED_GAIN, 9.0
    >>> r.marked("bordering on"), r.marked("sounded the alarm")
    (True, False)
    >>> r.ROUTED_GAIN = old
    """
    return ROUTED_GAIN is not None and len(written.split()) <= ROUTED_MAX_WORDS


def routed_kept(f: Mapping[str, object]) -> bool:
    """Whether a loose span candidate with features ``f`` is kept on the routed bar.

    >>> import repair.score.spin_phrase_routed as r
    >>> old, r.ROUTED_GAIN = r.ROUTED_GAIN, 9.0
    >>> f = {"routed": True, "gain0": 9.4, "margin": 1.3, "context": 2.0, "left_gain": 6.0}
    >>> r.routed_kept(f)
    True
    >>> r.routed_kept({**f, "routed": False})  # a document not read as any-rank spin
    False
    >>> r.routed_kept({**f, "context": 0.2})  # the gain is the span's rarity alone
    False
    >>> r.ROUTED_GAIN = None  # off
    >>> r.routed_kept(f)
    False
    >>> r.ROUTED_GAIN = old
    """
    if ROUTED_GAIN is None or not f.get(FEATURE):
        return False
    return (
        _num(f, "gain0") >= ROUTED_GAIN
        and _num(f, "margin", 10.0) >= ROUTED_MARGIN
        and _num(f, "context") >= ROUTED_CONTEXT
        and _num(f, "left_gain") >= ROUTED_LEFT
    )


def _num(f: Mapping[str, object], key: str, default: float = -99.0) -> float:
    v = f.get(key, default)
    return float(v) if isinstance(v, (int, float)) else default
