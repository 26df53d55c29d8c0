"""The second word of a Latin binomial is no garble (issue 12: never correct a real form).

"the oldest "true frog" is Prosalirus bitis, from the Early Jurassic": a species name is
a genus (a capitalised word the dictionary lacks, with a Latin noun's ending) and a
lower-case epithet with a Latin ending, neither of them English.  The language model
knows neither, so the epithet's readings ("bit is", "bills") win on the prior of common
words alone.  :func:`keep_epithets` drops the edits that read such an epithet when the
genus stands right before it in mid-sentence (one space or a line end apart) and no edit
reads the genus itself (then it is garble: "Cliina earlierthis" is "China earlier
this"); the print stays.  The shape is the evidence (no list of names): both words
unknown, both with a Latin ending, the genus after a lower-case word or a mark that does
not end a sentence.
Called after the OCR stage's readings are composed (:mod:`repair.stages.ocr`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from repair.types import Edit

#: The switch (see the module doc).  Session 49 (ocrcap49): OCR'd modern text audit 9
#: broken fewer ("Prosalirus bitis" 10 -> 1; the one left has a garbled genus,
#: "Prosa1irus"), fixed 28,189 both; SMH dev: no edit dropped (dev-a, dev-b unchanged).
BINOMIAL_KEEP = True
#: Endings of a genus (Latin and Greek nominatives: "Prosalirus", "Rana", "Triturus") and
#: of an epithet ("bitis", "temporaria", "vulgaris", "smithii"; not "-es", the ending of
#: garbled English verbs and plurals: "Salientia iucludes" is "includes").
GENUS_ENDS = ("us", "um", "a", "is", "es", "on", "ix")
EPITHET_ENDS = ("us", "um", "a", "is", "ae", "i")
#: Shortest genus and epithet (letters).
GENUS_MIN_LEN = 5
EPITHET_MIN_LEN = 4

_GENUS_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]*\n?[ \t]*$")
_MARKS = "\"'(),.;:!?"


def genus_before(text: str, start: int) -> tuple[int, str] | None:
    """(offset, word) of the capitalised word right before ``start`` (one space or a line
    end apart) when it stands in mid-sentence, else ``None``.

    >>> t = 'is\\nProsalirus bitis, from. Rana temporaria'
    >>> genus_before(t, t.index("bitis")), genus_before(t, t.index("temporaria"))
    ((3, 'Prosalirus'), None)
    """
    base = max(0, start - 60)
    before = text[base:start]
    m = _GENUS_BEFORE.search(before)
    if m is None:
        return None
    lead = before[: m.start()].rstrip()
    if not lead or lead[-1] in ".!?:":
        return None
    return base + m.start(1), m.group(1)


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
    spans = sorted((e.offset, e.end) for e in edits)
    starts = [a for a, _b in spans]
    out = []
    for e in edits:
        word = e.original.strip(_MARKS)
        if word and word.isalpha() and word.islower():
            start = e.offset + len(e.original) - len(e.original.lstrip(_MARKS))
            genus = genus_before(text, start)
            # a genus the repair reads itself is garble ("Cliina earlierthis": "China")
            if genus is not None and binomial(genus[1], word):
                k = bisect_right(starts, genus[0]) - 1
                if k < 0 or spans[k][1] <= genus[0]:
                    continue
        out.append(e)
    return out
