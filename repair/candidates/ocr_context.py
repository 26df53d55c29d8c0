"""Readings proposed by the context: the words the language model expects between a
garbled word's neighbours, priced by the learned channel.

The walks start from the printed glyphs, so a word garbled three or more glyphs deep
("cipcctcd" for "expected") or misread as another word ("bad" for "had") is reached
only when its glyphs lead there.  The context proposes from the other side: the words
the period bigram table (:mod:`repair.score.ngrams`) saw after the left neighbour or
before the right one, of about the token's length and sharing most of its letters,
each priced by the channel (:func:`repair.score.ocr_price.channel_cost`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score import ocr_nearpool
from repair.types import Candidate, Token


def neighbours(toks: Sequence[Token], i: int) -> tuple[list[str], str | None]:
    """Up to two words before token ``i`` (reading order) and the word after it, each
    only when nothing but spaces stands between (a mark or a number ends the context)."""
    after = words_after(toks, i, 1)
    return words_before(toks, i, 2), after[0] if after else None


def words_before(
    toks: Sequence[Token], i: int, n: int, read: Mapping[int, str] | None = None
) -> list[str]:
    """Up to ``n`` words before token ``i`` in reading order, only spaces between (a mark,
    a number or a paragraph break ends them); each as ``read`` (by start offset) has it."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < n:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                break
        elif t.kind == "word":
            out.insert(0, read.get(t.start, t.text) if read else t.text)
        else:
            break
        j -= 1
    return out


def words_after(
    toks: Sequence[Token], i: int, n: int, read: Mapping[int, str] | None = None
) -> list[str]:
    """Up to ``n`` words after token ``i``, only spaces between (a mark, a number or a
    paragraph break ends them); each as ``read`` (by start offset) has it."""
    out: list[str] = []
    j = i + 1
    while j < len(toks) and len(out) < n:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                break
        elif t.kind == "word":
            out.append(read.get(t.start, t.text) if read else t.text)
        else:
            break
        j += 1
    return out


@lru_cache(maxsize=1)
def _preceders() -> dict[int, tuple[int, ...]]:
    """The period table's bigrams reversed: ``{word id: ids seen before it}``."""
    from repair.score.ngrams import get_ngrams

    t = get_ngrams()
    off, nxt = t._off, t._next
    out: dict[int, list[int]] = {}
    for a in range(t.size):
        for j in range(off[a], off[a + 1]):
            out.setdefault(nxt[j], []).append(a)
    return {b: tuple(v) for b, v in out.items()}


def context_words(left: str | None, right: str | None) -> list[str]:
    """The words the period table saw after ``left`` or before ``right`` (lower case,
    letters only, each once)."""
    from repair.score.ngrams import get_ngrams, norm

    t = get_ngrams()
    ids: set[int] = set()
    if left is not None:
        a = t.word_id(norm(left))
        if a >= 0:
            ids.update(t._next[t._off[a] : t._off[a + 1]])
    if right is not None:
        b = t.word_id(norm(right))
        if b >= 0:
            ids.update(_preceders().get(b, ()))
    words = (t._word(i).decode("utf-8") for i in ids)
    return sorted(w for w in words if w.isalpha())


def score_readings(
    token: str,
    words: Sequence[str],
    left: Sequence[str],
    right: str | None,
    channel: bool = True,
) -> list[tuple[float, str]]:
    """``words`` as readings of ``token``: two-sided context score (nats), less the
    channel's cost with ``channel``, best first."""
    from repair.score.ngrams import mixed_context_score
    from repair.score.ocr_price import channel_cost

    out = []
    for w in words:
        sc = mixed_context_score(list(left), w, right)
        if channel:
            sc -= channel_cost(token, w)
        out.append((sc, w))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


# -- the readings ---------------------------------------------------------------------

#: The readings are built (hook in the garbled-page block of
#: :meth:`repair.candidates.ocr._Generator.candidates`).
CONTEXT = True
#: A non-word other readings reached is read too, when the context's word is none of
#: theirs ("a nccting of the": "fleeting" was read, the context reads "meeting"), at its
#: channel cost (no :data:`COST_CAP`) plus :data:`OVER_EXTRA` (session 35).  OFF since the
#: lead's merge (issue 14's budget): on, SMH dev 4,639 -> 4,635 and test 5,555 -> 5,553
#: token errors, for +11 % CPU on the 100 k-word OCR speed text (`repair fix`: 8.6 ->
#: 10.1 s; main before session 35: 8.3 s).
OVER_READINGS = False
#: Nats added to such a reading's cost.
OVER_EXTRA = 0.0
#: ... read only when the cheapest of the other readings costs this much (nats) at least.
OVER_MIN_COST = 3.5
#: Letters a token has at least ...
MIN_LEN = 5
#: ... and at most.
MAX_LEN = 20
#: A reading this many letters shorter than the token ...
SHORTER = 3
#: ... or longer is retrieved.
LONGER = 2
#: Plain edit distance of the retrieval: this share of the token's letters.
DISTANCE_SHARE = 0.6
#: The channel prices every hit; this many of the cheapest are scored in context.
PRICED = 40
#: The best reading costs at most this many nats a printed letter ...
COST_PER_CHAR = 2.0
#: ... and leads the next by this many nats of context score less channel cost.
MARGIN = 3.0
#: Readings this many plain edits from the best or fewer are its variants
#: ("passengers", "passenger"): the best leads them by :data:`VARIANT_MARGIN` only ...
VARIANT_EDITS = 2
#: ... (a wrong variant keeps a letter or two wrong, not the word's seven).
VARIANT_MARGIN = 0.0
#: The cost the scorer sees is capped at this (nats).
COST_CAP = 3.0
#: Capitalised tokens are read too (a capitalised non-word printed once is often a name).
CAPITALS = False
#: Lower-case tokens with a capital inside (an ``inner_capital`` finding: "lenelrnliiiK",
#: "tfTirts") are read too, as the far search reads them, when this long (letters:
#: shorter ones are mostly specks glued to a piece, "lBffi»l«J", "llCll" for "tion").
INNER_CAPITALS = True
INNER_MIN_LEN = 7
#: The scorer's threshold (the far search's).
THRESHOLD = -3.0


#: Words at least this common (Zipf) are read to (the far search's list: 3.0).
POOL_ZIPF = 2.5


@lru_cache(maxsize=32)
def _pool(n: int) -> tuple[str, ...]:
    """The common words (:data:`POOL_ZIPF`) of lengths ``n - SHORTER`` to ``n + LONGER``."""
    words = _by_length(POOL_ZIPF)
    return tuple(w for k in range(n - SHORTER, n + LONGER + 1) for w in words.get(k, ()))


@lru_cache(maxsize=2)
def _by_length(min_zipf: float) -> dict[int, list[str]]:
    """The far search's target words of Zipf ``min_zipf`` or more, by length."""
    from repair.candidates import ocr_far

    if min_zipf >= ocr_far.TARGET_ZIPF:
        return {k: [w for w in ws if zipf(w) >= min_zipf] for k, ws in ocr_far._by_length().items()}
    from repair.resources.cache import disk_cached
    from repair.score.ocr_channel import _target_sources

    return disk_cached(
        f"ocr-context-words-{min_zipf}",
        [*_target_sources(), __file__],
        lambda: _build_by_length(min_zipf),
        dict,
    )


def _build_by_length(min_zipf: float) -> dict[int, list[str]]:
    from repair.score.ocr_channel import is_target, vocabulary

    out: dict[int, list[str]] = {}
    for w in vocabulary():
        if w.isalpha() and zipf(w) >= min_zipf and is_target(w):
            out.setdefault(len(w), []).append(w)
    return out


@lru_cache(maxsize=4096)
def cheapest_readings(token: str) -> tuple[tuple[float, str], ...]:
    """The :data:`PRICED` cheapest ``(channel cost, word)`` readings of ``token`` among the
    common words near it, sorted by (cost, word): priced nearest first, each price cut
    short (:func:`repair.score.ocr_price.channel_cost_upto`) once the word cannot enter
    them; one pricing per token, whatever its neighbours."""
    from bisect import insort

    from repair.score.ocr_price import SLACK, channel_cost_upto

    low = token.lower()
    n = len(low)
    cutoff = max(2, int(n * DISTANCE_SHARE + 0.5))
    hits = ocr_nearpool.extract(low, _pool(n), cutoff, None)
    best: list[tuple[float, str]] = []
    for w, _d, _k in hits:
        if w == low:
            continue
        limit = best[-1][0] + SLACK if len(best) >= PRICED else float("inf")
        cost = channel_cost_upto(token, w, limit)
        if cost > limit:  # cut short: dearer than every kept reading
            continue
        insort(best, (cost, w))
        if len(best) > PRICED:
            best.pop()
    return tuple(best)


def ranked_readings(
    token: str, left: Sequence[str], right: str | None
) -> list[tuple[float, float, str]]:
    """``(context score less channel cost, channel cost, word)`` of the common words
    ``token`` may be a heavy misreading of, best first (module doc)."""
    from repair.score.ngrams import mixed_context_score

    out = [
        (mixed_context_score(list(left), w, right) - c, c, w) for c, w in cheapest_readings(token)
    ]
    out.sort(key=lambda x: (-x[0], x[2]))
    return out


def context_reading(token: str, left: Sequence[str], right: str | None) -> tuple[str, float] | None:
    """The word (lower case) and channel cost ``token`` reads as between its neighbours,
    or ``None``: the best must cost at most :data:`COST_PER_CHAR` a letter, lead the
    next by :data:`MARGIN` and drop no run of printed glyphs."""
    from rapidfuzz.distance import Levenshtein

    from repair.candidates.ocr_farlong import _drops_a_piece

    ranked = ranked_readings(token, left, right)
    if not ranked:
        return None
    score, cost, word = ranked[0]
    if cost > COST_PER_CHAR * len(token):
        return None
    if len(ranked) > 1 and score - ranked[1][0] < VARIANT_MARGIN:
        return None
    rival = next((r for r in ranked[1:] if Levenshtein.distance(word, r[2]) > VARIANT_EDITS), None)
    if rival is not None and score - rival[0] < MARGIN:
        return None
    if _drops_a_piece(token.lower(), word):
        return None
    return word, cost


def _variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one plain edit apart or the same ("criticized",
    "criticised"): a reading over a reached word must be another word (session 35)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def context_candidates(
    toks: Sequence[Token],
    indices: Iterable[int],
    counts: Mapping[str, int],
    covered: frozenset[tuple[int, int]],
    period_word: Callable[[str], bool],
    reasons: Mapping[int, str],
    readings: Mapping[tuple[int, int], Mapping[str, float]] | None = None,
) -> list[Candidate]:
    """Readings of the flagged lower-case non-words at ``indices`` that no other reading
    reached (span not in ``covered``): the one common word the channel and the two-sided
    context prefer by a clear margin (module doc).  Heavy pages only (the caller's gate)."""
    if not CONTEXT:
        return []
    from repair.candidates.ocr import _next_to_hyphen
    from repair.candidates.ocr_far import far_applies
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.candidates.ocr_rules import cand
    from repair.score.ocr_channel import transfer_case

    out: list[Candidate] = []
    memo: dict[tuple[str, tuple[str, ...], str | None], tuple[str, float] | None] = {}
    seq = toks if isinstance(toks, list) else list(toks)  # indexed only: no copy per token
    for i in indices:
        t = toks[i]
        text = t.text
        if t.kind != "word":
            continue
        reached = (t.start, t.end) in covered
        if reached:
            have = readings.get((t.start, t.end)) if OVER_READINGS and readings else None
            if not have or min(have.values()) < OVER_MIN_COST:
                continue  # no readings given, or a cheap one: the walks read it
        if not (text[:1].islower() or (CAPITALS and text[1:].islower())):
            continue
        if not (MIN_LEN <= len(text) <= MAX_LEN):
            continue
        inner = INNER_CAPITALS and reasons.get(t.start) == "inner_capital"
        inner = inner and len(text) >= INNER_MIN_LEN
        if not far_applies(text, counts, period_word(text), inner, capitals=CAPITALS):
            continue
        if _next_to_hyphen(seq, i) or line_broken_piece(seq, i):
            continue
        left, right = neighbours(toks, i)
        key = (text, tuple(w.lower() for w in left), right.lower() if right else None)
        if key not in memo:
            memo[key] = context_reading(text, left, right)
        found = memo[key]
        if found is None:
            continue
        word, cost = found
        form = transfer_case(text, word)
        if reached:
            if any(_variant(word, w) for w in have):
                continue  # the word, or a spelling of it, is read already: the scorer weighs it
            cost = cost + OVER_EXTRA
        else:
            cost = min(cost, COST_CAP)
        out.append(
            cand(
                t.start,
                t.end,
                form,
                "OCR_SPELLING",
                finding=reasons.get(t.start, "nonword"),
                orig=[text],
                alt=[form],
                cost=cost,
                threshold=THRESHOLD,
                context=True,
            )
        )
    return out
