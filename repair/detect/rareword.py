"""Find rare words that a thesaurus spinner may have written for an ordinary one.

A paper mill runs a known paper through a thesaurus: "In this descant we proffer a
simple comportment" was "In this paper we propose a simple method".  The spun words
are rare (a spinner picks the rarer synonym), and an ordinary word they may have
replaced (the reverse synonym table,
:func:`repair.candidates.spin_synonyms.originals_of`) fits the context better, both
by the news trigram LM and by book-register word-pair counts
(:mod:`repair.resources.bigrams`, which know "we propose" and "neural network").

For each lower-case word at most :data:`MAX_ZIPF` common, outside names and with
candidate originals, :func:`find` returns a :class:`RareWord` with every candidate's
evidence (:class:`Option`), best first.  Deciding is :mod:`repair.score.rareword`'s
job: one such word proves nothing (honest prose has rare words); a document dense
with them does.

>>> from repair.document import Document
>>> found = find(Document("In this descant we proffer a simple comportment."))
>>> [(r.token.text, r.options[0].word) for r in found]
[('descant', 'study'), ('proffer', 'offer'), ('comportment', 'method')]
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from repair.candidates.spin_synonyms import STOPWORDS
from repair.candidates.tortured_rare import (  # FUNCTION_WORDS: re-exported
    FUNCTION_WORDS,  # noqa: F401
    has_candidates,
    log_degree,
    ranked,
)
from repair.document import Document
from repair.types import Token

if TYPE_CHECKING:
    from repair.resources.bigrams import Bigrams

#: Only words at most this common (wordfreq Zipf) are taken as possibly spun.
MAX_ZIPF = 3.0
#: Candidate originals kept per word (the reverse table ranks them).
MAX_OPTIONS = 16
#: Words of context each side for the trigram LM.
CONTEXT = 2
#: Adverb particles of phrasal verbs (a word before one is left alone).
PARTICLES = frozenset("out up off down forth away back".split())
#: Weight of the book-register pair counts beside the trigram LM (set on dev).
BOOK_WEIGHT = 0.5
#: A written noun that shows no number ("misfeasance",
#: :func:`repair.score.spin_plural.unmarked_noun`) reads each noun candidate in the number
#: its place fits better: the candidate's evidence is that of its plural ("errors"), less
#: :data:`PLURAL_COST`, where that beats the singular's.  Only the rare-word pass's
#: ranking and bars read it (:func:`find`, :func:`reread`; not the sense, mill or carried
#: readings); the form restored stays :func:`repair.score.spin_plural.plural_forms`'s.
REINFLECT = True
#: The channel's price of the plural reading (nats, taken off its LM gain): how much rarer a
#: plural original is than a singular one behind an unmarked written noun.  Rare-spun gold
#: substitutions of the tortured dev half and the inner cells whose written noun shows no
#: number and whose original is a count noun: 46 singular, 12 plural.  Without it the plural
#: of any count noun outbids a mass-noun candidate wherever a plural reads well ("the details
#: of" beat "the accuracy of" for "fussiness", tests/test_rareword.py).
PLURAL_COST = math.log(46 / 12)


@dataclass(frozen=True)
class Option:
    """One candidate original and its evidence against the written word."""

    word: str
    #: trigram LM ln-prob gain of the candidate in context (two words each side)
    lm_gain: float
    #: book-register word-pair gain (:meth:`repair.resources.bigrams.Bigrams.fit`)
    book_gain: float
    #: Zipf of the candidate minus the written word's
    zipf_gain: float

    #: ln(1 + how many written forms list the candidate as an original): a spinner that
    #: picks one of a word's synonyms writes a given one with probability ~ 1/degree
    log_degree: float = 0.0

    @property
    def gain(self) -> float:
        """Context evidence against the written word (nats)."""
        return self.lm_gain + BOOK_WEIGHT * self.book_gain

    @property
    def score(self) -> float:
        """Noisy-channel rank: context evidence plus ln P(written | candidate)."""
        return self.gain - self.log_degree


@dataclass(frozen=True)
class RareWord:
    token: Token
    zipf: float
    #: candidates, highest :attr:`Option.score` first
    options: tuple[Option, ...]
    #: the verb of a phrasal verb ("thresh out"): counted for the document, never restored
    phrasal: bool = False

    @property
    def margin(self) -> float:
        """Score of the best candidate over the second (its gain if alone)."""
        if len(self.options) < 2:
            return self.options[0].gain
        return self.options[0].score - self.options[1].score


def _sentence_words(
    tokens: list[Token], i: int, step: int, n: int, restored: dict[int, str] | None = None
) -> list[str]:
    """Up to ``n`` word tokens from ``tokens[i]`` in direction ``step``, stopping at
    punctuation other than a hyphen or apostrophe (the LM sees one sentence); a token
    whose index is in ``restored`` reads as its restoration."""
    out: list[str] = []
    j = i + step
    while 0 <= j < len(tokens) and len(out) < n:
        t = tokens[j]
        if t.kind == "word" or t.kind == "number":
            out.append(restored[j] if restored and j in restored else t.text.lower())
        elif t.kind == "punct" and t.text not in "-'’":
            break
        j += step
    return out if step > 0 else out[::-1]


def _is_name(tokens: list[Token], i: int) -> bool:
    return tokens[i].text[:1].isupper()


#: One rare word before the LM: (token index, Zipf, candidate originals; () until
#: :func:`find` ranks them, :func:`repair.candidates.tortured_rare.ranked`).
Rare = tuple[int, float, tuple[str, ...]]


#: (weak reference to the document, :data:`MAX_ZIPF`, its rare words) of the last
#: document :func:`scan` read: the collocation stage scans one document up to four times,
#: each time but for its ``skip`` offsets (issue 14).
_last_scan: tuple[weakref.ref[Document], float, list[Rare]] | None = None


def scan(doc: Document, skip: frozenset[int] = frozenset()) -> list[Rare]:
    """Every rare lower-case word of ``doc`` with candidate originals (not starting at an
    offset in ``skip``): Zipf look-ups and the precomputed reverse table, no LM.

    The document's words are read once (remembered for the last document); ``skip`` only
    leaves words out."""
    global _last_scan
    got = _last_scan
    if got is not None and got[0]() is doc and got[1] == MAX_ZIPF:
        every = got[2]
    else:
        every = _scan(doc)
        _last_scan = (weakref.ref(doc), MAX_ZIPF, every)
    if not skip:
        return list(every)
    tokens = doc.tokens
    return [r for r in every if tokens[r[0]].start not in skip]


def _scan(doc: Document) -> list[Rare]:
    """:func:`scan` of every word."""
    from repair.resources.frequency import zipf

    tokens = doc.tokens
    rare: list[Rare] = []
    for i, t in enumerate(tokens):
        low = t.text
        # a name (capital first: :func:`_is_name`) is not lower case either; mixed case
        # ("tHe", OCR garble) is no spinner's synonym
        if t.kind != "word" or len(low) < 4 or not low.islower() or not low.isalpha():
            continue
        if low in STOPWORDS:
            continue
        z = zipf(low)
        if z > MAX_ZIPF:
            continue
        if has_candidates(low):  # ranked only past the document gate (find)
            rare.append((i, z, ()))
    return rare


def _before_particle(tokens: list[Token], i: int) -> bool:
    """Whether the word is the verb of a phrasal verb ("thresh out", "mete out"): a
    spinner's multi-word synonym, or an original phrasal verb; one word replaced alone
    breaks it."""
    if i + 2 >= len(tokens) or tokens[i + 1].text != " ":
        return False
    return tokens[i + 2].text.lower() in PARTICLES


def type_density(doc: Document, rare: list[Rare]) -> tuple[int, float]:
    """Distinct written words of ``rare`` and their number per 1,000 words of ``doc``.
    Distinct, because honest technical prose repeats its few rare terms ("spline" four
    times) while a spinner writes many."""
    n_types = len({doc.tokens[i].text for i, _z, _c in rare})
    n_words = len(doc.words)
    return n_types, (1000.0 * n_types / n_words if n_words else 0.0)


def find(
    doc: Document,
    skip: frozenset[int] = frozenset(),
    at_least: int = 0,
    per_1000: float = 0.0,
    rare: list[Rare] | None = None,
) -> list[RareWord]:
    """Every rare lower-case word of ``doc`` with candidate originals (:func:`scan`, or
    ``rare`` when given), each with its candidates' evidence.

    With ``at_least`` / ``per_1000``, a document with fewer such distinct words than that
    (in all, or per 1,000 words: :func:`type_density`) gets ``[]`` before any LM look-up:
    the scorer's document gate, which keeps clean text cheap.
    """
    rare = scan(doc, skip) if rare is None else rare
    n_types, density = type_density(doc, rare)
    if n_types < at_least or density < per_1000:
        return []
    # own candidate list and prior (repair.candidates.tortured_rare): learned paper-mill
    # habits first, then reverse synonyms, whatever order the synonym table lists them in
    found = []
    for i, z, cands in rare:
        cands = cands or ranked(doc.tokens[i].text, MAX_OPTIONS)
        if cands:  # none left: every candidate was closed-class (tortured_rare.CONTENT_ONLY)
            found.append(_evidence(doc.tokens, i, z, cands, reinflect=REINFLECT))
    return found


def reread(doc: Document, found: list[RareWord], restored: dict[int, str]) -> list[RareWord]:
    """``found`` with the evidence of each word not in ``restored`` (token offset → its
    restoration) read again where a restored word is in its context: a spinner swaps
    neighbouring words too ("In this descant we proffer"), and "proffer" is judged
    better after "this paper we"."""
    tokens = doc.tokens
    index = {t.start: k for k, t in enumerate(tokens)}
    by_index = {index[a]: w for a, w in restored.items() if a in index}
    out = []
    for r in found:
        i = index[r.token.start]
        if r.token.start in restored or not any(abs(i - j) <= 2 * CONTEXT for j in by_index):
            out.append(r)
            continue
        cands = tuple(o.word for o in r.options)
        out.append(_evidence(tokens, i, r.zipf, cands, by_index, reinflect=REINFLECT))
    return out


@lru_cache(maxsize=2)
def _book_fit(book: Bigrams) -> Callable[[str | None, str, str | None], float]:
    """``book.fit`` (:meth:`repair.resources.bigrams.Bigrams.fit`, the same floats) with
    each word's and pair's count looked up once per process: a word's neighbours and
    candidates recur across its options and the document's words."""
    from repair.resources.bigrams import BACKOFF

    log_count = lru_cache(maxsize=200_000)(book.log_count)
    unigram = lru_cache(maxsize=100_000)(book.unigram_logprob)

    def logprob_next(prev: str, word: str) -> float:  # Bigrams.logprob_next
        pair = log_count(f"{prev} {word}")
        first = log_count(prev)
        if pair is not None and first is not None:
            return min(0.0, pair - first)
        return BACKOFF + unigram(word)

    def fit(left: str | None, word: str, right: str | None) -> float:  # Bigrams.fit
        score = logprob_next(left, word) if left else unigram(word)
        if right:
            score += logprob_next(word, right) - unigram(right)
        return score

    return fit


def _evidence(
    tokens: list[Token],
    i: int,
    z: float,
    cands: tuple[str, ...],
    restored: dict[int, str] | None = None,
    channel: bool = True,
    reinflect: bool = False,
) -> RareWord:
    from repair.resources.bigrams import get_bigrams
    from repair.resources.frequency import zipf
    from repair.resources.lm import get_lm
    from repair.score.spin_plural import plural_of, unmarked_noun

    lm = get_lm()
    fit = _book_fit(get_bigrams())
    low = tokens[i].text
    left = _sentence_words(tokens, i, -1, CONTEXT, restored)
    right = _sentence_words(tokens, i, 1, CONTEXT, restored)
    near_l, near_r = (left[-1] if left else None), (right[0] if right else None)
    base_lm = lm.sequence_logprob([low, *right], left)
    base_book = fit(near_l, low, near_r)

    def gains(c: str) -> tuple[float, float]:  # (LM gain, book gain) of c for the word
        return lm.sequence_logprob([c, *right], left) - base_lm, fit(near_l, c, near_r) - base_book

    number = reinflect and unmarked_noun(low)
    options = []
    for c in cands:
        lm_gain, book_gain = gains(c)
        plural = plural_of(c) if number else None
        if plural is not None:  # the candidate in the number its place fits (REINFLECT)
            p_lm, p_book = gains(plural)
            p_lm -= PLURAL_COST
            if p_lm + BOOK_WEIGHT * p_book > lm_gain + BOOK_WEIGHT * book_gain:
                lm_gain, book_gain = p_lm, p_book
        options.append(
            Option(c, lm_gain, book_gain, zipf(c) - z, log_degree(c) if channel else 0.0)
        )
    options.sort(key=lambda o: -o.score)
    return RareWord(tokens[i], z, tuple(options), _before_particle(tokens, i))


#: The evidence of one word's candidates (public: :mod:`repair.detect.tortured_mill`).
evidence = _evidence
