"""A document's restored recurring long wordy spans, as a cue of the document spin score
(session 60, spinphrase60; :data:`repair.detect.spin_document.LONG_SPAN_WEIGHT`).

A phrase spinner writes its long form ("due to the fact that", "at this point in time")
wherever it met the original and swaps few single words, so its documents score low on the
spin stage's word cues.  When the spin stage restores such a span as one word at two places
or more (the long reader, :mod:`repair.candidates.spin_phrase_long`, whose cues let no clean
dev document through), that restoration is itself the evidence: no list of forms, the
output's edits only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from repair.types import Edit

#: The spin stage's rule of a multi-word span restored as one word
#: (``repair.stages.spin.PHRASE_RULE``; not imported: the pipeline does not load the stage
#: for this).
PHRASE_RULE = "SPIN_SYNONYM_PHRASE"
#: Least written words of a counted span (the long reader's ``MIN_WORDS``).
MIN_WORDS = 4
#: Least places of one (span, original) restoration.
MIN_PLACES = 2


def restored_long_spans(edits: Iterable[Edit]) -> int:
    """How many (written span, original) mappings of :data:`MIN_WORDS` words or more the
    ``edits`` restore at :data:`MIN_PLACES` places or more."""
    places = Counter(
        (e.original.lower(), e.replacement.lower())
        for e in edits
        if e.rule == PHRASE_RULE and len(e.original.split()) >= MIN_WORDS
    )
    return sum(n >= MIN_PLACES for n in places.values())
