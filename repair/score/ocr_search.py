"""A wider search of the OCR channel: words several glyph errors away from a token.

:func:`repair.score.ocr_channel.confusion_variants` by default follows at most three
learned confusions within 7.5 nats, which keeps every page cheap.  Heavily garbled
newspaper words carry more: "atlcndanco" (attendance: l/t, c/e, o/e), "imprlsonraont"
(imprisonment: l/i, ra/m, o/e), "licutouaiit" (lieutenant).  :func:`wide_candidates`
walks the same learned table with

* a cost bound that grows with the token's length (a long word carries more errors:
  :func:`cost_bound`), and
* up to :data:`MAX_SUBS` learned confusions,

pruned by a prefix index of the vocabulary (a branch stops as soon as what it built is
no word's prefix).  With ``names`` a capitalised token also reaches the names of the
period name list (:meth:`repair.score.ngrams.NgramTable.is_name`): "Balgownio" ->
"Balgownie", "Pittwator" -> "Pittwater".

A token with no common reading (Zipf >= 4) within the bound is also read by
:func:`repair.score.ocr_deep.deep_candidates`: common words only, a few nats further
("picscnr" -> "present", "svrnptthj" -> "sympathy"); ``ocr_deep.DEEP`` switches it off.

Edits the table never saw (a lost letter, an unlisted substitution) were tried as
generic edits priced by their learned rate: on the SMH dev half they added nothing
over the wider table search and cost twice the time, so they are not searched.  A lost
letter is read through learned context rows instead ("w" -> "wr": "Lawence" ->
"Lawrence"), the walk's own rows within its bounds
(:data:`repair.score.ocr_channel.INDEL_ROWS`).

Only the candidate builder of garbled documents calls this (the gate is open), so
clean text never pays for it; results are cached per token.

>>> [c.text for c in wide_candidates("atlcndanco")[:1]]
['attendance']
>>> [c.text for c in wide_candidates("Pittwator", names=True)[:1]]
['Pittwater']
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score import ocr_deep
from repair.score.ocr_channel import (
    Correction,
    PrefixIndex,
    confusion_variants,
    confusion_variants_pair,
    is_target,
    prefixes_of,
    read_as,
    vocabulary,
)

#: Most learned confusions applied to one token.
MAX_SUBS = 5
#: Cost bound (nats): BASE_COST plus COST_PER_CHAR for each character beyond
#: FREE_CHARS, capped at CAP_COST.  SMH dev (WER change, ocr stage CPU): the default
#: search -26.9 %, 2.8 s; 9 / 0 / 9 nats -27.3 %, 4.1 s; 10 / 0.8 / 11 -27.4 %, 4.4 s.
BASE_COST = 9.0
COST_PER_CHAR = 0.5
FREE_CHARS = 5
CAP_COST = 10.0
#: Tokens longer than this get no wide search (garbage runs).
MAX_LEN = 20
#: A name target is at least this long (short names collide with garble: "Ho", "Tho").
NAME_MIN_LEN = 4

Variants = dict[str, tuple[float, tuple[tuple[str, str], ...]]]


def cost_bound(token: str) -> float:
    """How far (nats) a reading of ``token`` may be."""
    return min(CAP_COST, BASE_COST + COST_PER_CHAR * max(0, len(token) - FREE_CHARS))


@lru_cache(maxsize=1)
def _word_prefixes() -> PrefixIndex:
    """The prefixes the wide search of words walks: those of the target words
    (:func:`repair.score.ocr_channel.target_prefixes`; it keeps target words only), the
    dictionary's prefix set loaded first."""
    from repair.score.ocr_channel import target_part

    return target_part()  # a garbled page's wide search: read the part now


@lru_cache(maxsize=1)
def name_prefixes() -> PrefixIndex:
    """The prefixes a search that keeps targets and names (:func:`_target` with ``names``)
    walks (lower case): those of the target words (the target part,
    :func:`_word_prefixes`), of the period names of :data:`NAME_MIN_LEN` letters or more,
    and of the dictionary's words with an apostrophe that :func:`is_name` reads as a
    name's possessive (:func:`_name_forms`).

    Exact (issue 14, session 17), as :func:`repair.score.ocr_channel.target_prefixes`: a
    kept reading is a target word, all of whose prefixes are in the target part, or a
    name (:meth:`repair.score.ngrams.NgramTable.is_name`), whose lowered text, where the
    dictionary's prefix set let its branch live, is an ASCII dictionary prefix: without an
    apostrophe it is the name itself (a listed name, its prefixes here), with one it is
    one of :func:`_name_forms`.  The dictionary's other prefixes (~58 k, no prefix of a
    target or a name) only made branches that end in no kept reading, and the full
    dictionary set is not held for this walk."""
    from repair.score import ngrams
    from repair.score.ocr_fixedlists import joined_prefixes

    table = ngrams.get_ngrams()
    words = _word_prefixes().all_prefixes()

    def more() -> tuple[Iterable[str], Iterable[str]]:
        names = [w for w in table.names() if len(w) >= NAME_MIN_LEN]
        return (
            (n.lower()[:i] for n in names for i in range(len(n) + 1)),
            (w[:i] for w in _name_forms() for i in range(len(w) + 1)),
        )

    listed = table._list_paths.get("names")
    sources = None
    if listed is not None:  # a fixed set: its trie's tables are kept in the user's cache
        from repair.score.ocr_channel import _target_sources

        files = [__file__, ngrams.__file__, str(table.path), str(listed)]
        sources = [*_target_sources(), *files]
    # every prefix: one set look-up per test (no sorted word list is kept: ~8 MB); the
    # names' prefixes read from the user's cache (issue 14, session 23)
    index = prefixes_of(())
    index.full = joined_prefixes(words, more, "names", sources)
    if sources is not None:
        index.trie_cache = ("names", sources)
    return index


def _name_forms() -> list[str]:
    """The dictionary's words with an apostrophe (~65: "he's", "o'clock") whose prefixes
    :func:`is_name` reads as a name ("X's" for a listed "X"), and so may end a kept reading
    of :func:`name_prefixes`' walk.  Words without an apostrophe are no such case: a
    lower-case ASCII string is a name only when it is listed (its prefixes are there)."""
    return [
        w
        for w in vocabulary()
        if "'" in w
        and any(len(w[:i]) >= NAME_MIN_LEN and is_name(w[:i]) for i in range(len(w) + 1))
    ]


def _target(variant: str, names: bool) -> bool:
    """Whether the search may produce ``variant``: a dictionary target, or a name."""
    if len(variant) < 2 or not variant[1:].islower():
        return False
    if is_target(variant):
        return True
    return names and len(variant) >= NAME_MIN_LEN and is_name(variant)


def is_name(word: str) -> bool:
    """Whether ``word`` is a name of the period name list."""
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(word)


@lru_cache(maxsize=16_384)  # replay of 1 M OCR words: 0.8 % of its hits lost, ~9 MB less
def wide_candidates(token: str, names: bool = False) -> tuple[Correction, ...]:
    """Words (and with ``names``, period names) ``token`` may be a heavy misreading of,
    cheapest first.  Casing follows the token (all capitals stay all capitals); a
    reading is ``listed`` (always: only learned confusions are searched)."""
    given = getattr(_walk, "variants", None)
    if given is _PROBE:
        raise _NotCached  # nothing is cached for an exception
    if len(token) > MAX_LEN or len(token) < 2:
        return ()
    upper = token.isupper()
    base = token.lower() if upper else token
    if given is not None:
        variants = given  # the walk :func:`wide_and_doc` just made for this token
    else:
        prefixes = name_prefixes() if names else _word_prefixes()
        variants = confusion_variants(base, prefixes, cost_bound(token), MAX_SUBS)
    found: dict[str, Correction] = {}
    for variant, (cost, subs) in variants.items():
        if not _target(variant, names):
            continue
        name = not is_target(variant)
        text = read_as(token, variant, upper)
        if name and not text[:1].isupper():
            continue  # a name reading keeps its capital
        low = variant.lower()
        old = found.get(low)
        if old is None or cost < old.cost:
            found[low] = Correction(sys.intern(text), cost, subs, True)  # shared, issue 14
    ranked = sorted(found.values(), key=lambda c: (c.cost, -zipf(c.text.lower())))
    if ocr_deep.DEEP and not any(zipf(c.text.lower()) >= ocr_deep.TARGET_ZIPF for c in ranked):
        # no common reading within the bound: common words a few nats further
        deep = ocr_deep.deep_candidates(token, cost_bound(token), MAX_SUBS)
        ranked += [c for c in deep if c.text.lower() not in found]
    return tuple(ranked)


#: Per thread: what :func:`wide_candidates` walks on a cache miss (``None``: the
#: dictionary; a dict: these variants; ``_PROBE``: nothing, it raises ``_NotCached``).
_walk = threading.local()
_PROBE: Variants = {}


class _NotCached(Exception):
    """:func:`wide_candidates` has no answer cached for a probed token."""


def wide_and_doc(
    token: str, doc: PrefixIndex, names: bool = False
) -> tuple[tuple[Correction, ...], Variants]:
    """``(wide_candidates(token, names), confusion_variants(token, doc, cost_bound(token),
    MAX_SUBS))``: the wide readings of a heavily garbled page's token and its variants
    among the page's own words (``doc``, lower case).  Both searches have the same
    bounds, so when the wide readings are not cached yet one walk over both indexes
    (:func:`repair.score.ocr_channel.confusion_variants_pair`) gives both, exactly."""
    bound = cost_bound(token)

    def wide() -> tuple[Correction, ...]:
        # called as the other callers call it: the cache keys by the arguments as given
        return wide_candidates(token, names=True) if names else wide_candidates(token)

    if len(token) > MAX_LEN or len(token) < 2 or token.isupper():
        return wide(), confusion_variants(token, doc, bound, MAX_SUBS)
    _walk.variants = _PROBE
    try:
        cached: tuple[Correction, ...] | None = wide()
    except _NotCached:
        cached = None
    finally:
        _walk.variants = None
    if cached is not None:
        return cached, confusion_variants(token, doc, bound, MAX_SUBS)
    index = name_prefixes() if names else _word_prefixes()
    found, in_doc = confusion_variants_pair(token, index, doc, bound, MAX_SUBS)
    _walk.variants = found
    try:
        readings = wide()
    finally:
        _walk.variants = None
    return readings, in_doc
