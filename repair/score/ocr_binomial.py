"""The second word of a Latin binomial is no garble (issue 12: never correct a real form).

"the oldest "true frog" is Prosalirus bitis, from the Early Jurassic": a species name is
a genus (a capitalised word the dictionary lacks, with a Latin noun's ending) and a
lower-case epithet with a Latin ending, neither of them English.  The language model
knows neither, so the epithet's readings ("bit is", "bills") win on the prior of common
words alone.  :func:`keep_epithets` drops the edits that read such an epithet when the
genus stands right before it in mid-sentence (one space or a line end apart); the print
stays.  The shape is the evidence (no list of names): both words unknown, both with a
Latin ending, the genus after a lower-case word or a mark that does not end a sentence.
Called after the OCR stage's readings are composed (:mod:`repair.stages.ocr`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repair.types import Edit

#: The switch (see the module doc).
BINOMIAL_KEEP = False
#: Endings of a genus (Latin and Greek nominatives: "Prosalirus", "Rana", "Triturus") and
#: of an epithet ("bitis", "temporaria", "vulgaris", "smithii").
GENUS_ENDS = ("us", "um", "a", "is", "es", "on", "ix")
EPITHET_ENDS = ("us", "um", "a", "is", "ae", "i", "es")
#: Shortest genus and epithet (letters).
GENUS_MIN_LEN = 5
EPITHET_MIN_LEN = 4

_GENUS_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]*\n?[ \t]*$")
_MARKS = "\"'(),.;:!?"


def genus_before(text: str, start: int) -> str | None:
    """The capitalised word right before ``start`` (one space or a line end apart) when
    it stands in mid-sentence, else ``None``.

    >>> t = 'is\\nProsalirus bitis, from. Rana temporaria'
    >>> genus_before(t, t.index("bitis")), genus_before(t, t.index("temporaria"))
    ('Prosalirus', None)
    """
    before = text[max(0, start - 60) : start]
    m = _GENUS_BEFORE.search(before)
    if m is None:
        return None
    lead = before[: m.start()].rstrip()
    if not lead or lead[-1] in ".!?:":
        return None
    return m.group(1)


def binomial(genus: str, epithet: str) -> bool:
    """Whether ``genus epithet`` has the shape of a species name (see the module doc).

    >>> binomial("Prosalirus", "bitis"), binomial("Sydney", "tbis"), binomial("Rana", "ihe")
    (True, False, False)
    """
    from repair.score.ocr_channel import is_known

    return (
        len(genus) >= GENUS_MIN_LEN
        and len(epithet) >= EPITHET_MIN_LEN
        and epithet.isalpha()
        and epithet.islower()
        and genus.endswith(GENUS_ENDS)
        and epithet.endswith(EPITHET_ENDS)
        and not is_known(genus)
        and not is_known(epithet)
    )


def keep_epithets(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """``edits`` without the readings of a binomial's epithet (see the module doc)."""
    if not BINOMIAL_KEEP:
        return list(edits)
    out = []
    for e in edits:
        word = e.original.strip(_MARKS)
        if word and word.isalpha() and word.islower():
            start = e.offset + len(e.original) - len(e.original.lstrip(_MARKS))
            genus = genus_before(text, start)
            if genus is not None and binomial(genus, word):
                continue
        out.append(e)
    return out
