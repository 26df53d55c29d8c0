"""Capitalised words whose case the OCR garbled, read by the far searches.

A capital glyph printed inside a capitalised word ("JJeeember", "AWATiD", "BALFOUIt",
"MeKenric", "TnBATRn") has the shape of a real mixed-case form (McDonald, YouTube, PhD),
which the detector and the far searches leave alone, and the learned confusion table
reads few such strings (its capital rows are sparse).  Yet the learned channel prices
a printed capital as its lower-case letter (:func:`repair.score.ocr_price.channel_cost`
compares letters in lower case and reads table rows for both printed cases), so the far
retrieval (:func:`repair.candidates.ocr_far.far_readings`, and for long tokens the
margin search :func:`repair.candidates.ocr_farlong.long_reading`) reads the case-folded
print like any lower-case non-word.  The reading is given the casing the token means:
all capitals when most of its letters are capitals ("AWATiD" -> "AWARD"), else a capital
initial ("JJeeember" -> "December") and, in a reading as long as the print, the capitals
printed on their own letter ("MaoDonald" -> "MacDonald", "RobinBon" -> "Robinson").

Real mixed-case forms are guarded by shape and by the page, not by a word list: only a
token opening with a capital and holding a second one (lower-case openers such as
iPhone, pH, mRNA are never read here), printed once on the page, whose case-folded form
no dictionary or name list knows ("McLeod", "MacArthur", "McGrath" stay), with no
apostrophe next to it ("M'KctwIe": a piece of a name) and that is not two common words
run together at a capital ("InAsia", "DrAnna": the split candidates' job).  Only
heavily garbled pages (the caller checks) and only when no other candidate reads the
token; one reading, clearly the cheapest; the language model decides at the far
search's margin.

>>> casefar_case("december", "JJeeember"), casefar_case("award", "AWATiD")
('December', 'AWARD')
>>> casefar_applies("McLeod", 1), casefar_applies("iPhone", 1)
(False, False)
"""

from __future__ import annotations

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Read case-garbled capitalised tokens of heavily garbled pages (hooks in
#: :mod:`repair.candidates.ocr`).
CASE_FAR = True
#: Shortest token read (letters).
MIN_LEN = 4
#: A token that is two words this common (Zipf) run together at a capital is left to
#: the split candidates ("InAsia", "DrAnna"; "RobinBon": "bon" is rarer).
SPLIT_ZIPF = 4.0
#: Margin (nats) a reading needs (the far search's).
THRESHOLD = -3.0
#: The cheapest reading is kept alone, and only when the next far reading costs this
#: many nats more ("ChnrlcH": church 7.5, enrich 9.4 nats; the print is a name).
MARGIN = 2.0


def casefar_applies(text: str, count: int) -> bool:
    """Whether ``text`` (printed ``count`` times on the page) is a capitalised token
    with a capital inside that is no known form (module doc)."""
    if count != 1 or len(text) < MIN_LEN or not text.isascii() or not text.isalpha():
        return False
    if not text[0].isupper() or text.isupper() or text[1:].islower():
        return False
    low = text.lower()
    if is_known(low):
        return False
    if _run_together(text):
        return False  # "InAsia", "DrAnna": a split's job
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    return not (table.is_name(text.capitalize()) or table.known(low))


def _run_together(text: str) -> bool:
    """Whether ``text`` is two common words run together, the second's capital kept."""
    return any(
        text[k].isupper()
        and text[k - 1].islower()
        and min(zipf(text[:k].lower()), zipf(text[k:].lower())) >= SPLIT_ZIPF
        for k in range(2, len(text) - 1)
    )


def casefar_case(word: str, text: str) -> str:
    """``word`` (lower case) in the casing ``text`` means: all capitals when most of
    its letters are capitals, else a capital initial (and the print's capitals on their
    own letters when ``word`` is as long)."""
    if sum(ch.isupper() for ch in text) * 2 > len(text):
        return word.upper()
    if len(word) == len(text):  # "McLood" -> "McLeod": a capital kept on its own letter
        pairs = zip(text, word, strict=True)
        inner = "".join(w.upper() if p.isupper() and p.lower() == w else w for p, w in pairs)
        return inner[:1].upper() + inner[1:]
    return word[:1].upper() + word[1:]


def casefar_readings(text: str) -> list[tuple[str, float]]:
    """(reading in the token's casing, channel cost) of a case-garbled token."""
    from repair.candidates.ocr_far import far_readings
    from repair.candidates.ocr_farlong import long_reading

    found = far_readings(text) or long_reading(text)
    if not found or (len(found) > 1 and found[1].cost - found[0].cost < MARGIN):
        return []
    word = casefar_case(found[0].text, text)
    return [(word, found[0].cost)] if word.lower() != text.lower() else []


def _apostrophe_next(toks: list[Token], i: int) -> bool:
    return any(0 <= j < len(toks) and toks[j].text[:1] in "'’" for j in (i - 1, i + 1))


def casefar_candidates(toks: list[Token], i: int, count: int, finding: str) -> list[Candidate]:
    """The far readings of case-garbled token ``i`` (the caller checks the page)."""
    tok = toks[i]
    if not CASE_FAR or not casefar_applies(tok.text, count) or _apostrophe_next(toks, i):
        return []
    return [
        word_cand(
            tok,
            reading,
            "OCR_SPELLING",
            finding=finding,
            cost=cost,
            threshold=THRESHOLD,
            far=True,
        )
        for reading, cost in casefar_readings(tok.text)
    ]
