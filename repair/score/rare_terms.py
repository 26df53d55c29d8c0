"""The written word is a scientific term: the rare-word pass keeps it.

The rare-word pass (:mod:`repair.score.rareword`) and its relaxations in a densely spun
document (:mod:`repair.score.rare_dense`, :func:`repair.score.science.register_decisions`)
restore rare words whose ordinary candidate fits the context.  A rare word that is itself
a term of scientific text ("phylum", "phyla": register weight 4.0 in
``lexicons/science_register.tsv``) is either the author's or a spinner's word for an
original no candidate reaches: on the tortured dev abstracts the pass's three restorations
of such words were all wrong ("phyla" -> "species" for "makes", "phylum" -> "family" for
"classification"), and none of its right ones has a written word of positive weight.

:func:`keep_terms` declines (reason :data:`REASON`) an applied restoration whose written
word (or its lemma) has a register weight of at least
:data:`repair.score.science.MIN_WRITTEN_TERM` and above its original's, unless the
original is read as a collocation with a neighbour (:func:`repair.score.science.support`
at least :data:`repair.score.science.MIN_SUPPORT`): the rule the spin stage applies to
its own synonym restorations (:func:`repair.score.science.keep_terms`), read here for
the rare-word pass.  Every place of a written word is decided alike.

Switch: :data:`KEEP_WRITTEN_TERMS` (on since session 26).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from repair.document import Document

D = TypeVar("D", bound=Any)

#: Keep a rare written word that is a scientific term (off: restore it as the pass says).
#: Off in session 24 (dev precision 0.712 -> 0.730, never fired on the test half); on since
#: session 26: on the inner dev cells of other word families (``benchmarks/tortured_folds.py``)
#: it declines 2 wrong restorations and no right one (precision 0.641 -> 0.651 and
#: 0.800 -> 0.842 in two cells, error reduction unchanged).
KEEP_WRITTEN_TERMS = True
#: The reason given to a declined decision.
REASON = "written_term"


def _kept(doc: Document, d: Any) -> bool:
    from repair.score.science import MIN_SUPPORT, MIN_WRITTEN_TERM, _term_weight, support

    t = d.word.token
    if " " in t.text or " " in d.original:
        return False
    w = _term_weight(t.text.lower())
    return (
        w >= MIN_WRITTEN_TERM
        and w > _term_weight(d.original.lower())
        and support(doc, t.start, t.end, d.original) < MIN_SUPPORT
    )


def keep_terms(doc: Document, decisions: list[D]) -> list[D]:
    """The rare-word pass's decisions (:class:`repair.score.rareword.Decision`) with the
    applied ones whose written word is a scientific term declined (the module's doc)."""
    if not KEEP_WRITTEN_TERMS or not any(d.applied for d in decisions):
        return decisions
    keep = {
        d.word.token.text.lower() for d in decisions if d.applied and _kept(doc, d)
    }  # one reading per written word: every place alike
    if not keep:
        return decisions
    return [
        replace(d, applied=False, reason=REASON, confidence=0.0, original="")
        if d.applied and d.word.token.text.lower() in keep
        else d
        for d in decisions
    ]
