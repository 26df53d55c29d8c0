"""Gate evidence no clean text has: specks at a column's edge and marks inside words.

Newspaper columns scanned with their neighbours' edges carry specks the OCR reads as
marks: a line opening with a lone "?", ".", ":", "!", "¡" or "«" before its first word
("? from the blazing cockpit of", ". a Moth Minor aircraft"), or closing with a lone
"«", "»", "■" or "\\" ("left «").  A mark inside a lower-case word ("t?ke", "w»as")
is a misread letter.  Clean text hard-wrapped by a person or a program has neither (a
line may open with a comma or a dash; "|" opens and closes the rows of a table, so it
is not counted).  Each such mark counts as one OCR pattern for the garble gate
(:func:`repair.detect.ocr.is_garbled`), which opens on a short lightly garbled
clipping whose only damage is its specks.

>>> speck_count("The pilot jumped\\n? from the blazing cockpit of\\n. a Moth aircraft, t?ke")
3
>>> speck_count("one, two\\n, and three | four |\\n- five")
0
"""

from __future__ import annotations

import re

_LINE_START = re.compile(r"(?m)^[ \t]*[?.:!¡¿«»■\\][ \t]+(?=[A-Za-z\"'“‘])")
_LINE_END = re.compile(r"(?m)(?<=[A-Za-z,.;])[ \t]+[«»■\\¡¿][ \t]*$")
_INNER = re.compile(r"(?<=[a-z])[?»«¡¿■\\](?=[a-z])")


def speck_count(text: str) -> int:
    """Specks at line edges and marks inside lower-case words (see the module doc)."""
    if "\n" not in text:
        return len(_INNER.findall(text))
    return len(_LINE_START.findall(text)) + len(_LINE_END.findall(text)) + len(_INNER.findall(text))
