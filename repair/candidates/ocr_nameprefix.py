"""Irish and Scottish names garbled behind their prefix: "O'Mulley", "O'ltegan", "M'Carihy".

A newspaper of the period prints many "O'" and "M'" names, and the OCR garbles the part
after the apostrophe like any other name: "O'ltegan" (O'Regan, its capital read as "lt"),
"O'Donnoll" (O'Donnell), "M'Lachlnn" (M'Lachlan).  The prefix itself is the evidence that
a name follows, but the name readers miss these (SMH dev, session 39,
``benchmarks/smh_gap_account.py``): :mod:`repair.candidates.ocr_affix` reads the stem as a
token of its own, which needs a capital first ("ltegan" is no name's shape: its "lt" ->
"R" row reads a capital) and a listed name one cheap confusion away
(:data:`repair.candidates.ocr.NAME_MAX_COST`, 2.5 nats).

So a flagged token of a garbled page that no other reader read, made of the prefix, a
stem of letters and perhaps a possessive "'s", whose stem and whole form are no listed
name as printed ("O'Rogan": Rogan; "O'Connell"), is walked with the learned confusions
(:func:`repair.score.ocr_channel.confusion_variants`, up to :data:`MAX_COST` nats and
:data:`MAX_SUBS` confusions, case-sensitive: "lt" -> "R") over the listed names nearest the
stem in plain edits and the stems of the listed whole forms ("M'" names are listed as "Mc"
/ "Mac" names: "Carthy" of McCarthy).  A reading whose whole form the list knows comes
first (:data:`FULL_FORM`: "M'Carihy" -> "M'Carthy", not the listed surname "Carlby"), then
any listed name; the one cheapest (no second within :data:`AMBIGUOUS` nats), clearly more
name-like than the print (:data:`SHAPE_GAIN`), is proposed for the stem's span (prefix and
suffix as printed, as :mod:`repair.candidates.ocr_affix` does), and the two-sided scorer
decides it in context (:data:`THRESHOLD`: the language model knows few names).  A stem the
dictionary knows ("mulley") is read only as a listed whole form ("O'Malley").  No list of
pairs: the name list, the learned table and the names' character model decide
(:data:`PREFIX_NAMES`; figures in ``benchmarks/RESULTS.md``, session 39).

>>> split_prefix("O'Mulley"), split_prefix("M'Carihy's"), split_prefix("Oakley")
(("O'", 'Mulley', ''), ("M'", 'Carihy', "'s"), None)
"""

from __future__ import annotations

from functools import lru_cache

from repair.score import ocr_nearpool
from repair.score.ocr_channel import PrefixIndex
from repair.types import Candidate

#: Switch (the candidate generator reads it).  On: SMH dev-a 2,036 -> 2,035 tokens
#: ("O'ltegan" -> O'Regan), dev-b 2,541 -> 2,540 ("O'Mulley" -> O'Malley), test 5,514
#: unchanged; ICDAR 1-80, the light suite, the clean gate, the OCR'd modern text and the
#: seeds unchanged (benchmarks/RESULTS.md, session 39, ocrname39).
PREFIX_NAMES = True
#: The prefixes that announce a name.
PREFIXES = ("O'", "M'", "O\u2019", "M\u2019")
#: A possessive the token may end in (kept as printed).
SUFFIXES = ("'s", "\u2019s")
#: Shortest and longest stem read (letters).
MIN_STEM = 4
MAX_STEM = 14
#: Channel bound of the walk (nats) and most confusions.
MAX_COST = 5.0
MAX_SUBS = 2
#: Pool: names within this many letters of the stem's length, the nearest
#: :data:`NEAR_LIMIT` in plain edits (within half the stem's length).
LEN_SLACK = 2
NEAR_LIMIT = 40
#: A second name this close (nats) makes the stem ambiguous: no reading.
AMBIGUOUS = 1.0
#: Readings whose whole form the list knows ("M'" + a listed "Mc"/"Mac" name, or a listed
#: "O'" name) come first ("M'Carihy" -> "M'Carthy", not the listed surname "Carlby"); a
#: stem the dictionary knows reads only as such a form ("O'Mulley": "mulley" is a word).
FULL_FORM = True
#: A reading must be this much more name-like than the print, net of its channel cost
#: (nats, the names' character model of :mod:`repair.candidates.ocr_nameshape`), unless
#: the print is a dictionary word and the reading a listed whole form: "ltegan" ->
#: "Regan" +18.6, "Carihy" -> "Carthy" +6.5, "Donnoll" -> "Donnell" +6.4; a clean
#: "O'Meara" -> "Mears" +1.9, "M'Sharry" -> "Sherry" -2.0 (though McSherry is listed).
SHAPE_GAIN = 4.0
#: Margin the reading needs in context (the language model knows few names; the prefix
#: is the evidence).  SMH dev-a: -2 leaves "O'ltegan" (margin -2.5 after the page's
#: second reading), -3 reads it.
THRESHOLD = -3.0


def split_prefix(text: str) -> tuple[str, str, str] | None:
    """``(prefix, stem, suffix)`` of an "O'" / "M'" token whose stem is letters, or ``None``."""
    for p in PREFIXES:
        if text.startswith(p):
            rest = text[len(p) :]
            suffix = next((s for s in SUFFIXES if rest.endswith(s)), "")
            stem = rest[: len(rest) - len(suffix)]
            if MIN_STEM <= len(stem) <= MAX_STEM and stem.isalpha():
                return p, stem, suffix
    return None


def prefix_name_candidates(text: str, start: int, reason: str) -> list[Candidate]:
    """The one listed-name reading of the prefixed name ``text`` at ``start`` (module doc)."""
    if not PREFIX_NAMES:
        return []
    parts = split_prefix(text)
    if parts is None:
        return []
    prefix, stem, suffix = parts
    best = _best(stem, prefix)
    if best is None:
        return []
    from repair.candidates.ocr_rules import confusion_reading

    name, cost, subs = best
    # the stem's span only (as :mod:`repair.candidates.ocr_affix`): the scorer reads the
    # name in its context, the prefix and the suffix stay as printed
    at = start + len(prefix)
    return confusion_reading(stem, at, name, name, cost, subs, reason, THRESHOLD)


def _is_name(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(word)


@lru_cache(maxsize=512)
def _best(stem: str, prefix: str = "") -> tuple[str, float, tuple[tuple[str, str], ...]] | None:
    """The one reading of ``stem`` behind ``prefix``: the cheapest name whose whole form
    the list knows ("M'Carthy": McCarthy; "O'Malley") if any (:data:`FULL_FORM`), else,
    when the stem as printed is no name, the cheapest listed name; ``None`` when a second
    is within :data:`AMBIGUOUS` nats."""
    from repair.score.ocr_channel import confusion_variants, is_known

    low = stem.lower()
    if _is_name(low.capitalize()) or _is_name(prefix + low.capitalize()):
        return None  # a name as printed ("O'Rogan": Rogan; "O'Connell"): the writer's
    word = is_known(low)
    if word and not (FULL_FORM and prefix):
        return None
    index = _near(low, prefix)
    if index is None:
        return None
    found = confusion_variants(stem, index, MAX_COST, MAX_SUBS)
    shaped = [
        (cost, variant, subs)
        for variant, (cost, subs) in found.items()
        if variant.isalpha()
        and variant[:1].isupper()
        and variant[1:].islower()
        and variant.lower() != low
    ]
    full = sorted(x for x in shaped if FULL_FORM and prefix and _is_name(prefix + x[1]))
    # a stem the dictionary knows ("mulley") reads only as a listed whole form
    ranked = full or ([] if word else sorted(x for x in shaped if _is_name(x[1])))
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][0] - ranked[0][0] < AMBIGUOUS:
        return None
    cost, variant, subs = ranked[0]
    if not (full and word) and _shape_gain(stem, variant) - cost < SHAPE_GAIN:
        return None  # no clearer a name than the print ("O'Meara" is no garbled "Mears")
    return variant, cost, subs


def _shape_gain(printed: str, name: str) -> float:
    from repair.candidates.ocr_pagename import _shape_gain as gain

    return gain(printed, name)


@lru_cache(maxsize=32)
def _names_of_length(size: int) -> tuple[str, ...]:
    """The listed names (letters only, lower case) of ``size`` letters."""
    from repair.score.ngrams import get_ngrams

    return tuple(w for w in get_ngrams().names() if len(w) == size and w.isalpha())


@lru_cache(maxsize=8)
def _prefix_stems(prefix: str) -> tuple[str, ...]:
    """The stems (lower case) of the listed whole forms behind ``prefix``: "M'" names are
    listed as "Mc" / "Mac" names (:meth:`repair.score.ngrams.NgramTable.is_name`), "O'"
    names as themselves."""
    from repair.score.ngrams import get_ngrams

    heads = ("mc", "mac") if prefix[:1] == "M" else ("o'",)
    return tuple(
        sorted(
            {
                w[len(h) :]
                for w in get_ngrams().names()
                for h in heads
                if w.startswith(h) and w[len(h) :].isalpha() and len(w) > len(h) + 2
            }
        )
    )


def _near(low: str, prefix: str = "") -> PrefixIndex | None:

    from repair.score.ocr_channel import prefixes_of

    size = len(low)
    pool = [w for n in range(size - LEN_SLACK, size + LEN_SLACK + 1) for w in _names_of_length(n)]
    if prefix:
        pool += [w for w in _prefix_stems(prefix) if abs(len(w) - size) <= LEN_SLACK]
    if not pool:
        return None
    cut = max(2, size // 2)
    near = ocr_nearpool.extract(low, pool, cut, NEAR_LIMIT)
    return prefixes_of(sorted({w for w, _d, _k in near})) if near else None
