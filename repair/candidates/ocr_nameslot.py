"""A capitalised token in a surname's slot is no plain word: "Mrs. Gurdon" is no "Garden".

A garbled page names people in lists and notices ("Mr J Houison to be second
lieutenant", "Messrs. Hvmnii, J. Mugg", "Detective Hinds", "Mr. W. J. Camplin, S.M."),
and where the name is garbled or unknown to every list the usual readings offer what the
context model knows: a plain word set with a capital ("Meant", "Garden", "Desk",
"Hands"). The slot says otherwise: after a title or an initial
(:func:`repair.candidates.ocr_namepos.name_position`), or after a listed name in that
slot (:func:`repair.candidates.ocr_surname.surname_slot`), a surname stands.

So a one-word reading of a capitalised token in that slot is dropped when the reading is
a plain word: the period text writes it with a capital in fewer than
:data:`MAX_CAPITAL_SHARE` of its mid-sentence uses (seen :data:`MIN_COUNT` times or
more: "meant" 0.4 %, "hands" 0.8 %, "garden" 2.4 %; a surname is mostly capitalised:
"Smith" 98 %, "Gordon" 100 %). A reading the period text never prints is no evidence
either way ("Hoarsen", but also "Spedding"), and a title stands in the slot too ("T
Sgt"). Common words (Zipf :data:`MAX_ZIPF` or more: "The", "This", "Then") are kept: an
initial may end a sentence ("Company E. Tho men"). Readings to names, and the token's
other readings, stay and compete, and a name printed right ("Hinds", "Monat") keeps its
letters. A piece of a hyphenated word ("Mie-holl") is left. Only capitalised readings of
capitalised tokens: "Mr. aud Mrs." is read as before. No list of pairs or names: the
slot and the period text's capitals decide.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_docvocab import _next_to_hyphen
from repair.candidates.ocr_namepos import TITLES
from repair.types import Candidate, Token

#: The switch (session 45, ocrnames45).  Off: SMH dev +1 token / -1 char (dev-a 0 / -1,
#: dev-b +1 / 0; ``benchmarks/ocr_ablation.py --parts deva,devb``, benchmarks/RESULTS.md):
#: "Mrs. Gurdon" no longer "Garden" (the gold "Gordon" is not reached either), but "Mr.
#: Lionel Doro" loses its right reading "Dare": surnames that are plain words ("Dare",
#: "Hands", "Mills") stand in the slot too.
NAME_SLOT = False
#: A reading the period text capitalises less often than this mid-sentence is a plain word.
MAX_CAPITAL_SHARE = 0.1
#: ... when the period text has seen it this often (fewer: no evidence of its case).
MIN_COUNT = 20
#: Readings at least this common (Zipf) are kept (sentence openers after an initial).
MAX_ZIPF = 5.5

_TITLES = frozenset(t.lower() for t in TITLES)


def plain_word(reading: str) -> bool:
    """Whether ``reading`` (capitalised) is a plain word, no surname (module doc).

    >>> plain_word("Meant"), plain_word("Hymnal"), plain_word("Smith"), plain_word("Hyman")
    (True, False, False, False)
    >>> plain_word("The")  # common: kept
    False
    """
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams

    low = reading.lower()
    if zipf(low) >= MAX_ZIPF:
        return False
    table = get_ngrams()
    share = table.capital_share(low)
    if share is None or low in _TITLES:
        return False  # no evidence of its case; a title ("Sgt") stands in the slot too
    return share < MAX_CAPITAL_SHARE and table.count(low) >= MIN_COUNT


def _reading_of_token(c: Candidate, tok: Token) -> bool:
    """Whether ``c`` reads the whole capitalised ``tok`` as another capitalised word."""
    rep = c.replacement
    return (
        c.start == tok.start
        and c.end == tok.end
        and tok.text[:1].isupper()
        and rep[:1].isupper()
        and rep.isalpha()
        and rep.lower() != tok.text.lower()
    )


def drop_plain_words(
    toks: list[Token], by_start: Mapping[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` less the plain-word readings of capitalised tokens in a surname's slot.

    >>> from repair.tokenize import tokenize
    >>> from repair.candidates.ocr_rules import cand
    >>> toks = tokenize("and Mrs. Gurdon sailed")
    >>> by_start = {t.start: i for i, t in enumerate(toks)}
    >>> cs = [cand(9, 15, "Garden", "OCR_CONFUSION"), cand(9, 15, "Gordon", "OCR_NAME")]
    >>> [c.replacement for c in drop_plain_words(toks, by_start, cs)] == (
    ...     ["Gordon"] if NAME_SLOT else ["Garden", "Gordon"])
    True
    """
    if not NAME_SLOT or not cands:
        return cands
    from repair.candidates.ocr_surname import surname_slot

    slot: dict[int, bool] = {}
    out: list[Candidate] = []
    for c in cands:
        i = by_start.get(c.start)
        if i is None or not _reading_of_token(c, toks[i]):
            out.append(c)
            continue
        if i not in slot:
            slot[i] = surname_slot(toks, i) and not _next_to_hyphen(toks, i)
        if slot[i] and plain_word(c.replacement):
            continue
        out.append(c)
    return out
