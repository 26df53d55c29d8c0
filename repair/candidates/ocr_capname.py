"""Capitalised non-words read as a listed name or word: short names and repeated garbles.

A capitalised non-word of a garbled page is read as a listed personal or place name
when one cheap learned confusion gives exactly one such name (``_name_readings`` of
:mod:`repair.candidates.ocr`: "Balgownio" -> "Balgownie").  Two of its gates leave
clear garbles of names the list knows:

* **short tokens** (:data:`NAME_MIN_LEN`): the reading was asked of five letters or
  more, so four-letter names stay garbled ("Gili" -> "Gill", "Mavo" -> "Mayo",
  "Emll" -> "Emil", "Byan" -> "Ryan");
* **repeated tokens** (:data:`REPEAT_NAME`): a capitalised token the page prints twice is
  taken for a name and left ("Frnest" x2 in a casualty list), though the OCR garbles
  one name the same way wherever the same type is damaged.
"""

from __future__ import annotations

from repair.candidates.ocr_namepos import name_position
from repair.types import Token

#: Shortest capitalised token read as the one cheap listed name (main: 5 letters).
NAME_MIN_LEN = 5
#: A capitalised token the page prints more than once (at most :data:`REPEAT_MAX_COUNT`
#: times) still gets the one cheap listed-name reading (no wide search).
REPEAT_NAME = False
REPEAT_MAX_COUNT = 3


def repeat_applies(text: str, count: int) -> bool:
    """Whether a capitalised token printed ``count`` (>= 2) times gets the one cheap
    listed-name reading: a name garbled the same way twice ("Frnest" x2 -> "Ernest")."""
    return REPEAT_NAME and count <= REPEAT_MAX_COUNT and len(text) >= NAME_MIN_LEN


#: In a name's place (after a title or an initial, or between two capitalised words) the
#: wide name search of a heavy page takes the one clear listed name up to this cost
#: (nats; ``None``: the search's own bound, ``NAME_WIDE_MAX_COST`` = 5 nats, everywhere):
#: "Constable Alfred Guotge Winter" -> "George" (8.7), "William Idvvard" -> "Edward".
NAME_CONTEXT_MAX_COST: float | None = None
#: A capitalised non-word after a title or an initial ("Mr. Tooso", "F. W. Beebag") is
#: read as a name (the finding ``capitalized_unknown``), not as a word that opens a
#: sentence (``nonword``: the full stop of "Mr." or "F." looks like a sentence's end).
NAME_PLACE = False


def name_place_reason(toks: list[Token], i: int, reason: str) -> str:
    """``reason``, or ``"capitalized_unknown"`` for a capitalised non-word in a name's
    place (:func:`repair.candidates.ocr_namepos.name_position`) under :data:`NAME_PLACE`.

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("said Mr. Tooso and the Tooso")
    >>> [name_place_reason(toks, i, "nonword") for i in (5, 11)] == (
    ...     ["capitalized_unknown", "nonword"] if NAME_PLACE else ["nonword", "nonword"])
    True
    """
    if not NAME_PLACE or reason != "nonword":
        return reason
    text = toks[i].text
    if not (text[:1].isupper() and any(ch.islower() for ch in text[1:])):
        return reason
    return "capitalized_unknown" if name_position(toks, i) else reason
