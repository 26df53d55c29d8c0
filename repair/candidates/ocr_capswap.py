"""First-glyph capital confusions: a capitalised non-word read as a common word whose
first letter the print got wrong (issue 12, session 57).

The readers reach a word through the learned confusions, anchored on the print's first
glyph or on a glyph the table reads it as.  A table learned on another archive often has
no row for the capital the engine misread ("Toseph" for Joseph, "Ihuisdaj" for Thursday,
"Knmore" for Enmore under ICDAR's table: no T -> J, I -> T, K -> E row), so the gold is
never built; the walks read the print as a word that keeps its first glyph ("Yoseph",
"Temple").  The session 57 account of SMH dev (``benchmarks/RESULTS.md``, ocrnever)
found this class the largest of the never-built non-words a price bound reaches.

For a flagged capitalised token of a heavily garbled page (the caller's gate), letters
only with a lower-case tail, of :data:`MIN_LEN` to :data:`MAX_LEN` letters:

* **name test** (the print is kept, nothing is read): the print recurs on the page
  spelled the same way, or its lower-case form is a word or a listed word / name
  (a capitalised form of the vocabulary or the name lists shipped);
* **retrieval**: the common words (Zipf >= :data:`TARGET_ZIPF`) of the print's length
  +- 1 whose first letter differs from the print's and whose tail is within
  :data:`TAIL_SHARE` of the print's tail in plain edits;
* **channel**: each priced by the learned table, generic edits where it has no row
  (:func:`repair.score.ocr_price.channel_cost_upto`), up to :data:`BOUND` nats: the
  price bounds the search;
* **rivals** (:data:`RIVALS`, the name test's other half): no reading where a listed name
  or a word of any frequency near the print is priced about as cheaply ("Frnest":
  Ernest, a name, against Priest);
* the :data:`MAX_READINGS` cheapest (channel + :data:`PRIOR_PER_ZIPF` a Zipf below 6) go
  to the two-sided scorer at :data:`THRESHOLD` (the page's context decides).

Switch :data:`CAP_SWAP` (see ``benchmarks/RESULTS.md``, session 57, ocrnever).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.types import Candidate, Token

#: Switch: read first-glyph capital confusions (module doc).  ON (session 57,
#: ocrnever): SMH dev 4,242 / 6,920 -> 4,240 / 6,911 tokens / chars, ICDAR-only proxy
#: dev 4,776 / 7,889 -> 4,772 / 7,876; audit, census and light suite dev as without it.
CAP_SWAP = True
#: Shortest and longest print read (letters).
MIN_LEN = 4
MAX_LEN = 14
#: The readings: common words of at least this Zipf ...
TARGET_ZIPF = 4.0
#: ... whose tail is within this share of the print's tail in plain edits (at least 1) ...
TAIL_SHARE = 0.25
#: ... priced by the channel at most this many nats ...
BOUND = 9.0
#: ... the cheapest this many (channel + prior) ...
MAX_READINGS = 2
#: ... the prior: nats a Zipf below 6.
PRIOR_PER_ZIPF = 0.5
#: Name test by rivals: no reading where a listed name or a word of any frequency (not a
#: reading) within RIVAL_EDITS plain edits of the print, among the RIVAL_LIMIT nearest,
#: is priced within RIVAL_MARGIN nats of the best reading ("Frnest": Ernest, not Priest).
RIVALS = True
RIVAL_EDITS = 3
RIVAL_LIMIT = 12
RIVAL_MARGIN = 1.0
#: The rivals' pool (every word and listed name of the print's length +- 1, ~40 k strings)
#: kept per length (:func:`_rival_pool`), and the nearest asked of the whole pool with the
#: limit raised by at least the number of the pool's entries that are readings, which are
#: then dropped: the same rivals in the same order (rapidfuzz orders hits by distance, then
#: by position, and dropping entries keeps the others' order).  Before, each call built
#: the filtered pool afresh.  Exact (issue 14, session 59, speedocr59; outputs
#: byte-identical): the 100 k-word OCR speed text's 64 calls, replayed (best of 5),
#: 0.258 -> 0.198 s.  False: the filtered pool built at every call.
RIVAL_POOL_MEMO = True
#: Mid-sentence, a reading the period text writes in lower case is lowered (the
#: capital was the misread glyph: "the Sortion of" -> "portion"), as the walks do.
#: OFF: SMH dev's capitalised nouns ("That the Itcport of", "the Isorth Shore") lose
#: more than the lower-case words gain (account tokens on the touched articles, shipped
#: tables: +2 with it, -2 without; session 57).
MID_SENTENCE_CASE = False
#: Margin a reading needs in context (the scorer's threshold).
THRESHOLD = 1.0
#: Switch (session 62, ocrnames): the page's own first-glyph capital pairs.  A table
#: learned on another archive prices a capital pair it never counted ("T" printed for "J")
#: at the generic edit price, so the walks and the swap above cannot read "Tohn" (the
#: rival test keeps it).  The page is evidence of its own type: a capital pair is
#: *supported* when at least PAGE_MIN_PRINTS distinct capitalised non-words of the page
#: (:func:`capital_print`, not a word or a listed name; one word's forms counted once)
#: read as a word or listed name of Zipf >= PAGE_ZIPF with that first glyph swapped
#: ("Tacob", "Tohn": T -> J); such a reading is priced by the page's rate of the pair,
#: ``-ln(k / (k + n))`` (k supporting prints, n the page's capitalised words printed with
#: the true capital), not by the table, and goes to the scorer at THRESHOLD.  Shipped
#: OFF (results only; benchmarks/RESULTS.md, session 62, ocrnames): ICDAR-only proxy SMH
#: dev 4,739 / 7,843 -> 4,738 / 7,842 (one reading, "Tohn" -> John), shipped SMH dev
#: 4,207 / 6,870 unchanged (every output identical), so no dev gain on both; clean
#: English, census, light dev build no page reading; PAGE_MIN_PRINTS 1 (any capital pair
#: at the page's rate): proxy dev 4,734 / 7,840 with three wrong readings of seven.
PAGE_PAIRS = False
PAGE_MIN_PRINTS = 2
PAGE_ZIPF = 3.0
#: Slot guard (session 63, ocrcaps): no page-pair reading of a print that stands
#: mid-sentence right after a lower-case word ("the Uench": a capital misread in a
#: lower-case word, not a name's).  Read only with PAGE_PAIRS (figures in RESULTS.md,
#: session 63, ocrcaps).
PAGE_SLOT_GUARD = False


def capswap_candidates(
    toks: list[Token],
    indices: Iterable[int],
    counts: Mapping[str, int],
    have: Iterable[Candidate] = (),
) -> list[Candidate]:
    """The first-glyph readings of the flagged tokens at ``indices`` (module doc); a
    reading a candidate of ``have`` already makes at the token's start is left to it."""
    if not CAP_SWAP:
        return []
    from repair.candidates.ocr_rules import confusion_reading

    out: list[Candidate] = []
    built = {(c.start, c.replacement.lower()) for c in have}
    pairs = page_pairs(counts) if PAGE_PAIRS else {}
    for i in indices:
        t = toks[i]
        text = t.text
        if t.kind != "word" or not capital_print(text):
            continue
        if counts.get(text, 0) > 1:
            continue  # recurs spelled the same way: a name
        initial = None
        readings = swap_readings(text)
        if pairs and not (PAGE_SLOT_GUARD and after_lower_word(toks, i)):
            paged = page_readings(text, pairs)
            if paged:
                got = {w.lower() for w, _c in paged}
                readings = paged + tuple(r for r in readings if r[0].lower() not in got)
        for word, cost in readings:
            if (t.start, word.lower()) in built:
                continue  # a reading another builder made: its price and bar stand
            if MID_SENTENCE_CASE:
                from repair.candidates.ocr import _initial_case
                from repair.candidates.ocr_realword import opens_sentence

                if initial is None:
                    initial = opens_sentence(toks, i)
                word = _initial_case(word, text, initial)  # "the Sortion of": "portion"
            out.extend(
                confusion_reading(
                    text,
                    t.start,
                    word,
                    word.lower(),
                    cost,
                    ((text, word),),
                    "capitalized_unknown",
                    THRESHOLD,
                )
            )
    return out


def after_lower_word(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` follows a lower-case word across one space (a line break
    too) with no stop between (:data:`PAGE_SLOT_GUARD`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("in the Uench. Then Tohn")
    >>> after_lower_word(toks, 4), after_lower_word(toks, 9)
    (True, False)
    """
    from repair.candidates.ocr_namepos import word_before

    found = word_before(toks, i)
    if found is None:
        return False
    prev, stop = found
    return not stop and prev.isalpha() and prev.islower()


def _page_swaps(text: str) -> tuple[str, ...]:
    """The capitalised words or listed names of Zipf >= :data:`PAGE_ZIPF` that ``text`` (a
    capitalised non-word, not a listed name) reads as with another capital first; ``()``
    for a print the name test keeps."""
    from repair.candidates.ocr_deepreach import _listed

    low = text.lower()
    if zipf(low) > 0.0 or _listed(low) or _listed(text):
        return ()
    tail = text[1:]
    out = []
    for g in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if g != text[0] and zipf((g + tail).lower()) >= PAGE_ZIPF:
            out.append(g + tail)
    return tuple(out)


def page_pairs(counts: Mapping[str, int]) -> dict[tuple[str, str], float]:
    """``{(printed capital, true capital): page price}`` of the pairs the page supports
    (:data:`PAGE_PAIRS`): at least :data:`PAGE_MIN_PRINTS` distinct capitalised non-words
    of ``counts`` (the page's words) read with that first glyph swapped; the price is
    ``-ln(k / (k + n))``, k the supporting prints, n the page's capitalised words (tokens)
    printed with the true capital.  A print that extends another supporting print (a form of
    the same word) is not counted."""
    support: dict[tuple[str, str], set[str]] = {}
    heads: dict[str, int] = {}
    for w, n in counts.items():
        if w[:1].isupper() and w[1:2].islower():
            heads[w[0]] = heads.get(w[0], 0) + n
        if not capital_print(w):
            continue
        for form in _page_swaps(w):
            support.setdefault((w[0], form[0]), set()).add(w)
    out = {}
    for pair, prints in support.items():
        # one word's forms are one piece of evidence ("Ycar", "Ycars")
        k = sum(1 for w in prints if not any(v != w and w.startswith(v) for v in prints))
        if k >= PAGE_MIN_PRINTS:
            out[pair] = -math.log(k / (k + heads.get(pair[1], 0)))
    return out


def page_readings(
    text: str, pairs: Mapping[tuple[str, str], float]
) -> tuple[tuple[str, float], ...]:
    """The readings of ``text`` through the page's supported pairs ``pairs``
    (:func:`page_pairs`), cheapest first, each with its page price."""
    got = [(pairs[(text[0], f[0])], f) for f in _page_swaps(text) if (text[0], f[0]) in pairs]
    return tuple((f, c) for c, f in sorted(got))


def capital_print(text: str) -> bool:
    """Whether ``text`` is a capitalised print this module reads (its shape only)."""
    return (
        MIN_LEN <= len(text) <= MAX_LEN
        and text.isalpha()
        and text[0].isupper()
        and text[1:].islower()
    )


@lru_cache(maxsize=4096)
def swap_readings(text: str) -> tuple[tuple[str, float], ...]:
    """The capitalised words ``text`` reads as with another first letter, cheapest first,
    each with its channel price (module doc); ``()`` where the name test keeps the print."""

    from repair.candidates.ocr_deepreach import _listed
    from repair.score.ocr_price import channel_cost_upto

    low = text.lower()
    if zipf(low) > 0.0 or _listed(low) or _listed(text):
        return ()  # a word or a listed name: kept
    tail = low[1:]
    cut = max(1, int(len(tail) * TAIL_SHARE + 0.5))
    scored: list[tuple[float, float, str]] = []
    for n in range(len(low) - 1, len(low) + 2):
        words, tails = _pool(n)
        if not words:
            continue
        for _t, _d, k in ocr_nearpool.extract(tail, tails, cut, None):
            w = words[k]
            if w[0] == low[0]:
                continue  # the anchored readers' words
            form = w[0].upper() + w[1:]
            cost = channel_cost_upto(text, form, BOUND)
            if cost > BOUND:
                continue
            scored.append((cost + PRIOR_PER_ZIPF * max(0.0, 6.0 - zipf(w)), cost, form))
    scored.sort()
    if RIVALS and scored and _rival(text, scored[0][1], {f.lower() for _s, _c, f in scored}):
        return ()  # a listed name or a word of the print's own head as near: kept
    return tuple((form, cost) for _s, cost, form in scored[:MAX_READINGS])


def _rival(text: str, cost: float, readings: set[str]) -> bool:
    """Whether a word of any frequency or a listed name of about ``text``'s length, not one
    of ``readings``, is priced within :data:`RIVAL_MARGIN` nats of ``cost`` (the name test's
    evidence that the print may be a name or another word the anchored readers reach)."""

    from repair.candidates.ocr_deepreach import _names_of, _words_of
    from repair.score.ocr_price import channel_cost_upto

    low = text.lower()
    limit = cost + RIVAL_MARGIN
    if RIVAL_POOL_MEMO:
        whole, most = _rival_pool(len(low))
        dropped = most * len(readings)  # at least the pool's entries that are readings
        hits = [
            w
            for w, _d, _k in ocr_nearpool.extract(low, whole, RIVAL_EDITS, RIVAL_LIMIT + dropped)
            if w not in readings
        ][:RIVAL_LIMIT]
    else:
        pool = [
            w
            for n in range(len(low) - 1, len(low) + 2)
            for w in (*_words_of(n), *_names_of(n))
            if w not in readings
        ]
        hits = [
            w
            for w, _d, _k in ocr_nearpool.extract(low, pool, RIVAL_EDITS, RIVAL_LIMIT)
        ]
    for w in hits:
        if channel_cost_upto(text, w[0].upper() + w[1:], limit) <= limit:
            return True
    return False


@lru_cache(maxsize=16)
def _rival_pool(size: int) -> tuple[tuple[str, ...], int]:
    """:func:`_rival`'s pool of a print of ``size`` letters, unfiltered (the words and the
    listed names of each length ``size - 1 .. size + 1``, in that order; ~320 KB of
    references a size), and the most times any string stands in it."""
    from repair.candidates.ocr_deepreach import _names_of, _words_of

    whole = tuple(w for n in range(size - 1, size + 2) for w in (*_words_of(n), *_names_of(n)))
    counts: dict[str, int] = {}
    for w in whole:
        counts[w] = counts.get(w, 0) + 1
    return whole, max(counts.values(), default=0)


@lru_cache(maxsize=32)
def _pool(n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The common words of length ``n`` (Zipf >= :data:`TARGET_ZIPF`) and their tails."""
    from repair.candidates.ocr_far import _by_length

    words = tuple(w for w in _by_length().get(n, ()) if zipf(w) >= TARGET_ZIPF)
    return words, tuple(w[1:] for w in words)
