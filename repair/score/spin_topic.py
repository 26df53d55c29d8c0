"""Document topic: does a word fit the document's other content words?

The trigram LM reads two words either side.  A thesaurus spinner swaps a word without
reading the document, so the author's own word fits the rest of the document (its
topic) better than the synonym written in its place.  :func:`topic_gain` measures that
with a table of pointwise mutual information between content words
(``lexicons/spin_topic.bin``, built by ``scripts/build_spin_topic.py`` from WordNet
glosses and a Wikipedia sample; none of the evaluation texts is in it):

    fit(w) = mean over the other content-word keys k near the word of PMI(w, k)

(PMI under :data:`MIN_PMI` counts as 0), and ``topic_gain = fit(original) - fit(written)``.
The table is read only when a decision asks for it (:mod:`repair.stages.spin`: words
just under the bar in documents whose gate is open), never for clean text whose gate
stays shut.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.lexicons import lexicon_path
from repair.resources.bigrams import Bigrams

LEXICON = "spin_topic.bin"
#: Pairs under this PMI (nats) are not in the table (the build's cut).
MIN_PMI = 2.0
#: The topic is read from this many words either side of the word (a news article is
#: 300-1,000 words: about its whole text; the cost per word stays bounded in a long one).
WINDOW = 150
#: id(document) -> (weak reference, word starts, content keys, its topic gains by
#: (written, original, start), [its keys the table stores] once read, the written word's
#: own fit by (written, start) (:data:`BASE_FIT_MEMO`)): one document at a time.
_keys: dict[int, tuple] = {}
#: A several-word candidate's fit (:func:`_fit_stored`) reads only the context keys the
#: table stores, and only its words the table stores, instead of every context key through
#: the :func:`_pmi` memo: a key the table does not store is in no stored pair, so each
#: value left out was 0.0 (a max over zeros, or a zero under a max of stored PMIs, which
#: are never negative) and a sum of stored PMIs (eighths) is exact in any order: the same
#: float.  Spinbot-spun 100 k words: several-word fits ~1.6 % of the run (``_tie_picked``'s
#: topic reads, phrase originals); its recorded topic calls ask ``_pmi`` 390,512 -> 349,551
#: times, every result identical.  Session 62, speedspin (benchmarks/RESULTS.md).  False:
#: :func:`fit` over every context key.
STORED_MANY = True
#: :func:`row_topic_gains` keeps the written word's own fit against its context (without
#: its own keys) per (written, start) for the document: a row is read again with other
#: originals by later readings (spinbot-spun 100 k words: 22,493 row reads of 14,125
#: (written, start)), and that fit is a function of the document, the written word and the
#: start alone (exact: the same call on the same sets): fits 150,814 -> 145,092, pairs hashed
#: 16.23 M -> 15.62 M there.  Session 62, speedspin.  False: once per :func:`row_topic_gains`
#: call.
BASE_FIT_MEMO = True


def key(word: str) -> str:
    """A content word's key: lower case, possessive and a few inflection suffixes cut
    ("policies" -> "policy", "rules" -> "rule", "ruling" -> "rul", "ruled" -> "rul"); the
    same function builds the table."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    n = len(w)
    if n > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if n > 5 and w.endswith("sses"):
        return w[:-2]
    if n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    if n > 5 and w.endswith("ing"):
        return w[:-3]
    if n > 4 and w.endswith("ed"):
        return w[:-2]
    return w


def content_keys(words: Iterable[str]) -> set[str]:
    """The keys of the content words among ``words`` (letters, 3+ long, not stopwords)."""
    out = set()
    for w in words:
        low = w.lower()
        if len(low) >= 3 and low.isalpha() and low not in STOPWORDS:
            out.add(key(low))
    return out


@lru_cache(maxsize=1)
def get_table() -> Bigrams:
    """The PMI table (read once per process, on first use)."""
    return Bigrams(lexicon_path(LEXICON).read_bytes())


def _doc_entry(doc: Document) -> tuple:
    """``doc``'s entry of :data:`_keys` (built on its first read)."""
    got = _keys.get(id(doc))
    if got is None or got[0]() is not doc:
        _keys.clear()
        starts, keys = [], []
        for t in doc.words:
            low = t.text.lower()
            starts.append(t.start)
            ok = len(low) >= 3 and low.isalpha() and low not in STOPWORDS
            keys.append(key(low) if ok else None)
        got = (weakref.ref(doc, lambda _r: _keys.clear()), starts, keys, {}, [], {})
        _keys[id(doc)] = got
    return got


def _doc_keys(doc: Document) -> tuple[list[int], list[str | None]]:
    """(start of each word of ``doc``, its content key or None), built once per document."""
    got = _doc_entry(doc)
    return got[1], got[2]


def context_keys(doc: Document, start: int, window: int = WINDOW) -> set[str]:
    """The content keys of the ``window`` words either side of offset ``start``."""
    starts, keys = _doc_keys(doc)
    i = bisect_left(starts, start)
    return {k for k in keys[max(0, i - window) : i + window + 1] if k is not None}


@lru_cache(maxsize=200_000)
def _pmi(a: str, b: str) -> float:
    if a > b:
        a, b = b, a
    v = get_table().log_count(f"{a} {b}")
    return 0.0 if v is None else v


@lru_cache(maxsize=65_536)
def _mine(word: str) -> tuple[str, ...]:
    """The keys of ``word``'s content words (its own key when it has none); remembered
    (the topic pick asks for each candidate's at every row that reads it)."""
    return tuple([key(w) for w in word.lower().split() if w not in STOPWORDS] or [key(word)])


@lru_cache(maxsize=65_536)
def _own(word: str) -> frozenset[str]:
    """The keys of all of ``word``'s words (what :func:`row_topic_gains` leaves out of the
    context), remembered as :func:`_mine`."""
    return frozenset([key(w) for w in word.lower().split()])


def fit(word: str, context: Iterable[str]) -> float:
    """Mean PMI of ``word`` (one or more words: the best of its content words) with the
    keys of ``context``."""
    mine = _mine(word)
    if len(mine) == 1:  # one word (the usual case): the same values without a max per key
        # _pmi(m, k) of each key but m's own (0.0), summed in one call: ~70 pairs a word,
        # most read once per document (an lru cache of pairs costs more than it saves); a stored
        # PMI is a count in eighths, so the sum is exact in any order and the mean the same
        m = mine[0]
        keys = context if isinstance(context, (set, frozenset, list, tuple)) else list(context)
        return get_table().pair_sum(m, keys) / len(keys) if keys else 0.0
    else:
        vals = [max((_pmi(m, k) for m in mine if m != k), default=0.0) for k in context]
    return sum(vals) / len(vals) if vals else 0.0


def topic_gain(doc: Document, written: str, original: str, start: int = 0) -> float:
    """How much better ``original`` fits the document's other content words than
    ``written`` at offset ``start`` (mean PMI, nats; both measured against the same keys:
    the content words of the :data:`WINDOW` words either side, without either word's own).

    Remembered per document (:func:`_topic_gain` once per (written, original, start): the
    stage's topic, open-policy and stack rules ask for the same row, ~17 % of the calls on
    rare- and double-spun text)."""
    gains = _doc_entry(doc)[3]
    k = (written, original, start)
    got = gains.get(k)
    if got is None:
        got = gains[k] = _topic_gain(doc, written, original, start)
    return got


def _topic_gain(doc: Document, written: str, original: str, start: int) -> float:
    """:func:`topic_gain` computed (not remembered)."""
    own = {key(w) for w in (*written.lower().split(), *original.lower().split())}
    context = context_keys(doc, start) - own
    stored = context & _doc_stored(doc)
    return _fit_stored(original, context, stored) - _fit_stored(written, context, stored)


@lru_cache(maxsize=100_000)
def _in_table(k: str) -> bool:
    """Whether the table stores key ``k`` (as a word): the build stores the count of
    every key of a kept pair and of no other (``scripts/build_spin_topic.py``), so a key
    it does not store is in no stored pair."""
    return get_table().log_count(k) is not None


def _doc_stored(doc: Document) -> set[str]:
    """The content keys of ``doc`` that the table stores (:func:`_in_table`), once per
    document."""
    memo = _doc_entry(doc)[4]
    if not memo:
        memo.append({k for k in set(_doc_keys(doc)[1]) if k is not None and _in_table(k)})
    return memo[0]


def _fit_stored(word: str, context: set[str], stored: set[str]) -> float:
    """:func:`fit` of ``word`` against ``context`` given ``stored``, the keys of
    ``context`` the table stores: a one-word ``word`` reads only those pairs (and none
    when the table does not store its own key): a key it does not store is in no stored
    pair, each such pair reads 0.0 in :func:`fit`, and a sum of stored PMIs (eighths) is
    exact in any order, so the mean is the same float.  Several words: :func:`fit`."""
    mine = _mine(word)
    if len(mine) != 1:
        if STORED_MANY:
            return _fit_many(mine, context, stored)
        return fit(word, context)
    if not context:
        return 0.0
    m = mine[0]
    if not _in_table(m):
        return 0.0
    # the pairs "m k" / "k m" built, hashed and summed in one call (Bigrams.pair_sum)
    return get_table().pair_sum(m, stored) / len(context)


def _fit_many(mine: tuple[str, ...], context: set[str], stored: set[str]) -> float:
    """:func:`fit` of a several-word candidate whose keys are ``mine`` against ``context``,
    read over ``stored`` (the keys of ``context`` the table stores) and the keys of ``mine``
    the table stores alone (:data:`STORED_MANY`): the same float."""
    if not context:
        return 0.0
    kept = [m for m in mine if _in_table(m)]
    if not kept:
        return 0.0
    vals = [max((_pmi(m, k) for m in kept if m != k), default=0.0) for k in stored]
    return sum(vals) / len(context)


def row_topic_gains(
    doc: Document, written: str, originals: Sequence[str], start: int = 0
) -> list[float]:
    """:func:`topic_gain` of each of ``originals`` for one written word (the same floats),
    with the word's context keys, their stored part and the written word's own fit read
    once for the row instead of once per original (remembered as :func:`topic_gain`
    remembers them).  A row whose gains are all remembered builds no context (the
    stage's topic, open-policy and stack rules ask for the same rows)."""
    entry = _doc_entry(doc)
    gains = entry[3]
    out = [gains.get((written, original, start)) for original in originals]
    if None not in out:
        return out  # type: ignore[return-value]
    ctx = context_keys(doc, start)
    stored_ctx = ctx & _doc_stored(doc)
    wk = _own(written)
    base_ctx, base_stored = ctx - wk, stored_ctx - wk
    base_fits = entry[5] if BASE_FIT_MEMO else {}
    base_fit: float | None = base_fits.get((written, start))
    for i, original in enumerate(originals):
        got = out[i]
        if got is None:
            k = (written, original, start)
            ok = _own(original)
            if ok & base_ctx:
                context, stored = base_ctx - ok, base_stored - ok
                own_fit = _fit_stored(written, context, stored)
            else:
                context, stored = base_ctx, base_stored
                if base_fit is None:
                    base_fit = base_fits[(written, start)] = _fit_stored(written, context, stored)
                own_fit = base_fit
            out[i] = gains[k] = _fit_stored(original, context, stored) - own_fit
    return out  # type: ignore[return-value]
