"""Rare two-letter words of a heavily garbled page read as the commonest words.

"tj" for "to", "fn" for "in", "bl" for "be", "hq" for "he": the print is a word the
dictionary knows (an abbreviation, a code), so no non-word finding reads it, and the
learned table has no row for the glyph, so no real-word reading reaches it.  On a heavily
garbled page such a rare two-letter word between words is read as every function word
one letter away that is far commoner (Zipf :data:`TARGET_ZIPF`), each priced by the
channel (:func:`repair.score.ocr_price.channel_cost`: the table's row where it has one,
a generic substitution where not); the two-sided language model decides on the real-word
margin, so "Dr", "St", "no" and "mr" are never touched (too common) and "tj" stays where
the context does not want "to".  A page garbled but not heavily gets the same readings at a
wider margin (:data:`GARBLED_PAGES`).
"""

from __future__ import annotations

from functools import lru_cache

from repair.resources.frequency import zipf

#: Switch (the candidate generator reads it).
SHORT_WORDS = True
#: The print is at most this common (Zipf) ...
MAX_PRINT_ZIPF = 4.0
#: ... and a reading at least this common.
TARGET_ZIPF = 6.0
#: Issue 12 (session 42): also on pages garbled but not heavily ("of pleurisy, is fn bed
#: again" -> in), where a reading needs the margin :data:`GARBLED_THRESHOLD` (SMH dev: 5.0
#: reads nothing; 3.5, 2.5 and 1.5 read "fn" only).  SMH dev-a 1,999 -> 1,999 tokens, dev-b
#: 2,487 -> 2,486; test 5,459 -> 5,459; light suite, ICDAR 1-80, clean gate and the OCR'd
#: modern text audit unchanged.
GARBLED_PAGES = True
GARBLED_THRESHOLD = 3.5


@lru_cache(maxsize=2_048)
def short_readings(text: str) -> tuple[tuple[str, float], ...]:
    """(reading, channel cost) of the two-letter lower-case word ``text``, cheapest first."""
    from repair.score.ocr_price import channel_cost

    if len(text) != 2 or not text.isalpha() or not text.islower():
        return ()
    if zipf(text) >= MAX_PRINT_ZIPF:
        return ()
    out = []
    for k in range(2):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            word = text[:k] + ch + text[k + 1 :]
            if word != text and zipf(word) >= TARGET_ZIPF:
                out.append((word, round(channel_cost(text, word), 3)))
    return tuple(sorted(set(out), key=lambda x: x[1]))
