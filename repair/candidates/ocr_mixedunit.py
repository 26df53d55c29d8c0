"""Mixed-case units after a figure: "250 mL", "13.5 kWh", "3.2 GHz", "85 dB" are print.

The detector reads a capital inside a lower-case word as garble (``inner_capital``: "mL"
-> "me", "tOwn" -> "town").  A short mixed-case token right after a figure is a unit of
measure written in its SI casing; a garbled common word after a figure ("3 aNd 4") is
a common word (Zipf :data:`MAX_ZIPF` or more) and keeps its readings, and so does a
token after a code's digits ("LY038 iB the": "is", the light suite's dev half).  Issue 12 (session
51): ``tests/test_ocr_modern51.py``.
"""

from __future__ import annotations

from repair.resources.frequency import zipf
from repair.types import Token

#: A mixed-case unit after a figure gets no reading (``repair.candidates.ocr``'s token
#: reader).  Measured in ``benchmarks/RESULTS.md``, session 51, ocraudit.
MIXED_UNITS = True
#: Most letters of such a unit ("kWh", "GHz", "mAh", "kN").
MAX_LEN = 4
#: Its lower-case form is rarer than this (Zipf: "ml" 3.8, "kwh" 3.1, "mm" 4.7; "and" 7.4).
MAX_ZIPF = 4.5


def mixed_unit(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` is a short mixed-case unit right after a figure (glued to it or one
    space after it on the same line).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("add 250 mL and 13.5kWh, then 3 aNd 4 or the mL; LY038 iB the")
    >>> [toks[k].text for k in range(len(toks)) if mixed_unit(toks, k)]
    ['mL', 'kWh']
    """
    if not MIXED_UNITS:
        return False
    text = toks[i].text
    if not (2 <= len(text) <= MAX_LEN and text.isalpha()):
        return False
    if text.isupper() or text.islower() or not any(ch.isupper() for ch in text[1:]):
        return False
    if zipf(text.lower()) >= MAX_ZIPF:
        return False
    j = i - 1
    if j >= 0 and toks[j].kind == "space" and toks[j].text == " ":
        j -= 1
    if j < 0 or toks[j].kind != "number":
        return False
    # the figure is printed on its own, not the tail of a code ("LY038 iB the": "is")
    return j == 0 or toks[j - 1].kind not in ("word", "number") or toks[j - 1].end < toks[j].start
