"""A comma lost before "who" or "which" after a name (session 44, ocrpunct44; issue 12).

A clause on a named person or place adds to the name, it does not pick one out of many,
so English sets it off with a comma: "J. M. Mowatt, who has attracted the selectors",
"St. Luke's Oval, which has been considerably improved".  The OCR of a faint column
loses the small commas ("Sid Malcolm whose absence", "J. Kelaher who is with
Drummoyne").  On a page that has lost its commas (fewer than :data:`MAX_COMMA_RATE`
commas a word over at least :data:`MIN_WORDS` words: English prose prints about one
comma in fifteen words, the SMH dev gold 0.02-0.09 a page, the OCR of a faint column as
few as none in 139 words), a space between a name and :data:`RELATIVES`, a lower-case
word after the relative, is read as a lost comma.  The page's own rate is the evidence:
modern prose with its commas ("Treasury Secretary Scott Bessent who said", "Sir
Humphrey Appleby who always knew") leaves out the comma often enough that the reader
stays shut there.  A *name* here is a capitalised word (not in
capitals, not a title: :data:`repair.candidates.ocr_stops.TITLES`) after another
capitalised word that is no function word or after an initial with its stop ("Sid
Malcolm", "J. Kelaher", "Luke's Oval"); a capitalised word after "the", "an" or "of"
may pick one out of many ("the Australians who", "an Italian who", "the Duchess of
Windsor which begins") and is left alone.

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.tokenize import tokenize
>>> page = "the centre J. Kelaher who is with Drummoyne and an Italian who was seen " * 3
>>> [(c.start, c.replacement) for c in relative_comma_candidates(tokenize(page), 10)]
[(21, ', '), (93, ', '), (165, ', ')]
>>> relative_comma_candidates(tokenize(page.replace("Drummoyne", "Drummoyne,")), 10)
[]
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  On: SMH dev -5 / -5
#: (dev-a 0, dev-b -5 / -5: five commas on one rugby page that lost its commas, all
#: right); without the page's comma rate the audit of OCR'd modern text broke 571 -> 603
#: tokens (three sentences, "Scott Bessent who said"), with it 571 (RESULTS, "Session 44,
#: ocrpunct44").
RELATIVE_COMMA = True
#: The page has lost its commas below this many commas a word ...
MAX_COMMA_RATE = 0.02
#: ... counted over at least this many words.
MIN_WORDS = 100
#: The relatives read.
RELATIVES = frozenset({"who", "whose", "which"})
#: Confidence of the reading.
CONFIDENCE = 0.7


def _capitalised(text: str) -> bool:
    """A word with one capital first and letters (an apostrophe allowed) after it."""
    rest = text[1:].replace("'", "").replace("\u2019", "")
    return len(text) >= 2 and text[0].isupper() and rest.isalpha() and rest.islower()


def _name_before(toks: list[Token], w: int) -> bool:
    """Whether the word before word ``w`` (one space, or an initial's stop and a space,
    between) makes ``w`` part of a name (module doc)."""
    from repair.candidates.spin_synonyms import STOPWORDS

    j = w - 1
    if j < 0 or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return False
    j -= 1
    if j >= 1 and toks[j].text == "." and toks[j - 1].end == toks[j].start:
        initial = toks[j - 1].text
        return len(initial) == 1 and initial.isupper()
    if j < 0 or toks[j].kind != "word":
        return False
    prev = toks[j].text
    return _capitalised(prev) and prev.lower() not in STOPWORDS


def commas_lost(toks: list[Token], min_words: int | None = None) -> bool:
    """Whether the page prints fewer than :data:`MAX_COMMA_RATE` commas a word over at
    least ``min_words`` (:data:`MIN_WORDS`) words."""
    words = sum(1 for t in toks if t.kind == "word")
    if words < (MIN_WORDS if min_words is None else min_words):
        return False
    return sum(1 for t in toks if t.text == ",") < MAX_COMMA_RATE * words


def relative_comma_candidates(toks: list[Token], min_words: int | None = None) -> list[Candidate]:
    """A comma in each gap between a name and a relative (module doc), on a page that
    has lost its commas (``min_words``: :data:`MIN_WORDS`); ``[]`` when off."""
    if not RELATIVE_COMMA or not commas_lost(toks, min_words):
        return []
    from repair.candidates.ocr_stops import TITLES

    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 3):
        gap, rel = toks[i], toks[i + 1]
        if rel.text not in RELATIVES or gap.kind != "space" or "\n\n" in gap.text:
            continue
        name = toks[i - 1]
        if name.kind != "word" or not _capitalised(name.text) or name.text in TITLES:
            continue
        k = i + 2
        if toks[k].kind == "space":
            k += 1
        if k >= n or toks[k].kind != "word" or not toks[k].text.islower():
            continue
        if not _name_before(toks, i - 1):
            continue
        out.append(comma_candidate(gap, "relative_comma"))
    return out


def comma_candidate(gap: Token, finding: str) -> Candidate:
    """The reading of the space ``gap`` as a lost comma before it (shared by the comma
    readers)."""
    from repair.candidates.ocr_rules import cand

    return cand(
        gap.start, gap.end, "," + gap.text, "OCR_LOST_STOP", finding=finding, fixed=CONFIDENCE
    )
