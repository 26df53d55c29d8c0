"""A profile restoration declined where the document leaves the same written form elsewhere.

A spinner maps a word one way throughout a document, and the spin scorer reads every place
of a profile row (``SPIN_PAIR``: "firm" → "company") in its own context.  Where the document
writes the same form at other places and the scorer restores none of them (the LM is
against the original there, or the form is a name), the document itself shows the form in
honest use: an author's "firm" is as likely here as at the places the scorer left.  With
this reading, a weak one-word profile restoration is declined where at least ``min_left``
other places of its written form stay unrestored.  Only places written in lower case count:
a capitalised place is a name ("the United Nations", "the Commerce Department") or a
sentence start, and a name is no honest use of the common word.

>>> from repair.document import Document
>>> from repair.types import Edit
>>> doc = Document("The firm grew. A firm hand helped the firm. Firm Inc. agreed.")
>>> e = Edit(4, 4, "firm", "company", "spin", 0.9, "SPIN_PAIR", "", {"strength": "weak"})
>>> left_elsewhere(doc, [e])[(4, 8)]
2
>>> kept, declined = row_declined(doc, [e], 2)
>>> (len(kept), len(declined))
(0, 1)
"""

from __future__ import annotations

from collections import Counter

from repair.document import Document
from repair.types import Edit

#: The rules read: the profile's one-word rows (its phrases are spans, not word tokens).
RULES = frozenset({"SPIN_PAIR"})


def _read(e: Edit, weak_only: bool) -> bool:
    return (
        e.rule in RULES
        and " " not in e.original
        and (not weak_only or (e.evidence or {}).get("strength") == "weak")
    )


def left_elsewhere(
    doc: Document, edits: list[Edit], weak_only: bool = True
) -> dict[tuple[int, int], int]:
    """(offset, end) of each read edit (:data:`RULES`, one word, weak with ``weak_only``) →
    how many other places of its written form, in lower case, no edit touches."""
    covered: set[int] = set()
    for e in edits:
        covered.update(range(e.offset, e.end))
    free: Counter[str] = Counter(
        w.text for w in doc.words if w.start not in covered and w.text.islower()
    )
    return {(e.offset, e.end): free[e.original.lower()] for e in edits if _read(e, weak_only)}


def row_declined(
    doc: Document, edits: list[Edit], min_left: int, weak_only: bool = True
) -> tuple[list[Edit], list[Edit]]:
    """(kept, declined): a read edit is declined where at least ``min_left`` other places of
    its written form stay unrestored (:func:`left_elsewhere`); every other edit is kept."""
    left = left_elsewhere(doc, edits, weak_only)
    kept: list[Edit] = []
    declined: list[Edit] = []
    for e in edits:
        (declined if left.get((e.offset, e.end), 0) >= min_left else kept).append(e)
    return kept, declined
