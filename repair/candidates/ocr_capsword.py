"""A short capitals word inside running lower-case text of a heavy page: "in BIX months".

The detector leaves an all-capitals token of up to five letters alone (an acronym:
APEC, NDTV), and the capitals readings of the ocr stage want a capitals line around
it ("TIIE NKW") or a capitalised reading ("AU the men" -> "All").  Newspaper OCR also
prints a lower-case word in capitals glyphs in the middle of a sentence ("returnable in
BIX months", "the police believe that he WOB overcome"): there the page's own case
habit says what the token means, a lower-case word, and the token's case-folded form
is read through the learned channel like a lower-case non-word.

Evidence, all of it needed (acronyms, which do stand between lower-case words, stay):
the page is heavily garbled (the caller checks); the words on both sides, on the same
line or across a line end, are running text (lower-case words, or one of the commonest
words capitalised, "In"; one of them lower case); the token is printed at most twice on
the page, each time so, and its case-folded form is no known word (so "the FBI said",
"of DNA", "in USD" are never read); the reading is one of the commonest words (Zipf >=
:data:`TARGET_ZIPF`) at most :data:`MAX_COST` nats of learned confusions away; the
language model decides with the margin of :data:`THRESHOLD`.

>>> capsword_applies("BIX", 1), capsword_applies("FBI", 1), capsword_applies("BIX", 3)
(True, False, False)
"""

from __future__ import annotations

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Read short capitals tokens of running text on heavy pages (module doc).
CAPS_WORD = True
#: Token length read (letters).
MIN_LEN, MAX_LEN = 2, 5
#: A token printed up to this often is read, each place in running text.
MAX_COUNT = 2
#: A capitalised neighbour counts as running text when this common (Zipf: "In", "The").
COMMON_ZIPF = 6.0
#: A reading must be this common (Zipf): "six" 5.3, "was" 6.8.
TARGET_ZIPF = 5.0
#: Channel cost (nats) a reading may have ("BIX" -> "six" 1.9).
MAX_COST = 3.5
#: Margin (nats) the language model must give the reading.
THRESHOLD = 2.0


def capsword_applies(text: str, count: int) -> bool:
    """Whether ``text`` (printed ``count`` times on the page) is a short capitals token
    whose case-folded form is no known word."""
    from repair.score.ocr_channel import is_known

    if not 1 <= count <= MAX_COUNT or not MIN_LEN <= len(text) <= MAX_LEN:
        return False
    if not (text.isalpha() and text.isascii() and text.isupper()):
        return False
    return not is_known(text.lower())


def _neighbour(toks: list[Token], j: int, between: int) -> str | None:
    """``"lower"`` when ``toks[j]`` is a lower-case word joined to the token by a space,
    ``"common"`` when it is one of the commonest words capitalised ("In", "The"), else
    ``None`` (a capitals word, a name, a mark)."""
    if not (0 <= j < len(toks) and 0 <= between < len(toks)):
        return None
    sep, word = toks[between], toks[j]
    if sep.kind != "space" or word.kind != "word" or not word.text.isalpha():
        return None
    if word.text.islower():
        return "lower"
    if word.text[1:].islower() and zipf(word.text.lower()) >= COMMON_ZIPF:
        return "common"
    return None


def in_running_text(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` stands between two running-text words, one of them lower case."""
    sides = (_neighbour(toks, i - 2, i - 1), _neighbour(toks, i + 2, i + 1))
    return None not in sides and "lower" in sides


def _every_place_running(toks: list[Token], i: int, count: int) -> bool:
    """Whether every place the page prints token ``i`` is running text (a repeated
    misreading, "in BIX months" twice; an acronym is introduced, "(BIX)", or heads a line)."""
    if not in_running_text(toks, i):
        return False
    if count == 1:
        return True
    text = toks[i].text
    return all(in_running_text(toks, j) for j, t in enumerate(toks) if t.text == text)


def capsword_readings(text: str) -> list[tuple[str, float]]:
    """(lower-case reading, channel cost) of a capitals token, read in its print's case
    and case-folded (the cheaper cost of the two)."""
    from repair.score.ocr_channel import correction_candidates

    found: dict[str, float] = {}
    low = text.lower()
    # the print's capital rows ("TIIE" -> "THE") and the case-folded print's rows
    for c in (*correction_candidates(text), *correction_candidates(low)):
        word = c.text.lower()
        if word == low or not word.isalpha() or c.cost > MAX_COST:
            continue
        if zipf(word) < TARGET_ZIPF:
            continue
        if word not in found or c.cost < found[word]:
            found[word] = c.cost
    return sorted(found.items(), key=lambda kv: kv[1])


def capsword_candidates(toks: list[Token], i: int, count: int) -> list[Candidate]:
    """The lower-case readings of capitals token ``i`` (the caller checks the page)."""
    tok = toks[i]
    if not CAPS_WORD or not capsword_applies(tok.text, count):
        return []
    if not _every_place_running(toks, i, count):
        return []
    return [
        word_cand(
            tok,
            word,
            "OCR_CONFUSION",
            finding="caps_word",
            cost=cost,
            threshold=THRESHOLD,
        )
        for word, cost in capsword_readings(tok.text)
    ]
