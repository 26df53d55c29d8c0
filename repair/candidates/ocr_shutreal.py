"""Real-word misreadings of a newspaper column the garble gate keeps shut: "hy", "arc", "Tor".

On a page the gate keeps shut only non-words are read (:mod:`repair.candidates.ocr_light`),
so a short real word OCR made of a commoner one stays: "heen resumed hy the Government",
"There arc only five", "the Government Tor more than", "upper floor. Tho destruction"
(SMH dev, 1940s columns at 1-2 % CER).  Here such a word (2-5 letters, a known word the
web uses less than Zipf :data:`MAX_ZIPF`, printed at most twice on the page) is read as a
very common word (Zipf >= :data:`TARGET_ZIPF`) one learned confusion away (at most
:data:`MAX_COST` nats, same case shape), and the language model must want it by a wide
margin (:data:`THRESHOLD`).  Only pages set in a newspaper's narrow column
(:func:`repair.detect.ocr_probe.column_print`): on 750 clean English paragraphs (not
hard-wrapped) the same test read a name ("Dr Ho cautions" at 4.6 nats) and a source typo
("security docs not consist", 7.7).

>>> from repair.tokenize import tokenize
>>> [c.replacement for c in shut_realword_readings(tokenize("resumed hy the"), {})]
['by']
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch.
SHUT_REAL = True
#: The print is a word the web uses less than this (Zipf): "hy" 3.0, "arc" 4.2.
MAX_ZIPF = 5.0
#: The reading is one of the commonest words (Zipf): "by", "are", "for", "the".
TARGET_ZIPF = 5.5
#: One learned confusion, at most this channel cost (nats): "arc" -> "are" 2.8.
MAX_COST = 3.5
#: Margin (nats) the reading needs in context (the light path's non-words need 2).
THRESHOLD = 5.0
#: A form the page prints more often than this is its own word ("rood", "roods").
MAX_REPEATS = 2
#: Shortest and longest print read.
MIN_LEN, MAX_LEN = 2, 5


def _shape(text: str, reading: str) -> bool:
    """Same case shape: lower-case for lower-case, capitalised for capitalised."""
    if text.islower():
        return reading.islower()
    return reading[:1].isupper() and reading[1:].islower()


def shut_realword_readings(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """The readings of the short real words of ``toks`` (module doc), page not checked."""
    from repair.score.ocr_channel import is_known, single_confusions

    out: list[Candidate] = []
    for t in toks:
        text = t.text
        if t.kind != "word" or not MIN_LEN <= len(text) <= MAX_LEN or not text.isalpha():
            continue
        if not (text.islower() or (text[0].isupper() and text[1:].islower())):
            continue
        if counts.get(text, 0) > MAX_REPEATS or zipf(text.lower()) >= MAX_ZIPF:
            continue
        if not is_known(text):
            continue
        for c in single_confusions(text)[:3]:
            if c.cost > MAX_COST or not _shape(text, c.text):
                continue
            if zipf(c.text.lower()) < TARGET_ZIPF:
                continue
            out.append(
                word_cand(
                    t,
                    c.text,
                    "OCR_REALWORD",
                    finding="shut_realword",
                    cost=c.cost,
                    orig_known=True,
                    threshold=THRESHOLD,
                )
            )
    return out


def shut_realword_candidates(
    text: str, toks: list[Token], counts: Mapping[str, int]
) -> list[Candidate]:
    """:func:`shut_realword_readings` of a page the gate keeps shut, if set in a column."""
    from repair.detect.ocr_probe import column_print

    if not SHUT_REAL or not column_print(text):
        return []
    return shut_realword_readings(toks, counts)
