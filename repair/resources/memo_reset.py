"""Emptying the per-token memos between windows of a big text (issue 14, bounded memory).

The OCR stage keeps dozens of ``functools.lru_cache`` memos keyed by a token or a word
(``zipf``, ``is_known``, the readings of a garbled token...).  Over a big text their
entries churn: an entry made in one window outlives it, in a memory page among the
window's freed objects, so the allocator's pages (pymalloc arenas) hold a few live
entries each and the process keeps them all: on 5 MB of OCR text the peak still rose
~20 MB after window 5, when the memos' sizes had stopped growing (session 20).
:func:`reset_token_memos` empties them every :data:`repair.pipeline.MEMO_RESET_WINDOWS`
windows, so the pages of the old entries are given back and the next windows refill the
memos (5 MB: peak 289 -> 274 MB, the CPU unchanged within noise).

Exact: a memo only remembers its function's answers (each function's result depends on its
arguments and the loaded tables only), so an emptied memo answers the same, a little
later.  The table loaders (``maxsize=1``), the unbounded memos and the spin stages'
memos (:data:`SHARED_MODULES`) are left alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

#: Memos of at least this many entries are the per-token ones (the loaders keep 1-4).
MIN_MAXSIZE = 512

#: Modules whose memos are emptied besides the OCR ones (a module with "ocr" in its
#: last name): the word tables every stage reads.  The spin stages' memos are kept: they
#: are larger (up to 262 k entries) and dearer to refill, and a spun 1 M-word text
#: (24 windows) took 53 -> 69 s CPU with them emptied too (one pair of runs at load ~9,
#: 303 -> 294 MB; session 20); an OCR page skips those stages.
SHARED_MODULES = frozenset({"repair.resources.frequency", "repair.score.ngrams"})


def _emptied(name: str, prefix: str) -> bool:
    if not (name == prefix or name.startswith(prefix + ".")):
        return False
    return "ocr" in name.rsplit(".", 1)[-1] or name in SHARED_MODULES


def _is_token_memo(obj: object) -> bool:
    info = getattr(obj, "cache_info", None)
    if info is None or isinstance(obj, type) or not callable(info):
        return False
    try:
        maxsize = info().maxsize
    except TypeError:
        return False
    return maxsize is not None and maxsize >= MIN_MAXSIZE


def token_memos(prefix: str = "repair") -> list[object]:
    """The bounded ``lru_cache`` functions of at least :data:`MIN_MAXSIZE` entries that
    the loaded OCR modules under ``prefix`` (and :data:`SHARED_MODULES`) hold as
    globals, or as attributes of a global object (the n-gram table's ``word_id``), each
    once."""
    seen: dict[int, object] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not _emptied(name, prefix):
            continue
        for obj in list(vars(module).values()):
            if _is_token_memo(obj):
                seen.setdefault(id(obj), obj)
                continue
            if isinstance(obj, type) or not type(obj).__module__.startswith(prefix + "."):
                continue
            for attr in list(getattr(obj, "__dict__", {}).values()):
                if _is_token_memo(attr):
                    seen.setdefault(id(attr), attr)
    return list(seen.values())


def reset_token_memos(prefix: str = "repair") -> int:
    """Empty every memo :func:`token_memos` finds; the number emptied."""
    memos = token_memos(prefix)
    for memo in memos:
        memo.cache_clear()  # type: ignore[attr-defined]
    return len(memos)


#: Between the windows of a big text (issue 14): a memo of the other stages (spin,
#: tortured, collocation, ...: every bounded memo :func:`token_memos` leaves alone) that
#: holds more than this many entries is emptied before the next window; 0: never (the
#: default).  On an unknown spinner's text those memos are keyed by the document's
#: distinct words and grow with every window (1.3 MB of ``rare``/WordNet-spun dev
#: documents, five windows: 294 MB after the first window, 415 MB at the end; 4.8 MB:
#: 604 MB).  At 4,096: 338 MB (1.3 MB) and ~362 MB (4.8 MB), outputs byte-identical, but
#: +15 % CPU on the clean 300 k-word speed text (two paired runs) and +17 % on the rare
#: 1.3 MB: the memos are refilled every window.  So OFF (session 38, mem38; session 29's
#: cap at 16,384 measured +4-22 %).  Exact: each memo is an ``lru_cache`` with a finite
#: ``maxsize`` (a pure cache whose entries may already be evicted), so an emptied one
#: answers the same, recomputed.
SPIN_MEMO_CAP = 0


def _other_memo_module(name: str, prefix: str) -> bool:
    return (name == prefix or name.startswith(prefix + ".")) and not _emptied(name, prefix)


def other_memos(prefix: str = "repair") -> list[object]:
    """The bounded ``lru_cache`` functions (``maxsize`` at least :data:`MIN_MAXSIZE`) that
    the loaded modules under ``prefix`` hold as globals and :func:`token_memos` does not
    cover (the spin, tortured and collocation stages' memos), each once."""
    covered = {id(m) for m in token_memos(prefix)}
    seen: dict[int, object] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not _other_memo_module(name, prefix):
            continue
        for obj in list(vars(module).values()):
            if _is_token_memo(obj) and id(obj) not in covered:
                seen.setdefault(id(obj), obj)
    return list(seen.values())


def empty_oversized_memos(cap: int | None = None, prefix: str = "repair") -> int:
    """Empty every memo of :func:`other_memos` holding more than ``cap`` entries
    (:data:`SPIN_MEMO_CAP` when None; 0 empties none); the number emptied."""
    cap = SPIN_MEMO_CAP if cap is None else cap
    if cap <= 0:
        return 0
    emptied = 0
    for memo in other_memos(prefix):
        if memo.cache_info().currsize > cap:  # type: ignore[attr-defined]
            memo.cache_clear()  # type: ignore[attr-defined]
            emptied += 1
    return emptied


#: Between the windows of a big text (issue 14): before its second window, every memo of
#: :func:`other_memos` whose ``maxsize`` exceeds this is replaced by an ``lru_cache`` of
#: the same function with this ``maxsize`` (the least recently used entries evicted, not
#: the whole memo emptied as :data:`SPIN_MEMO_CAP` does: a window's working set stays);
#: 0: never (the default).  At 16,384 (session 39, mem39): an unknown spinner's 1.3 M
#: code points (mem38's ``rare1300k``, 6 windows) peak 415 -> 371 MB, outputs
#: byte-identical, but CPU +1.2 / +5 / +6.9 % (the last the only strictly paired run;
#: clean 300 k words +2.6 %): over the 5 % allowed, so OFF; at 8,192: 337 MB, ~+10-15 %.
#: Exact: the same function, a smaller pure cache.
SPIN_MEMO_BOUND = 0

#: Between the windows of a big text (issue 14): the memos named here (``module.function``)
#: are bounded at their own ``maxsize`` before the second window, as :data:`SPIN_MEMO_BOUND`
#: bounds every one (the smaller of the two applies).  Chosen where most entries are never
#: read again on an unknown spinner's text (hit rates after mem38's ``rare1300k``, 1.3 M
#: code points, 6 windows: ``span_originals`` 55 k entries, 46 % hits; ``_continues`` 47 %;
#: ``_known`` 11 %; ``originals_of`` 64 %; ``_lemma_pos`` 63 %; ``_forms`` 64 %; ``_tags``
#: 47 %), each bound above what clean text fills (the clean 300 k-word speed text, 8 windows:
#: ``span_originals`` 8.6 k at 94 % hits, ``_continues`` 7.3 k, ``_known`` 1.3 k,
#: ``originals_of`` 2.6 k, the other three empty), so clean text keeps its hits.  Paired
#: runs (session 41, mem41): ``rare1300k`` peak 412 -> 381 MB, CPU +1.6 %; clean 300 k
#: words +2.1 % (six alternated pairs, ~4-5 s each: the bounded memos start empty at the
#: second window); outputs byte-identical.  The same seven at 1,024: 371 MB (4.84 M code points:
#: 510 -> 431 MB, +0.9 %), but clean text +13 % (``span_originals`` thrashes); the
#: high-hit memos (``_static_rows``, ``_lowered``, ``_is_lemma``, ``spin_channel._row``) at
#: 8,192 too: 343 MB for +7.5 % (benchmarks/RESULTS.md, "Session 41, mem41").  Empty: off.
#: Exact: the same function behind a smaller pure cache.
MEMO_BOUNDS: dict[str, int] = {
    "repair.candidates.spin_phrase.span_originals": 16_384,
    "repair.candidates.spin_phrase._continues": 16_384,
    "repair.detect.tortured_habits._known": 2_048,
    "repair.candidates.spin_synonyms.originals_of": 4_096,
    "repair.candidates.spin_synonyms._lemma_pos": 1_024,
    "repair.candidates.spin_synonyms._forms": 1_024,
    "repair.candidates.spin_synonyms._tags": 1_024,
}


#: Between the windows of a big text (issue 14): the table look-up memos named here are
#: bounded as :data:`MEMO_BOUNDS` bounds its memos (before the second window; the smaller
#: bound applies when a memo is in both).  Each remembers a pair's count looked up in a
#: sorted table (~1.2 us a miss) behind a 100 k- or 200 k-entry memo keyed by a pair of
#: words or a two-word string built for the call (~240 B an entry): on an unknown
#: spinner's text they are the memos that keep filling window after window
#: (``spin_topic._pmi`` full at 200,000 entries, ~49 MB, by window 17 of 10 MB of
#: ``benchmarks/spin_big_text.py``'s text, then churning; ``tortured_odd._log_count``
#: 40 k entries by window 30 and still growing), while clean text fills at most ~11 k
#: (``_log_count``; ``_pmi`` under 500 on the clean 300 k-word speed text).  Peak RSS
#: (session 44, mem44; ``benchmarks/spin_big_text.py``): 10 MB 519 -> 467 MB, 5 MB 472 ->
#: 435 MB, 1.3 M code points 372 -> 365 MB; CPU unchanged within noise (one rare 1.3 M pair
#: 31.2 / 30.8 s, three clean 300 k-word pairs); outputs and the JSON report byte-identical
#: (benchmarks/RESULTS.md, "Session 44, mem44").  Session 45 (mem45) adds the two word
#: look-ups in a table behind a big memo that still grow on text already seen
#: (``spin_topic._in_table``, 100 k entries, and ``spin_phrase._opens_span``, 65 k: 25-31 k
#: entries at window 30 of 10 MB, 92-93 % hits; clean text fills <= 5.3 k): 5 MB of
#: ``benchmarks/spin_big_text.py`` peak 435.9 -> 434.2 MB, CPU 167.4 / 163.2 s (one pair,
#: load ~7), output byte-identical; single documents never reach it (benchmarks/RESULTS.md,
#: "Session 45, mem45").  Empty: off.
#: Exact: the same function behind a smaller pure cache.
LOOKUP_MEMO_BOUNDS: dict[str, int] = {
    "repair.score.spin_topic._pmi": 16_384,
    "repair.detect.tortured_odd._log_count": 16_384,
    "repair.score.spin_topic._in_table": 16_384,
    "repair.candidates.spin_phrase._opens_span": 16_384,
}


def _own_bound(name: str) -> int:
    """The smallest of ``name``'s bounds in :data:`MEMO_BOUNDS` and
    :data:`LOOKUP_MEMO_BOUNDS` (0: none)."""
    bounds = [b for b in (MEMO_BOUNDS.get(name, 0), LOOKUP_MEMO_BOUNDS.get(name, 0)) if b > 0]
    return min(bounds, default=0)


def _memo_name(memo: object) -> str:
    return f"{getattr(memo, '__module__', '')}.{getattr(memo, '__qualname__', '')}"


def bound_memos(bound: int | None = None, prefix: str = "repair") -> int:
    """Replace every memo of :func:`other_memos` with a ``maxsize`` above ``bound``
    (:data:`SPIN_MEMO_BOUND` when None; 0 replaces none), or above its own bound in
    :data:`MEMO_BOUNDS`, by an ``lru_cache`` of its function bounded there, in every loaded
    module under ``prefix`` that holds it as a global; the number replaced."""
    bound = SPIN_MEMO_BOUND if bound is None else bound
    if bound <= 0 and not MEMO_BOUNDS and not LOOKUP_MEMO_BOUNDS:
        return 0
    limits: dict[int, tuple[object, int]] = {}
    for memo in other_memos(prefix):
        own = _own_bound(_memo_name(memo))
        if bound > 0 or own > 0:
            limits[id(memo)] = (memo, min(b for b in (bound, own) if b > 0))
    return _replace_memos(limits.values(), prefix)


def _replace_memos(limits: Iterable[tuple[object, int]], prefix: str) -> int:
    """Replace each memo of ``limits`` whose ``maxsize`` is above its limit there by an
    ``lru_cache`` of its function bounded at the limit, in every loaded module under
    ``prefix`` that holds it as a global; the number replaced."""
    from functools import lru_cache, update_wrapper

    fresh: dict[int, object] = {}
    for memo, limit in limits:
        maxsize = memo.cache_info().maxsize  # type: ignore[attr-defined]
        inner = getattr(memo, "__wrapped__", None)
        if maxsize is None or limit <= 0 or maxsize <= limit or inner is None:
            continue
        new = lru_cache(maxsize=limit)(inner)
        update_wrapper(new, inner)
        fresh[id(memo)] = new
    put_memos(fresh, prefix)
    return len(fresh)


def put_memos(fresh: dict[int, object], prefix: str = "repair") -> None:
    """Each memo whose ``id`` is a key of ``fresh`` replaced by its value in every loaded
    module under ``prefix`` that holds it as a global."""
    if not fresh:
        return
    for name, module in list(sys.modules.items()):
        if module is None or not (name == prefix or name.startswith(prefix + ".")):
            continue
        space = vars(module)
        for key, value in list(space.items()):
            new = fresh.get(id(value))
            if new is not None:
                space[key] = new


#: Between the windows of a big text (issue 14): a memo of :func:`other_memos` (the spin,
#: tortured and collocation stages') that has grown past this many entries is replaced by
#: an ``lru_cache`` of its function bounded here (emptied once, then the least recently
#: used entries evicted); 0: never.  Unlike :data:`SPIN_MEMO_BOUND` (every memo, from the
#: second window), a memo is bounded only once it holds more than a window reads: up to
#: 1.3 M code points of an unknown spinner's text and on clean text no memo gets there
#: (the largest: ``spin_synonyms._is_lemma`` 28 k entries after six windows of mem38's
#: ``rare1300k``; one 250 k window fills <= 22 k), so those texts are untouched, while on
#: a long text the high-hit word memos (``_is_lemma``, ``spin_channel._row``,
#: ``spin_evidence._static_rows`` / ``_lowered`` / ``_original_static``, ``_inflect``, ...:
#: maxsize 50-200 k) stop filling towards their maxsize.  ``benchmarks/spin_big_text.py``'s
#: text (session 46, mem46; peak RSS, ``VmHWM``, with ``pipeline.STREAM_COMBINE`` and
#: ``cli.fix.RELEASE_WINDOWS``): 5 MB 424 -> 400 MB, output byte-identical (bounded from
#: window 10: ``_static_rows`` and ``_lowered`` at 34 k entries, ``_is_lemma`` at 32 k; ~65 k
#: extra misses in ten windows, CPU unpaired 190 / 142 s); 10 MB 431 MB (session 44's main
#: 467); growth a window on text already seen 1.6 -> 1.05 MB.  The 100 k-word OCR and spun
#: texts (one document) never reach it.  Exact: the same function behind a smaller pure cache.
OVERFLOW_BOUND = 32_768


def bound_overflowing_memos(bound: int | None = None, prefix: str = "repair") -> int:
    """Bound every memo of :func:`other_memos` holding more than ``bound`` entries
    (:data:`OVERFLOW_BOUND` when None; 0 bounds none) at ``bound``, as :func:`bound_memos`
    does; the number replaced."""
    bound = OVERFLOW_BOUND if bound is None else bound
    if bound <= 0:
        return 0
    over = [
        (memo, bound)
        for memo in other_memos(prefix)
        if memo.cache_info().currsize > bound  # type: ignore[attr-defined]
    ]
    return _replace_memos(over, prefix) if over else 0
