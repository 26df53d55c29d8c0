"""Rows of the written-span table with their head re-inflected (session 62, spinspan).

``lexicons/spin_phrases.tsv`` lists a verb phrase in its inflected forms with the
originals of its base phrase inflected alike ("turned into" -> "became"), except where
Moby or WordNet list the inflected form on their own: "brought about" (under "made" and
"done") kept only that row and never got "bring about"'s "cause" -> "caused".
``lexicons/spin_phrases_inflected.tsv`` (``scripts/build_spin_phrases.py``,
:func:`merged_rows` there) holds those spans' rows as the union of the two table rows;
:func:`merged_row` gives one in place of the main row where
``repair.candidates.spin_phrase.INFLECTED_ROWS`` is on.
"""

from __future__ import annotations

from functools import lru_cache

from repair.lexicons import read_tsv

TABLE = "spin_phrases_inflected.tsv"
COLUMNS = ("written", "originals", "wordnet")


@lru_cache(maxsize=1)
def _rows() -> dict[str, str]:
    """Span -> ``originals<TAB>wordnet`` (the main table's value format); header checked."""
    return {span: f"{origs}\t{wn}" for span, origs, wn in read_tsv(TABLE, COLUMNS)}


def merged_row(span: str) -> str | None:
    """The merged ``originals<TAB>wordnet`` value of the lower-case written ``span``, or
    None when the main table's row stands."""
    return _rows().get(span)
