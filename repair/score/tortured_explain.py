"""Which spinner explains a document: a thesaurus of rare words, or a paper mill's habits.

The collocation stage has two single-word passes for spun scientific prose, each with its
own document gate:

* the rare-word pass (:mod:`repair.score.rareword`): a thesaurus spinner that writes rare
  words ("In this descant we proffer a simple comportment");
* the mill-word pass (:mod:`repair.score.tortured_mill`): a paper mill's learned habits,
  most of them *ordinary* written words ("indicator" for "sensor", "vitality" for
  "energy"), restored when a document is dense with them.

Both gates can open on one document: a rare-synonym spun abstract also holds the ordinary
words of the mills' habit table ("code", "public", "require"), which the thesaurus spinner
left alone (it writes rare words).  When the rare-word pass restores at least
:data:`RARE_EXPLAINS` distinct written words, the document's spin is explained by rare
substitutions, and the mill pass's restorations of ordinary words are declined with the
reason ``rare_thesaurus`` (counted in ``scores.details["collocation"]
["mill_word_decisions"]``).  A document spun with the mills' habits keeps them: its
rare-word pass restores fewer than two words (dev half of
``benchmarks/tortured_general_eval.py --abstracts``: no row changed).

Set on the dev halves (``benchmarks/spin_eval.py --spinner tortured --split dev``:
error reduction 0.141 -> 0.157, precision 0.656 -> 0.702, broken 0.0034 -> 0.0011); the
switch :data:`ENABLED` turns it off.

>>> yield_to_rare([], [])
[]
"""

from __future__ import annotations

from repair.score.rareword import Decision

#: Apply the rule (off: both passes decide alone, as before session 10).
ENABLED = True
#: Distinct written words the rare-word pass must restore to explain the document.
RARE_EXPLAINS = 2
#: The reason of a mill restoration declined by this rule.
REASON = "rare_thesaurus"


def rare_explains(rare_decisions: list[Decision]) -> bool:
    """Whether the rare-word pass restored at least :data:`RARE_EXPLAINS` distinct
    written words (the document reads as spun by a thesaurus of rare words)."""
    return len({d.word.token.text for d in rare_decisions if d.applied}) >= RARE_EXPLAINS


def yield_to_rare(rare_decisions: list[Decision], mill_decisions: list[Decision]) -> list[Decision]:
    """``mill_decisions`` with every applied one declined (reason :data:`REASON`) when the
    rare-word pass explains the document (:func:`rare_explains`) and :data:`ENABLED`."""
    if not ENABLED or not rare_explains(rare_decisions):
        return list(mill_decisions)
    return [Decision(d.word, False, REASON) if d.applied else d for d in mill_decisions]
