"""Titles printed with a stray mark inside them: "Mi's. Barnett" -> "Mrs. Barnett".

A passenger or guest list prints a title before every name, and the OCR reads a small
"r" as "i" and a speck beside it as an apostrophe ("Mrs. Hort. Mi's. Barnett"): the
token is then no word and no title, and :mod:`repair.candidates.ocr_abbrev`, which
reads garbled titles and name abbreviations before a name, leaves it (it reads letters
only).  Here such a token, letters with one inner apostrophe, standing alone before its
own full stop and a capitalised word, is read the way that module reads a title: the
abbreviation the learned tables price most cheaply for the whole print, the mark included
("i'" -> "r"), less the page's usage of the reading
(:func:`repair.candidates.ocr_abbrev.abbrev_reading`: a page that prints "Mrs" 31 times
makes "Mrs" 2 nats cheaper).  A possessive ("Smith's.
Then") is too far from every abbreviation to be read.

Heavily garbled pages and garbled newspaper columns only (the caller's gate, as for
:mod:`repair.candidates.ocr_initial_glyph`); the reading takes a fixed confidence and the
other readings of its span give way (a title has no context the model could judge).

>>> from repair.tokenize import tokenize
>>> page = "Mrs. Pillow, Mrs. Kelly, Mi's. Barnett, Mrs. Hort, Mrs. Jones; Smith's. Then"
>>> [(c.features["printed"], c.replacement) for c in mark_abbrev_candidates(tokenize(page))]
[("Mi's", 'Mrs')]
"""

from __future__ import annotations

from collections import Counter

from repair.candidates import ocr_abbrev
from repair.candidates.ocr_initial_glyph import _after_capital, _name_follows
from repair.candidates.ocr_rules import cand, page_word_counts
from repair.types import Candidate, Token

#: Switch (hook in ``repair.candidates.ocr._initial_glyphs``).
MARK_ABBREV = True
#: Inner marks a title may carry.
MARKS = frozenset("'’")


def _marked(text: str) -> bool:
    """Letters with one inner mark: "Mi's", "M'r"; not "'Mr", "Mr'"."""
    inner = [k for k, c in enumerate(text) if c in MARKS]
    if len(inner) != 1 or not 0 < inner[0] < len(text) - 1:
        return False
    return text.replace(text[inner[0]], "").isalpha()


def mark_abbrev_candidates(
    toks: list[Token], have: frozenset[tuple[int, int]] = frozenset()
) -> list[Candidate]:
    """Readings of titles printed with an inner mark (module doc), none on a span in
    ``have`` (readings already made)."""
    if not MARK_ABBREV:
        return []
    page: Counter[str] | None = None
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not 3 <= len(text) <= ocr_abbrev.MAX_LEN + 1:
            continue
        if not text[:1].isupper() or not _marked(text) or (t.start, t.end) in have:
            continue
        if i + 1 >= len(toks) or toks[i + 1].text != ".":
            continue  # a title with its own stop
        if not ocr_abbrev._standing(toks, i) or _name_follows(toks, i) is None:
            continue  # a capitalised word after the stop: the print is no word to keep
        if page is None:
            page = page_word_counts(toks)
        found = ocr_abbrev.abbrev_reading(text, page, False, _after_capital(toks, i), False)
        if found is None:
            continue
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="abbrev",
                 fixed=ocr_abbrev.CONFIDENCE, printed=text, channel_cost=found[1])
        )  # fmt: skip
    return out
