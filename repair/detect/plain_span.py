"""Multi-word spans of function words that a one-word form would say more plainly.

A phrase spinner writes "after that" for "then", "just about" for "almost", "have to"
for "must".  No closed list of wordy forms holds these (each is ordinary English), and a
list read off one spinner's output carries only to that spinner's families (RESULTS,
"Phrase spinner: families held out inside dev").  This reads every span of two or three
lower-case words that are all function words (:data:`repair.candidates.spin_synonyms.STOPWORDS`:
the spans :func:`repair.candidates.spin_phrase.phrase_evidence` leaves out) against the
general reverse paraphrase table ``lexicons/spin_phrases.tsv`` (Moby's multi-word
entries under one-word headwords and WordNet's multi-word lemmas; nothing read from a
spinner or an evaluation text), and keeps the one-word original the LM prefers, with the
gain split into its left and right parts (:func:`repair.candidates.spin_phrase._evidence`).

The decision (:mod:`repair.score.plain_span`) is made only inside a document the wordy
gate already opened: one such span proves nothing in clean text.

>>> from repair.document import Document
>>> text = "We talked for an hour, and after that we went home to bed."
>>> [(p.written, p.original) for p in find(Document(text), set())]
[('after that', 'then')]
"""

from __future__ import annotations

from repair.candidates.spin_phrase import PhraseEvidence, _evidence, _next_word, phrase_lines
from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.score.spin_context import WordContext


def find(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` of every two- or three-word span of function words with a
    one-word original in the paraphrase table (spans touching ``covered`` are skipped;
    a sentence-initial capital is allowed, any other capital is not)."""
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    text = doc.text
    get = phrase_lines().get
    ctx: WordContext | None = None
    out: list[PhraseEvidence] = []
    for i in range(len(toks) - 1):
        a = toks[i]
        if a.kind != "word" or a.start in covered or a.text.lower() not in STOPWORDS:
            continue
        low, prev = [a.text.lower()], a
        for n in (2, 3):
            if i + n - 1 >= len(toks):
                break
            w = _next_word(text, prev, toks[i + n - 1], covered)
            if w is None or w not in STOPWORDS:
                break
            low.append(w)
            prev = toks[i + n - 1]
            if get(" ".join(low)) is None:
                continue
            ctx = ctx or WordContext.of(doc)
            ev = _evidence(doc, ctx, a.start, prev.end, tuple(low))
            if ev is not None:
                out.append(ev)
    return out
