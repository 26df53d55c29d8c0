"""A restored word mapping carried to the written word's other inflections (session 64).

A thesaurus spinner maps a lemma to a lemma and inflects its synonym like the word it
replaces: where it writes "sling" for "service" it writes "slings" for "services".  The
spin stage carries a restoration to the other places of the *same* written word
(:func:`repair.score.consistency.carry`, rule ``CONSISTENT_RESTORATION``) but not to its
inflections, so "slings" keeps whatever its own row proposes (another word, or nothing
over the bar).

:func:`inflected_edits` reads the stage's word restorations (rule ``SPIN_SYNONYM``, one
word each; a written word restored two ways in the document is not read) and, at each
other written word of the document that is another inflection of a restored written word
(a lemma shared, under one part of speech) and that no edit covers, restores the original
inflected the same way: the tags the written form has under the shared lemma
(lemminflect's dictionary, read in place by :mod:`repair.resources.lemmas`) applied to
the original's lemma ("slings" is "sling" + NNS, so "service" + NNS: "services").  A form
is restored only where its context speaks for it as :func:`~repair.score.consistency.carry`
reads a carried place (trigram LM gain plus the book-register pair gain, weighed as there)
by at least :data:`MIN_GAIN` nats, and where exactly one original results.  Reads only the
document's own edits and lemminflect's tables: no list, no spinner.

Session 64, spinpool (benchmarks/RESULTS.md, "Session 64, spinpool"): on dev (a scratch
scan of the shipped stage's edits, gain >= 2) the inflected places were 31 golds, 19
other spun words and 9 unspun words on spinbot, 16 / 1 / 18 on WordNet; at a gain of 8 nats
19 / 6 / 2 and 7 / 0 / 2.  Shipped at :data:`MIN_GAIN` 8: dev spinbot 0.2641 -> 0.2674
(precision 0.681 -> 0.683), rare 0.4284 -> 0.4310, double 0.3629 -> 0.3638, WordNet
0.3660 -> 0.3679, seeddense 0.4683 -> 0.4687, seedinfl 0.6060 -> 0.6066, seedprof
0.6040 -> 0.6042; every other dev row identical; the calibration and seeds identical.  Test
(read once): spinbot 0.2310 -> 0.2330 (precision 0.640 -> 0.636), rare 0.3797 -> 0.3851,
WordNet 0.3078 -> 0.3087, double 0.2999 -> 0.3010, seed 0.3722 -> 0.3715 (one honest word).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from repair.document import Document
from repair.types import Edit

#: Carry a word restoration to its written word's other inflections (False: off).
#: Session 64: dev spinbot 0.2641 -> 0.2674, rare 0.4284 -> 0.4310, double 0.3629 ->
#: 0.3638, WordNet 0.3660 -> 0.3679, seeddense / seedinfl / seedprof +0.0004 / +0.0006 /
#: +0.0002 (module doc).
LEMMA_CARRY = True
#: Least context gain (nats: LM gain + book weight x book-pair gain) at the new place.
#: Session 64, dev: 4 and 6 gain as much on spinbot / rare (0.2681 / 0.4306-0.4310) but
#: cost precision (WordNet 0.768 -> 0.763 / 0.765, double 0.661 -> 0.656 / 0.658); at 8
#: every precision holds within 0.002.
MIN_GAIN = 8.0
#: The rules of the restorations read.
SOURCE_RULES = frozenset({"SPIN_SYNONYM"})
#: The parts of speech read (lemminflect's upos).
UPOS = ("NOUN", "VERB", "ADJ")
#: The feature that marks a carried edit (its evidence).
FEATURE = "inflection_of"


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(upos, lemmas) of ``word`` (lower case) in :data:`UPOS` (lemminflect)."""
    from repair.resources.lemmas import getAllLemmas

    found = getAllLemmas(word)
    return tuple(
        (u, frozenset(x.lower() for x in found[u])) for u in UPOS if u in found and found[u]
    )


@lru_cache(maxsize=65536)
def _tags(word: str, lemma: str, upos: str) -> frozenset[str]:
    """The tags under which ``lemma`` (as ``upos``) is written ``word`` (lemminflect's
    dictionary; the lemma itself at no tag of its own)."""
    from repair.resources.lemmas import getAllInflections

    return frozenset(t for t, forms in getAllInflections(lemma, upos=upos).items() if word in forms)


def inflected_like(written: str, original: str, other: str) -> set[str]:
    """The forms of ``original`` inflected as ``other`` is inflected from ``written``
    (all lower case): for each lemma ``written`` and ``other`` share under a part of
    speech ``original`` also has, ``original``'s lemma at ``other``'s tags.

    >>> sorted(inflected_like("sling", "service", "slings"))
    ['services']
    >>> sorted(inflected_like("used", "employed", "uses"))
    ['employs']
    >>> sorted(inflected_like("sling", "service", "table"))
    []
    """
    from repair.resources.lemmas import getInflection

    out: set[str] = set()
    mine = dict(_lemmas(written))
    orig = dict(_lemmas(original))
    for upos, lems in _lemmas(other):
        if upos not in mine or upos not in orig:
            continue
        for lemma in sorted(lems & mine[upos]):
            for tag in sorted(_tags(other, lemma, upos)):
                for olemma in sorted(orig[upos]):
                    forms = getInflection(olemma, tag=tag)
                    if forms and forms[0].isalpha():
                        out.add(forms[0].lower())
    out.discard(original)
    out.discard(other)
    return out


def inflected_edits(doc: Document, edits: Iterable[Edit]) -> list[Edit]:
    """Edits restoring the other inflections of the written words of ``edits``' word
    restorations (module doc); ``edits`` are spans on ``doc.text``, none overlapped."""
    if not LEMMA_CARRY:
        return []
    from repair.candidates.collocation import case_like
    from repair.detect.rareword import BOOK_WEIGHT, evidence
    from repair.resources.frequency import zipf
    from repair.score.consistency import RULE, _opens_sentence

    edits = list(edits)
    text = doc.text
    mapping: dict[str, set[str]] = {}
    source: dict[str, Edit] = {}
    for e in edits:
        written = text[e.offset : e.end]
        if e.rule not in SOURCE_RULES or not written.isalpha() or " " in e.replacement:
            continue
        key = written.lower()
        mapping.setdefault(key, set()).add(e.replacement.lower())
        if key not in source or e.confidence > source[key].confidence:
            source[key] = e
    restored = {k: next(iter(v)) for k, v in mapping.items() if len(v) == 1}
    if not restored:
        return []
    by_lemma: dict[str, set[str]] = {}
    for w in restored:
        for _upos, lems in _lemmas(w):
            for lemma in lems:
                by_lemma.setdefault(lemma, set()).add(w)
    taken: set[int] = set()
    for e in edits:
        taken.update(range(e.offset, e.end))
    one: dict[str, tuple[str, str] | None] = {}  # written word -> (original, source word)
    out = []
    for i, t in enumerate(doc.tokens):
        low = t.text.lower()
        if t.kind != "word" or not low.isalpha() or low in mapping:
            continue
        if t.start in taken or t.end - 1 in taken:
            continue
        if not t.text.islower() and not (
            t.text[:1].isupper() and t.text[1:].islower() and _opens_sentence(text, t.start)
        ):
            continue  # a name or an acronym
        if low not in one:
            one[low] = _one_form(low, by_lemma, restored)
        found = one[low]
        if found is None:
            continue  # no inflection, or several originals: no one mapping
        original, written = found
        option = evidence(doc.tokens, i, zipf(low), (original,)).options[0]
        gain = option.lm_gain + BOOK_WEIGHT * option.book_gain
        if gain < MIN_GAIN:
            continue
        src = source[written]
        out.append(
            Edit(
                t.start,
                t.end - t.start,
                t.text,
                case_like(t.text, original),
                src.kind,
                src.confidence,
                RULE,
                f'"{t.text}" is an inflection of "{written}", restored as '
                f'"{restored[written]}" elsewhere in the document; the context does not '
                "speak against the original inflected alike here",
                {
                    FEATURE: f"{written} -> {restored[written]}",
                    "restored_at": src.offset,
                    "lm_book_gain": round(gain, 3),
                    "source_confidence": round(src.confidence, 4),
                },
            )
        )
    return out


def _one_form(
    low: str, by_lemma: dict[str, set[str]], restored: dict[str, str]
) -> tuple[str, str] | None:
    """(original, restored written word) of the written word ``low`` when its inflections of
    the restored words (``by_lemma``: lemma -> restored written words; ``restored``: written
    word -> original) give exactly one original, else None."""
    words = {w for _upos, lems in _lemmas(low) for lemma in lems for w in by_lemma.get(lemma, ())}
    forms = {(f, w) for w in words for f in inflected_like(w, restored[w], low)}
    if len({f for f, _w in forms}) != 1:
        return None
    return min(forms)
