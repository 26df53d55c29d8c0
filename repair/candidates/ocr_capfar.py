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

from repair.types import Token

#: Capitalised tokens in a common word's place get far readings (hook in
#: :meth:`repair.candidates.ocr._Generator._far`).
CAPITAL_FAR = True
#: Marks that end a sentence before an opener.
_STOPS = frozenset(".?!")


def common_word_place(toks: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` follows a lower-case word (across spaces or a line
    break), or opens a sentence whose full stop follows a lower-case word (module doc)."""
    if not CAPITAL_FAR or not toks[i].text[:1].isupper():
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
