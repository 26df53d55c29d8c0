"""Titles and name abbreviations before a name: the slot tells the word (issue 12, session 24).

Name lists (casualty lists, passenger lists, court and council reports) set a short
title or an abbreviated given name before a name, and the OCR garbles them like any
short word: "Pte« Clias Jno McCoy" (Chas), "Philip las Ocorgc" (Jas), "Cowlcj St,t W"
... "T Set Geo Tarrant" (Sgt), "tho Hen. John Macintosh" (Hon).  The language model
cannot judge them (a name has no context of its own); the *slot* can: a short token
followed, across an optional stop and one space, by a name (an initial, a listed name
:func:`repair.score.ngrams.NgramTable.is_name`, a capitalised non-word, one of
:data:`ABBREVIATIONS`) is read as the abbreviation of :data:`ABBREVIATIONS` the learned
channel reaches most cheaply (:func:`repair.score.ocr_slotprice.slot_cost`: the main
table or the table of every letter confusion of the aligned lines), less the page's own
usage (``ln(1 + n)`` nats when the page prints the abbreviation ``n`` times elsewhere,
at most :data:`PAGE_MAX_BONUS`), within :data:`MAX_COST`.

:mod:`repair.candidates.ocr_initial_glyph` reads the common titles (Mr, Mrs, Messrs, Rev
...) by the main table within 3 nats; this module adds what it lacks: the abbreviated
given names and ranks of the period (:data:`GIVEN_NAMES`, :data:`RANKS`,
:data:`PLURALS`: the conventional abbreviations of English given names and of British /
Australian army ranks in 19th- and 20th-century newspaper name lists, written down from
common usage, not copied from a style guide), lower-case prints ("los") and the wider
table.  A given name abbreviation is proposed only where the page prints it elsewhere
(a name list of that style); a print that is a common word (Zipf >= :data:`COMMON_ZIPF`:
"Set") only where the page prints the reading at least :data:`COMMON_MIN_PAGE` times.
A print after a capitalised word (a middle name, or the rank after the previous surname
of a list) needs the page's usage too.  A print that is a dictionary word ("Set",
"Pie", "Air") needs more: a price the learned tables have (:data:`RAW_MAX_COST`: "Ms"
-> "Mr" and "Da" -> "Dr" are generic 5-nat guesses), three letters at least ("Al
Qaeda", "El Alamein"), a sure name after it or its own stop (not a garbled capital:
"Air ForceOne") and the page printing the reading at least as often as the print.
Never inside a glued word (the token must stand between spaces or list marks), never
a word of two capitals or more ("SIR", "ST"); "Sir" and "Ms" are never readings.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from repair.candidates import ocr_abbrevrun
from repair.candidates.ocr_initial_glyph import TITLE_WORDS, _after_capital, _name_follows
from repair.candidates.ocr_rules import cand, page_word_counts
from repair.score.ngrams import get_ngrams  # module level: _name_after is asked per stop (issue 14)
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Switch (hook in :func:`repair.candidates.ocr._initial_glyphs`).
ABBREV = True
#: Abbreviated given names of the period (before a surname or another given name).
GIVEN_NAMES = frozenset(
    "Jas Chas Thos Wm Geo Jos Jno Robt Saml Benj Edw Fredk Richd Danl Alex Hy".split()
)
#: Ranks and titles :data:`repair.candidates.ocr_initial_glyph.TITLE_WORDS` lacks.
RANKS = frozenset("Sgt Pte Cpl Lieut Gen Maj Gnr Spr Dvr Bdr Cr".split())
#: Plurals of ranks (a list of privates: "Ptes John Smith, James Brown").
PLURALS = frozenset("Ptes Sgts Cpls Gnrs Sprs Dvrs Lieuts Capts".split())
#: Every reading of the slot.
ABBREVIATIONS = GIVEN_NAMES | RANKS | PLURALS | TITLE_WORDS
#: Titles that are never a reading: a print is as often a name or a word ("Air Force",
#: "bin Laden"), or a modern title ("Ms").
KEPT_TITLES = frozenset("Sir Ms".split())
#: What the slot reads as.
READINGS = ABBREVIATIONS - KEPT_TITLES
#: Prints left as they are: the readings in any case ("L cpl").
_KEPT = frozenset(w.lower() for w in ABBREVIATIONS | KEPT_TITLES)
#: :data:`ABBREVIATIONS` in a fixed (alphabetical) order: a frozenset's order follows the
#: process's hash seed, and two readings at one price ("Mi's" -> "Mrs" / "Miss" under an
#: archive profile) were chosen by it (session 27).
_ORDERED = tuple(sorted(ABBREVIATIONS))
#: Largest channel cost (nats) of a reading, after the page's usage.
MAX_COST = 3.5
#: Largest channel cost (nats) before the page's usage: a price the learned tables
#: have, not a generic guess ("Ms" -> "Mr", "Da" -> "Dr" cost 5.0) ...
RAW_MAX_COST = 4.5
#: A dictionary-word print is read only where the page prints the reading at least this
#: many times as often as the print.
PRINT_RATIO = 1
#: Largest discount (nats) the page's usage gives.
PAGE_MAX_BONUS = 2.0
#: Prints this common (Zipf) are read only where the page prints the reading ...
COMMON_ZIPF = 4.5
#: ... at least this many times.
COMMON_MIN_PAGE = 2
#: A print this common (Zipf) is never read ("married at St Mary's", "at Sydney").
NEVER_ZIPF = 6.0
#: Lower-case prints ("las Ocorgc", "tho lion. B. Barton") this long at least ("nt St.",
#: "dl⏎I rected": two lower-case letters are a word or a piece of one).
LOWER_MIN_LEN = 3
#: A known word after the print is a name when period text capitalises it this often
#: mid-sentence ("John", "Brazil"; not "The", "Council", "Street").
NAME_SHARE = 0.9
#: Dictionary-word prints this long at least ("Al Qaeda", "Dr Da Wei", "El Alamein":
#: two-letter words are names as often as garbled titles).
KNOWN_MIN_LEN = 3
#: Longest print read.
MAX_LEN = 6
#: Confidence of the repair (as the title readings').
CONFIDENCE = 0.7


@lru_cache(maxsize=4_096)
def _priced(text: str) -> tuple[tuple[str, float], ...]:
    """(abbreviation, channel cost) of each abbreviation ``text`` may print, within
    :data:`MAX_COST` + :data:`PAGE_MAX_BONUS`, cheapest first."""
    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_slotprice import slot_cost

    bound = MAX_COST + PAGE_MAX_BONUS
    out = []
    low = text.lower()
    for word in _ORDERED:  # a fixed order: ties in price must not follow the hash seed
        if word == text or abs(len(word) - len(text)) > 2:
            continue
        if Levenshtein.distance(low, word.lower(), score_cutoff=3) > 3:
            continue
        c = slot_cost(text, word, bound)
        if c <= bound:
            out.append((word, c))
    out.sort(key=lambda x: x[1])  # stable: equal prices keep the alphabetical order
    return tuple(out)


def _name_after(toks: list[Token], i: int) -> bool | None:
    """Whether the word after word ``i`` (its stop and one space, at most one line break
    between) is surely a name (an initial, an abbreviation, a listed name, or any name
    after the print's own stop: ``True``) or may be one (a capitalised non-word:
    ``False``); ``None``: no name follows."""
    t = _name_follows(toks, i)
    if t is None or (len(t) > 1 and t.isupper()):
        return None
    stop = toks[i + 1].text == "."
    if len(t) == 1 or t in ABBREVIATIONS:
        return True
    if not is_known(t.lower()):
        return stop  # a garbled or unlisted name ("Al Qaeda": a name of its own)
    table = get_ngrams()
    share = table.capital_share(t.lower())
    named = table.is_name(t) if share is None else share >= NAME_SHARE
    return True if named else None


def _standing(toks: list[Token], i: int) -> bool:
    """Word ``i`` stands alone: a space or a list mark on each side, no glued word."""
    before = toks[i - 1] if i else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if before is not None and before.kind not in ("space", "punct"):
        return False
    if before is not None and before.kind == "punct" and before.text not in ",;:-(":
        return False
    return after is None or after.kind == "space" or after.text == "."


def abbrev_reading(
    text: str, page: Counter[str], common: bool, after_capital: bool, known: bool
) -> tuple[str, float] | None:
    """(abbreviation, cost after the page's usage) ``text`` reads as in the slot, or
    ``None`` (module doc).  ``page`` counts the page's words; a ``known`` print (a
    dictionary word) needs a price the table has and the page's usage of the reading."""
    best: tuple[str, float] | None = None
    best_n = -1
    for word, c in _priced(text):
        n = page[word]
        if c > RAW_MAX_COST or word not in READINGS:
            continue
        if word in GIVEN_NAMES and n < 1:
            continue
        if (common and n < COMMON_MIN_PAGE) or (after_capital and n < 1):
            continue
        if known and n < PRINT_RATIO * page[text]:
            continue  # "Dr Da Wei", "Al Qaeda": the page prints the word as a name
        price = c - min(PAGE_MAX_BONUS, math.log1p(n))
        if price > MAX_COST:
            continue
        # equal prices (the page bonus is capped): the reading the page prints more often
        if best is None or price < best[1] or (price == best[1] and n > best_n):
            best, best_n = (word, price), n
    return best


def _form_zipf(text: str, zipf: Callable[[str], float]) -> float | None:
    """The Zipf of a word :func:`abbrev_candidates` may read, by its text alone (else None)."""
    if not (2 <= len(text) <= MAX_LEN) or not text.isalpha():
        return None
    if text.lower() in _KEPT or (text.isupper() and len(text) > 1):
        return None
    if text.islower() and len(text) < LOWER_MIN_LEN:
        return None
    z = zipf(text.lower())
    return None if z >= NEVER_ZIPF else z


def abbrev_candidates(toks: list[Token], have: frozenset[tuple[int, int]]) -> list[Candidate]:
    """Readings of garbled titles and name abbreviations before a name (module doc), but
    none on a span in ``have`` (the title readings already made); the caller asks only
    for heavily garbled pages and garbled newspaper columns."""
    if not ABBREV:
        return []
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import is_known

    page: list[Counter[str]] = []
    out: list[Candidate] = []
    # the tests that read the word's text alone, once a type: its Zipf when it passes them
    # (each test is pure: the same tokens pass; issue 14, sessions 25 and 38)
    forms: dict[str, float | None] = {}
    for i, t in enumerate(toks):
        if t.kind != "word":
            continue
        text = t.text
        if text in forms:
            z = forms[text]
        else:
            z = forms[text] = _form_zipf(text, zipf)
        if z is None or (t.start, t.end) in have:
            continue
        if not _standing(toks, i):
            continue
        sure = _name_after(toks, i)
        if sure is None and not ocr_abbrevrun.NAME_RUN:
            continue
        if not page:
            page.append(page_word_counts(toks))
        common = z >= COMMON_ZIPF
        known = is_known(text.lower())
        found = None
        if sure is not None and not (known and (not sure or len(text) < KNOWN_MIN_LEN)):
            # not a word before a garbled capital ("Air ForceOne"), nor a name ("Al Qaeda")
            found = abbrev_reading(text, page[0], common, _after_capital(toks, i), known)
        if found is None:
            found = ocr_abbrevrun.run_reading(toks, i, page[0], z)  # "Philip las Ocorgc"
        if found is None:
            continue
        out.append(
            cand(t.start, t.end, found[0], "OCR_CONFUSION", finding="abbrev",
                 fixed=CONFIDENCE, printed=text, channel_cost=found[1])
        )  # fmt: skip
    return out
