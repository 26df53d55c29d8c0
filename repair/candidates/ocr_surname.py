"""A listed surname after a title, an initial or a given name is kept as printed (issue 12).

"Detective Hinds", "Sgt John Doak", "Mrs. Bussell", "one Lionel Lunn": the word stands
where a surname stands, and the name list (:meth:`repair.score.ngrams.NgramTable.is_name`:
US Census first names and surnames, GeoNames places) knows it as a name.  The OCR got
it right; a reading to another word ("Hands", "Desk", "Russell", "Luna") trades one
name the page prints for a word the context merely likes (SMH dev, session 41: the
names read as words or other names were the largest class of right tokens broken).

:func:`keep_surnames` drops every reading that changes the letters of such a token.  A
garbled surname ("Mr. Tliompson") is no listed name and is still read; a lower-case or
all-capital token is not touched (headings, real words).  The slot is
:func:`repair.candidates.ocr_namepos.name_position` (after a title or an initial), or
after a listed name in that slot ("Sgt John Doak"; the name list does not tell given
names from surnames, so a name alone before the word is no slot).

Switch: :data:`SURNAME_KEEP`.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.types import Candidate, Token

#: The switch (session 42, ocrprec42).  Shipped off: SMH dev tokens deva 1,999 -> 1,999,
#: devb 2,487 -> 2,487 (chars 4,018 -> 4,017); without :data:`UNKNOWN_ONLY` deva -2, devb
#: +2 ("M. Loon Caron" is "Leon" misread).  The dev breaks it was meant for mostly stand
#: after a garbled title ("Mra. Bussell", "Sfrt John Doak") or none ("Lionel Lunn").
#: Session 58 (ocrbroken), re-measured on main 4451ccf2 in-process: SMH dev 4,238 / 6,904 ->
#: 4,237 / 6,903, proxy dev 4,769 / 7,867 -> 4,769 / 7,864; with the slot after a title the
#: page's own readings make (:data:`repair.candidates.ocr_readtitle.READ_TITLE_SLOT`) SMH
#: dev -> 4,234 / 6,899, proxy dev -> 4,768 / 7,863, audit dev 1 / 14,377 both
#: (benchmarks/RESULTS.md, "Session 58, ocrbroken").  On since session 58.
SURNAME_KEEP = True
#: Only a name the English word list lacks ("Doak", "Bussell", "Lunn"; not "Loon", which
#: the OCR makes of "Leon", nor "Thom" of "Thomas").
UNKNOWN_ONLY = True
#: Fewest letters of a kept surname.
MIN_LEN = 3


def _title_word(text: str) -> bool:
    return len(text) >= MIN_LEN and text.isalpha() and text[0].isupper() and text[1:].islower()


def surname_slot(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` stands where a surname stands: after a title or an initial
    ("Mr. Bussell", "W. Hinds"), or after a listed name in that slot ("Sgt John Doak").

    >>> from repair.tokenize import tokenize
    >>> t = tokenize("Sgt John Doak and the Desk")
    >>> surname_slot(t, 4), surname_slot(t, 2), surname_slot(t, 10)
    (True, True, False)
    """
    from repair.candidates.ocr_namepos import name_position, word_before
    from repair.score.ngrams import get_ngrams

    if name_position(toks, i):
        return True
    found = word_before(toks, i)
    if found is None or found[1]:
        return False  # "... ended. Doak": a stop between them
    j = i - 2
    return (
        j >= 0
        and _title_word(toks[j].text)
        and get_ngrams().is_name(toks[j].text)
        and name_position(toks, j)
    )


def keep_surnames(
    toks: list[Token], by_start: Mapping[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` less the readings that change a listed surname in a surname's slot."""
    if not SURNAME_KEEP or not cands:
        return cands
    from repair.candidates import ocr_readtitle
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

    is_name = get_ngrams().is_name
    titled: frozenset[int] | None = None  # :data:`ocr_readtitle.READ_TITLE_SLOT`'s
    verdict: dict[int, bool] = {}
    out: list[Candidate] = []
    for c in cands:
        i = by_start.get(c.start)
        if i is None or toks[i].end != c.end:
            out.append(c)
            continue
        text = toks[i].text
        if c.replacement.lower() == text.lower() or not _title_word(text):
            out.append(c)
            continue
        keep = verdict.get(i)
        if keep is None:
            keep = is_name(text) and not (UNKNOWN_ONLY and is_known(text.lower()))
            if keep and not surname_slot(toks, i):
                keep = ocr_readtitle.READ_TITLE_SLOT
                if keep:  # "Mra. Bussell", "Sfrt John Doak": a title the page reads
                    if titled is None:
                        titled = ocr_readtitle.read_titles(toks, by_start, cands)
                    keep = ocr_readtitle.read_title_slot(toks, i, titled)
            verdict[i] = keep
        if not keep:
            out.append(c)
    return out
