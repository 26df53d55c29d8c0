"""A name in a name list printed lower case, its capital misread (issue 12, session 54).

Newspaper name lists (casualty, passenger and guest lists, court and council reports) set
each surname after a title or an initial ("Mr. F. Hide", "Miss A. Hodson", "Colonel
Finn"), and the OCR reads a broken capital as a lower-case glyph: "Miss A. nodson" (H),
"Miss Arthur, s chave, Süss Ivy" ("Chave", printed four times on the page).  The OCR
stage then reads the print as a lower-case word ("dodson"), or leaves it; the recasing
steps (:mod:`repair.candidates.ocr_capcase`, :mod:`repair.candidates.ocr_namereading`)
only give a capital to a reading the period text knows as a name.

:func:`slot_name_candidates` reads a lower-case print that is no common word (Zipf below
:data:`PRINT_MAX_ZIPF`), standing alone between spaces or list marks, as a capitalised
name, when the dictionary does not know the print (:data:`KNOWN_WORDS_STAY`), by one of
two pieces of evidence (no word list, no pairs):

* **the page** (:data:`PAGE_NAMES`): a capitalised word the page prints elsewhere at
  least as often as the print itself, reached by the learned channel
  (:func:`repair.score.ocr_slotprice.slot_cost`) within :data:`MAX_COST` after the page's
  usage (``ln(1 + n)`` nats, at most :data:`PAGE_MAX_BONUS`), that the page prints
  capitalised mid-sentence at least :data:`PAGE_MIN_MID` times, never in lower case, and
  the period text does not write mostly in lower case (:data:`PAGE_NAME_SHARE`); the
  print stands in a name slot (:func:`name_slot`) or a name list (:func:`in_name_list`:
  prose commas are no list: "the breath of the gorse, And" on a book's page of "Morse");
* **the slot and the name lists** (:data:`SLOT_GLYPH`): after a title or an initial
  (:func:`name_slot`) a surname stands, so a print of a misread first glyph ("nodson")
  is read as the listed name (:meth:`repair.score.ngrams.NgramTable.is_name`) its first
  one or two glyphs give as a capital within :data:`MAX_COST` ("n" -> "H": "Hodson"),
  when that reading is clearly the cheapest (no other listed reading within
  :data:`AMBIGUOUS` nats) and the period text does not write it mostly in lower case
  (:data:`PLAIN_MAX_SHARE`: "Hide" is a plain word).

The reading replaces the print's other readings (the language model cannot judge a
name; the caller's hook, ``_initial_glyphs`` of :mod:`repair.candidates.ocr`, asks only
for heavily garbled pages and garbled newspaper columns).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("Miss Chave, Miss M. Chave, Miss Arthur, s chave, Miss A. nodson, Miss Hill.")
>>> [(c.features["printed"], c.replacement) for c in slot_name_candidates(toks, frozenset())]
[('chave', 'Chave'), ('nodson', 'Hodson')]
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from repair.candidates.ocr_garbletarget import garble_of
from repair.types import Candidate, Token

#: Switch: read a lower-case print as a capitalised name the page prints (module doc).
PAGE_NAMES = True
#: Switch: read a lower-case print after a title or an initial as the listed name its
#: misread first glyph gives (module doc).
SLOT_GLYPH = True
#: Prints this common (Zipf) or more are words, never read ("lack", "no", "m": the brief's
#: precision rule: a real word stays).
PRINT_MAX_ZIPF = 3.0
#: A print the dictionary knows is a word, never read (a real word stays: "for D. matins,"
#: on a book's page that prints "Manns"; "Mr. F. nide": "nide" is a word).
KNOWN_WORDS_STAY = True
#: Shortest print read (as :data:`repair.candidates.ocr_docvocab.MIN_LEN`: a three-letter
#: print is a piece of a garbled word as often as a name: "Jl -.ens" of "21 years", read
#: "Ans" after a page's "South Ans⏎tralia"; abbreviations are ocr_abbrev's).
MIN_LEN = 4
#: Longest print read.
MAX_LEN = 14
#: Largest channel cost (nats) of a reading, after the page's usage.
MAX_COST = 3.5
#: A page reading is a word the page prints capitalised mid-sentence this often at least ...
PAGE_MIN_MID = 2
#: :func:`page_reading` asks only the page's mid-sentence capitals of about the print's
#: length printed :data:`PAGE_MIN_MID` times or more (:func:`mid_index`, made once a page),
#: not every one of them (issue 14, session 55, speedocr: 71 prints of 100 k OCR words
#: asked ~4 k words each, 0.21 s).  Exact: the others cannot pass; the best reading is the
#: least (cost, word) whatever the order.  "Session 55, speedocr" in RESULTS.md.
MID_INDEX = True
#: ... and that index holds only the words that pass the tests of the word and the page
#: alone (letters only, a page name by :func:`_page_name`, no garble of a common name by
#: :func:`repair.candidates.ocr_garbletarget.garble_of`), asked once a word (:func:`name_pool`)
#: instead of once a word for each print (issue 14, session 60, speedocr: 71 prints of the
#: 100 k-word OCR speed text asked 29,182 / 23,839 of them; ``slot_name_candidates`` 0.18 ->
#: 0.11 s CPU).  Exact: the tests are pure and the others cannot pass; :func:`page_reading`
#: keeps the print's own tests in their order.  RESULTS.md, "Session 60, speedocr".
NAME_POOL = True
#: ... that the period text writes with a capital at least this share of its
#: mid-sentence uses, or never saw ("Company", "Oats", "Bridge" are plain words).
PAGE_NAME_SHARE = 0.9
#: Largest discount (nats) the page's usage gives.
PAGE_MAX_BONUS = 2.0
#: A slot reading is taken only when the next listed reading is this much dearer (nats).
AMBIGUOUS = 2.0
#: A listed name the period text writes with a capital in less than this share of its
#: mid-sentence uses is a plain word ("hide", "aide"), not a slot reading.
PLAIN_MAX_SHARE = 0.5
#: Most glyphs of the print read as the one capital ("ll" -> "H").
HEAD_GLYPHS = 2
#: Confidence of the repair (as the title and abbreviation readings').
CONFIDENCE = 0.7
#: Titles and ranks a surname follows.
_TITLES_EXTRA = frozenset("Colonel Major Captain Constable Sergeant Inspector Detective".split())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from repair.candidates.ocr_abbrev import PLURALS, RANKS
    from repair.candidates.ocr_initial_glyph import TITLE_WORDS
    from repair.candidates.ocr_namepos import TITLES

    return frozenset(TITLES | TITLE_WORDS | RANKS | PLURALS | _TITLES_EXTRA | {"Misses"})


def name_slot(toks: list[Token], i: int) -> bool:
    """Word ``i`` follows a title or an initial (across an optional stop and one space)."""
    from repair.candidates.ocr_namepos import word_before

    if i < 1 or "\n\n" in toks[i - 1].text:
        return False
    found = word_before(toks, i)
    if found is None:
        return False
    prev, stop = found
    # "A" and "I" are words, but not with their own stop ("Miss A. Hodson")
    return prev in _titles() or (len(prev) == 1 and prev.isupper() and (stop or prev not in "AI"))


def _word_at(toks: list[Token], j: int) -> str | None:
    """The text of token ``j`` when it is a word."""
    return toks[j].text if 0 <= j < len(toks) and toks[j].kind == "word" else None


def _capital(word: str | None) -> bool:
    return bool(word) and word[:1].isupper()  # type: ignore[index]


def _space(toks: list[Token], j: int) -> bool:
    """Token ``j`` is a space inside a paragraph."""
    return 0 <= j < len(toks) and toks[j].kind == "space" and "\n\n" not in toks[j].text


def in_name_list(toks: list[Token], i: int) -> bool:
    """Word ``i`` stands in a name list: between two capitalised words ("Miss Arthur
    chave Ivy"), or at the end of a list item, before a list comma or semicolon and a
    capitalised word, after no lower-case dictionary word ("Miss Arthur, M¡;s chave,
    Süss Ivy"; not "loved thy dog or horae, Or other")."""
    from repair.score.ocr_channel import is_known

    before = _word_at(toks, i - 2) if _space(toks, i - 1) else None
    after = _word_at(toks, i + 2) if _space(toks, i + 1) else None
    if _capital(before) and _capital(after):
        return True
    j = i + 1
    if not (j < len(toks) and toks[j].text in ",;" and _space(toks, j + 1)):
        return False
    if not _capital(_word_at(toks, j + 2)):
        return False
    return not (before and len(before) > 1 and before.islower() and is_known(before))


def _standing(toks: list[Token], i: int) -> bool:
    """Word ``i`` stands alone: a space or a list mark on each side."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            t = toks[j]
            if t.kind != "space" and not (t.kind == "punct" and t.text in ",;:."):
                return False
    return True


def _printable(text: str) -> bool:
    """A lower-case print of letters this module may read (its text alone)."""
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import is_known

    return (
        MIN_LEN <= len(text) <= MAX_LEN
        and text.isalpha()
        and text.islower()
        and zipf(text) < PRINT_MAX_ZIPF
        and (not KNOWN_WORDS_STAY or not is_known(text))
    )


def mid_capitals(toks: list[Token]) -> Counter[str]:
    """The page's capitalised words (a capital, then lower case) printed mid-sentence: after
    a word, a comma, or an initial's or a title's stop across one space, in one paragraph."""
    out: Counter[str] = Counter()
    for i in range(2, len(toks)):
        t = toks[i]
        if t.kind != "word" or not t.text[:1].isupper() or not t.text[1:].islower():
            continue
        sp, prev = toks[i - 1], toks[i - 2]
        if sp.kind != "space" or "\n\n" in sp.text:
            continue
        if prev.kind == "word" or (prev.kind == "punct" and prev.text == ","):
            out[t.text] += 1
        elif i >= 3 and prev.text == "." and toks[i - 3].kind == "word":
            before = toks[i - 3].text  # an initial's or a title's stop ends no sentence
            if (len(before) == 1 and before.isupper()) or before in _titles():
                out[t.text] += 1
    return out


def _page_name(word: str, mid: int) -> bool:
    """``word`` (capitalised, printed ``mid`` times mid-sentence) is a name on the page: the
    period text does not write it mostly in lower case ("Company", "Oats", "Bridge")."""
    if mid < PAGE_MIN_MID:
        return False
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(word.lower())
    return share is None or share >= PAGE_NAME_SHARE


def mid_index(mid: Counter[str]) -> dict[int, list[str]]:
    """The words of ``mid`` printed at least :data:`PAGE_MIN_MID` times mid-sentence (the
    others are no page names, :func:`_page_name`), by length (:data:`MID_INDEX`)."""
    out: dict[int, list[str]] = {}
    for word, n in mid.items():
        if n >= PAGE_MIN_MID:
            out.setdefault(len(word), []).append(word)
    return out


def name_pool(mid: Counter[str], page: Mapping[str, int]) -> dict[int, list[str]]:
    """:func:`mid_index` of ``mid`` without the words the tests of the word and the page
    ``page`` alone refuse (:data:`NAME_POOL`), in the same order."""
    return {
        size: kept
        for size, words in mid_index(mid).items()
        if (
            kept := [
                w
                for w in words
                if w.isalpha() and _page_name(w, mid[w]) and garble_of(w, page) is None
            ]
        )
    }


def page_reading(
    text: str,
    page: Counter[str],
    mid: Counter[str],
    by_len: dict[int, list[str]] | None = None,
    pooled: bool = False,
) -> tuple[str, float] | None:
    """(capitalised word the page prints, cost after the page's usage) of print ``text``
    within :data:`MAX_COST`, cheapest first; ``None`` if none (module doc).  ``page``
    counts the page's words, ``mid`` its capitalised words mid-sentence; ``by_len``, its
    :func:`mid_index` (:data:`MID_INDEX`), limits the words asked to those that can pass
    (the best is the least (cost, word), whatever the order asked); ``pooled``: ``by_len``
    is :func:`name_pool`'s (its words passed the tests of the word alone)."""
    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_slotprice import slot_cost

    own = page[text]
    bound = MAX_COST + PAGE_MAX_BONUS
    best: tuple[str, float] | None = None
    size = len(text)
    words: Iterable[str] = (
        mid if by_len is None else [w for k in range(size - 2, size + 3) for w in by_len.get(k, ())]
    )
    for word in words:
        n = page[word]
        if n < max(1, own) or abs(len(word) - len(text)) > 2:
            continue
        if not pooled and not word.isalpha():
            continue
        if page[word.lower()] > (word.lower() == text):  # printed lower case elsewhere
            continue
        if not pooled and not _page_name(word, mid[word]):
            continue
        if not pooled and garble_of(word, page) is not None:
            continue  # "Fdward" x2 beside "Edward": a garble the page repeats (ocr_garbletarget)
        if Levenshtein.distance(text, word.lower(), score_cutoff=3) > 3:
            continue
        c = slot_cost(text, word, bound)
        price = c - min(PAGE_MAX_BONUS, math.log1p(n))
        if price > MAX_COST:
            continue
        if best is None or price < best[1] or (price == best[1] and word < best[0]):
            best = (word, price)
    return best


@lru_cache(maxsize=2_048)
def glyph_reading(text: str) -> tuple[str, float] | None:
    """(listed name, channel cost) print ``text`` reads as when its first one or two glyphs
    are a misread capital, clearly the cheapest (module doc); ``None`` if none."""
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_slotprice import slot_cost

    table = get_ngrams()
    bound = MAX_COST + AMBIGUOUS
    priced: dict[str, float] = {}
    heads = [text.capitalize()] + [
        cap + text[k:] for k in range(1, HEAD_GLYPHS + 1) if len(text) - k >= 2
        for cap in string.ascii_uppercase
    ]  # fmt: skip
    for word in heads:
        if word in priced or not table.is_name(word):
            continue
        c = slot_cost(text, word, bound)
        if c <= bound:
            priced[word] = c
    ranked = sorted(priced.items(), key=lambda x: (x[1], x[0]))
    if not ranked or ranked[0][1] > MAX_COST:
        return None
    if len(ranked) > 1 and ranked[1][1] - ranked[0][1] < AMBIGUOUS:
        return None
    word, c = ranked[0]
    share = table.capital_share(word.lower())
    if share is not None and share < PLAIN_MAX_SHARE:
        return None
    return word, c


def slot_name_candidates(toks: list[Token], have: frozenset[tuple[int, int]]) -> list[Candidate]:
    """Readings of lower-case prints of names in name lists (module doc), none on a span in
    ``have``; the caller asks only for heavily garbled pages and garbled columns."""
    if not (PAGE_NAMES or SLOT_GLYPH):
        return []
    from repair.candidates.ocr_rules import cand, page_word_counts

    out: list[Candidate] = []
    page: list[Counter[str]] = []
    mids: list[Counter[str]] = []
    index: list[dict[int, list[str]] | None] = []
    forms: dict[str, bool] = {}
    for i, t in enumerate(toks):
        if t.kind != "word" or not t.text[:1].islower():
            continue
        text = t.text
        ok = forms.get(text)
        if ok is None:
            ok = forms[text] = _printable(text)
        if not ok or (t.start, t.end) in have or not _standing(toks, i):
            continue
        found = None
        slot = name_slot(toks, i)
        if PAGE_NAMES and (slot or in_name_list(toks, i)):
            if not page:
                page.append(page_word_counts(toks))
                mids.append(mid_capitals(toks))
                if MID_INDEX and NAME_POOL:
                    index.append(name_pool(mids[0], page[0]))
                else:
                    index.append(mid_index(mids[0]) if MID_INDEX else None)
            found = page_reading(text, page[0], mids[0], index[0], MID_INDEX and NAME_POOL)
        if found is None and SLOT_GLYPH and slot:
            found = glyph_reading(text)
        if found is None:
            continue
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="slotname",
                 fixed=CONFIDENCE, printed=text, channel_cost=found[1])
        )  # fmt: skip
    return out
