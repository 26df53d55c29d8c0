"""Rank a paper mill's word rows by register fit: the original a neighbour pairs with (issue 11).

Where the tortured term windows of a formal document open the spin stage's word band
(:func:`repair.score.mill_windows.opens`, ``details["science_band"]``), every word row
proposes the original its ranker and the document's topic favour
(:func:`repair.score.spin_pick.topic_pick`).  The ranker and the context LM are trained
on general and news text: in a mill's abstract they prefer the general word ("an
important role in keeping" for "retention", where the abstract wrote "memory";
"stories written by boys" for "schoolboys", where it wrote "pupils").  This
module adds to each candidate original, before the topic re-chooses the row, a score
for how well it fits the abstract's register at its place:

* :data:`PAIR_WEIGHT` times its association with the written neighbour words in the
  book-register pair counts (:mod:`repair.resources.bigrams`, Google Books via
  symspellpy): ln P(o | left) - ln P(o) and ln P(right | o) - ln P(right), each side
  counted only where positive (a pair the counts hold), capped at :data:`PAIR_CAP`;
* :data:`REGISTER_WEIGHT` times its scientific register weight
  (``lexicons/science_register.tsv``, :func:`repair.detect.science.weights`; 0 where
  the word is not listed).

Nothing is read where :data:`MILL_RANK` is off or the band is not open for the document
(main's output).  Measured (session 60, spinmill; ``benchmarks/RESULTS.md``): see
:data:`MILL_RANK`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping

from repair.document import Document

#: Add the register fit (:func:`extra`) to a band-opened document's row candidates.  Off
#: (session 60, spinmill): dev mill 0.069 -> 0.073 (precision 0.618 -> 0.647: one right
#: edit more, "retention" -> memory, one wrong fewer, "schoolboys" -> boys), tortured and
#: every other dev row identical, the calibration's clean dev items identical; but test
#: (read once) mill 0.063 -> 0.050 (precision 0.560 -> 0.478): the register prior pulls a
#: row to the register's generic word ("significances" -> values x3, where the abstract
#: wrote "messages").  The ceiling is low: a perfect ranking of every row (the gold put on
#: top, with a lead of 6 in the ranker's score, wherever it is a candidate with a
#: positive LM gain) buys 21 -> 25 right edits of 249 on dev at the band's bar: the word
#: model's probability of the gold stays under it (benchmarks/RESULTS.md, "Session 60,
#: spinmill"; ``benchmarks/spin_mill_rank.py --oracle 6``).
MILL_RANK = False
#: Weight of the positive book-pair association with each neighbour (nats per nat).  0:
#: measured on dev at 0.5 (alone or with the register) it restores the same one word and
#: adds a wrong edit (precision 0.611); off unless set.
PAIR_WEIGHT = 0.0
#: Most a side's association counts (nats).
PAIR_CAP = 4.0
#: Weight of the scientific register weight (nats per nat).  Dev (session 60): 0.25 no
#: gain, 0.5 and 1.0 one wrong edit made right, 2.0 one right edit fewer.
REGISTER_WEIGHT = 0.5


def opened(details: Mapping[str, object]) -> bool:
    """Whether :func:`extra` reads the document (flag on, the band open)."""
    return MILL_RANK and bool(details.get("science_band"))


def neighbours(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """The written words next to ``doc.text[start:end]`` inside its sentence (None at an
    edge or punctuation)."""
    from repair.detect.rareword import _sentence_words

    tokens = doc.tokens
    i = bisect_left(tokens, start, key=lambda t: t.start)
    if i >= len(tokens) or tokens[i].start != start or tokens[i].end != end:
        return None, None
    left = _sentence_words(tokens, i, -1, 1)
    right = _sentence_words(tokens, i, 1, 1)
    return (left[0] if left else None), (right[0] if right else None)


def pair_fit(left: str | None, word: str, right: str | None) -> float:
    """The positive book-pair association of ``word`` with its neighbours (nats)."""
    from repair.resources.bigrams import get_bigrams

    book = get_bigrams()
    base = book.unigram_logprob(word)
    out = 0.0
    if left and book.log_count(f"{left} {word}") is not None:
        out += min(PAIR_CAP, max(0.0, book.logprob_next(left, word) - base))
    if right and book.log_count(f"{word} {right}") is not None:
        pmi = book.logprob_next(word, right) - book.unigram_logprob(right)
        out += min(PAIR_CAP, max(0.0, pmi))
    return out


def extra(
    doc: Document, start: int, end: int, details: Mapping[str, object]
) -> Callable[[str], float] | None:
    """Each candidate original's register fit at ``doc.text[start:end]`` (None where the
    document is not read: :func:`opened`)."""
    if not opened(details):
        return None
    from repair.detect.science import weights

    table = weights()
    left, right = neighbours(doc, start, end)

    def fit(name: str) -> float:
        o = name.lower()
        return PAIR_WEIGHT * pair_fit(left, o, right) + REGISTER_WEIGHT * table.get(o, 0.0)

    return fit
