"""A given-name abbreviation in a run of capitalised names, read by the page (issue 12, s. 53).

:mod:`repair.candidates.ocr_abbrev` reads a short print as a title or an abbreviated given
name only where a *sure* name follows it (an initial, a listed name, a capitalised word the
period text capitalises).  In the casualty lists of a garbled page the next name is as
garbled as the print: "Philip las Ocorgc Denehey" (Jas George), "Ptes las Bur ness"
(Jas Burness, the surname split), "Joseph lim Hey wood" (Wm Heywood).  There the *run*
tells the slot: the print stands between two capitalised words (the word before it
across one space, or across a list comma: "Packer, las Wm"), and the page prints the
abbreviation elsewhere.  Such a print is read as one of the abbreviated given names
(:data:`repair.candidates.ocr_abbrev.GIVEN_NAMES`, never a rank or a title) the learned
channel reaches within :data:`repair.candidates.ocr_abbrev.RAW_MAX_COST`, priced after
the page's usage within :data:`MAX_COST`; a common word (Zipf >=
:data:`repair.candidates.ocr_abbrev.COMMON_ZIPF`) is never read.  The page printing a
given-name abbreviation is the evidence that it is a name list: a page that never prints
"Jas" reads no "las" as "Jas".

>>> from collections import Counter
>>> from repair.tokenize import tokenize
>>> toks = tokenize("Ptes Jas Brown, Philip las Ocorgc Denehey, Jas Smith.")
>>> i = next(k for k, t in enumerate(toks) if t.text == "las")
>>> run_reading(toks, i, Counter(t.text for t in toks if t.kind == "word"), 4.28)[0]
'Jas'
"""

from __future__ import annotations

import math
from collections import Counter

from repair.types import Token

#: Switch (hook in :func:`repair.candidates.ocr_abbrev.abbrev_candidates`): read a
#: given-name abbreviation the page prints between two capitalised words when no sure
#: name follows.  SMH dev 4,281 / 6,968 -> 4,277 / 6,963 (las -> Jas x2, lim -> Wm, Ceo -> Geo,
#: all right), proxy dev -3; test halves unchanged (no firing); audit, census, light unchanged.
NAME_RUN = True
#: Largest channel cost (nats) of a reading after the page's usage: the slot's own bound
#: (:data:`repair.candidates.ocr_abbrev.MAX_COST`); the run and the page's print stand
#: in for the sure name.  1.0 reads the same "las" prints but not "lim" (Wm, 1.93).
MAX_COST = 3.5


def _word_before(toks: list[Token], i: int) -> str | None:
    """The word before word ``i`` across one space, or across a list comma and one space."""
    j = i - 1
    if j < 1 or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return None
    j -= 1
    if toks[j].kind == "punct" and toks[j].text == ",":
        j -= 1
    return toks[j].text if j >= 0 and toks[j].kind == "word" else None


def _word_after(toks: list[Token], i: int) -> str | None:
    """The word after word ``i`` across one space."""
    j = i + 1
    if j + 1 >= len(toks) or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return None
    nxt = toks[j + 1]
    return nxt.text if nxt.kind == "word" else None


def in_name_run(toks: list[Token], i: int) -> bool:
    """Word ``i`` stands between two capitalised words (the one before may end a list item)."""
    before, after = _word_before(toks, i), _word_after(toks, i)
    return bool(before and after and before[:1].isupper() and after[:1].isupper())


def run_reading(
    toks: list[Token], i: int, page: Counter[str], zipf_value: float
) -> tuple[str, float] | None:
    """(given-name abbreviation, cost after the page's usage) word ``i`` reads as in a name
    run (module doc), or ``None``; ``zipf_value`` is the print's Zipf."""
    from repair.candidates.ocr_abbrev import (
        COMMON_ZIPF,
        GIVEN_NAMES,
        PAGE_MAX_BONUS,
        RAW_MAX_COST,
        _priced,
    )

    if not NAME_RUN or zipf_value >= COMMON_ZIPF or not in_name_run(toks, i):
        return None
    best: tuple[str, float] | None = None
    for word, c in _priced(toks[i].text):
        n = page[word]
        if word not in GIVEN_NAMES or n < 1 or c > RAW_MAX_COST:
            continue
        price = c - min(PAGE_MAX_BONUS, math.log1p(n))
        if price <= MAX_COST and (best is None or price < best[1]):
            best = (word, price)
    return best
