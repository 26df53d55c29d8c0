"""rapidfuzz's Levenshtein search of a word pool, with a bag-distance filter in front
(issue 14, session 61).

The OCR page passes ask ``process.extract(query, pool, scorer=Levenshtein.distance,
score_cutoff=k, limit=...)`` of pools of a few dozen to ~34 k words (24,067 calls and
~0.8 s CPU a 100 k-word OCR run: the far readings, the capital swap's rivals, the page
far readings, the context readings, the page join). rapidfuzz prices every word of the
pool; most are far from the query in their letters alone. :func:`extract` first drops
the words whose *bag distance* (the larger of the query's glyphs the word lacks and the
word's glyphs the query lacks, counted as multisets) exceeds ``k`` — a lower bound of
the Levenshtein distance, since an insertion or deletion changes one glyph count by one
and a substitution two counts by one — in C (``repair/score/_nearfilter.c``), then asks
rapidfuzz of the words left, in their order, and gives each hit its index in the whole
pool. rapidfuzz sorts its hits by distance and then by index, so the hits, their order
and a ``limit``'s cut are the same: exact (``tests/test_ocr_nearpool.py`` compares both
on random pools; every call of the 100 k-word OCR speed text was compared too). A tuple
pool (the callers' cached pools) is counted once into a signature kept here; a list
(made per call) is counted word by word.

Without the extension (or with :data:`NEAR_FILTER` off) rapidfuzz reads the whole pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

#: Switch: the bag-distance filter before rapidfuzz's search (exact; session 61: the
#: 24,067 searches of the 100 k-word OCR speed text 0.86 -> 0.45 s replayed, best of 3,
#: every hit the same; benchmarks/RESULTS.md "Session 61, speedocr").  Off: rapidfuzz
#: prices every word of the pool.
NEAR_FILTER = True

#: Switch: a tuple pool's glyph counts are read from its signature, made once and kept
#: (``signature``: 33 bytes a word) instead of from its words at every search; lists (made
#: per call by most callers) are read word by word.  Off: every pool word by word.
SIGNATURES = True
#: Lists too are filtered (word by word, ``survivors``); off: rapidfuzz reads them whole.
LISTS = True
#: Signatures kept (a dict by the tuple's id, holding the tuple: an id is not reused while
#: it is kept), cleared when this many are kept or their bytes pass
#: :data:`SIGNATURE_BYTES` (the 100 k-word OCR text signs 34 tuples, 12.9 MB: the context
#: readings' pools are ~20 k words, 0.66 MB each, the capital swap's rivals' ~34 k, 1.1 MB).
SIGNATURES_KEPT = 64
SIGNATURE_BYTES = 16_000_000

_filter: list[ModuleType | None | bool] = [False]  # False: not imported yet
_signatures: dict[int, tuple[tuple[str, ...], bytes]] = {}
_signed = [0]  # the bytes of the signatures kept


def _module() -> ModuleType | None:
    mod = _filter[0]
    if mod is False:
        try:
            from repair.score import _nearfilter  # type: ignore[attr-defined]
        except ImportError:  # not built: rapidfuzz reads every word
            _nearfilter = None
        _filter[0] = mod = _nearfilter
    return mod  # type: ignore[return-value]


def _survivors(
    mod: ModuleType, query: str, choices: Sequence[str], cutoff: int
) -> tuple[list[str], list[int]] | None | bool:
    """``(words, indices)`` left by the filter, None (all left) or False (not filtered)."""
    if type(choices) is tuple and SIGNATURES:
        kept = _signatures.get(id(choices))
        if kept is None or kept[0] is not choices:
            if len(_signatures) >= SIGNATURES_KEPT or _signed[0] > SIGNATURE_BYTES:
                _signatures.clear()
                _signed[0] = 0
            kept = _signatures[id(choices)] = (choices, mod.signature(choices))  # type: ignore[assignment]
            _signed[0] += len(kept[1])  # type: ignore[index]
        return mod.survivors_sig(query, choices, kept[1], cutoff)  # type: ignore[no-any-return]
    if type(choices) is tuple or (type(choices) is list and LISTS):
        return mod.survivors(query, choices, cutoff)  # type: ignore[no-any-return]
    return False


def extract(
    query: str, choices: Sequence[str], cutoff: int, limit: int | None = None
) -> list[tuple[str, Any, int]]:
    """``process.extract(query, choices, scorer=Levenshtein.distance,
    score_cutoff=cutoff, limit=limit)``: the same hits ``(word, distance, index)`` in the
    same order.

    >>> extract("hause", ["house", "horse", "mouse", "hause", "cat"], 1)
    [('hause', 0, 3), ('house', 1, 0)]
    >>> extract("hause", ("house", "horse", "mouse", "hause", "cat"), 1, 1)
    [('hause', 0, 3)]
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    mod = _module() if NEAR_FILTER else None
    if mod is not None and type(query) is str:
        kept = _survivors(mod, query, choices, cutoff)
        if kept is not None and kept is not False:
            subset, at = kept  # type: ignore[misc]
            if not subset:
                return []
            hits = process.extract(
                query, subset, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=limit
            )
            return [(w, d, at[k]) for w, d, k in hits]
    return process.extract(  # type: ignore[no-any-return]
        query, choices, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=limit
    )
