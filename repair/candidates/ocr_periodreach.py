"""Readings in the period word and name lists for garble no other search reached (issue 12).

The wide search (:mod:`repair.score.ocr_search`) produces the dictionary's target words
(Zipf >= 2) and, for a capitalised token, the period names; :mod:`~repair.candidates.ocr_listedword`
adds wordfreq's rarer forms one learned confusion away.  The period word list of the n-gram
table (``lexicons/words_period.txt.gz``, 360 k words of 19th- and 20th-century print:
"recognisance", "conchologist", "Territorials", "appraisement") is only asked whether a
print is known; a newspaper word it alone knows, garbled by two or three glyphs
("recognlsanco", "Tenltorlals"), got no reading at all (SMH dev, session 38: 22 of the 151
gap tokens with no candidate have their gold only in that list, 7 of them one to three
cheap learned confusions away: ``benchmarks/smh_reach_why.py``).

For a flagged token of a garbled page that no other builder read (the caller checks), of
:data:`MIN_LEN` letters or more, lower case or a name's shape, that no list knows: the
listed words (and, for a capitalised token, the listed names) that share its first
:data:`PREFIX_LEN` letters (as printed, or after one cheap learned confusion of the first
or second glyph: :data:`PREFIX_SUB_COST`) and are within :data:`LEN_SLACK` letters of its
length, the :data:`NEAR_LIMIT` nearest in plain edits (within :data:`NEAR_SHARE` of its
length), are walked with the learned confusions
(:func:`repair.score.ocr_channel.confusion_variants`, the wide search's bounds).  The
cheapest reading is proposed when no second one comes within :data:`AMBIGUOUS` nats; the
two-sided scorer decides it in context (:data:`THRESHOLD`).

Only a whole printed word (:func:`standalone`): not a piece of a hyphenated or glued
print ("prognostica-tion" is no "prognostics"); and not a form the page prints in another
case as well (:func:`printed_otherwise`: "ANTIQUARIANA" heads the chapter that says
"antiquariana").

The pool is a few sorted runs of the lists (:meth:`repair.score.ngrams.WordList.with_prefix`,
kept per prefix), so only these few tokens pay for it (~130 of the 100 k-word OCR speed
text, ~0.2 s CPU); clean pages never do.  wordfreq's large list as a third pool
(:data:`WORDFREQ`) read nothing more on SMH dev and costs ~0.9 s there: off.

>>> [c.replacement for c in period_candidates("recognlsanco")]
['recognisance']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from repair.candidates.ocr_rules import confusion_reading
from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.score.ocr_channel import PrefixIndex, confusion_variants, is_target, prefixes_of
from repair.score.ocr_search import MAX_SUBS, cost_bound
from repair.types import Candidate, Token

#: Switch (see the module doc).
PERIOD_REACH = True
#: Shortest token read (letters).
MIN_LEN = 7
#: Longest token read.
MAX_LEN = 20
#: The pool shares this many first letters with the token.
PREFIX_LEN = 2
#: ... or the first two letters after one learned confusion of the first or the second
#: glyph at most this dear (nats: "Knmore" -> "en", "rocognlsance" -> "re").
PREFIX_SUB_COST = 2.0
#: ... and is at most this many letters longer or shorter.
LEN_SLACK = 2
#: Pool words within this share of the token's length in plain edits are walked ...
NEAR_SHARE = 0.5
#: ... the nearest this many.
NEAR_LIMIT = 40
#: A second reading this close (nats) makes the token ambiguous: no reading.
AMBIGUOUS = 1.0
#: wordfreq's large list is a third pool ("Lewthwaite", "Stancliffe": Zipf 1-2, in neither
#: period list), its forms of this Zipf or more (no target: those the wide search reads).
WORDFREQ = False
WORDFREQ_MIN_ZIPF = 1.0
#: Margin the reading needs in context (the language model knows few such words).
THRESHOLD = -2.0


def period_candidates(
    text: str, start: int = 0, reason: str = "nonword", names: bool = True
) -> list[Candidate]:
    """The period-list reading of the flagged token ``text`` at ``start`` (module doc);
    ``names``: a capitalised token may also read as a listed name."""
    if not PERIOD_REACH or not word_shaped(text, MIN_LEN, MAX_LEN):
        return []
    best = _best(text, names and text[:1].isupper())
    if best is None:
        return []
    word, cost, subs = best
    return confusion_reading(text, start, word, word, cost, subs, reason, THRESHOLD, period=True)


def word_shaped(text: str, shortest: int, longest: int) -> bool:
    """Whether ``text`` is ``shortest`` to ``longest`` letters, in lower case or a name's
    shape (one capital first): the tokens the late readers read.

    >>> word_shaped("Mnrray", 5, 20), word_shaped("MNRRAY", 5, 20), word_shaped("ab", 5, 20)
    (True, False, False)
    """
    if not shortest <= len(text) <= longest or not text.isalpha():
        return False
    return text.islower() or (text[:1].isupper() and text[1:].islower())


@lru_cache(maxsize=1024)
def _best(text: str, names: bool) -> tuple[str, float, tuple[tuple[str, str], ...]] | None:
    low = text.lower()
    if zipf(low) > 0.0 or _listed(low, names):
        return None  # a form the lists know is no garble of another
    index = _near(low, _prefixes(text), names)
    if index is None:
        return None
    found = confusion_variants(text, index, cost_bound(text), MAX_SUBS)
    ranked = sorted(
        (cost, variant, subs)
        for variant, (cost, subs) in found.items()
        if variant[1:].islower()
        and variant.isalpha()
        and not is_target(variant)
        and _listed(variant.lower(), names)
    )
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][0] - ranked[0][0] < AMBIGUOUS:
        return None
    cost, variant, subs = ranked[0]
    return variant, cost, subs


def _listed(low: str, names: bool) -> bool:
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    if low in table.word_list():
        return True
    if WORDFREQ and zipf(low) >= WORDFREQ_MIN_ZIPF:
        return True
    return names and low in table.name_list()


#: Marks a token may have glued before it, and after it (:func:`standalone`).
_OPENERS = frozenset("\"'([‘“")
_CLOSERS = frozenset(".,;:?!)]\"'’”")


def standalone(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a whole printed word: a space (or the text's edge), or an
    opening mark then a space, before it; a space, or closing marks then a space, after
    it.  Not a piece of a hyphenated or glued print ("prognostica-tion", "vita!itiy",
    "individua.Hties"), which other readers read whole or leave."""
    if i > 0 and toks[i - 1].kind != "space":
        if toks[i - 1].text not in _OPENERS or (i > 1 and toks[i - 2].kind != "space"):
            return False
    j = i + 1
    while j < len(toks) and toks[j].kind != "space":
        if toks[j].text not in _CLOSERS:
            return False
        j += 1
    return True


def printed_otherwise(text: str, counts: Mapping[str, int]) -> bool:
    """Whether the page prints ``text`` in another case too ("ANTIQUARIANA" as a chapter
    head, "Antiquariana" in a title, then "antiquariana" in a sentence): a word of the
    page, no garble of another."""
    return any(
        form != text and counts.get(form, 0)
        for form in (text.lower(), text.capitalize(), text.upper())
    )


def _prefixes(text: str) -> tuple[str, ...]:
    """The first two letters of ``text`` (lower case) as printed and after one learned
    confusion (of one glyph for one letter) of its first or its second glyph."""
    from repair.score.ocr_channel import _single_rows

    rows = _single_rows()
    low = text.lower()
    out = {low[:PREFIX_LEN]}
    for k in range(min(2, PREFIX_LEN)):
        for dst, cost, _subs in rows.get(text[k], ()):
            if cost > PREFIX_SUB_COST:
                break  # rows are sorted by cost
            if len(dst) == 1 and dst.isalpha():
                out.add((low[:k] + dst.lower() + low[k + 1 :])[:PREFIX_LEN])
    return tuple(sorted(out))


@lru_cache(maxsize=2048)
def _words(prefix: str, names: bool) -> str:
    """The listed words (and names) that start with ``prefix``, letters only, in sorted
    order, each ended by a newline: one string a prefix, not a tuple of strings (~57 bytes
    a word less; 676 prefixes hold ~23 MB as tuples: issue 14, session 42).

    >>> _words("zy", False).split()[:2]
    ['zycad', 'zych']
    """
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    lists = [table.word_list(), table.name_list()] if names else [table.word_list()]
    found = {
        w
        for wl in lists
        if hasattr(wl, "with_prefix")
        for w in wl.with_prefix(prefix)  # type: ignore[union-attr]
        if w.isalpha()
    }
    if WORDFREQ:
        found.update(_wordfreq_words(prefix))
    return "".join(w + "\n" for w in sorted(found))


def _wordfreq_words(prefix: str) -> list[str]:
    """wordfreq's forms that start with ``prefix``, letters only, of Zipf at least
    :data:`WORDFREQ_MIN_ZIPF` (the shipped sorted table searched in place)."""
    from repair.resources import frequency

    table = frequency._table()
    lines = getattr(table, "_lines", None)
    if lines is None:
        return []
    out = []
    for key, bucket in lines.with_prefix(prefix.encode("utf-8")):
        if frequency._bucket_zipf(int(bucket)) >= WORDFREQ_MIN_ZIPF:
            word = key.decode("utf-8")
            if word.isalpha():
                out.append(word)
    return out


def _near(low: str, prefixes: tuple[str, ...], names: bool) -> PrefixIndex | None:
    """A prefix index of the pool words (:func:`_words` of ``prefixes``, of the token's
    length +- :data:`LEN_SLACK`) within :data:`NEAR_SHARE` of its length in plain edits,
    the :data:`NEAR_LIMIT` nearest: a cheap filter before the learned walk."""

    size = len(low)
    pool = [
        w for p in prefixes for w in _words(p, names).split() if abs(len(w) - size) <= LEN_SLACK
    ]
    if not pool:
        return None
    cut = max(2, int(size * NEAR_SHARE))
    near = ocr_nearpool.extract(low, pool, cut, NEAR_LIMIT)
    return prefixes_of(sorted({w for w, _d, _k in near})) if near else None
