"""A garbled word read in the page's own spelling variety (issue 12, session 65 ocrbrit).

A garbled "recognlsanco" on a British page read as "recognizance" is one letter off the
gold "recognisance": the reader found the word, the scorer's counts chose the American
form.  A page's variety is read from its own unedited words (the words no OCR candidate
touches): how many print a British-only form of the regular alternation pairs
(:func:`repair.score.ocr_usspell.spelling_pairs`: -ise/-ize, -our/-or, -re/-er,
-ogue/-og, -ll-/-l-, -yse/-yze, derived by rule from the OCR vocabulary; not -ence/-ense,
:data:`NOUN_VERB_ENCE`)
and how many an American-only form.  When one side leads (:data:`MIN_LEAD`), a
candidate reading that writes the other side's form of a pair is moved to the page's
form: dropped where the page's form is already a candidate of the same span, else
rewritten to it (the candidate's ``variety`` feature says from what and why).  No
British / American form unedited on the page: the reader's choice stands.  Clean text is
never touched (only a reading already being made moves).

A pair is two spellings of one word only when their frequencies are alike
(:data:`MAX_ZIPF_GAP`): "prise" / "prize", "scoured" / "scored", "timbre" / "timber",
"flour" / "flor" match the rules and are different words.  A reading the vocabulary
pairs lacks gets the rule's British form when wordfreq lists it (:data:`MIN_VARIANT_ZIPF`)
within the same gap ("recognizance" → "recognisance", :data:`EXTRA_RULES`).

Switch: :data:`VARIETY_MOVE`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from repair.types import Candidate, Token

#: Move a reading written in the other spelling variety than the page's unedited words
#: to the page's variety (session 65 ocrbrit; figures in benchmarks/RESULTS.md).
VARIETY_MOVE = True
#: The page's variety is the side with at least this many more unedited forms.
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
_ENCE = re.compile(r"ence(s)?$")
_WORD = re.compile(r"[a-z]+")


@cache
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


@cache
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


def page_variety(words: Sequence[Token], cands: Sequence[Candidate]) -> tuple[int, int]:
    """(British-only forms, American-only forms) among the page's words no candidate
    touches."""
    gb_us, us_gb = _pairs()
    spans = sorted((c.start, c.end) for c in cands)
    gb = us = 0
    k = 0
    for t in words:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if any(s < t.end and t.start < e for s, e in spans[k : k + 64]):
            continue
        low = t.text.lower()
        gb += low in gb_us
        us += low in us_gb
    return gb, us


def move_to_page_variety(
    text: str, words: Sequence[Token], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` with each reading in the other variety than the page's moved to the
    page's (:data:`VARIETY_MOVE`)."""
    if not VARIETY_MOVE or not cands:
        return cands
    gb, us = page_variety(words, cands)
    if abs(gb - us) < MIN_LEAD:
        return cands
    british = gb > us
    from dataclasses import replace

    from repair.score.ocr_channel import transfer_case

    have = {(c.start, c.end, c.replacement.lower()) for c in cands}
    out: list[Candidate] = []
    changed = False
    for c in cands:
        low = c.replacement.lower()
        plain = _WORD.fullmatch(low) and text[c.start : c.end].lower() != low
        target = _variant(low, british) if plain else None
        if target is None:
            out.append(c)
            continue
        changed = True
        if (c.start, c.end, target) in have:
            continue  # the page's form is a candidate already: the other one goes
        note = f"{low} -> {target}: page prints {gb} British / {us} American forms unedited"
        out.append(
            replace(
                c,
                replacement=transfer_case(c.replacement, target),
                features={**c.features, "variety": note},
            )
        )
    return out if changed else cands
