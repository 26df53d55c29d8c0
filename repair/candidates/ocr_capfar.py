"""Far readings of a capitalised non-word that stands where a common word does.

:mod:`repair.candidates.ocr_far` leaves capitalised tokens alone: a capitalised non-word
printed once is often a name no list knows, and a far reading breaks it ("Woolcott" ->
"Walcott", "Tasma" -> "Tasks", "Gloghom" -> "Gloom").  The page's own layout says
which capitalised tokens are names: a name follows a title, an initial or another
capitalised word ("Miss Tasma", "W. Woolcott", "Eileen Mavo", "Captain Morriase",
"Skipper Gloghom"), while a capitalised common word most often follows a lower-case
word ("the Municipal Cmincil" aside, "of the Ccn⏎tral Distict", "tributes to tile
Vustrulluiis") or opens a sentence after a lower-case word's full stop ("in the bulk.
Wtiy these").  Here a capitalised token gets the far search only in that place
(:func:`common_word_place`); the reading keeps the capital initial and the language
model decides at the far search's margin.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the Distict, Miss Tasma. W. Woolcott said. Wtiy not")
>>> [t.text for i, t in enumerate(toks) if t.kind == "word" and common_word_place(toks, i)]
['Distict', 'Wtiy']
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.score.ocr_channel import Correction
from repair.types import Token

#: Capitalised tokens in a common word's place get far readings (hook in
#: :meth:`repair.candidates.ocr._Generator._far`).  Off: SMH dev folds -1 / 0 tokens
#: (2-nat margin; -2 / -1 without), but the archive suite's clean-English names broke
#: (+2 / +2 / +4 correct tokens broken at 1 / 3 / 6 %): benchmarks/RESULTS.md, session 16.
CAPITAL_FAR = False
#: Only the cheapest far reading is kept, and only when the next costs this many nats
#: more (0: every reading the far search gives).
MARGIN = 2.0
#: Marks that end a sentence before an opener.
_STOPS = frozenset(".?!")


def capital_far_place(toks: list[Token], i: int) -> bool:
    """:func:`common_word_place` when :data:`CAPITAL_FAR` is on."""
    return CAPITAL_FAR and common_word_place(toks, i)


def common_word_place(toks: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` follows a lower-case word (across spaces or a line
    break), or opens a sentence whose full stop follows a lower-case word (module doc)."""
    if not toks[i].text[:1].isupper():
        return False
    j = i - 1
    if j < 0 or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return False
    j -= 1
    if j >= 0 and toks[j].text in _STOPS:
        j -= 1
    if j < 0 or toks[j].kind != "word":
        return False
    prev = toks[j].text
    return len(prev) >= 2 and prev.isalpha() and prev.islower()


def clear_reading(readings: Sequence[Correction]) -> tuple[Correction, ...]:
    """The cheapest of a capitalised token's far ``readings`` (cheapest first) when the
    next is :data:`MARGIN` nats dearer, else nothing."""
    if not MARGIN:
        return tuple(readings)
    if not readings or (len(readings) > 1 and readings[1].cost - readings[0].cost < MARGIN):
        return ()
    return (readings[0],)
