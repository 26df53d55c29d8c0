"""How often a weak profile pair fires on clean English (``lexicons/spin_pair_clean.tsv``,
built by ``scripts/build_spin_pair_clean.py``).

A weak pair of the spinner profile ("nations" → "countries") is restored where the LM
prefers the original.  Some written forms are ordinary honest words that the LM would
"restore" in clean text too; there a fire is no evidence of a spinner.  The table counts,
over clean public-domain English (dev half), the occurrences of each written form, how many
of them the spin scorer restores as the pair's original, and the occurrences of the original.
"""

from __future__ import annotations

from functools import lru_cache

from repair.lexicons import LexiconError, read_tsv

TABLE = "spin_pair_clean.tsv"
COLUMNS = ("spun", "original", "spun_count", "fires", "original_count")
#: The clean registers counted (public domain only; ``lexicons/LEXICONS.md``).
REGISTERS = ("state_union", "inaugural")
#: The half of the clean calibration split counted (the test half is never read).
SPLIT = "dev"


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], tuple[int, int, int]]:
    """(spun, original) → (written-form occurrences, fires, original occurrences), checked:
    counts are non-negative integers and fires never exceed the written form's count.

    >>> table()[("nations", "countries")][0] > 0
    True
    """
    out: dict[tuple[str, str], tuple[int, int, int]] = {}
    for n, row in enumerate(read_tsv(TABLE, COLUMNS), 1):
        spun, orig, *nums = row
        if not all(x.isdigit() for x in nums):
            raise LexiconError(f"{TABLE}: row {n}: counts must be integers: {row!r}")
        s, f, o = (int(x) for x in nums)
        if f > s:
            raise LexiconError(f"{TABLE}: row {n}: more fires than occurrences: {row!r}")
        out[(spun, orig)] = (s, f, o)
    return out


#: The learned share is shrunk toward PRIOR_SHARE by PRIOR_WEIGHT pseudo-counts: a pair the
#: corpus never shows (a modern word in 19th-century speeches) is not taken as honest.
PRIOR_WEIGHT, PRIOR_SHARE = 2.0, 0.1


def honest_share(spun: str, original: str) -> float | None:
    """The learned clean share of the pair ``spun`` → ``original`` (lower case): of the
    clean places where the original reads well (the original written, or the written form
    that the scorer would restore), the share that honestly wrote ``spun``,
    ``(fires + PRIOR_WEIGHT * PRIOR_SHARE) / (fires + original_count + PRIOR_WEIGHT)``;
    None for a pair the table does not list.

    >>> round(honest_share("nations", "countries"), 2)
    0.55
    >>> honest_share("however", "but") < 0.1
    True
    """
    row = table().get((spun, original))
    if row is None:
        return None
    _count, fires, orig = row
    return (fires + PRIOR_WEIGHT * PRIOR_SHARE) / (fires + orig + PRIOR_WEIGHT)
