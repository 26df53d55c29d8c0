"""Garbled names and words inside a possessive or an Irish/Scottish prefix.

A garbled page prints "Rhodcs's", "Lystor's", "O'Rogan", "M'Carihy": the token is no word,
and none of the readings of the word inside it applies to the whole token (the name
lists, the page's own words and the far search know "Rhodes", "Regan", "Carthy", not
"Rhodes's" or "O'Regan").  Such a token is read through its stem: the affix ("'s";
"O'", "M'") is cut off, the stem is read as the token it would be on its own, and the
readings edit the stem's span only, so the affix stays as printed.

Only when the whole token got no candidate, and the stem is letters only and no known
word.

>>> split_affix("Rhodcs's"), split_affix("O'Rogan"), split_affix("O'Rogan's")
((0, 6), (2, 7), (0, 7))
>>> split_affix("father's") is None, split_affix("M'l") is None
(False, True)
"""

from __future__ import annotations

#: Switch (the candidate generator reads it).
AFFIXES = True
#: Shortest stem read.
MIN_STEM = 4
_SUFFIXES = ("'s", "\u2019s")
_PREFIXES = ("O'", "M'", "O\u2019", "M\u2019")


def split_affix(text: str) -> tuple[int, int] | None:
    """The stem's span inside ``text`` once one affix is cut off (a possessive first), or
    ``None`` when no affix leaves a stem of letters of :data:`MIN_STEM` or more."""
    for s in _SUFFIXES:
        if text.endswith(s):
            stem = text[: -len(s)]
            if len(stem) >= MIN_STEM and (stem.isalpha() or split_affix(stem) is not None):
                return 0, len(stem)
    for p in _PREFIXES:
        if text.startswith(p):
            stem = text[len(p) :]
            if len(stem) >= MIN_STEM and stem.isalpha() and stem[:1].isupper():
                return len(p), len(text)
    return None
