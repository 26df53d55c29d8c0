"""Single words a paper mill's thesaurus wrote, read through the mills' learned habits.

A paper mill runs a whole paper through its thesaurus: "Wireless indicator organizations
must save vitality" was "Wireless sensor networks must save energy".  The exact
tortured-phrase list (:mod:`repair.detect.tortured`) knows some of the resulting
phrases, the habit pass (:mod:`repair.detect.tortured_habits`) the known terms among the
rest; most substituted words stand alone ("vitality", "organizations").  Each is the
written form of a habit learned from the list's aligned words
(:mod:`repair.candidates.tortured_words`: "organization" for "network" in many phrase
families), and ordinary, so one proves nothing: a document dense with them does.

:func:`scan` lists (no LM) the lower-case words with learned habits whose original is
not rarer than the written word by more than :data:`MAX_COMMONER` Zipf (a thesaurus
writes rarer or equally common synonyms; honest prose is full of "information",
"system", "work" that are some mill's habit), shown by more phrase families than the
reverse habit, and not another spelling of the word ("program" / "programme";
:func:`habits_of`).  :func:`find` returns, for a document with at least
:data:`PREGATE_TYPES` such distinct words and :data:`PREGATE_PER_1000` per 1,000 words,
each word that is not part of a known term with a neighbour ("town council", "data
augmentation": a mill breaks terms, honest prose writes them) with its candidates' context
evidence (:func:`repair.detect.rareword.evidence`: trigram LM and book-register pair
gains).  Deciding is :mod:`repair.score.tortured_mill`'s job.

>>> from repair.document import Document
>>> doc = Document("Wireless indicator organizations must save vitality to run.")
>>> [doc.tokens[i].text for i, _z, _c in scan(doc)]
['indicator', 'organizations', 'vitality']
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_synonyms import STOPWORDS
from repair.detect.rareword import Rare, RareWord, evidence
from repair.document import Document

#: Most Zipf by which the written word may be more common than a habit's original.
MAX_COMMONER = 0.5
#: Least phrase families showing a habit (one family is an anecdote).
MIN_FAMILIES = 1
#: A document needs this many distinct habit words, in all and per 1,000 words, before
#: any LM look-up (dev: habit-spun abstracts 31-191 per 1,000, median 127; clean news is
#: dense in them too: 300 clean dev documents median 56, 99th pct 102, max 117, seeds
#: 001-004 53-82; 5 of the 300 pass).
PREGATE_TYPES = 5
PREGATE_PER_1000 = 100.0


def _number_agrees(habits: tuple[str, ...], written: str) -> tuple[str, ...]:
    """``habits`` without a form whose twin differing by a final "s" is also there and
    agrees with the written word in number: a habit is read off one word form, so
    "frameworks" lists both "systems" and "system"."""
    plural = written.endswith("s")
    out = []
    for o in habits:
        twin = o[:-1] if o.endswith("s") else o + "s"
        if twin in habits and o.endswith("s") != plural:
            continue
        out.append(o)
    return tuple(out)


def _one_way(written: str, original: str) -> bool:
    """Whether the habit ``original`` → ``written`` is shown by enough families and more
    than the reverse one: the mills write "information" for "data" (41 families) and,
    now and then, "data" for "information" (11); honest "data" is the former's original."""
    from repair.candidates.tortured_words import family_count

    n = family_count(written, original)
    return n >= MIN_FAMILIES and n > family_count(original, written)


def scan(doc: Document, skip: frozenset[int] = frozenset()) -> list[Rare]:
    """Every lower-case word of ``doc`` (not starting at an offset in ``skip``) with a
    usable habit (:func:`habits_of`): ``(token index, Zipf, originals)``, originals most
    families first.  The known-term check is :func:`find`'s, past the pre-gate."""
    from repair.candidates import tortured_words

    held_out = tortured_words.HELD_OUT
    out: list[Rare] = []
    for i, t in enumerate(doc.tokens):
        w = t.text
        if t.kind != "word" or t.start in skip or not w.islower() or not w.isalpha():
            continue
        found = _habits_of(w, held_out)
        if found is not None:
            out.append((i, *found))
    return out


def habits_of(word: str) -> tuple[str, ...]:
    """The habits of the lower-case ``word`` this pass uses (see the module doc)."""
    from repair.candidates import tortured_words

    found = _habits_of(word, tortured_words.HELD_OUT)
    return () if found is None else found[1]


@lru_cache(maxsize=50_000)
def _habits_of(word: str, _held_out: frozenset[str]) -> tuple[float, tuple[str, ...]] | None:
    """(Zipf of ``word``, its usable habits), or None (cached per word and held-out set)."""
    from repair.candidates.spin_synonyms import spelling_variant
    from repair.candidates.tortured_words import learned
    from repair.resources.frequency import zipf

    if word in STOPWORDS:
        return None
    habits = learned(word)
    if not habits:
        return None
    z = zipf(word)
    kept = tuple(
        o
        for o in _number_agrees(habits, word)
        if z <= zipf(o) + MAX_COMMONER
        and o not in STOPWORDS
        and _one_way(word, o)
        and not spelling_variant(word, o)  # "program" / "programme": spellings stay
    )
    return (z, kept) if kept else None


def _in_term(doc: Document, i: int) -> bool:
    """Whether token ``i`` makes a known term (:func:`repair.detect.collocation.load_terms`:
    WordNet multi-word lemmas, the tortured list's expected side, associated book pairs)
    with the word before or after it (plain words of one sentence)."""
    from repair.detect import collocation

    terms = collocation.load_terms(collocation.HELD_OUT)
    toks = doc.tokens
    w = toks[i].text.lower()
    for j, pair in ((i - 2, lambda n: (n, w)), (i + 2, lambda n: (w, n))):
        if 0 <= j < len(toks) and toks[(i + j) // 2].text in (" ", "-") and toks[j].kind == "word":
            if terms.get(pair(toks[j].text.lower())) is not None:
                return True
    return False


def find(doc: Document, skip: frozenset[int] = frozenset()) -> list[RareWord]:
    """The :func:`scan` words with their candidates' evidence, or ``[]`` for a document
    under the pre-gate (most clean text: no LM look-up)."""
    found = scan(doc, skip)
    n_types = len({doc.tokens[i].text for i, _z, _c in found})
    n_words = len(doc.words)
    if n_types < PREGATE_TYPES or not n_words or 1000.0 * n_types / n_words < PREGATE_PER_1000:
        return []
    # a mill breaks terms; honest prose writes them ("town council", "data augmentation")
    # no channel term (the degree table is the reverse synonyms', not the habits'; and
    # reading it costs ~0.1 s of a process's first document)
    return [
        evidence(doc.tokens, i, z, c, channel=False) for i, z, c in found if not _in_term(doc, i)
    ]
