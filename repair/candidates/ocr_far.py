"""Far readings: words several glyph errors away that the confusion search cannot reach.

The learned confusion search (:func:`repair.score.ocr_channel.confusion_variants`, and
its wider twin :mod:`repair.score.ocr_search` in heavily garbled pages) only follows
confusions the table lists, within a cost bound.  On the SMH dev half three in four of
the garbled tokens OverProof repairs and we miss never had the gold word among their
candidates: "conllnuid" (continued: l/t, i/e), "Ijondon" (London), "Rxpedition",
"Cmincil" (Council), "Mmtland" (Maitland) carry an error the table never saw or more
errors than the bound allows.

This module turns the search around: it *retrieves* the common words of about the
token's length within a small plain edit distance (rapidfuzz's Levenshtein over a
length-bucketed word list, :data:`MAX_DISTANCE`) and *prices* each with the learned
channel (:func:`repair.score.ocr_price.channel_cost`: table rows where they apply,
generic edits elsewhere).  The cheapest few go to the usual two-sided language-model
scorer, with the heavy-page margin.

Only a non-word of a heavily garbled page (the caller checks) that the page prints once,
that neither the period vocabulary nor the name list knows and that no candidate reads
cheaply (:data:`GATE_COST`) is searched, so clean text and lightly garbled books never
pay for it; results are cached per token.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.score.ocr_channel import (
    Correction,
    archaic_form,
    is_known,
    is_target,
    split_candidates,
    vocabulary,
)
from repair.score.ocr_price import channel_cost_upto

#: Readings are words at least this common (Zipf).
TARGET_ZIPF = 3.0
#: Plain edit distance (letters) of the retrieval: tokens up to SHORT_LEN letters ...
SHORT_LEN = 5
SHORT_DISTANCE = 2
#: ... and longer ones.
MAX_DISTANCE = 3
#: Length difference between the token and a reading.
MAX_LEN_DIFF = 1
#: Capitalised tokens are searched too.
CAPITALS = False
#: Lower-case words with capitals inside ("strvOt") of this length or more are searched.
INNER_CAPITALS = True
INNER_MIN_LEN = 5
#: Shortest token searched.
MIN_LEN = 4
#: Longest token searched (garbage runs).
MAX_LEN = 20
#: Only words sharing the token's first or last letter are retrieved.
ANCHORED = True
#: Retrieved words priced (closest first, then commonest).
MAX_PRICED = 8
#: Readings kept (cheapest first) ...
MAX_READINGS = 2
#: ... each at most this expensive (nats): a fixed part and a part per letter.
BASE_COST = 6.0
COST_PER_CHAR = 0.6
#: The token is searched only when no candidate it has costs less than this (nats).
GATE_COST = 3.0


@lru_cache(maxsize=1)
def _by_length() -> dict[int, list[str]]:
    """The target words (lower case, letters only, Zipf >= TARGET_ZIPF) by length, built
    once (~0.7 s) and then read from the per-user cache."""
    from repair.resources.cache import disk_cached
    from repair.score.ocr_channel import _target_sources

    key = f"ocr-far-words-{TARGET_ZIPF}"
    return disk_cached(key, [*_target_sources(), __file__], _build_by_length, dict)


def _build_by_length() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for w in vocabulary():
        if w.isalpha() and zipf(w) >= TARGET_ZIPF and is_target(w):
            out.setdefault(len(w), []).append(w)
    return out


@lru_cache(maxsize=64)
def _near_lengths(n: int) -> list[str]:
    words = _by_length()
    return [w for k in range(n - MAX_LEN_DIFF, n + MAX_LEN_DIFF + 1) for w in words.get(k, ())]


@lru_cache(maxsize=1)
def _ends() -> dict[tuple[int, str, str], list[str]]:
    """The target words by (length, "first" or "last", letter)."""
    out: dict[tuple[int, str, str], list[str]] = {}
    for n, words in _by_length().items():
        for w in words:
            out.setdefault((n, "first", w[0]), []).append(w)
            out.setdefault((n, "last", w[-1]), []).append(w)
    return out


def _anchored(n: int, first: str, last: str) -> list[str]:
    """Words of about length ``n`` that begin with ``first`` or end with ``last``: a
    misreading seldom garbles both ends of a word, and the list is ~10x shorter."""
    ends = _ends()
    out: list[str] = []
    for k in range(n - MAX_LEN_DIFF, n + MAX_LEN_DIFF + 1):
        out += ends.get((k, "first", first), ())
        out += last_not_first(ends, k, last, first)
    return out


#: Switch: :func:`last_not_first` remembers its lists (issue 14, session 40: the filter
#: was ~2 % of 100 k OCR words, each list asked for again and again); off, filtered at
#: every call.
LAST_NOT_FIRST_MEMO = True
#: Lists kept (~50 words each on average; ~900 bytes an entry).  Session 53 (ocrmemo): the
#: 100 k-word OCR speed text asks 4.9 k distinct (15.5 k calls; misses 7.1 k at 2,048, 5.0 k
#: at 4,096); +1.8 MB once full; kept at 2,048 by the lead: memory for ~1 % CPU.
LAST_NOT_FIRST_CACHE = 2_048
_last_not_first_of: list[object] = [None]  # the ``ends`` the memo was filled from


def last_not_first(
    ends: dict[tuple[int, str, str], list[str]], k: int, last: str, first: str
) -> list[str] | tuple[str, ...]:
    """``[w for w in ends[(k, "last", last)] if w[0] != first]`` (in that order; empty
    when the key is absent): the words of ``k`` letters ending in ``last`` that the
    ``(k, "first", first)`` list does not hold already.  ``ends`` is :func:`_ends`' dict
    (or :func:`_ends` itself); the answers are remembered for it."""
    if not LAST_NOT_FIRST_MEMO or ends is not _ends():
        return [w for w in ends.get((k, "last", last), ()) if w[0] != first]
    if _last_not_first_of[0] is not ends:  # the loader was reset: so is the memo
        _last_not_first.cache_clear()
        _firsts.cache_clear()
        _last_not_first_of[0] = ends
    return _last_not_first(k, last, first)


#: Speed only, exact (issue 14, session 65 speedjoin): a miss of :func:`_last_not_first`
#: cuts the list at the few words that begin with ``first`` (found by ``str.find`` in a
#: string of the list's first letters, made once a list) and joins the slices between them,
#: in order, instead of testing every word in Python (~600 k tests for the 100 k-word OCR
#: speed text's heavy join alone).  The same tuples (every list and letter checked).  That text's
#: ``_anchored`` calls (11.6 k) 0.17-0.19 -> 0.14-0.15 s in a whole run, +~0.5 MB for the
#: first-letter strings and tuples (benchmarks/RESULTS.md, session 65, speedjoin).
FIRST_LETTER_CUTS = True


@lru_cache(maxsize=1)
def _firsts() -> dict[tuple[int, str], tuple[tuple[str, ...], str]]:
    """``(k, last)``: the ``(k, "last", last)`` list of :func:`_ends` as a tuple and the
    string of its words' first letters."""
    return {
        (k, last): (tuple(words), "".join(w[0] for w in words))
        for (k, end, last), words in _ends().items()
        if end == "last"
    }


@lru_cache(maxsize=LAST_NOT_FIRST_CACHE)
def _last_not_first(k: int, last: str, first: str) -> tuple[str, ...]:
    if not FIRST_LETTER_CUTS:
        return tuple(w for w in _ends().get((k, "last", last), ()) if w[0] != first)
    got = _firsts().get((k, last))
    if got is None:
        return ()
    words, heads = got
    at = heads.find(first)
    if at < 0:
        return words
    out: list[str] = []
    pos = 0
    while at >= 0:
        out += words[pos:at]
        pos = at + 1
        at = heads.find(first, pos)
    out += words[pos:]
    return tuple(out)


def far_applies(
    token: str,
    counts: Mapping[str, int],
    period_word: bool,
    inner: bool = False,
    capitals: bool | None = None,
) -> bool:
    """Whether ``token`` (a non-word finding of a heavily garbled page) is searched: letters
    only, printed once, no period word, no listed name, not printed elsewhere as a name.
    With ``inner`` (an ``inner_capital`` finding) a lower-case word with capitals inside
    ("strvOt", "cltrUB") is searched too; ``capitals`` overrides :data:`CAPITALS`."""
    if not (MIN_LEN <= len(token) <= MAX_LEN) or not token.isalpha():
        return False
    mixed = inner and INNER_CAPITALS and token[:1].islower() and len(token) >= INNER_MIN_LEN
    if token.isupper() or not (token[1:].islower() or mixed):
        return False  # capitals and mixed forms: acronyms, headings, "McLeod"
    if not (CAPITALS if capitals is None else capitals) and not token[:1].islower():
        return False  # a capitalised non-word printed once is often a name ("Jinping")
    if split_candidates(token) or (token[-1] == "a" and is_target(token[:-1])):
        return False  # merged words ("expecteda" is "expected a"): not one misreading
    if counts.get(token, 0) >= 2 or period_word or is_known(token):
        return False
    if token.islower() and (counts.get(token.capitalize(), 0) or archaic_form(token)):
        return False  # printed capitalised elsewhere: a name; or an old spelling
    from repair.score.ngrams import get_ngrams

    return not get_ngrams().is_name(token)


def bound(token: str) -> float:
    """Most a far reading of ``token`` may cost (nats)."""
    return BASE_COST + COST_PER_CHAR * len(token)


# replay of the 5 MB OCR file (benchmarks/cache_replay.py): 20,000 -> 4,096 loses 5.3 k of 11.7 k
# hits at ~140 us a miss (+0.7 s of 130 s), ~3.9 MB less once full (issue 14)
@lru_cache(maxsize=4_096)
def far_readings(token: str) -> tuple[Correction, ...]:
    """Common words ``token`` may be a heavy misreading of, cheapest first (lower case;
    the caller sets the case).  ``listed`` is False: generic edits may be part of it."""
    if not (MIN_LEN <= len(token) <= MAX_LEN) or not token.isalpha():
        return ()

    low = token.lower()
    cutoff = SHORT_DISTANCE if len(token) <= SHORT_LEN else MAX_DISTANCE
    words = _anchored(len(low), low[0], low[-1]) if ANCHORED else _near_lengths(len(low))
    hits = ocr_nearpool.extract(low, words, cutoff, None)
    if len(hits) > MAX_PRICED:
        # only the MAX_PRICED closest are priced: words further than the MAX_PRICED-th
        # closest distance sort after all of them, so they need no frequency look-up
        # (the order of the rest, ties included, is the full sort's)
        near = sorted(h[1] for h in hits)[MAX_PRICED - 1]
        hits = [h for h in hits if h[1] <= near]
    hits.sort(key=lambda h: (h[1], -zipf(h[0])))
    limit = bound(token)
    priced = []
    for word, _dist, _k in hits[:MAX_PRICED]:
        if word == low:
            continue
        cost = channel_cost_upto(token, word, limit)  # the cost when at most ``limit``
        if cost <= limit:
            priced.append(Correction(word, round(cost, 3), ((token, word),), False))
    priced.sort(key=lambda c: (c.cost, -zipf(c.text)))
    return tuple(priced[:MAX_READINGS])
