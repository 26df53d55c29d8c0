"""More general candidates for a written word already judged a spinner's: WordNet hypernyms.

A spinner that writes a rarer, more specific word for an ordinary one ("mentioned" for a
verb of saying, "giant" for a size) leaves an original that is no synonym of the written
word: a hypernym one level up, or an adjective's similar-to, more common than the written
word.  The reverse synonym table (:mod:`repair.candidates.spin_synonyms`) does not hold
them (``benchmarks/spin_outcome.py --why``: seed-family dev, 82 of 287 originals out of
the candidates are hypernyms, 13 similar adjectives).

``lexicons/spin_synonyms_hyper.tsv`` (``scripts/build_spin_synonyms.py --hyper``) holds
them, inflected for every word form lemminflect knows (run time needs no lemminflect:
:func:`hyper_originals` is a look-up).  They are read only by the spin stage's hypernym
reading (:func:`repair.stages.spin.hyper_reading`): in a document whose gate is open, for
a written word the first reading did not restore.  A hypernym fits most contexts of its
hyponym, so it is never a first-reading candidate (clean text would lose its specific
words).
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_wide import OriginalsTable, read_originals_table

TABLE = "spin_synonyms_hyper.tsv"


@lru_cache(maxsize=1)
def hyper_table() -> OriginalsTable:
    """Written word form -> its hypernym originals, inflected like it (schema checked)."""
    return read_originals_table(TABLE)


def hyper_originals(word: str) -> tuple[str, ...]:
    """The hypernym originals of the lower-case ``word`` (inflected like it; may be empty)."""
    return hyper_table().get(word, ())
