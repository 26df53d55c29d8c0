"""A word restoration declined where the written word is the one its neighbours pair with.

The word model (:mod:`repair.score.spin_model`) reads the news LM's gain of an original
over the written word; the written word's own fit with its neighbours in the book
register is not among its features.  A spinner puts a synonym in a slot without regard
to its neighbours, so a spun word rarely forms a pair the Google Books counts
(``lexicons/bigram_counts.bin``, :mod:`repair.resources.bigrams`) hold; an author's word
often does ("atomic arms race", "per kilogram", "Mister Gibbs", "the uranium
industry"), and there the proposed original breaks the pair.  A synonym restoration is
declined where the written word fits between its neighbours (one word each side, inside
the sentence: :meth:`~repair.resources.bigrams.Bigrams.fit`) at least ``margin`` nats
better than the original does.

>>> from repair.document import Document
>>> doc = Document("Talks on atomic arms control went on.")
>>> round(book_margin(doc, 16, 20, "weapons"), 2) > 1.5
True
"""

from __future__ import annotations

from bisect import bisect_left

from repair.detect.rareword import _sentence_words
from repair.document import Document
from repair.resources.bigrams import get_bigrams
from repair.types import Edit

#: The rules whose restorations are read: the word model's (its rows carry no book
#: evidence; the carried and rare-word readings weigh the book pairs already).
RULES = frozenset({"SPIN_SYNONYM"})


def book_margin(doc: Document, start: int, end: int, original: str) -> float | None:
    """How much better the written word ``doc.text[start:end]`` fits between its
    neighbours in the book pairs than ``original`` does (nats; None where the span is not
    one word token or ``original`` is not one word)."""
    written = doc.text[start:end].lower()
    if " " in original or not written.isalpha():
        return None
    i = _index_at(doc, start, end)
    if i is None:
        return None
    left = _sentence_words(doc.tokens, i, -1, 1)
    right = _sentence_words(doc.tokens, i, 1, 1)
    near_l, near_r = (left[0] if left else None), (right[0] if right else None)
    book = get_bigrams()
    return book.fit(near_l, written, near_r) - book.fit(near_l, original.lower(), near_r)


def _index_at(doc: Document, start: int, end: int) -> int | None:
    """The index in ``doc.tokens`` of the word token spanning exactly ``start:end``."""
    tokens = doc.tokens
    i = bisect_left(tokens, start, key=lambda t: t.start)  # tokens are in text order
    if i < len(tokens) and tokens[i].start == start and tokens[i].end == end:
        return i
    return None


def book_declined(doc: Document, edits: list[Edit], margin: float) -> tuple[list[Edit], list[Edit]]:
    """(kept, declined): a one-word restoration of :data:`RULES` is declined where the
    written word fits its neighbours at least ``margin`` nats better than the
    restoration (:func:`book_margin`); every other edit is kept."""
    kept: list[Edit] = []
    declined: list[Edit] = []
    for e in edits:
        m = book_margin(doc, e.offset, e.end, e.replacement) if e.rule in RULES else None
        (declined if m is not None and m >= margin else kept).append(e)
    return kept, declined
