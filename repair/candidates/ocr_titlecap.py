"""A reading whose first glyph was the misreading, inside a title run, takes a capital
(session 42).

A reading takes the case of the print (:func:`repair.score.ocr_channel.transfer_case`):
when the OCR garbled a capital into a lower-case glyph ("ilurtlculturnl", "llovolving"),
the reading comes out in lower case, even between the words of a name or title ("the
Berrima Agricultural and ilurtlculturnl Society" -> "horticultural", "the llovolving
Battery Hotel" -> "revolving").  When the reading re-read the first glyph (the print's
first letter is not the reading's), the word after it on the line is capitalised and the
word before is capitalised or a link of a name ("and", "of", "the", "&"), the reading is
written with a capital.  Content words only (:data:`MIN_LEN` letters: not "lho Court");
the word after must be a known title word, not a garbled or common sentence opener ("the
Uench Ihey" is "trench. They": a lost full stop).

>>> _title_word("Society"), _title_word("They"), _title_word("Ihey")
(True, False, False)
"""

from __future__ import annotations

from bisect import bisect_left

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Off: SMH dev-a -2, dev-b 0, test -4 tokens, but on the OCR'd modern text (audit) 7
#: right lower-case readings recased wrongly, most before a name ("Center clirector George",
#: "Chechen vvarlord Salman", "the eountries President"): RESULTS, "Session 42, ocrname42".
TITLE_CAPITAL = False
#: Shortest reading recased.
MIN_LEN = 5
#: The word after: at least this long and less common than this (Zipf) ...
AFTER_MIN_LEN = 4
AFTER_MAX_ZIPF = 5.5
_LINKS = frozenset({"and", "of", "the", "&"})


def _start(tok: Token) -> int:
    return tok.start


def _title(t: Token | None) -> bool:
    return (
        t is not None
        and t.kind == "word"
        and len(t.text) >= 3
        and t.text[:1].isupper()
        and t.text[1:].islower()
    )


def _title_word(word: str) -> bool:
    """A word of a title after the reading: known (or a listed name), 4+ letters, not as
    common as a sentence opener ("They", "When": Zipf 6 and more)."""
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import is_known

    low = word.lower()
    if len(word) < AFTER_MIN_LEN or zipf(low) >= AFTER_MAX_ZIPF:
        return False
    return is_known(low) or get_ngrams().is_name(word)


def _near(toks: list[Token], k: int, step: int) -> Token | None:
    j = k + step
    if not (0 <= j < len(toks)) or toks[j].kind != "space" or "\n" in toks[j].text:
        return None
    j += step
    return toks[j] if 0 <= j < len(toks) else None


def title_capitals(out: list[Candidate], toks: list[Token], text: str) -> list[Candidate]:
    """``out`` with the lower-case readings of a title run's misread capitals recased."""
    if not TITLE_CAPITAL:
        return out
    for n, c in enumerate(out):
        r = c.replacement
        if len(r) < MIN_LEN or not (r.isalpha() and r.islower()):
            continue
        printed = text[c.start : c.end]
        if not printed or printed[0].lower() == r[0]:
            continue
        k = bisect_left(toks, c.start, key=_start)
        if k >= len(toks) or toks[k].start != c.start or toks[k].end != c.end:
            continue
        after, before = _near(toks, k, 1), _near(toks, k, -1)
        if not _title(after) or before is None or before.kind != "word":
            continue
        if not _title_word(after.text):
            continue  # "the Uench Ihey", "oxhumation Whon": a sentence whose stop was lost
        if not (_title(before) or before.text in _LINKS):
            continue
        out[n] = cand(c.start, c.end, r[:1].upper() + r[1:], c.source, **dict(c.features))
    return out
