"""A capitalised piece of an in-line dashed pair of capitalised words is a name.

"Kneser–Ney smoothing", "the Navier–Stokes equations", "Terje Roed-Larsen": a capitalised
word joined by a hyphen or an en dash, with no space either side, to a name is half of a
double-barrelled surname or an eponym pair.  Such a piece that no list knows is a rare
name, not a misread listed name: the name readings that take the one listed name a cheap
confusion away, with no context model to weigh them (``OCR_NAME``'s fixed readings:
"Kneser" -> "Kieser", n for i), are not made for it.  Every other reading of the piece
(confusions weighed by the context model, joins) is made as before.

Issue 12 (session 51): the OCR'd modern text audit (``benchmarks/ocr_audit.py``) broke
"Kneser–Ney" three times in its dev half, each a clean print in a heavily garbled window.
"""

from __future__ import annotations

from repair.types import Token

#: A capitalised unknown piece of an in-line dashed pair of capitalised words gets no fixed
#: name reading (:func:`name_pair_piece`).  Measured in ``benchmarks/RESULTS.md`` (session 51,
#: ocraudit): audit dev 23 -> 20 broken, fixed count, SMH dev and the light suite unchanged.
NAME_PAIRS = True
#: The other word of the pair is a name: the period table writes it with a capital at
#: least this share of the time, or has never seen it (SMH dev: "the Polaw-Main Colliery"
#: is "Pelaw"; "Main" 5 %).
PARTNER_MIN_SHARE = 0.5
#: The joiners of such a pair: a hyphen, a non-breaking hyphen, an en dash.
JOINERS = frozenset("-\u2011\u2013")


def _name_like(word: str) -> bool:
    """Whether ``word`` is capitalised and a name as the period table writes it: with a
    capital at least :data:`PARTNER_MIN_SHARE` of the time, or never seen ("Ney",
    "Larsen"); "Main", "Road" are common words ("Polaw-Main Colliery" is "Pelaw")."""
    if not word[:1].isupper():
        return False
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(word.lower())
    return share is None or share >= PARTNER_MIN_SHARE


def name_pair_piece(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` (capitalised) is joined by an in-line hyphen or en dash, no space
    on either side, to a name (:func:`_name_like`; :data:`NAME_PAIRS`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("We compare Kneser–Ney smoothing")
    >>> name_pair_piece(toks, 4), name_pair_piece(toks, 6), name_pair_piece(toks, 2)
    (True, True, False)
    >>> toks = tokenize("the Kneser – Ney and Kneser-smoothing, the Polaw-Main Colliery")
    >>> [name_pair_piece(toks, k) for k in (2, 6, 10, 17)]
    [False, False, False, False]
    """
    if not NAME_PAIRS:
        return False
    tok = toks[i]
    if not tok.text[:1].isupper():
        return False
    for step in (-1, 1):
        h, o = i + step, i + 2 * step
        if not (0 <= o < len(toks)):
            continue
        dash, other = toks[h], toks[o]
        if dash.text not in JOINERS or other.kind != "word" or not _name_like(other.text):
            continue
        if step > 0 and tok.end == dash.start and dash.end == other.start:
            return True
        if step < 0 and other.end == dash.start and dash.end == tok.start:
            return True
    return False
