"""Initials and titles the OCR misread: "Mr. W. II. Drew" -> "W. H. Drew", "Mi J Wilson" -> "Mr".

Lists of names ("Mrs. II. Wallace", "F. It. Spark", "G. n. Hattersley") are common in
newspapers of every archive, and a lone capital is the glyph the OCR reads worst: "H"
comes out as "II" or "n", "R" as "It" or "lt".  The language model cannot help (an
initial has no context of its own), but its position can: a short token set between
an initial or a title ("W.", "Mrs.") and a capitalised word, with its own full stop,
is an initial.  It is read as the single capital the learned confusion table
(:func:`repair.score.ocr_channel.confusion_variants`) reaches most cheaply, within
:data:`MAX_COST`; "A" and "I" (words, and the reading of a digit one) are never
proposed.  No pairs are listed: the table is the one learned from aligned OCR.

Only in heavily garbled pages and garbled newspaper columns (the caller's gate, as for
:mod:`repair.candidates.ocr_initials`); the other readings of the token's span give
way (the real-word reading "It" -> "it" has no evidence in a name list).

Titles before a name ("Mi J E Wilson", "MeBsrs. Addison and Buchanan", "Kev. C.
Boyall") are read the same way (:func:`title_glyph_candidates`): a capitalised token
followed by a capitalised word or an initial, not itself after a capitalised word (a
title opens a name: "Arthur Rov Janniln" is a middle name), is read as the title
(:data:`TITLE_WORDS`) the learned table reaches within :data:`TITLE_MAX_COST`.  A
common word ("Aid", Zipf >= :data:`TITLE_COMMON_ZIPF`) is read only before an initial.

>>> from repair.tokenize import tokenize
>>> page = "Mr. W. II. Drew and Mrs. It. Spark, but It. Was not."
>>> [(c.features["printed"], c.replacement) for c in initial_glyph_candidates(tokenize(page))]
[('II', 'H'), ('It', 'R')]
>>> page = "Ho said so. Mi J E Wilson and MeBsrs. Addison; Arthur Rov Jones, \\\\rthur Rov Smith."
>>> [(c.features["printed"], c.replacement) for c in title_glyph_candidates(tokenize(page))]
[('Mi', 'Mr'), ('MeBsrs', 'Messrs')]
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.ocr_initials import TITLES
from repair.candidates.ocr_namepos import word_before
from repair.candidates.ocr_rules import cand
from repair.score.ocr_channel import PrefixIndex, confusion_variants, prefixes_of
from repair.types import Candidate, Token

#: Largest learned confusion cost (nats) of the reading.
MAX_COST = 2.5
#: Longest printed token read as one initial.
MAX_LEN = 2
#: Confidence of the repair.
CONFIDENCE = 0.7
#: Titles a misread token before a name may be.
TITLE_WORDS = TITLES | {"Miss"}
#: Largest learned confusion cost (nats) of a title reading.
TITLE_MAX_COST = 3.0
#: A word this common (Zipf) is read as a title only before an initial.
TITLE_COMMON_ZIPF = 4.5
#: Capitals never proposed: words of their own, and the digit one's reading.
_NOT_READ = frozenset("AI")


@lru_cache(maxsize=1)
def _capitals() -> PrefixIndex:
    return prefixes_of([chr(c) for c in range(ord("A"), ord("Z") + 1)])


@lru_cache(maxsize=256)
def initial_reading(token: str) -> tuple[str, float] | None:
    """The single capital ``token`` most cheaply reads as (at most :data:`MAX_COST`)."""
    best: tuple[str, float] | None = None
    for variant, (cost, _subs) in confusion_variants(token, _capitals(), MAX_COST, 2).items():
        if len(variant) != 1 or not variant.isupper() or variant in _NOT_READ:
            continue
        if best is None or cost < best[1]:
            best = (variant, cost)
    return best


def _before_is_initial(toks: list[Token], i: int, title: bool = True) -> bool:
    """Whether word ``i`` follows an initial with its stop or (with ``title``) a title
    ("W. II", "Mrs. II")."""
    if i < 1 or toks[i - 1].text.count("\n") > 1:
        return False
    found = word_before(toks, i)
    if found is None:
        return False
    w, stop = found
    return (stop and len(w) == 1 and w.isupper()) or (title and w in TITLES)


def _stop_then_name(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` has its own stop, then a space and a capitalised word."""
    if i + 3 >= len(toks) or toks[i + 1].text != "." or toks[i + 2].kind != "space":
        return False
    if toks[i + 2].text.count("\n") > 1:
        return False
    nxt = toks[i + 3]
    return nxt.kind == "word" and nxt.text[:1].isupper()


def initial_glyph_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings of misread initials (see the module doc); the caller asks only for
    heavily garbled pages and garbled newspaper columns."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not 0 < len(text) <= MAX_LEN or text in TITLES:
            continue
        if len(text) == 1 and text.isupper():
            continue  # an initial already
        # a lower-case letter after a title is more often a piece of it ("Mr r. A")
        title = not (len(text) == 1 and text.islower())
        if not (_stop_then_name(toks, i) and _before_is_initial(toks, i, title)):
            continue
        reading = initial_reading(text)
        if reading is None:
            continue
        out.append(
            cand(t.start, t.end, reading[0], "OCR_CONFUSION", finding="initial_glyph",
                 fixed=CONFIDENCE, printed=text, channel_cost=reading[1])
        )  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _titles() -> PrefixIndex:
    return prefixes_of(sorted(TITLE_WORDS))


@lru_cache(maxsize=1_024)
def title_reading(token: str) -> tuple[str, float] | None:
    """The title ``token`` most cheaply reads as (at most :data:`TITLE_MAX_COST`)."""
    best: tuple[str, float] | None = None
    for variant, (cost, _subs) in confusion_variants(token, _titles(), TITLE_MAX_COST, 2).items():
        if variant in TITLE_WORDS and (best is None or cost < best[1]):
            best = (variant, cost)
    return best


def _name_follows(toks: list[Token], i: int) -> str | None:
    """The capitalised word after word ``i`` (its stop and one space between), or None."""
    j = i + 1
    if j < len(toks) and toks[j].text == ".":
        j += 1
    if j + 1 >= len(toks) or toks[j].kind != "space" or toks[j].text.count("\n") > 1:
        return None
    nxt = toks[j + 1]
    return nxt.text if nxt.kind == "word" and nxt.text[:1].isupper() else None


def _after_capital(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` follows a capitalised word across a space (inside a name)."""
    j = i - 1
    if j < 1 or toks[j].kind != "space":
        return False
    prev = toks[j - 1]
    if prev.kind != "word":
        return False
    # a word glued to a mark may be a misread capital ("\\rthur Rov")
    glued = j >= 2 and toks[j - 2].kind == "punct" and toks[j - 2].text not in ".,;:"
    return prev.text[:1].isupper() or glued


def title_glyph_candidates(toks: list[Token]) -> list[Candidate]:
    """Readings of misread titles before a name (see the module doc); the caller asks
    only for heavily garbled pages and garbled newspaper columns."""
    from repair.resources.frequency import zipf

    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or not text[:1].isupper() or text.isupper() or text in TITLE_WORDS:
            continue
        if len(text) > 8 or not text.isalpha():
            continue
        nxt = _name_follows(toks, i)
        if nxt is None or _after_capital(toks, i):
            continue
        reading = title_reading(text)
        if reading is None:
            continue
        if zipf(text.lower()) >= TITLE_COMMON_ZIPF and not (len(nxt) == 1 and nxt.isupper()):
            continue  # "Aid Society": a common word before a name needs an initial
        out.append(
            cand(t.start, t.end, reading[0], "OCR_CONFUSION", finding="title_glyph",
                 fixed=CONFIDENCE, printed=text, channel_cost=reading[1])
        )  # fmt: skip
    return out
