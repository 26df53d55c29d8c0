"""A deeper confusion search towards common words, for tokens the wide search leaves bare.

:func:`repair.score.ocr_search.wide_candidates` walks the learned table within a cost
bound of 9-10 nats.  Some heavily garbled newspaper words carry more than that:
"picscnr" (present: ic/re, c/e, r/t), "svrnptthj" (sympathy), "tifoio" (before),
"ollieoi" (officer) need 10.5-12 nats of listed confusions.  Walking every dictionary
prefix that far is slow and finds many rare words; this search walks only the prefixes
of *common* words (:data:`TARGET_ZIPF`, ~7,000 words), so it prunes early, and allows
:data:`EXTRA_COST` more nats and :data:`EXTRA_SUBS` more confusions than the wide one.

Only :func:`repair.score.ocr_search.wide_candidates` calls it, and only when its own
search found no common reading (the caller checks), so the readings it adds are those
of tokens that had none; they go to the same scorer with the same margin as the wide
ones (a common word gains a lot from its context, or it stays out).

>>> [c.text for c in deep_candidates("picscnr", bound=10.0, max_subs=5)][:1]
['present']
"""

from __future__ import annotations

import sys
from functools import lru_cache

from repair.resources.frequency import zipf
from repair.score.ocr_channel import (
    Correction,
    PrefixIndex,
    confusion_variants,
    is_target,
    prefixes_of,
    read_as,
    vocabulary,
)

#: The deep search runs (the wide search asks for it).
DEEP = True
#: Readings are words at least this common (Zipf).
TARGET_ZIPF = 4.0
#: Nats beyond the wide search's bound (:func:`repair.score.ocr_search.cost_bound`).
EXTRA_COST = 3.0
#: Confusions beyond the wide search's :data:`repair.score.ocr_search.MAX_SUBS`.
EXTRA_SUBS = 0
#: Shortest token searched (short garble reads as too many words).
MIN_LEN = 5
#: Readings kept, cheapest first.
MAX_READINGS = 3


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The target words (lower case, letters only) of Zipf >= :data:`TARGET_ZIPF`."""
    from repair.resources.cache import disk_cached
    from repair.score.ocr_channel import _target_sources

    def build() -> list[str]:
        return sorted(
            w for w in vocabulary() if w.isalpha() and zipf(w) >= TARGET_ZIPF and is_target(w)
        )

    key = f"ocr-deep-words-{TARGET_ZIPF}"
    return frozenset(disk_cached(key, [*_target_sources(), __file__], build, list))


@lru_cache(maxsize=1)
def _common_prefixes() -> PrefixIndex:
    return prefixes_of(sorted(common_words()))


# asked only on a miss of the cached wide_candidates (session 15: 0 hits in 4,401 calls,
# 1.3 MB of OCR; ~1.3 MB once full at 8,192): a short cache for a token's names/no-names pair
@lru_cache(maxsize=256)
def deep_candidates(token: str, bound: float, max_subs: int) -> tuple[Correction, ...]:
    """Common words ``token`` may be read as within ``bound`` + :data:`EXTRA_COST` nats
    and ``max_subs`` + :data:`EXTRA_SUBS` listed confusions, cheapest first (case as
    :func:`repair.score.ocr_search.wide_candidates` sets it)."""
    if len(token) < MIN_LEN or not token.isalpha():
        return ()
    upper = token.isupper()
    base = token.lower() if upper else token
    words = common_words()
    variants = confusion_variants(
        base, _common_prefixes(), bound + EXTRA_COST, max_subs + EXTRA_SUBS
    )
    found: dict[str, Correction] = {}
    for variant, (cost, subs) in variants.items():
        low = variant.lower()
        if low not in words or not variant[1:].islower():
            continue
        text = read_as(token, variant, upper)
        old = found.get(low)
        if old is None or cost < old.cost:
            found[low] = Correction(sys.intern(text), cost, subs, True)
    ranked = sorted(found.values(), key=lambda c: (c.cost, -zipf(c.text.lower())))
    return tuple(ranked[:MAX_READINGS])
