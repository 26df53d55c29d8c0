"""Capitals inside a capitalised word of a heavily garbled page: "RobinBon", "WoiLa".

The detector leaves a token with two or more capitals, the first one upper, alone: that
is the shape of real forms ("McDonald", "IoT", "YouTube", "PhD"), never corrected.  On a
heavily garbled newspaper page the same shape is mostly OCR: a lower-case glyph read as
a capital ("RobinBon" -> "Robinson": s as B; "OmnibuB", "CurtlB", "WoiLa" -> "Works",
"ChnrlcH" -> "Charles", "IMimstor" -> "Minister"), and no path read it.

Here such a token (printed once, letters only) gets the readings the learned confusion
table gives (the cheap search and the wide one), kept when the reading is a known word or
name in capitalised form (all capitals for a token mostly in capitals: "BALFOUIt") whose
letters differ from the print, so a case change alone ("McKenzie" -> "Mckenzie") is
never proposed.  The context model decides at the margin of the page's capitalised
garble.  Only on heavily garbled pages that are not early modern print.

>>> [r for r, _cost in mixed_readings("RobinBon")][:1]
['Robinson']
>>> mixed_readings("McDonald")
[]
"""

from __future__ import annotations

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Read mixed-case tokens of heavily garbled pages (see the module doc).
MIXED = True
#: Margin (nats) a reading needs (the page's capitalised garble has -4).
THRESHOLD = -4.0
#: Read them on garbled pages that are not heavily garbled too ("RtiRby", "FlTe"), at
#: this margin.
MIXED_LIGHT = True
LIGHT_THRESHOLD = 0.0
#: Shortest token read.
MIN_LEN = 4
#: A reading must be a word this common (Zipf) or a name of the period list.
TARGET_ZIPF = 3.0
#: Most readings kept per token (cheapest first).
MAX_READINGS = 4


#: A mixed-case token whose lower-case form the frequency list knows at least this well
#: is a real form, never read: "NaCl" (2.6), "YouTube", "McKenzie"; OCR's "RobinBon",
#: "WoiLa", "CurtlB" have no frequency (session 35: "NaCl" was read "Nail").
KNOWN_FORM_ZIPF = 1.5


def known_form(text: str) -> bool:
    """Whether the mixed-case ``text`` is a form the language writes (see
    :data:`KNOWN_FORM_ZIPF`)."""
    return KNOWN_FORM_ZIPF > 0 and zipf(text.lower()) >= KNOWN_FORM_ZIPF


def mixed_applies(text: str, count: int) -> bool:
    """Whether ``text`` (printed ``count`` times) has the real-form shape OCR makes."""
    if count != 1 or len(text) < MIN_LEN or not text.isalpha() or not text.isascii():
        return False
    if not text[0].isupper() or text.isupper():
        return False
    return sum(ch.isupper() for ch in text) >= 2


def _shape_ok(reading: str, text: str) -> bool:
    if reading.lower() == text.lower() or not reading.isalpha():
        return False
    if sum(ch.isupper() for ch in text) > len(text) / 2:
        return reading.isupper() or (reading[0].isupper() and reading[1:].islower())
    return reading[0].isupper() and reading[1:].islower()


def _known(reading: str) -> bool:
    from repair.score.ngrams import get_ngrams

    low = reading.lower()
    return zipf(low) >= TARGET_ZIPF or get_ngrams().is_name(reading.capitalize())


def mixed_readings(text: str) -> list[tuple[str, float]]:
    """(reading, channel cost) of a mixed-case token, cheapest first."""
    from repair.score.ocr_channel import correction_candidates
    from repair.score.ocr_search import wide_candidates

    found: dict[str, float] = {}
    for c in (*correction_candidates(text), *wide_candidates(text)):
        if not _shape_ok(c.text, text) or not _known(c.text):
            continue
        if c.text not in found or c.cost < found[c.text]:
            found[c.text] = c.cost
    return sorted(found.items(), key=lambda kv: kv[1])[:MAX_READINGS]


def mixed_candidates(toks: list[Token], i: int, count: int, heavy: bool = True) -> list[Candidate]:
    """The readings of mixed-case token ``i`` (the caller checks the page is garbled;
    ``heavy``: heavily, else :data:`LIGHT_THRESHOLD` is asked)."""
    if not MIXED or not (heavy or MIXED_LIGHT):
        return []
    tok = toks[i]
    if not mixed_applies(tok.text, count):
        return []
    return [
        word_cand(
            tok,
            reading,
            "OCR_CONFUSION",
            finding="mixed_case",
            cost=cost,
            threshold=THRESHOLD if heavy else LIGHT_THRESHOLD,
        )
        for reading, cost in mixed_readings(tok.text)
    ]
