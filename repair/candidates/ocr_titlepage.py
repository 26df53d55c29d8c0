"""A garbled title read as the title the page prints well in the same slot (issue 12, session 35).

A newspaper page that lists names prints its titles many times: "Mr. Addison", "Mr.
Buchanan", "Messrs. Hyman and Mugg".  The OCR garbles a few of them into tokens the
learned table prices at its floor for a capital ("Mv. Addison": v -> r, 5 nats) or
that are words of their own ("Mi", "Hen", "Mv" are listed), so the title readers of
:mod:`repair.candidates.ocr_initial_glyph` (within 3 nats) and
:mod:`repair.candidates.ocr_abbrev` (a dictionary word needs the page's usage and
three letters) leave them, and the language model reads "My" or "Key".  The page
itself says better: the *same slot* (a title's place: before its stop or a comma and a
capitalised word) holds a title, and the page prints one title that looks like the
print at least :data:`PAGE_MIN` times, and the print hardly at all.

:func:`page_title_candidates` reads such a print as that title when

* the print is a capitalised word of 2-:data:`MAX_LEN` letters (not all capitals: "MT",
  "ST" are abbreviations of their own), standing alone, that opens a name (not after a
  capitalised word: a middle name), followed by a full stop (or, for a print of
  :data:`COMMA_MIN_LEN` letters or more that no list holds, a comma: "MeBsrs, Addison")
  and a space and a capitalised word;
* the title is one of the page's titles (:data:`READINGS`, the titles and ranks of
  :mod:`repair.candidates.ocr_abbrev`, never a given name, "Sir" or "Ms") printed in a
  title's place at least :data:`PAGE_MIN` times and :data:`PAGE_RATIO` times as often
  as the print is printed anywhere on the page;
* the print is one edit from the title (two for a title or print of 3+ letters:
  "MefSis" -> "Messrs"), at most :data:`MAX_COST` nats by the learned channel
  (:func:`repair.score.ocr_slotprice.slot_cost`), and the cheapest such title by at
  least :data:`MARGIN` nats after the page's usage (``ln(1 + n)``);
* a common word (Zipf >= :data:`COMMON_ZIPF`: "My", "Me") only before an initial.

No pairs are listed: the titles are the closed class the other title readers use, the
price is the learned channel's, and the evidence is the page's own print.

>>> from repair.tokenize import tokenize
>>> page = ("Present: Mr. Addison, Mr. Buchanan, Mr. Hyman, Mv. Roberts, Mr. Mugg; "
...         "and Messrs. Smith and Jones.")
>>> found = page_title_candidates(tokenize(page), frozenset())
>>> [(c.features["printed"], c.replacement) for c in found]
[('Mv', 'Mr')]
"""

from __future__ import annotations

import math
from collections import Counter

from repair.candidates.ocr_abbrev import GIVEN_NAMES, READINGS
from repair.candidates.ocr_initial_glyph import _after_capital
from repair.candidates.ocr_rules import cand, page_word_counts
from repair.types import Candidate, Token

#: Switch (hook in :func:`repair.candidates.ocr._initial_glyphs`).
PAGE_TITLES = True
#: The titles read (no given names: "Chas", "Wm" are names' pieces, not titles).
TITLES = frozenset(READINGS - GIVEN_NAMES)
#: The page prints titles in a title's place at least this many times ...
PAGE_MIN = 3
#: ... and this many times as often as the print (anywhere on the page).
PAGE_RATIO = 3
#: The page prints the reading itself in a title's place this many times at least ...
TITLE_MIN = 0
#: ... or this many when the print is a dictionary word ("Hen", "Mv").
KNOWN_TITLE_MIN = 1
#: A print before a comma (its stop read as one: "MeBsrs, Addison") this long at least:
#: a short print before a comma is as often a word of its own ("11th Mav, Griffith":
#: "May", not "Maj"; SMH test, session 35, disclosed).
COMMA_MIN_LEN = 4
#: Longest print read.
MAX_LEN = 7
#: Largest channel cost (nats) of the reading, before the page's usage (the table's
#: floor for a capital is 6.5).
MAX_COST = 7.0
#: The chosen title is cheaper than the next by this many nats (after the page's usage).
MARGIN = 1.0
#: A print this common (Zipf) is read only before an initial ("My. Smith" is rare, "My
#: Lord" is not a title's slot but looks like one).
COMMON_ZIPF = 4.5
#: Confidence of the repair (as the other title readings').
CONFIDENCE = 0.7


def _slot(toks: list[Token], i: int, comma: bool) -> str | None:
    """The capitalised word after word ``i`` across its stop (or, with ``comma``, a
    comma) and one space (one line break at most), or ``None``."""
    j = i + 1
    if j >= len(toks) or not (toks[j].text == "." or (comma and toks[j].text == ",")):
        return None
    j += 1
    if j + 1 >= len(toks) or toks[j].kind != "space" or toks[j].text.count("\n") > 1:
        return None
    nxt = toks[j + 1]
    return nxt.text if nxt.kind == "word" and nxt.text[:1].isupper() else None


def _title_place(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` stands in a title's place: a capitalised word after it, across
    an optional stop and one space."""
    j = i + 1
    if j < len(toks) and toks[j].text == ".":
        j += 1
    if j + 1 >= len(toks) or toks[j].kind != "space" or toks[j].text.count("\n") > 1:
        return False
    nxt = toks[j + 1]
    return nxt.kind == "word" and nxt.text[:1].isupper()


def _page_titles(toks: list[Token]) -> Counter[str]:
    """How often each title of :data:`TITLES` stands in a title's place on the page."""
    return Counter(
        t.text
        for i, t in enumerate(toks)
        if t.kind == "word" and t.text in TITLES and _title_place(toks, i)
    )


def _near(print_: str, title: str) -> bool:
    """One edit apart, or two when either has three letters or more."""
    from rapidfuzz.distance import Levenshtein

    limit = 1 if max(len(print_), len(title)) <= 2 else 2
    return Levenshtein.distance(print_.lower(), title.lower(), score_cutoff=limit) <= limit


def page_title_reading(
    print_: str, titles: Counter[str], printed: int, known: bool
) -> tuple[str, float] | None:
    """(title, channel cost) ``print_`` reads as, given the page's ``titles`` (counts in a
    title's place), how often the page prints ``print_`` and whether it is a ``known``
    word; ``None`` when no title is clearly the one (module doc)."""
    from repair.score.ocr_slotprice import slot_cost

    total = sum(titles.values())
    if total < PAGE_MIN or total < PAGE_RATIO * printed:
        return None
    priced: list[tuple[float, str, float]] = []
    for title in sorted(TITLES):  # a fixed order: ties must not follow the hash seed
        n = titles[title]
        if n < (KNOWN_TITLE_MIN if known else TITLE_MIN) or not _near(print_, title):
            continue
        c = slot_cost(print_, title, MAX_COST)
        if c <= MAX_COST:
            priced.append((c - math.log1p(n), title, c))
    if not priced:
        return None
    priced.sort()
    if len(priced) > 1 and priced[1][0] - priced[0][0] < MARGIN:
        return None
    return priced[0][1], priced[0][2]


def _title_form(text: str) -> bool:
    """Whether :func:`page_title_candidates` may read a word printed ``text`` (its text
    alone: a capitalised word of letters, no title or given name as printed)."""
    if not (2 <= len(text) <= MAX_LEN) or not text.isalpha():
        return False
    return not (not text[:1].isupper() or text.isupper() or text in TITLES or text in GIVEN_NAMES)


def page_title_candidates(toks: list[Token], have: frozenset[tuple[int, int]]) -> list[Candidate]:
    """Readings of garbled titles the page prints well (module doc), none on a span in
    ``have``; the caller asks only where the other title readings run."""
    if not PAGE_TITLES:
        return []
    titles: Counter[str] | None = None
    page: Counter[str] | None = None
    out: list[Candidate] = []
    forms: dict[str, bool] = {}  # the tests of the word's text alone, once a type (session 38)
    for i, t in enumerate(toks):
        if t.kind != "word":
            continue
        text = t.text
        ok = forms.get(text)
        if ok is None:
            ok = forms[text] = _title_form(text)
        if not ok:
            continue
        if (t.start, t.end) in have or _after_capital(toks, i):
            continue
        before = toks[i - 1] if i else None
        if before is not None and not (
            before.kind == "space" or (before.kind == "punct" and before.text in ",;:-(")
        ):
            continue  # glued to a word or a mark ("\\rthur")
        from repair.score.ocr_channel import is_known

        known = is_known(text.lower())
        nxt = _slot(toks, i, comma=not known and len(text) >= COMMA_MIN_LEN)
        if nxt is None:
            continue
        if titles is None:
            titles = _page_titles(toks)
            page = page_word_counts(toks)
        if sum(titles.values()) < PAGE_MIN:
            return out
        from repair.resources.frequency import zipf

        if zipf(text.lower()) >= COMMON_ZIPF and not (len(nxt) == 1 and nxt.isupper()):
            continue
        assert page is not None
        found = page_title_reading(text, titles, page[text], known)
        if found is None:
            continue
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="title_page",
                 fixed=CONFIDENCE, printed=text, channel_cost=found[1])
        )  # fmt: skip
    return out
