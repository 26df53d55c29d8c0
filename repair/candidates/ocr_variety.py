"""A garbled word read in the page's own spelling variety (issue 12, session 65 ocrbrit).

A garbled "recognlsanco" on a British page read as "recognizance" is one letter off the
gold "recognisance": the reader found the word, the scorer's counts chose the American
form.  The variety is read from the unedited words near the reading (the lower-case
words no OCR candidate touches, :data:`WINDOW` words either side): how many print a
British-only form of the regular alternation pairs
(:func:`repair.score.ocr_usspell.spelling_pairs`: -ise/-ize, -our/-or, -re/-er,
-ogue/-og, -ll-/-l-, -yse/-yze, derived by rule from the OCR vocabulary; not -ence/-ense,
:data:`NOUN_VERB_ENCE`) and how many an American-only form.  When one side has
:data:`MIN_LEAD` forms and the other none, a lower-case candidate reading that changes
the printed letters and writes the other side's form of a pair is moved to that side's
form: dropped where that form is already a candidate of the same span, else rewritten to
it (the candidate's ``variety`` feature, the edit's ``variety`` evidence, says from what
and why).  No British / American form near, or both: the reader's choice stands.  Clean
text is never touched (only a reading already being made moves).

A pair is two spellings of one word only when their frequencies are alike
(:data:`MAX_ZIPF_GAP`): "prise" / "prize", "scoured" / "scored", "timbre" / "timber",
"flour" / "flor" match the rules and are different words.  A reading the vocabulary
pairs lacks gets the rule's British form when wordfreq lists it (:data:`MIN_VARIANT_ZIPF`)
within the same gap ("recognizance" → "recognisance", :data:`EXTRA_RULES`).

Switch: :data:`VARIETY_MOVE`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from repair.types import Candidate, Token

#: Move a garbled print's reading written in the other spelling variety than the unedited
#: words near it to theirs (session 65 ocrbrit: ICDAR-only proxy dev 4,694 / 7,788 ->
#: 4,691 / 7,785, the three moves all right; SMH dev, audit, clean English, census and the
#: speed suite's OCR 100 k output unchanged; test in benchmarks/RESULTS.md).
VARIETY_MOVE = True
#: The variety near a reading: the unedited words within this many words either side (a
#: long text mixes articles: the speed suite's OCR 100 k text, one window, joins US and
#: Australian news) print at least :data:`MIN_LEAD` forms of one side and none of the other.
WINDOW = 200
MIN_LEAD = 1
#: The two spellings of a pair are within this many Zipf of each other.
MAX_ZIPF_GAP = 1.25
#: Both spellings of a vocabulary pair are this common (Zipf), the British one this long.
MIN_PAIR_ZIPF = 2.5
MIN_BRITISH = 6
#: A British form outside the vocabulary pairs is listed by wordfreq at least this common.
MIN_VARIANT_ZIPF = 1.0
#: British endings (group 1 kept) the vocabulary pairs' rules leave out, American → British.
EXTRA_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z]{3})iz(ance|ances|able|ational)$"), r"is\1"),
)
#: Leave out the -ence / -ense pairs: British spelling keeps both, the noun "licence",
#: "practice" and the verb "license" (SMH dev, on: "license" and "licenses" 15 times in
#: the gold read as American, so "licenso" was moved to "licence"; gold "license").
NOUN_VERB_ENCE = True
#: Speed only, exact (issue 14, session 66 speedocr): the pair look-ups first.
#: :func:`page_variety` asks the touched test (up to 64 candidate spans a word) only of the
#: words that print a form of a pair (a word no pair holds counts nothing either way);
#: :func:`move_to_page_variety` asks a reading's ``_variant`` only when a pair holds it or
#: an :data:`EXTRA_RULES` pattern can match it, and keeps only the targets' own (span,
#: reading) keys.  The OCR 100 k text's call (101,042 words, 70,491 candidates), replayed:
#: ``page_variety`` 0.202 -> 0.061 s, the whole move 0.326 -> 0.103 s (medians of 5); ``repair
#: fix`` 13.90 -> 13.24 s CPU (medians of 6 alternated pairs, load 6-10), every output the same
#: (benchmarks/RESULTS.md "Session 66, speedocr").  Off: as session 65 ocrbrit wrote them.
LOOKUP_FIRST = True
_ENCE = re.compile(r"ence(s)?$")
_WORD = re.compile(r"[a-z]+")  # lower-case readings only: "Labor" is a party's name
#: What every :data:`EXTRA_RULES` pattern needs in a word (``LOOKUP_FIRST``'s cheap test).
_EXTRA_MARK = "iz"


@lru_cache(maxsize=1)
def _pairs() -> tuple[dict[str, str], dict[str, str]]:
    """({british: american}, {american: british}) of the vocabulary pairs of like
    frequency."""
    from repair.resources.frequency import zipf
    from repair.score import ocr_usspell
    from repair.score.ocr_fixedlists import vocabulary_words

    gb_us: dict[str, str] = {}
    rows = vocabulary_words("us-spelling-pairs", ocr_usspell.__file__, ocr_usspell._build_pairs)
    for row in rows:
        gb, us = row.split()[:2]
        if len(gb) < MIN_BRITISH or min(zipf(gb), zipf(us)) < MIN_PAIR_ZIPF:
            continue  # "amour" / "amor", "refilled" / "refiled"
        if NOUN_VERB_ENCE and _ENCE.sub(r"ense\1", gb) == us:
            continue  # British writes both "licence" (noun) and "license" (verb)
        if abs(zipf(gb) - zipf(us)) <= MAX_ZIPF_GAP:
            gb_us[gb] = us
    return gb_us, {us: gb for gb, us in gb_us.items()}


@lru_cache(maxsize=8192)  # a word's answer; bounded like every OCR memo
def _variant(word: str, british: bool) -> str | None:
    """``word``'s spelling in the given variety, or None (``word`` is not the other
    variety's form of a pair)."""
    gb_us, us_gb = _pairs()
    if british:
        if word in us_gb:
            return us_gb[word]
        if word in gb_us:
            return None
        from repair.resources.frequency import zipf

        for pattern, repl in EXTRA_RULES:
            gb = pattern.sub(repl, word)
            if gb == word or zipf(gb) < MIN_VARIANT_ZIPF:
                continue
            if abs(zipf(gb) - zipf(word)) <= MAX_ZIPF_GAP:
                return gb
        return None
    return gb_us.get(word)


def _letters(printed: str) -> str:
    """The printed letters in lower case: a reading that only joins them ("sign-⏎aled"
    read "signaled") keeps the page's own spelling of the word."""
    return "".join(ch for ch in printed.lower() if ch.isalpha())


def page_variety(
    words: Sequence[Token], cands: Sequence[Candidate]
) -> tuple[list[int], list[int], list[int]]:
    """(word starts, running British-only counts, running American-only counts) over the
    page's lower-case words no candidate touches (``counts[i]``: among the first ``i``
    words).  A capitalised form does not vote: "His Honor" on an Australian court page,
    "the Labor Party", "Lincoln Center" are titles and names."""
    gb_us, us_gb = _pairs()
    spans = sorted((c.start, c.end) for c in cands)
    starts: list[int] = []
    gb, us = [0], [0]
    k = 0
    for t in words:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        low = t.text
        starts.append(t.start)
        if LOOKUP_FIRST:
            in_gb, in_us = low in gb_us, low in us_gb
            if not (in_gb or in_us):  # no vote whatever touches it
                gb.append(gb[-1])
                us.append(us[-1])
                continue
        touched = not low.islower() or any(s < t.end and t.start < e for s, e in spans[k : k + 64])
        gb.append(gb[-1] + (not touched and low in gb_us))
        us.append(us[-1] + (not touched and low in us_gb))
    return starts, gb, us


def variety_near(
    starts: list[int], gb: list[int], us: list[int], at: int
) -> tuple[bool | None, int, int]:
    """(British?, British forms, American forms) of the :data:`WINDOW` words either
    side of offset ``at``: None unless one side has :data:`MIN_LEAD` forms and the other
    none."""
    i = bisect_left(starts, at)
    lo, hi = max(0, i - WINDOW), min(len(starts), i + WINDOW)
    g, u = gb[hi] - gb[lo], us[hi] - us[lo]
    if g >= MIN_LEAD and u == 0:
        return True, g, u
    if u >= MIN_LEAD and g == 0:
        return False, g, u
    return None, g, u


def move_to_page_variety(
    text: str, words: Sequence[Token], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` with each lower-case reading in the other variety than the words around
    it moved to theirs (:data:`VARIETY_MOVE`)."""
    if not VARIETY_MOVE or not cands:
        return cands
    if LOOKUP_FIRST:
        gb_us, us_gb = _pairs()  # a reading no pair holds and no extra rule can reach: no form
        hit = [
            c
            for c in cands
            if (
                (r := c.replacement) in us_gb
                or r in gb_us
                or (_EXTRA_MARK in r and (_variant(r, True) or _variant(r, False)))
            )
            and _WORD.fullmatch(r)
            and _letters(text[c.start : c.end]) != r
        ]
    else:
        hit = [
            c
            for c in cands
            if _WORD.fullmatch(c.replacement)
            and (_variant(c.replacement, True) or _variant(c.replacement, False))
            and _letters(text[c.start : c.end]) != c.replacement
        ]
    if not hit:
        return cands
    from dataclasses import replace

    starts, gb, us = page_variety(words, cands)
    if LOOKUP_FIRST:  # only a target's own (span, reading) is ever looked up
        targets = {_variant(c.replacement, True) for c in hit}
        targets.update(_variant(c.replacement, False) for c in hit)
        have = {(c.start, c.end, c.replacement) for c in cands if c.replacement in targets}
    else:
        have = {(c.start, c.end, c.replacement) for c in cands}
    moved: dict[int, Candidate | None] = {}
    for c in hit:
        british, g, u = variety_near(starts, gb, us, c.start)
        if british is None:
            continue
        target = _variant(c.replacement, british)
        if target is None:
            continue
        if (c.start, c.end, target) in have:
            moved[id(c)] = None  # the page's form is a candidate already: the other goes
            continue
        note = f"{c.replacement} -> {target}: {g} British / {u} American forms unedited near"
        moved[id(c)] = replace(c, replacement=target, features={**c.features, "variety": note})
    if not moved:
        return cands
    out = []
    for c in cands:
        if id(c) not in moved:
            out.append(c)
        elif (m := moved[id(c)]) is not None:
            out.append(m)
    return out
