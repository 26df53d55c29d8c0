"""A source-free spin gate cue: written forms the document maps the same way everywhere.

A spinner rewrites a word the same way wherever it meets it ("said" -> "mentioned" at
every place), so the ordinary original vanishes from the document while its rarer form
recurs, and at each place the original fits the context.  A writer who repeats a word
usually repeats it because it fits; one who uses a rarer word where a commoner one fits
better rarely does so at every place *and* never writes the commoner word at all.

For the spin stage's word rows (:class:`repair.score.spin_evidence.WordEvidence`, each
with the word model's restoration probability), a written form counts when

* it is read at :data:`MIN_PLACES` places or more of the document,
* every place proposes the same original, with probability >= :data:`MIN_PROB`, and
* that original occurs nowhere in the document.

:func:`consistent_forms` is the number of such forms per 100 words (documents shorter
than :data:`MIN_WORDS` count as that long).  It reads no synonym list of a spinner: the
candidates are the stage's general ones (WordNet, Moby, learned pairs), the evidence the
word model's and the document's own counts.

The spin stage (:data:`repair.stages.spin.CONSISTENT_GATE`, issue 11, session 42
spingate42) opens its word gate where this cue reaches :data:`GATE_AT` and the document
model's score is at least :data:`GATE_MIN_MODEL` (under its own gate): chosen on the dev
halves so that no clean dev document of ``benchmarks/spin_calibrate.py``'s registers opens.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from repair.score.spin_evidence import WordEvidence

#: A form counts when read at this many places of the document or more ...
MIN_PLACES = 2
#: ... each place's row at least this restoration probability (word model) ...
MIN_PROB = 0.01
#: Documents shorter than this many words count as this long.
MIN_WORDS = 150
#: The stage's gate opens at this many consistent forms per 100 words ...
GATE_AT = 1.8
#: ... where the document model's own score is at least this (under its gate).
GATE_MIN_MODEL = 0.25


def consistent_forms(
    words: Sequence[WordEvidence], probs: Sequence[float], doc_words: Iterable[str]
) -> float:
    """Written forms mapped the same way at every place (module doc), per 100 words.

    >>> from repair.score.spin_evidence import WordEvidence as W
    >>> def row(s, w, o):
    ...     return W(s, s + len(w), w, o, 3.0, 1.0, 2.0, 3, 1.0)
    >>> rows = [row(0, "folks", "people"), row(40, "folks", "people")]
    >>> text = ["folks"] * 2 + ["x"] * 148
    >>> round(consistent_forms(rows, [0.3, 0.2], text), 3)
    0.667
    >>> consistent_forms(rows, [0.3, 0.2], text + ["people"])
    0.0
    >>> consistent_forms(rows[:1], [0.3], text)
    0.0
    """
    counts = Counter(w.lower() for w in doc_words)
    n_words = sum(counts.values())
    by: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for w, p in zip(words, probs, strict=False):
        by[w.written.lower()].append((w.original.lower(), p))
    n = 0
    for rows in by.values():
        if len(rows) < MIN_PLACES:
            continue
        original = rows[0][0]
        if counts[original] > 0:
            continue
        if all(o == original and p >= MIN_PROB for o, p in rows):
            n += 1
    return 100.0 * n / max(n_words, MIN_WORDS)


def opens(cue: float, model_score: float, doc_gate: float) -> bool:
    """Whether the cue opens the word gate of a document whose model score is
    ``model_score`` (the model's own gate ``doc_gate``).

    >>> opens(2.0, 0.3, 0.8), opens(2.0, 0.2, 0.8), opens(1.0, 0.3, 0.8), opens(2.0, 0.9, 0.8)
    (True, False, False, False)
    """
    return GATE_MIN_MODEL <= model_score < doc_gate and cue >= GATE_AT
