"""The wide readers for the clearly garbled words of a page the gate keeps shut (issue 12,
session 41).

A newspaper clipping at 1-2 % CER ("the Police OiRce", "poultry are aíso drifting",
"the rjolice endeavoured") does not open the garble gate
(:func:`repair.detect.ocr.is_garbled`), and :mod:`repair.candidates.ocr_light` reads only
one cheap learned confusion there.  Its worst words are further away than that, but they
are also words no text uses: a token the web never prints (Zipf 0), printed once on the
page, with an OCR shape (an accent, a letter run no English word has, or one cheap confusion
from a common word; no cry or drawl, no two words run together).  Such a token is read by
the garbled page's readers (the wide search of a heavily garbled page), and the reading must win by
:data:`EXTRA_THRESHOLD` nats more than it would on a garbled page: clean text keeps its
rare words, names and coinages (each is printed on the web, repeated, or lacks an OCR shape).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from repair.resources.frequency import zipf
from repair.types import Candidate, Token

_I = TypeVar("_I")

#: Read the clearly garbled words of a lightly garbled page with the wide readers ...
#: On (session 41, lead) for light pages only: SMH dev 4,488 -> 4,486 tokens, test 5,461 -> 5,459
#: on the merged main; the light suite is identical (no light-page reading fires there).
LIGHT_WIDE = True
#: ... of a page the gate keeps shut (off: light suite precision 98.8 -> 98.0 % at 0.3 % noise
#: on dev, one more edit on undamaged text per rate on test) ...
SHUT_PAGES = False
#: ... and of a page garbled but not heavily (no reading of its own there).
LIGHT_PAGES = True
#: Nats the reading needs above the threshold it has on a garbled page.
EXTRA_THRESHOLD = 2.0
#: ... and at least the margin :mod:`repair.candidates.ocr_light` asks of its readings.
MIN_THRESHOLD = 2.0
#: Shortest token read (letters).
MIN_LEN = 4
#: The findings read.
REASONS = frozenset({"nonword", "capitalized_unknown", "spurious_accent", "accented_nonword"})


def garbled_token(
    tok: Token, reason: str, counts: Mapping[str, int], toks: list[Token] | None = None, i: int = -1
) -> bool:
    """Whether ``tok`` (a finding of a gate-shut page, ``reason``) is a word no text uses
    and OCR shaped: Zipf 0 (also lower-cased), printed once, at least :data:`MIN_LEN`
    letters, letters only, and an OCR shape (:func:`ocr_shaped`)."""
    word = tok.text
    if reason not in REASONS or len(word) < MIN_LEN or not word.isalpha():
        return False
    if counts.get(word, 0) > 1 or zipf(word) > 0 or zipf(word.lower()) > 0:
        return False
    if word.isupper():
        return False  # an acronym or a capitals heading
    low = word.lower()
    if low[0] == low[1] or any(a == b == c for a, b, c in zip(low, low[1:], low[2:], strict=False)):
        return False  # a cry or a drawl ("aaugh!", "Saint Iiiives"), not garble
    if run_together(word):
        return False  # two words run together ("Iexpressed"): the split readers' case
    if toks is not None and mark_piece(toks, i):
        return False
    return ocr_shaped(word, reason)


def ocr_shaped(word: str, reason: str) -> bool:
    """Whether a non-word has a shape OCR makes: an accent (``reason``), a letter run no
    English word has (:func:`repair.detect.ocr_letters.odd_trigrams`), or one cheap learned
    confusion from a common word."""
    if reason in ("spurious_accent", "accented_nonword"):
        return True
    from repair.detect.ocr import _reads_as_common
    from repair.detect.ocr_letters import odd_trigrams

    return bool(odd_trigrams(word.lower())) or _reads_as_common(word)


#: :func:`run_together`: the first word at least this common, the second this common (Zipf).
RUN_FIRST_ZIPF = 5.0
RUN_SECOND_ZIPF = 3.0


def run_together(word: str) -> bool:
    """Whether ``word`` is a common word and a known word printed without the space between
    ("Iexpressed", "ofWomen")."""
    for k in range(1, len(word) - 1):
        left, right = word[:k], word[k:]
        if zipf(left) >= RUN_FIRST_ZIPF and zipf(right.lower()) >= RUN_SECOND_ZIPF:
            return True
    return False


def mark_piece(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is glued through one mark to a word on either side ("Hlstori.il",
    "tal.cn"): a piece, read whole elsewhere."""
    for step in (1, -1):
        j, k = i + step, i + 2 * step
        if not 0 <= k < len(toks):
            continue
        a, b, c = (toks[i], toks[j], toks[k]) if step == 1 else (toks[k], toks[j], toks[i])
        glued = a.end == b.start and b.end == c.start
        if glued and b.kind != "word" and not b.text.isspace() and toks[k].kind == "word":
            return True
    return False


def raised(cands: list[Candidate], word: str = "") -> list[Candidate]:
    """``cands`` with :data:`EXTRA_THRESHOLD` added to each one's threshold (at least
    :data:`MIN_THRESHOLD`), without the
    readings that only reorder ``word``'s letters ("soemtimes", "belnd": a typist's slip;
    OCR misreads glyphs, it does not move them)."""
    from repair.score.ocr import _threshold_of

    if word:
        key = sorted(word.lower())
        cands = [c for c in cands if sorted(c.replacement.lower()) != key]
    for c in cands:
        thr = _threshold_of(c.features) + EXTRA_THRESHOLD
        c.features["threshold"] = max(thr, MIN_THRESHOLD)
        c.features["light_wide"] = True
    return cands


def wide_info(info: _I) -> _I:
    """A copy of a gate-shut page's ``_DocInfo`` read as heavily garbled, with caches of its own."""
    fresh: dict[str, Any] = {
        f.name: {}
        for f in dataclasses.fields(info)  # type: ignore[arg-type]
        if f.default_factory is dict
    }
    return dataclasses.replace(info, garbled=True, heavy=True, stem_tokens=None, **fresh)  # type: ignore[type-var]
