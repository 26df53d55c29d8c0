"""A roman numeral "I" is no evidence for the pronoun "I" (issue 12, session 52, ocrprec).

A garbled page's one-word reading gains margin for every pair the page prints with it
beside the same neighbour (:data:`repair.score.ocr.PAGE_PAIRS`, session 37): "his skill ia
the art" is "in" on a page that prints "skill in".  A figure "1" read as the pronoun "I"
("that 1 with" -> "I", an 1890s book's engine) counts the page's "I" pairs the same way;
but a page about history prints "I" as a roman numeral after a name ("Frederick I in
1701", "World War I in 1918"), and those pairs carried "World No. 1 in 1999" to "No. I"
(the OCR'd modern text audit, sessions 50-51: 5 of its 14 dev breaks, declined by the
model alone).  An "I" printed right after a capitalised word, one plain space between
("War I", "Frederick I"; not "said. I", "and I", a line's or a sentence's first "I"), is a
numeral or an initial, not the pronoun: :data:`ROMAN_PAIRS` leaves its two pairs out of the
counts the pronoun's readings are vouched by.

>>> from repair.score.ocr import page_pair_counts
>>> from repair.tokenize import tokenize
>>> text = "After World War I in 1918 and Frederick I in 1701. I in turn"
>>> words = [(t.text, t.start) for t in tokenize(text) if t.kind == "word"]
>>> pairs = page_pair_counts([w for w, _s in words])
>>> pairs[("i", "in")], pairs[("war", "i")]
(3, 1)
>>> drop_roman_pairs(pairs, text, words)
>>> pairs[("i", "in")], pairs[("war", "i")]
(1, 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: The pairs of an "I" printed right after a capitalised word (a numeral or an initial) do
#: not vouch for readings of the pronoun.  Session 52 (ocrprec): the OCR'd modern text
#: audit's dev half 14 -> 9 broken (the five "No. I"), fixed 14,368 both; SMH dev, proxy
#: dev, light suite dev, census dev and ICDAR (files 1-80, file 81's "1" for "I")
#: unchanged (benchmarks/RESULTS.md, session 52, ocrprec).
ROMAN_PAIRS = True


def _pair_key(w: str) -> str | None:
    from repair.score.ocr import _pair_word

    return _pair_word(w)


def drop_roman_pairs(
    pairs: Counter[tuple[str, str]], text: str, words: Sequence[tuple[str, int]]
) -> None:
    """Take the pairs of each numeral "I" of ``words`` ((text, start) in ``text``, in
    order) out of ``pairs`` (in place; :data:`ROMAN_PAIRS`)."""
    if not ROMAN_PAIRS:
        return
    for k in range(1, len(words)):
        w, start = words[k]
        if w != "I":
            continue
        prev, pstart = words[k - 1]
        if not (prev[:1].isupper() and prev.isalpha() and prev != "I"):
            continue
        if text[pstart + len(prev) : start] != " ":
            continue  # a stop, a comma or a line between: the pronoun may open a clause
        if k >= 2:
            before, bstart = words[k - 2]
            gap = text[bstart + len(before) : pstart]
            if any(ch in ".!?:\n" for ch in before[-1:] + gap):
                continue  # the capitalised word opens a sentence ("Then I", "So I")
        else:
            continue  # the page's first word opens it
        keys = [(_pair_key(prev), "i")]
        if k + 1 < len(words):
            keys.append(("i", _pair_key(words[k + 1][0])))
        for key in keys:
            if key[0] is None or key[1] is None:
                continue
            if pairs.get(key, 0) > 1:
                pairs[key] -= 1  # type: ignore[index]
            else:
                pairs.pop(key, None)  # type: ignore[arg-type]
