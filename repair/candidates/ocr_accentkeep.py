"""Real accented words kept on a page whose engine does not invent accents.

The trigram model knows no accented word, so on a heavily garbled page every accented
word is one cheap confusion (an accent dropped) from a "better" plain word: "Zürich"
-> "Zurich", "Café" -> "Cafe", "résumé" -> "resume".  Some engines do print spurious
accents on English words ("thé", "pièce", "grâce", "hâve": ICDAR 2017 file 81), and
there the plain reading is the fix.  Which of the two a page is, the page itself says:
its *accent noise* is the number of accented word tokens that are accented forms of
common plain English words: no accented spelling wordfreq knows of a common word
("hâve", "aboùt"), or any accented form of one of the commonest words ("thé": the plain
form's Zipf >= :data:`NOISE_PLAIN_ZIPF`).

A reading that only strips the accents of one word token (same letters, same case)
is dropped when that word is one wordfreq writes with its accents (Zipf of the accented
lower-case form >= :data:`WRITTEN_ZIPF`) and the page's accent noise is below
:data:`NOISE_MIN_COUNT` and :data:`NOISE_MIN_SHARE` of its accented tokens.  A noisy
page keeps every reading (the language model decides as before).

>>> accent_noise(["Zürich", "Café", "was"]), accent_noise(["thé", "hâve", "pièce"])
(0, 2)
>>> is_accent_strip("Zürich", "Zurich"), is_accent_strip("Zürich", "Zurich's")
(True, False)
>>> _written_with_accents("coöperate"), _written_with_accents("hâve")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from repair.document import Document
from repair.resources.frequency import zipf
from repair.types import Candidate

#: Keep real accented words on pages without accent noise (module doc).
ACCENT_KEEP = True
#: An accented spelling wordfreq lists at least this often (Zipf) is a real spelling:
#: "café" 3.75, "zürich" 2.53, "pièce" 2.02, "thé" 2.11; "hâve", "aboùt" 0.
WRITTEN_ZIPF = 2.0
#: An accented token is noise when its plain form is this common ("thé": the 7.7,
#: "wäs"; "piece" 5.0 and "role" 5.2 are not) ...
NOISE_PLAIN_ZIPF = 5.5
#: ... or its accented spelling is rarer than this (unknown to wordfreq: "hâve") and
#: its plain form at least this common ("have" 6.7; "débris" -> "debris" 3.9 is an old
#: spelling, not noise).
NOISE_ACCENTED_ZIPF = 1.0
NOISE_UNKNOWN_PLAIN_ZIPF = 4.5
#: A page is noisy with this many noise tokens ...
NOISE_MIN_COUNT = 2
#: ... or when this share of its accented word tokens are noise (and at least one).
NOISE_MIN_SHARE = 0.25


def strip_accents(word: str) -> str:
    """``word`` without its accents (:func:`repair.score.ocr_channel.strip_accents`, imported
    on first use: clean text's cold start does not load the channel)."""
    from repair.score import ocr_channel

    return ocr_channel.strip_accents(word)


def _accented(word: str) -> bool:
    return not word.isascii() and strip_accents(word) != word


def _noise(word: str) -> bool:
    low = word.lower()
    plain = strip_accents(low)
    return zipf(plain) >= NOISE_PLAIN_ZIPF or (
        zipf(low) < NOISE_ACCENTED_ZIPF and zipf(plain) >= NOISE_UNKNOWN_PLAIN_ZIPF
    )


def common_word_accents(words: Iterable[str]) -> int:
    """How many of ``words`` are accented forms of the commonest English words ("thé",
    "aboùt": the plain form's Zipf >= :data:`NOISE_PLAIN_ZIPF`); the OCR generator's count
    for ``spurious_accent`` findings (``repair.candidates.ocr.ACCENT_MIN_COUNT``)."""
    return sum(
        1
        for w in words
        # (``isascii`` first: ``_accented``'s own first test, without the call; session 38)
        if not w.isascii() and _accented(w) and zipf(strip_accents(w).lower()) >= NOISE_PLAIN_ZIPF
    )


def accent_noise(words: Iterable[str]) -> int:
    """How many of ``words`` carry accents an OCR engine invented (module doc)."""
    return sum(1 for w in words if _accented(w) and _noise(w))


def page_is_noisy(words: list[str]) -> bool:
    """Whether a page's accented words show an engine that prints spurious accents."""
    accented = [w for w in words if _accented(w)]
    if not accented:
        return False
    noise = sum(1 for w in accented if _noise(w))
    return noise >= NOISE_MIN_COUNT or (noise >= 1 and noise >= NOISE_MIN_SHARE * len(accented))


def is_accent_strip(original: str, replacement: str) -> bool:
    """Whether ``replacement`` is ``original`` with its accents stripped, nothing else."""
    return _accented(original) and strip_accents(original) == replacement


#: A diaeresis on the second of two vowels is English spelling, however rare the word
#: ("coöperate", "reëlect", "zoölogy", "preëminent": The New Yorker's and the early
#: 20th century's; an engine's spurious accents fall on any letter).  Session 36 (the
#: lead).
DIAERESIS = True
_DIAERESIS = re.compile("[aeiouAEIOU][\u00e4\u00eb\u00ef\u00f6\u00fc]")


def _written_with_accents(word: str) -> bool:
    return zipf(word.lower()) >= WRITTEN_ZIPF or (DIAERESIS and _DIAERESIS.search(word) is not None)


def keep_accented_words(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the accent-stripping readings of real accented words, on
    a page with no accent noise (module doc)."""
    if not ACCENT_KEEP or not candidates:
        return candidates
    text = doc.text
    # an ASCII print has no accent to strip (``is_accent_strip`` is False): tested first,
    # for the page and for each reading (issue 14, session 38)
    if text.isascii():
        return candidates
    drop = []
    for k, c in enumerate(candidates):
        orig = text[c.start : c.end]
        if orig.isascii():
            continue
        if is_accent_strip(orig, c.replacement) and _written_with_accents(orig):
            drop.append(k)
    if not drop or page_is_noisy([t.text for t in doc.words]):
        return candidates
    gone = set(drop)
    return [c for k, c in enumerate(candidates) if k not in gone]
