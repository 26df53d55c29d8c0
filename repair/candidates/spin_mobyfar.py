"""The reverse-thesaurus originals past the wide reverse rows' cut (ranks 49-96 by Zipf).

:mod:`repair.candidates.spin_mobyrev` gives a written word the Moby headwords whose lists
hold it, the :data:`~repair.candidates.spin_mobyrev.MAX_PER_LEMMA` most common per lemma
(and the wide reading the next ones, to
:data:`~repair.candidates.spin_mobyrev.MAX_PER_LEMMA_WIDE`).  A common written word is
listed by hundreds of headwords, and an any-rank spinner that draws from an original's
whole list puts its original far down that row (spinbot dev: 165 of the 1,350 one-word
originals with no candidate rank 49-96, 78 rank 97-192; ``benchmarks/spin_nocand.py``).

:func:`reverse_originals_far` gives the originals ranked past that cut up to
:data:`MAX_PER_LEMMA_FAR`, inflected like the written word and known to the LM, none of
:func:`~repair.candidates.spin_mobyrev.reverse_originals_deep`'s.  Read only by
:mod:`repair.stages.spin_far` (a reading that keeps a row only where the far originals
alone gain much more than the word's first reading).  The rows are kept in the per-user
disk cache like the wide rows (Moby: public domain; Zipf: wordfreq, MIT / CC BY-SA 4.0).
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates import spin_mobyrev as rev
from repair.resources.frequency import zipf
from repair.resources.sorted_lines import SortedLines

#: Originals ranked past ``spin_mobyrev.MAX_PER_LEMMA_WIDE`` up to this (by Zipf).
MAX_PER_LEMMA_FAR = 96


def _far_rows() -> dict[str, str]:
    """Written lemma -> its originals ranked ``MAX_PER_LEMMA_WIDE`` to
    :data:`MAX_PER_LEMMA_FAR` by Zipf (only lemmas that have any), comma-joined."""
    out = {}
    lo = rev.MAX_PER_LEMMA_WIDE
    for k, v in rev.reverse_index().items():
        if len(v) > lo:
            ranked = sorted(v, key=lambda h: (-zipf(h), h))
            out[k] = ",".join(ranked[lo:MAX_PER_LEMMA_FAR])
    return out


def _far_text() -> tuple[str, list[int], list[str]]:
    rows = _far_rows()
    text = "".join(f"{k}\t{rows[k]}\n" for k in sorted(rows))
    starts, heads = SortedLines(text, 0).index()
    return text, starts, heads


@lru_cache(maxsize=1)
def far_ranked_index() -> SortedLines[str]:
    """:func:`_far_rows` read in place from the per-user disk cache (as
    :func:`~repair.candidates.spin_mobyrev.wide_ranked_index`)."""
    return rev.cached_lines(
        f"spin-mobyrev-far-lines-{rev.MAX_PER_LEMMA_WIDE}-{MAX_PER_LEMMA_FAR}",
        _far_text,
        f"{__name__}:far_ranked_index",
    )


@lru_cache(maxsize=1)
def _far_ranked() -> rev._Ranked:
    from repair.resources.lemmas import install_styles

    install_styles()
    return rev._Ranked(far_ranked_index())


@lru_cache(maxsize=20_000)
def reverse_originals_far(word: str) -> tuple[str, ...]:
    """The originals of the lower-case ``word`` ranked past the wide reverse rows' cut to
    :data:`MAX_PER_LEMMA_FAR` (inflected like it, known to the LM), none of
    :func:`~repair.candidates.spin_mobyrev.reverse_originals_deep`'s (may be empty).

    >>> "measurement" in reverse_originals_far("area")
    True
    >>> reverse_originals_far("the")
    ()
    """
    if word in rev.STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    return rev._live(word, _far_ranked(), set(rev.reverse_originals_deep(word)))
