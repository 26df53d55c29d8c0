"""Multi-word spans a document writes again and again where one plain word would do.

A phrase spinner maps a word to the same paraphrase every time it meets it ("about" ->
"with regard to", "already" -> "by this time"), so a spun document holds the same
wordy span several times, each time where its one-word original fits far better.  No
closed list of wordy forms is read here (a list read off one spinner's output carries
only to that spinner's families: benchmarks/RESULTS.md, "Phrase spinner: families held
out inside dev"): every span of two or three lower-case words that the general reverse
paraphrase table ``lexicons/spin_phrases.tsv`` holds (Moby's multi-word entries under
one-word headwords and WordNet's multi-word lemmas; nothing from a spinner or an
evaluation text) and that the document writes at least :data:`MIN_ECHO` times is read
with the LM (:func:`repair.candidates.spin_phrase._evidence`: the best one-word
original, its gain over the span with two words of context each side and its gain
beyond the unconditioned LM).  Spans written once are not read at all (clean text pays
a dictionary look-up per word pair).

The decision is :mod:`repair.score.span_echo`'s.

>>> from repair.document import Document
>>> text = ("We spoke with regard to the plan. They asked with regard to costs, "
...         "and we wrote with regard to the law.")
>>> sorted({(e.written.lower(), e.original) for e in find(Document(text), set())})
[('with regard to', 'about')]
"""

from __future__ import annotations

from collections import defaultdict

from repair.candidates.spin_phrase import (
    PhraseEvidence,
    _evidence,
    _next_word,
    _opens_span,
    phrase_lines,
)
from repair.document import Document
from repair.score.spin_context import WordContext

#: Least times a document writes a span before it is read.
MIN_ECHO = 2


def spans(doc: Document, covered: set[int]) -> dict[str, list[tuple[int, int, tuple[str, ...]]]]:
    """Lower-case written span -> its ``(start, end, words)`` places, for every two- or
    three-word span of the paraphrase table (lower-case alphabetic words one space apart,
    a sentence-initial capital allowed by :func:`_evidence` later; none touching
    ``covered``)."""
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    get = phrase_lines().get
    out: dict[str, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
    for i in range(len(toks) - 1):
        a = toks[i]
        if a.kind != "word" or not a.text.isalpha() or a.start in covered:
            continue
        first = a.text.lower()
        if not _opens_span(first):
            continue
        low, prev = [first], a
        for n in (2, 3):
            if i + n - 1 >= len(toks):
                break
            w = _next_word(text, prev, toks[i + n - 1], covered)
            if w is None:
                break
            low.append(w)
            prev = toks[i + n - 1]
            key = " ".join(low)
            if get(key) is not None:
                out[key].append((a.start, prev.end, tuple(low)))
    return out


def find(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` of every place of every table span the document writes at
    least :data:`MIN_ECHO` times (spans touching ``covered`` are skipped)."""
    ctx: WordContext | None = None
    out: list[PhraseEvidence] = []
    for places in spans(doc, covered).values():
        if len(places) < MIN_ECHO:
            continue
        for start, end, low in places:
            ctx = ctx or WordContext.of(doc)
            ev = _evidence(doc, ctx, start, end, low)
            if ev is not None:
                out.append(ev)
    return out
