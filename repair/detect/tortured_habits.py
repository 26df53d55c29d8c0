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

Clean text pays a set look-up per word (the habit table, 4,500 rows, is read once per
process) and the windows around its habit words.

>>> from repair.document import Document
>>> [(h.written, h.restored) for h in find(Document("We train profound convolutional nets."))]
[(('profound', 'convolutional'), ('deep', 'convolutional'))]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.detect.collocation import Term
from repair.document import Document
from repair.types import Token

#: Habit originals tried per written word.
MAX_OPTIONS = 3
#: Least phrase families showing a habit for it to be tried (one family is an anecdote).
MIN_FAMILIES = 2
#: Most Zipf by which a habit's written word may be more common than its original.
MAX_COMMONER = 0.5


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


def find(doc: Document, min_families: int = MIN_FAMILIES) -> list[HabitTerm]:
    """The best habit restoration (by book gain) of each window around a habit word
    shown by at least ``min_families`` phrase families."""
    from repair.candidates import tortured_words
    from repair.detect import collocation

    table = _rarer_habits(min_families, tortured_words.HELD_OUT)
    words = doc.words
    lows = [w.text.lower() for w in words]
    at = [k for k, w in enumerate(lows) if w in table]
    if not at:
        return []
    text = doc.text
    joined = [text[a.end : b.start] in (" ", "-") for a, b in zip(words, words[1:], strict=False)]
    spans: set[tuple[int, int]] = set()
    for k in at:
        for lo in range(max(0, k - 2), k + 1):
            for hi in (lo + 2, lo + 3):
                if k < hi <= len(words) and all(joined[lo : hi - 1]):
                    spans.add((lo, hi))
    terms = collocation.load_terms(collocation.HELD_OUT)
    out: list[HabitTerm] = []
    for lo, hi in sorted(spans):
        written = tuple(lows[lo:hi])
        if sum(w not in STOPWORDS for w in written) < 2:
            continue  # a function word with one content word
        window = tuple(words[lo:hi])
        if collocation._lower_ok(doc, window) is None:
            continue  # not plain words (a name, an acronym, a number)
        opts = tuple((w, *table.get(w, ())[:MAX_OPTIONS]) for w in written)
        # known terms first: the look-ups are pruned by the lexicon's first words and prefixes
        combos = [(r, t) for r, t in _known(opts, collocation.HELD_OUT) if r != written]
        if not combos or terms.get(written) is not None:
            continue  # none, or the written words are a term themselves
        best: HabitTerm | None = None
        for restored, term in combos:
            fam = min(_families(w, r) for w, r in zip(written, restored, strict=True) if w != r)
            cand = HabitTerm(
                window,
                written,
                restored,
                fam,
                _book_gain(written, restored),
                _lm_gain(doc, window, written, restored),
                term.sources,
            )
            if best is None or cand.book_gain > best.book_gain:
                best = cand
        if best is not None:
            out.append(best)
    return out


@lru_cache(maxsize=8)
def _rarer_habits(min_families: int, held_out: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The habits whose written word is not more common than the original by more than
    :data:`MAX_COMMONER` (Zipf): a thesaurus spinner picks rarer synonyms, and honest text
    is full of "government", "way", "work" (habits of one paper mill each).

    The shipped table (no held-out families) is read from the per-user cache when it is
    current (keyed by the habit table, the Zipf table and the code building them): it
    saves ~45 ms of every process's first document."""
    if held_out:
        return _build_rarer(min_families)
    from repair.candidates import tortured_words
    from repair.lexicons import lexicon_path
    from repair.resources import frequency
    from repair.resources.cache import disk_cached

    sources = [
        lexicon_path(tortured_words.LEXICON),
        lexicon_path(frequency.ZIPF_TABLE),
        tortured_words.__file__,
        frequency.__file__,
        __file__,
    ]
    return disk_cached(
        f"tortured-habits-{min_families}", sources, lambda: _build_rarer(min_families), dict
    )


def _build_rarer(min_families: int) -> dict[str, tuple[str, ...]]:
    from repair.candidates.tortured_words import habit_table
    from repair.resources.frequency import zipf

    out = {}
    for w, origs in habit_table(min_families).items():
        kept = tuple(o for o in origs if zipf(w) <= zipf(o) + MAX_COMMONER)
        if kept:
            out[w] = kept
    return out


@lru_cache(maxsize=65536)
def _first(word: str, held_out: frozenset[str]) -> bool:
    """Whether some known term starts with ``word`` (cached per word)."""
    from repair.detect.collocation import load_terms

    return load_terms(held_out).first(word)


@lru_cache(maxsize=65536)
def _known(
    opts: tuple[tuple[str, ...], ...], held_out: frozenset[str]
) -> tuple[tuple[tuple[str, ...], Term], ...]:
    """Combinations of the options that are known terms (first words and prefixes pruned;
    cached: the same windows recur across documents)."""
    from repair.detect.collocation import load_terms

    terms = load_terms(held_out)
    out = []
    for a in opts[0]:
        if not _first(a, held_out):
            continue
        for b in opts[1]:
            if len(opts) == 2:
                t = terms.get((a, b))
                if t is not None:
                    out.append(((a, b), t))
                continue
            if not terms.prefix(f"{a} {b}"):
                continue
            for c in opts[2]:
                t = terms.get((a, b, c))
                if t is not None:
                    out.append(((a, b, c), t))
    return tuple(out)
