"""Spinner-agnostic candidates for written two-word spans ("adult male" for "man").

Spinners often write a multi-word form for one original word.  For every two
adjacent lower-case words (one space apart, outside profile spans, not a name) we look
the span up in the two-word rows of the reverse synonym table
(:func:`repair.candidates.spin_synonyms.phrase_originals`: WordNet multiword lemmas, head
inflected with lemminflect) and keep the original with the best LM gain over the whole
span, read with two words of context on each side.  The decision is
:mod:`repair.stages.spin`'s (a conservative rule behind the document gate).
"""

from __future__ import annotations

from dataclasses import dataclass

from repair.candidates.spin_synonyms import STOPWORDS, phrase_originals
from repair.document import Document
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.score.spin_context import WordContext, context, lm_gain


@dataclass(frozen=True, slots=True)
class PhraseEvidence:
    """The best one-word restoration of the written span ``text[start:end]``."""

    start: int
    end: int
    written: str
    original: str
    #: LM gain of the restoration over the span with two words of context each side.
    gain: float
    #: Its runner-up's gain lead (10 when alone).
    margin: float
    #: Zipf of the original minus the mean Zipf of the two written words.
    zipf_gain: float


def phrase_evidence(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` for each two-word span with a candidate original.

    Skipped: spans touching ``covered``, spans with a capital letter (names; a
    sentence-initial capital is allowed), spans of two stopwords.
    """
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    ctx = WordContext.of(doc)
    lm = get_lm()
    out: list[PhraseEvidence] = []
    for a, b in zip(toks, toks[1:], strict=False):
        if b.start != a.end + 1 or text[a.end] != " " or a.kind != "word" or b.kind != "word":
            continue
        w1, w2 = a.text, b.text
        if not (w1.isalpha() and w2.isalpha()) or not w2.islower():
            continue
        l1 = w1.lower()
        if l1 in STOPWORDS and w2 in STOPWORDS:
            continue
        if a.start in covered or b.start in covered:
            continue
        origs = tuple(o for o in phrase_originals(l1, w2) if lm.known(o))
        if not origs:
            continue
        left, right, initial = context(doc, ctx, a.start, b.end)
        if not w1.islower() and not initial:
            continue
        gains = sorted(((lm_gain(left, [l1, w2], [o], right), o) for o in origs), reverse=True)
        g, o = gains[0]
        margin = g - gains[1][0] if len(gains) > 1 else 10.0
        zg = zipf(o) - (zipf(l1) + zipf(w2)) / 2
        out.append(PhraseEvidence(a.start, b.end, text[a.start : b.end], o, g, margin, zg))
    return out
