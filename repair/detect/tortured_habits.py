"""Tortured phrases no list has, from the paper mills' word habits ("profound" for "deep").

The exact list (:mod:`repair.detect.tortured`) knows "profound learning"; a paper mill
also writes "profound convolutional features", "counterfeit neural organization".  Each
word of such a phrase is a habit of the thesaurus behind the mills
(:mod:`repair.candidates.tortured_words`, learned from the list's aligned words), and
putting the habits back gives a known term while the written words are none.  So for
every window of 2-3 adjacent lower-case words with a habit word:

* each habit word may be put back (its learned originals, most families first), the
  others stay; a combination that changes at least one word and forms a **known term**
  (:func:`repair.detect.collocation.load_terms`: WordNet multi-word lemmas, the expected
  side of the tortured list, associated book bigrams) is a candidate, when the written
  window is not itself a known term;
* evidence (:class:`HabitTerm`): the habits' family counts, the book-register pair gain
  of the term over the written words (:mod:`repair.resources.bigrams`) and the trigram
  LM gain in context; the decision is :mod:`repair.score.tortured_habits`'s.

Clean text pays a set look-up per word: the habit table (4,500 rows) is read on the
first word that could be a habit.

>>> from repair.document import Document
>>> [(h.written, h.restored) for h in find(Document("We train profound convolutional nets."))]
[(('profound', 'convolutional'), ('deep', 'convolutional'))]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from repair.document import Document
from repair.types import Token

#: Habit originals tried per written word.
MAX_OPTIONS = 3


@dataclass(frozen=True)
class HabitTerm:
    """One window whose habit words, put back, form a known term."""

    tokens: tuple[Token, ...]
    written: tuple[str, ...]
    restored: tuple[str, ...]
    #: fewest phrase families showing one of the habits used
    families: int
    #: book-register ln-prob gain of the restored words over the written ones
    book_gain: float
    #: trigram LM ln-prob gain in context (two words before, one after)
    lm_gain: float
    #: the term's sources in the collocation lexicon ("wordnet", "pps", "bigram")
    sources: frozenset[str]

    @property
    def changed(self) -> tuple[int, ...]:
        return tuple(
            i for i, (w, r) in enumerate(zip(self.written, self.restored, strict=True)) if w != r
        )


def _families(written: str, original: str) -> int:
    from repair.candidates.tortured_words import family_count

    return family_count(written, original)


def _book_gain(written: tuple[str, ...], restored: tuple[str, ...]) -> float:
    from repair.resources.bigrams import get_bigrams

    book = get_bigrams()

    def lp(ws: tuple[str, ...]) -> float:
        return book.unigram_logprob(ws[0]) + sum(
            book.logprob_next(a, b) for a, b in zip(ws, ws[1:], strict=False)
        )

    return lp(restored) - lp(written)


def _lm_gain(
    doc: Document, window: tuple[Token, ...], written: tuple[str, ...], restored: tuple[str, ...]
) -> float:
    from repair.resources.lm import get_lm
    from repair.text_utils import words_around

    lm = get_lm()
    before, after = words_around(doc.words, window[0].start, window[-1].end, left=2, right=1)
    before = [w.lower() for w in before]
    after = [w.lower() for w in after]
    return lm.sequence_logprob([*restored, *after], before) - lm.sequence_logprob(
        [*written, *after], before
    )


def find(doc: Document) -> list[HabitTerm]:
    """The best habit restoration of each window that has one (by book gain)."""
    from repair.candidates.tortured_words import is_habit, learned
    from repair.detect import collocation

    words = doc.words
    if not any(is_habit(w.text.lower()) for w in words):
        return []
    terms = collocation.load_terms(collocation.HELD_OUT)
    out: list[HabitTerm] = []
    for window in collocation._windows(doc):
        written = collocation._lower_ok(doc, window)
        if written is None or not any(is_habit(w) for w in written):
            continue
        if terms.get(written) is not None:
            continue  # the written words are a term themselves
        opts = [(w, *learned(w)[:MAX_OPTIONS]) for w in written]
        best: HabitTerm | None = None
        for restored in itertools.product(*opts):
            if restored == written:
                continue
            term = terms.get(tuple(restored))
            if term is None:
                continue
            fam = min(_families(w, r) for w, r in zip(written, restored, strict=True) if w != r)
            cand = HabitTerm(
                window,
                written,
                tuple(restored),
                fam,
                _book_gain(written, tuple(restored)),
                _lm_gain(doc, window, written, tuple(restored)),
                term.sources,
            )
            if best is None or cand.book_gain > best.book_gain:
                best = cand
        if best is not None:
            out.append(best)
    return out
