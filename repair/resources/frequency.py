"""The frequency signal: wordfreq's Zipf scale (0 = unseen, ~7 = "the")."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (wordfreq 'best' list), cached."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")

