"""A per-document bar: in a document read as a dense one-click spinner's, a word-model row
just under the bar is kept when its written form reads one original throughout.

Session 58's account of spinbot's dev losses (benchmarks/RESULTS.md, "Session 58,
spinbot") finds ~400 substitutions whose gold original is the word model's top choice and
is declined only for its probability (``weak_evidence``).  Where the spin stage has routed a
document to the any-rank model (:mod:`repair.score.spin_route`: a document it reads as a
SpinBot-like spinner's, most replaceable words swapped, one fixed synonym per word) the
document itself is the evidence that its words are spun, so a row's own probability needs
less: :func:`relieved` keeps a ``SPIN_SYNONYM`` row of such a document whose probability is
at least :data:`DOC_RELIEF` times the stage's bar, where every other row of the same written
form (any case) in the document has the same top original (a one-click spinner maps one
original to one written form; a form read as two originals is not relieved).  The kept row's
own probability becomes its ``word_bar`` (the decision, ``repair.score.spin._accept``, reads
it), as the topic relief does.  Common written words (their own gate) are never relieved.
Reads only the routing verdict and the document's rows: no word list, no new document
count (window-invariant as the routing itself).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from repair.document import Document
from repair.types import Candidate

#: A routed document's word-model row is kept at probability >= DOC_RELIEF x the stage's
#: bar (its written form reading one original in the document); None: off.  Spinbot dev
#: (``spin_eval.py --spinner spinbot --split dev``; edits / right / broken): off 0.2293
#: (P 0.678; 1,291 / 875 / 89); 0.9 0.2293 (P 0.664); 0.8 0.2325 (P 0.663; 1,363 / 903 /
#: 101); 0.7 0.2325 (P 0.655); 0.6 0.2316 (P 0.636); 0.5 0.2306 (P 0.606): +17 tokens at
#: best for 2 points of precision (the rows under the bar hold about as many unspun words
#: as golds: near the bar 58 gold, 22 unspun, 45 other originals).  Results only: off.
DOC_RELIEF: float | None = None
#: The feature marking a row kept by the relief (for the account).
FEATURE = "doc_relief"


def one_original_forms(doc: Document, rows: Sequence[Candidate]) -> set[str]:
    """The written forms (lower case) whose every word-model row in ``rows`` has the same
    top original.

    >>> d = Document("They fathom it. We fathom that. A boat.")
    >>> rows = [Candidate(5, 11, "understand", "spin", "SPIN_SYNONYM", {}),
    ...         Candidate(19, 25, "understand", "spin", "SPIN_SYNONYM", {}),
    ...         Candidate(34, 38, "ship", "spin", "SPIN_SYNONYM", {})]
    >>> sorted(one_original_forms(d, rows))
    ['boat', 'fathom']
    >>> rows[1] = Candidate(19, 25, "grasp", "spin", "SPIN_SYNONYM", {})
    >>> sorted(one_original_forms(d, rows))
    ['boat']
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for c in rows:
        if c.source == "SPIN_SYNONYM" and not c.features.get("common"):
            seen[doc.text[c.start : c.end].lower()].add(c.replacement.lower())
    return {w for w, origs in seen.items() if len(origs) == 1}


def relieved(doc: Document, c: Candidate, bar: float, routed: bool, forms: set[str]) -> bool:
    """Whether the word-model row ``c`` (under ``bar``) is kept by the document's relief:
    :data:`DOC_RELIEF` set, the document ``routed`` to the any-rank model, the gate open
    (``bar`` <= 1), not a common written word, its probability at least DOC_RELIEF x ``bar``
    and its written form in ``forms`` (:func:`one_original_forms`).  A kept row's probability
    becomes its ``word_bar``."""
    f = c.features
    if DOC_RELIEF is None or not routed or bar > 1.0 or f.get("common"):
        return False
    p = f.get("model_probability", 0.0)
    if not DOC_RELIEF * bar <= p < bar:
        return False
    if doc.text[c.start : c.end].lower() not in forms:
        return False
    f["word_bar"] = p
    f[FEATURE] = True
    return True
