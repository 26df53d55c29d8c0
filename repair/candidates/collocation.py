"""Candidates for collocation restorations: one per changed word, in the text's casing.

>>> from repair.document import Document
>>> from repair.detect.collocation import find
>>> doc = Document("Neural webs are popular.")
>>> [(c.replacement, c.features["window"]) for c in candidates(doc, find(doc))]
[('networks', 'Neural webs')]
"""

from __future__ import annotations

from repair.detect.collocation import Restoration
from repair.document import Document
from repair.types import Candidate

RULE = "COLLOCATION_TERM"


def case_like(template: str, word: str) -> str:
    """``word`` in the casing of ``template`` (ALL CAPS, Capitalised or as is)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def candidates(doc: Document, restorations: list[Restoration]) -> list[Candidate]:
    """A candidate for each changed word of each restoration (features: the restoration)."""
    out = []
    for r in restorations:
        window = doc.text[r.tokens[0].start : r.tokens[-1].end]
        for i in r.changed:
            tok = r.tokens[i]
            out.append(
                Candidate(
                    tok.start,
                    tok.end,
                    case_like(tok.text, r.restored[i]),
                    "collocation",
                    RULE,
                    {"restoration": r, "window": window, "position": i},
                )
            )
    return out
