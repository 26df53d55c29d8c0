"""One written form, one restoration per document: a spinner maps a word the same way each
time it writes it, so a restoration accepted with strong evidence at one place is carried
to the other places of the same written word that no edit took.

A thesaurus spinner replaces "energy" by "vitality" wherever it spins it; the evidence at
each place differs ("save vitality" is plain, "staying vitality" is not), and a stage
that decides each place alone restores one and leaves the other.  Here a restoration
accepted at :data:`MIN_CONFIDENCE` or more is carried to every other place of the same
written word (same letters, any case of a sentence opener; not a name inside a sentence)
where the context does not speak against it: the trigram LM gain plus half the
book-register pair gain (:func:`repair.detect.rareword.evidence`, the rare-word pass's own
reading) at least :data:`MIN_GAIN`.  A written word restored two ways in the document is
not carried (the mapping is not one), nor one of one or two letters, nor a multi-word span.

Each stage carries its own restorations (the spin stage its synonym words, the collocation
stage its rare, mill and term words): a later stage sees the text an earlier one left, so
a word restored by the spin stage and left elsewhere reaches the collocation stage as an
ordinary written word (``tests/test_consistency.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from repair.document import Document
from repair.types import Edit

#: A word-by-word decision (:class:`repair.score.rareword.Decision`; not imported here).
D = TypeVar("D", bound=Any)

#: Least confidence of an accepted restoration for it to be carried.
MIN_CONFIDENCE = 0.7
#: Least context gain (nats: LM gain + book weight x book-pair gain) at the new place.
MIN_GAIN = 2.0
#: Characters after which a capital opens a sentence.
_OPENERS = frozenset(".!?:;\n\"'“‘(")


@dataclass(frozen=True)
class Carried:
    """Another place of a restored written word, and the restoration carried there."""

    start: int
    end: int
    written: str
    original: str
    #: the accepted restoration's confidence and offset
    confidence: float
    source: int
    #: context gain of the original at this place (nats)
    gain: float


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def carry(
    doc: Document,
    accepted: Iterable[tuple[int, int, str, float]],
    covered: Iterable[tuple[int, int]] = (),
) -> list[Carried]:
    """The other places of the written words of ``accepted`` (``(start, end, original,
    confidence)`` restorations on ``doc.text``) that none of ``covered`` (spans already
    edited; ``accepted`` count too) overlaps, each with the original it should get."""
    from repair.candidates.collocation import case_like
    from repair.detect.rareword import BOOK_WEIGHT, evidence
    from repair.resources.frequency import zipf

    text = doc.text
    mapping: dict[str, set[str]] = {}
    best: dict[str, tuple[float, int]] = {}
    spans = list(covered)
    for start, end, original, confidence in accepted:
        spans.append((start, end))
        written = text[start:end]
        if confidence < MIN_CONFIDENCE or not written.isalpha() or len(written) < 3:
            continue
        if " " in original.strip():
            continue
        key = written.lower()
        mapping.setdefault(key, set()).add(original.lower())
        if confidence > best.get(key, (-1.0, 0))[0]:
            best[key] = (confidence, start)
    wanted = {k: next(iter(v)) for k, v in mapping.items() if len(v) == 1}
    if not wanted:
        return []
    taken = set()
    for a, b in spans:
        taken.update(range(a, b))
    out = []
    for i, t in enumerate(doc.tokens):
        low = t.text.lower()
        if low not in wanted or t.start in taken or t.end - 1 in taken:
            continue
        if not t.text.islower() and not (
            t.text[:1].isupper() and t.text[1:].islower() and _opens_sentence(text, t.start)
        ):
            continue  # a name or an acronym
        original = wanted[low]
        option = evidence(doc.tokens, i, zipf(low), (original,)).options[0]
        gain = option.lm_gain + BOOK_WEIGHT * option.book_gain
        if gain < MIN_GAIN:
            continue
        conf, source = best[low]
        out.append(Carried(t.start, t.end, t.text, case_like(t.text, original), conf, source, gain))
    return out


#: Rule of a carried restoration.
RULE = "CONSISTENT_RESTORATION"


def carried_edits(doc: Document, edits: Iterable[Edit], rules: frozenset[str]) -> list[Edit]:
    """Edits carrying each of ``edits`` whose rule is in ``rules`` (single written words)
    to the other places of its written word (:func:`carry`); ``edits`` are spans on
    ``doc.text`` and none of them is overlapped."""
    edits = list(edits)
    accepted = [
        (e.offset, e.end, e.replacement, e.confidence)
        for e in edits
        if e.rule in rules and " " not in e.original
    ]
    if not accepted:
        return []
    kinds = {e.offset: e.kind for e in edits}
    covered = [(e.offset, e.end) for e in edits]
    return [
        Edit(
            c.start,
            c.end - c.start,
            c.written,
            c.original,
            kinds[c.source],
            c.confidence,
            RULE,
            f'"{c.written}" is restored as "{c.original.lower()}" elsewhere in the document '
            "(one written form, one restoration); the context does not speak against it here",
            {
                "restored_at": c.source,
                "lm_book_gain": round(c.gain, 3),
                "source_confidence": round(c.confidence, 4),
            },
        )
        for c in carry(doc, accepted, covered)
    ]


#: Reason of a restoration declined because its written word is restored to another
#: original elsewhere in the document, with more evidence (:func:`one_mapping`).
INCONSISTENT = "inconsistent_mapping"


def _log_odds(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


def _form(text: str, e: Edit) -> tuple[str, str] | None:
    """(written word, original), lower case, of a single-word restoration; an article the
    edit re-agreed ("a forwardness" -> "an ease") is read past."""
    written, original = text[e.offset : e.end].lower(), e.replacement.lower()
    if " " in written and written.split(" ", 1)[0] in ("a", "an"):
        written = written.split(" ", 1)[1]
        original = original.split(" ", 1)[-1]
    if not written.isalpha() or not original.replace("-", "").isalpha():
        return None
    return written, original


def one_mapping(doc: Document, edits: Iterable[Edit]) -> tuple[list[Edit], list[Edit]]:
    """``edits`` (spans on ``doc.text``) with one original per written form: where a
    single written word is restored to two or more originals in the document, the
    original with the most summed log-odds of confidence over its places is kept and the
    restorations to the others are returned apart (declined, :data:`INCONSISTENT`).  A
    spinner writes one word for one original throughout a document, so "forwardness"
    restored as "freedom" twice and as "life" once is "freedom" (the carry may then
    restore that place as "freedom" where the context does not speak against it).
    Returns (kept, declined)."""
    edits = list(edits)
    votes: dict[str, dict[str, float]] = {}
    for e in edits:
        form = _form(doc.text, e)
        if form is None:
            continue
        by = votes.setdefault(form[0], {})
        by[form[1]] = by.get(form[1], 0.0) + _log_odds(e.confidence)
    pick = {
        k: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, v in votes.items() if len(v) > 1
    }
    if not pick:
        return edits, []
    kept, declined = [], []
    for e in edits:
        form = _form(doc.text, e)
        if form is None or pick.get(form[0], form[1]) == form[1]:
            kept.append(e)
        else:
            declined.append(e)
    return kept, declined


#: A word-by-word pass takes the restoration an earlier reading made of the same written
#: word (:func:`agree`).
AGREE = True
#: Reason of a word-by-word decision declined because the written word was restored to
#: another original elsewhere and that original is not among its candidates.
RESTORED_OTHERWISE = "restored_otherwise"


def agree(decisions: list[D], restored: dict[str, str]) -> list[D]:
    """``decisions`` of a word-by-word pass (the rare-word pass's
    :class:`repair.score.rareword.Decision`) in agreement with ``restored`` (lower-case
    written word -> its original, from a reading with more context, the term windows):
    an applied decision of such a word takes that original where it is one of the word's
    candidates (its evidence goes first) and is declined (:data:`RESTORED_OTHERWISE`)
    where it is not.  One written form, one restoration: "a simple comportment" restored
    as "a simple method" by a term window leaves "evaluate the comportment" no reading of
    its own ("air")."""
    if not AGREE or not restored:
        return decisions
    out = []
    for d in decisions:
        want = restored.get(d.word.token.text.lower())
        if not d.applied or want is None or want == d.original:
            out.append(d)
            continue
        option = next((o for o in d.word.options if o.word == want), None)
        if option is None:
            out.append(replace(d, applied=False, reason=RESTORED_OTHERWISE, confidence=0.0,
                               original=""))  # fmt: skip
            continue
        options = (option, *(o for o in d.word.options if o is not option))
        out.append(replace(d, word=replace(d.word, options=options), original=want))
    return out
