"""A garbled surname after a title or an initial is not read as a plain common word.

"Mr. Tooso", "Q. S. Speddlng", "Mrs. Gurdon", "F. Coppcn": the full stop of the title or
the initial makes the detector call the garbled surname a sentence-initial non-word, so
its readings are a common word's ("Spending", "Garden", "Copper"), not a name's.  In a
name's place (:func:`repair.candidates.ocr_namepos.name_position`) a reading of the
whole token is dropped when it is a *plain common word*: a word the counted English text
writes in lower case mid-sentence (its capital share,
:meth:`repair.score.ngrams.NgramTable.capital_share`, below :data:`MAX_CAPITAL_SHARE`;
"garden" 0.02, "spending" 0.0, "gordon" 1.0, "baker" 0.5), or a listed word the corpus
never saw that is no listed name, unless the page itself prints it.  Readings that are
names ("Gordon", "Russell"), page words and every other kind of edit stay.  The print
then stays as it is, or a name's reading wins.

Off by default (:data:`NAME_PLACE_WORDS`): see ``benchmarks/RESULTS.md``, session 31.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from repair.candidates.ocr_namepos import name_position
from repair.types import Candidate, Token

#: Drop plain common-word readings of a capitalised token after a title or an initial.
NAME_PLACE_WORDS = False
#: A reading written capitalised mid-sentence less often than this is a plain word.
MAX_CAPITAL_SHARE = 0.1


def plain_word(word: str, counts: Mapping[str, int]) -> bool:
    """Whether ``word`` is a plain common word the page does not print (see module).

    >>> plain_word("Spending", {}), plain_word("Garden", {}), plain_word("Gordon", {})
    (True, True, False)
    >>> plain_word("Garden", {"Garden": 1})
    False
    """
    from repair.score.ngrams import get_ngrams

    if not word[:1].isupper() or not word[1:].islower() or counts.get(word, 0) >= 1:
        return False
    table = get_ngrams()
    share = table.capital_share(word)
    if share is None:
        return table.known(word) and not table.is_name(word)
    return share < MAX_CAPITAL_SHARE


def drop_common_readings(
    out: list[Candidate], toks: list[Token], by_start: Mapping[int, int], counts: Counter[str]
) -> list[Candidate]:
    """``out`` without the plain common-word readings of whole capitalised tokens in a
    name's place ("Mr. Tooso" -> "Reese" stays; "Q. S. Speddlng" -> "Spending" goes)."""
    if not NAME_PLACE_WORDS:
        return out
    keep = []
    place: dict[int, bool] = {}
    for c in out:
        i = by_start.get(c.start)
        if i is not None and toks[i].end == c.end and c.replacement != toks[i].text:
            here = place.get(i)
            if here is None:
                tok = toks[i].text
                here = place[i] = tok[:1].isupper() and tok[1:].islower() and name_position(toks, i)
            if here and plain_word(c.replacement, counts):
                continue
        keep.append(c)
    return keep


#: In a name's place, a whole-token reading of a capitalised token to a word the page
#: never prints needs at least this margin (nats; ``None``: off).  The detector's
#: non-word readings are taken on -4 nats, which lets the language model's liking for a
#: listed name or a common word after "Mr." decide ("Mr. Tooso" -> "Reese", margin 1.2),
#: though the token is a surname no list may hold ("Toose", "Spedding", "Coppen").  Off
#: (1.5 when on): SMH dev 4,699 -> 4,695 tokens wrong, 7,569 -> 7,567 chars, but SMH test
#: is flat (with ``ocr_pagename.PAGE_NAME`` 5,581 -> 5,582; "T Kobtnson" -> "Robinson"
#: lost, "J Clearj" -> "Cleary" won): benchmarks/RESULTS.md, session 32.
NAME_PLACE_MARGIN: float | None = None
#: ... when its channel cost (nats) is above this: one cheap confusion away is the
#: name's own reading ("Androws" -> "Andrews" 0.4, "Speddlng" -> "Spedding" 1.6,
#: "Coppcn" -> "Coppen" 2.8; "Gurdon" -> "Garden" 3.4, "Tooso" -> "Reese" 5.5).
NAME_PLACE_CHEAP = 3.0


def name_place_margin(
    out: list[Candidate], toks: list[Token], by_start: Mapping[int, int], counts: Counter[str]
) -> list[Candidate]:
    """``out`` with the readings of whole capitalised tokens in a name's place that the
    page does not print raised to :data:`NAME_PLACE_MARGIN` ("Mr. Tooso" stays)."""
    if NAME_PLACE_MARGIN is None:
        return out
    from repair.candidates.ocr_rules import with_features

    keep = []
    place: dict[int, bool] = {}
    for c in out:
        f = c.features
        i = by_start.get(c.start)
        if (
            i is not None
            and "cost" in f
            and "fixed" not in f
            and toks[i].end == c.end
            and c.replacement != toks[i].text
            and counts.get(c.replacement, 0) == 0
            and float(f["cost"]) > NAME_PLACE_CHEAP
        ):
            here = place.get(i)
            if here is None:
                tok = toks[i].text
                here = place[i] = tok[:1].isupper() and tok[1:].islower() and name_position(toks, i)
            if here:
                thr = f.get("threshold")
                if thr is None or float(thr) < NAME_PLACE_MARGIN:
                    c = with_features(c, {**f, "threshold": NAME_PLACE_MARGIN})
        keep.append(c)
    return keep
