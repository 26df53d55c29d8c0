"""A word rejoined at a line-end hyphen keeps a capital I the OCR misread: "an In-⏎spection".

Newspaper OCR reads the lower-case ``i`` that opens a word as a capital inside running
text ("went In the house", "it Is said"); :mod:`repair.candidates.ocr_case` lowers such a
word when the page's context and the period text's case say it is a lower-case word.  A
word broken at a line end is read by the dehyphenation (:mod:`repair.candidates.
ocr_hyphen`: "In-⏎spection" -> "Inspection") and never by the casing rule, which sees
only the piece "In" ("an In-⏎spection", "Mr. Barton (In-⏎structed by", "will be
Immeasur-⏎ably strengthened", "by Inter-⏎national": SMH dev, session 41, gold lower case).

Here the rejoined word is put in the pieces' place and asked the casing rule's own
question (:func:`repair.candidates.ocr_case.case_candidates`: the words around it in
running text, the lower-case form a known word the period text writes in lower case, no
name's word: "the Inter-⏎colonial Conference", "Im-⏎perial Government", "In-⏎dian" keep
their capital); when it would lower the word, the dehyphenation reads the lower-case
form.  Nothing else changes: the join is the dehyphenation's, the case the casing rule's.
Mixed-case forms are never made (only an I/J initial before lower-case letters).

>>> from repair.tokenize import tokenize
>>> from repair.candidates.ocr_hyphen import hyphen_candidates
>>> text = "and an In-\\nspection of the works was made by the men"
>>> toks = tokenize(text)
>>> cs = hyphen_candidates(text, 7, 19, False)
>>> [c.replacement for c in lower_joined(cs, toks, frozenset(), {}, garbled=True)]
['inspection']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Lower a rejoined word's misread capital I/J (see the module doc).
HYPHEN_CASE = True


def _start(tok: Token) -> int:
    return tok.start


def lower_joined(
    cands: list[Candidate],
    toks: list[Token],
    lower_words: frozenset[str],
    counts: Mapping[str, int],
    *,
    garbled: bool,
) -> list[Candidate]:
    """``cands``, changed in place: each dehyphenation to an I/J-initial word the casing
    rule would lower (read in the pieces' place) reads the lower-case form."""
    from repair.candidates.ocr_case import case_candidates

    if not HYPHEN_CASE:
        return cands
    for n, c in enumerate(cands):
        r = c.replacement
        if c.source != "OCR_DEHYPHENATE" or len(r) < 2 or r[0] not in "IJ":
            continue
        if not (r[1:].isalpha() and r[1:].islower()):
            continue
        k = bisect_left(toks, c.start, key=_start)
        if k >= len(toks) or toks[k].start != c.start or toks[k].kind != "word":
            continue
        m = bisect_left(toks, c.end, key=_start) - 1
        if m <= k or toks[m].end != c.end or toks[m].kind != "word":
            continue
        joined = Token(r, c.start, c.end, "word")
        # the whole page's tokens (the casing rule asks whether it is wrapped prose);
        # an I/J-initial join is rare, so one copy each
        local = [*toks[:k], joined, *toks[m + 1 :]]
        if not case_candidates(local, k, lower_words, counts, garbled=garbled):
            continue
        low = r.lower()
        feats = dict(c.features)
        feats["finding"] = "line_end_hyphen_case"
        feats["alt"] = [low]
        cands[n] = cand(c.start, c.end, low, c.source, **feats)
    return cands
