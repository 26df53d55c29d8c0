"""Candidate originals of a rare written word, ranked by their own prior.

The rare-word pass (:mod:`repair.detect.rareword`) reads a short list of candidate
originals for each rare word of a densely spun document.  Taking the first entries of
:func:`repair.candidates.spin_synonyms.originals_of` tied that list to the reverse
table's order, which serves the spin stage's ranker and changes with it (a wider table
moved the tortured test row from 0.105 to 0.078).  This module pools every source and
ranks the pool by a prior of its own, the same whatever order the sources list them in:

* a learned paper-mill habit (:mod:`repair.candidates.tortured_words`) comes first, more
  phrase families first (the mills reuse their thesaurus);
* then the reverse synonyms (WordNet and Moby) by :func:`prior`: how much more ordinary
  the candidate is than the written word (a spinner replaces an ordinary word by a rarer
  synonym) less ``ln(1 + degree)``, the number of written forms listing the candidate
  (a spinner that picks one of a word's synonyms writes a given one with probability
  about ``1 / degree``); the word itself breaks ties.

>>> "paper" in ranked("descant")[:3], ranked("the")
(True, ())
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from repair.candidates import tortured_words
from repair.candidates.spin_synonyms import STOPWORDS, originals_of
from repair.candidates.tortured_words import learned

#: Candidates kept per written word (set on the dev abstracts).
MAX_CANDIDATES = 16
#: Articles, conjunctions, prepositions: never a restoration ("impalement" -> "or").
FUNCTION_WORDS = frozenset(
    "a an the and or but nor if of at by for from in into on onto to with as than so".split()
)
#: A candidate must be a content word like the rare word written for it: not one of the
#: closed-class words a spinner leaves alone (:data:`~repair.candidates.spin_synonyms.STOPWORDS`:
#: auxiliaries, determiners, pronouns), nor a form of an auxiliary ("done").  The rare
#: spinner swaps content words only, so "lubricated" -> "had", "frizzled" -> "did",
#: "supernumerary" -> "other", "unrepeatable" -> "only" disagree in part of speech with the
#: written word (dev and the inner cells, ``tortured_folds.py``: 6 such rare-word
#: restorations, all wrong).  Only :func:`ranked` leaves them out: :func:`pool` and
#: :func:`has_candidates` (the rare-word density counts) keep them.
CONTENT_ONLY = True
#: The auxiliaries whose every form is closed-class ("own", "can" also have content forms).
AUXILIARIES = frozenset({"be", "have", "do"})
#: Closed-class words :data:`~repair.candidates.spin_synonyms.STOPWORDS` lacks: determiners
#: ("another", "every", "further" as in "further work"), prepositions and subordinating
#: conjunctions.  "supernumerary" -> "another" / "further" (gold "new") were the last
#: closed-class rare-word restorations on dev and the inner cells (session 27: dev and cell
#: aa each one wrong edit -> right, no other change).
CLOSED_WORDS = frozenset(
    "another every either neither further upon within among amongst toward towards "
    "unless whereas whilst whether whose".split()
)
#: A candidate must be able to take a form of the written word (a shared lemminflect Penn
#: tag, :func:`same_form`; a word either side has no reading for passes).  **Off**
#: (session 27): on the tortured dev half and the inner cells it changes no edit (the
#: reverse table already inflects candidates like the written word), and on a sample of
#: 3,000 written forms of the table it changes 78 ranked lists, 22 first candidates, among
#: them right readings lemminflect has no shared tag for: "lung" -> "pulmonary",
#: "frightened" -> "nervous", "picked" -> "chosen", "freshly" -> "new".
SAME_FORM = False


#: :func:`_degrees` is kept in the per-user cache (:func:`repair.resources.cache.disk_cached`,
#: keyed by the reverse table's bytes and this module), not counted from the 7 MB table in
#: every process that meets a rare-word candidate: counting its 73 k lines took ~0.22 s
#: (the marshalled dict of 35,787 degrees reads back in ~7 ms), once a process, so once
#: a forked window's child of a big text (:mod:`repair.window_fork`: each child counted it
#: again).  Session 62 (scale): seed-spun 1 M words' 25 windows (see benchmarks/RESULTS.md,
#: "Session 62, scale").  Exact: the same dict (tests/test_tortured_degrees62.py).  False:
#: counted in every process, as before.
DEGREES_CACHED = True


@lru_cache(maxsize=1)
def _degrees() -> dict[str, int]:
    """How many written forms of the reverse synonym table list each original."""
    if DEGREES_CACHED:
        from repair.candidates.spin_synonyms import FORMS
        from repair.lexicons import lexicon_path
        from repair.resources.cache import disk_cached

        return disk_cached(  # type: ignore[no-any-return]
            "tortured-rare-degrees", [lexicon_path(FORMS), __file__], _count_degrees, dict
        )
    return _count_degrees()


def _count_degrees() -> dict[str, int]:
    """:func:`_degrees` counted from the reverse synonym table."""
    from repair.candidates.spin_synonyms import FORMS
    from repair.lexicons import read_text

    counts: Counter[str] = Counter()
    for line in read_text(FORMS).splitlines():
        if line and not line.startswith("#"):
            counts.update(line.partition("\t")[2].split(","))
    return dict(counts)


def log_degree(word: str) -> float:
    """``ln(1 + how many written forms list word as an original)``."""
    return math.log1p(_degrees().get(word, 0))


def prior(candidate: str, written_zipf: float) -> float:
    """Prior of ``candidate`` as the original of a written word of Zipf ``written_zipf``
    (nats-like units: Zipf gain in ln-10 units less the channel's ln(1 + degree))."""
    from repair.resources.frequency import zipf

    return math.log(10) * (zipf(candidate) - written_zipf) - log_degree(candidate)


def ranked(word: str, limit: int = MAX_CANDIDATES) -> tuple[str, ...]:
    """Up to ``limit`` one-word candidate originals of the lower-case ``word``: learned
    habits first, then the reverse synonyms by :func:`prior` (independent of the order
    the sources list them in)."""
    return _ranked(word, limit, tortured_words.HELD_OUT)


@lru_cache(maxsize=20_000)
def _ranked(word: str, limit: int, _held_out: frozenset[str]) -> tuple[str, ...]:
    from repair.resources.frequency import zipf

    habits = [c for c in learned(word) if _usable(c)]
    pool = {c for c in originals_of(word) if _usable(c) and c not in habits}
    z = zipf(word)
    rest = sorted(pool, key=lambda c: (-prior(c, z), c))
    ranked = [*habits, *rest]
    if CONTENT_ONLY:  # only the ranked list: the density counts keep every candidate
        ranked = [c for c in ranked if not closed_class(c)]
    if SAME_FORM:
        ranked = [c for c in ranked if same_form(word, c)]
    return tuple(ranked[:limit])


@lru_cache(maxsize=50_000)
def pool(word: str) -> tuple[str, ...]:
    """Every one-word candidate original of ``word`` (habits, then the reverse synonyms
    in the table's order): unranked, so no frequency or degree look-up."""
    habits = tuple(c for c in learned(word) if _usable(c))
    return habits + tuple(c for c in originals_of(word) if _usable(c) and c not in habits)


def has_candidates(word: str) -> bool:
    """Whether :func:`ranked` has a candidate for ``word``, closed-class ones counted (no
    frequency look-up: the rare-word pass's document gate counts such words on every
    document)."""
    return any(_usable(c) for c in learned(word)) or any(_usable(c) for c in originals_of(word))


def _usable(candidate: str) -> bool:
    return " " not in candidate and candidate not in FUNCTION_WORDS and candidate.isalpha()


@lru_cache(maxsize=50_000)
def closed_class(word: str) -> bool:
    """Whether the lower-case ``word`` is a closed-class word a spinner leaves alone
    (:data:`~repair.candidates.spin_synonyms.STOPWORDS`, :data:`CLOSED_WORDS`) or a form of
    an auxiliary (:data:`AUXILIARIES`: "done").

    >>> closed_class("had"), closed_class("done"), closed_class("heated")
    (True, True, False)
    """
    from repair.resources.lemmas import getAllLemmas

    if word in STOPWORDS or word in CLOSED_WORDS:
        return True
    return any(lemma in AUXILIARIES for lemma in getAllLemmas(word).get("VERB", ()))


@lru_cache(maxsize=50_000)
def penn_tags(word: str) -> frozenset[str]:
    """The Penn tags the lower-case ``word`` can carry by lemminflect (each lemma's
    inflections that are ``word``): ``"moorings"`` NN and NNS, ``"clamored"`` VBD.

    >>> sorted(penn_tags("agglomerates")), sorted(penn_tags("solar"))
    (['NNS', 'VBZ'], ['JJ'])
    """
    from repair.resources.lemmas import getAllInflections, getAllLemmas

    tags: set[str] = set()
    for upos, lemmas in getAllLemmas(word).items():
        for lemma in lemmas:
            tags.update(
                t for t, forms in getAllInflections(lemma, upos=upos).items() if word in forms
            )
    return frozenset(tags)


def same_form(written: str, candidate: str) -> bool:
    """Whether ``candidate`` can take a form of ``written`` (a shared Penn tag,
    :func:`penn_tags`), or either has no reading.

    >>> same_form("clamored", "called"), same_form("neonates", "child")
    (True, False)
    """
    a, b = penn_tags(written), penn_tags(candidate)
    return not a or not b or bool(a & b)
