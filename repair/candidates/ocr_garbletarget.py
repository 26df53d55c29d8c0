"""A page "name" that is itself a garble the page repeats: "Fdward" x2 beside "Edward" x2
(issue 12, session 55).

Several page readers take a capitalised form the page prints twice or more as a name
even when no list knows it (:mod:`repair.candidates.ocr_docvocab`'s unlisted names,
:mod:`repair.candidates.ocr_pagefar`'s ``NAME_COUNT`` forms,
:mod:`repair.candidates.ocr_shortname`'s page names): a rare name the page repeats
("Coveny" x2, "Beehag" x2) is the page's best evidence.  But a long casualty or passenger
list repeats its garbles too ("Fdward" x2, "Frnest" x2, "Charlea" x2, "Manlj" x4 on SMH
dev), and a reader that takes such a form as its target writes the garble over another
print ("Charles rdvvard Young" -> "Fdward").

:func:`garble_of` tells such a form by its shape and frequency, with no list of pairs:
a capitalised form that the dictionary and the name lists do not know and the period
text never prints (Zipf 0), one letter away (a substitution) from a listed name or a
known word the period text prints commonly (Zipf at least :data:`NEAR_ZIPF`) that the
page itself prints too (:data:`PAGE_HOLDS`).  SMH dev, the capitalised forms of four or
more letters a page prints twice or more that no list or dictionary knows (Zipf 0): 28;
9 with such a common neighbour, 8 of them garbles and one a real name ("Coveny", beside
"Covent" the page never prints); with the page holding the neighbour 4, all garbles
(``/tmp/ocrjoin55/garble_acct.py``, benchmarks/RESULTS.md "Session 55, ocrjoin").

>>> from collections import Counter
>>> page = Counter({"Fdward": 2, "Edward": 2, "Coveny": 2})
>>> garble_of("Fdward", page), garble_of("Coveny", page), garble_of("Edward", page)
('Edward', None, None)
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import lru_cache

#: Switch: refuse page targets that are garbles of a common name the page prints (module
#: doc).  Off -> on (benchmarks/RESULTS.md, "Session 55, ocrjoin"): SMH dev unchanged, proxy
#: dev 4,812 / 7,944 -> 4,811 / 7,942, SMH test -1 token ("rdvvard" -> Edward, was
#: "Fdward"); audit, census, light, ICDAR identical.
GARBLE_TARGETS = True
#: The neighbour is a word or listed name the period text prints at least this commonly.
NEAR_ZIPF = 3.0
#: The page prints the neighbour too (off: the lists' word is enough; SMH dev: 9 forms,
#: one a real name).
PAGE_HOLDS = True
#: Shortest form judged.
MIN_LEN = 4


@lru_cache(maxsize=4_096)
def common_neighbours(word: str) -> tuple[str, ...]:
    """The capitalised listed names and known words of Zipf :data:`NEAR_ZIPF` or more one
    substitution away from ``word`` when ``word`` is an unknown, unlisted form the period
    text never prints; ``()`` otherwise."""
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

    low = word.lower()
    table = get_ngrams()
    if is_known(low) or table.is_name(word) or table.known(word) or zipf(low) > 0:
        return ()
    out: list[str] = []
    for k, ch in enumerate(low):
        for c in string.ascii_lowercase:
            if c == ch:
                continue
            v = low[:k] + c + low[k + 1 :]
            if zipf(v) < NEAR_ZIPF:
                continue
            cap = v.capitalize()
            if table.is_name(cap) or is_known(v):
                out.append(cap)
    return tuple(out)


def garble_of(word: str, page: Mapping[str, int]) -> str | None:
    """The common name ``word`` (a capitalised form the page prints) is a garble of, when
    it is one (module doc); ``None`` when it may be a name of its own.  ``page``: the
    page's word counts."""
    if not GARBLE_TARGETS or len(word) < MIN_LEN or not word.isalpha():
        return None
    if not (word[:1].isupper() and word[1:].islower()):
        return None
    for near in common_neighbours(word):
        if not PAGE_HOLDS or page.get(near, 0) > 0:
            return near
    return None
