"""In a document read as a dense one-click spinner's, a candidate original the document
still prints is not the one a spun word hides.

The candidate ranker (:mod:`repair.score.spin_rank`) adds about +0.9 log-odds to a
candidate written elsewhere in the document (its ``in_doc`` feature): for the sparse
spinners it was fitted on, an original the spinner replaced at one place often stands
unreplaced at another.  A dense one-click spinner (SpinBot-like: most replaceable words
swapped, one fixed synonym per word) replaces a word it knows wherever it stands, so the
words a document still prints are the ones it does not replace.  Where the spin stage
routed a document to the any-rank model (:mod:`repair.score.spin_route`: its rows read as
any-rank spin), :func:`printed_extra` adds :data:`PRINTED_ROUTED` to every candidate the
document prints when the topic pick re-chooses a row
(:func:`repair.score.spin_pick.topic_pick`, ``extra``).  Read only the document's own
words and the routing verdict: no word list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from repair.document import Document
from repair.score.spin_route import KEY

#: Ranker log-odds added, in a document routed to the any-rank model, to a candidate
#: original that the document prints (any place, any case); None: off.  Spinbot dev rows
#: the stage left with another original on top (``benchmarks/spin_account_spinbot.py``
#: classes, session 52): the stage's choice printed in the document and the gold not 274,
#: the gold printed and the choice not 80.  Dev (``spin_eval.py --split dev``, with
#: :data:`repair.score.spin_route.FAMILY_OPEN`): -1 / -2 / -4 give spinbot 0.2014 -> 0.203 /
#: **0.2045** / 0.203 (precision 0.685 -> 0.689 / 0.697 / 0.705); alone (-2) 0.1962 ->
#: 0.199; every other dev row main's (no other spinner's document is routed);
#: ``spin_calibrate.py`` 0.092 -> 0.091 changed tokens per 1,000 (one edit fewer in a routed
#: clean inaugural address), FPR 0.0071 as main.  Test (read once, both flags): spinbot
#: 0.1639 -> 0.1672 (precision 0.635 -> 0.643), every other row and AUC main's
#: (benchmarks/RESULTS.md, "Session 52, spinbot").  On (-2.0); None: off.
PRINTED_ROUTED: float | None = -2.0


def printed_extra(doc: Document, details: Mapping[str, object]) -> Callable[[str], float] | None:
    """The score a candidate gains for being printed in ``doc`` (:data:`PRINTED_ROUTED`),
    where the detection ``details`` record the document routed; None elsewhere.

    >>> printed_extra(Document("The cat sat."), {KEY: {"route": False}}) is None  # shipped model
    True
    """
    if PRINTED_ROUTED is None:
        return None
    verdict = details.get(KEY)
    if not (isinstance(verdict, Mapping) and verdict.get("route")):
        return None
    counts, weight = doc.word_counts, PRINTED_ROUTED
    return lambda name: weight if counts.get(name.lower(), 0) else 0.0


def summed(
    a: Callable[[str], float] | None, b: Callable[[str], float] | None
) -> Callable[[str], float] | None:
    """``a`` plus ``b`` (either may be None).

    >>> summed(None, None) is None
    True
    >>> summed(lambda n: 1.0, lambda n: -0.5)("x")
    0.5
    """
    if a is None or b is None:
        return a or b
    return lambda name: a(name) + b(name)
