"""Declined rare words in a document the rare-word pass shows to be densely spun.

The rare-word pass (:mod:`repair.score.rareword`) decides each written word alone: its
model (fitted on rare-synonym-spun *news*) asks a restoration to be likely right before it
is applied, so a word whose context evidence is real but whose best candidate is not sure
is declined as ``weak_evidence`` ("fiends" -> "users"), and one whose best two candidates
tie as ``ambiguous`` ("titillated": "sent", "killed").  Where the same pass has already
applied :data:`MIN_APPLIED` distinct written words in the document (it only applies any in
a document dense with rare words that have a better-fitting ordinary synonym), such a word
is most likely spun too: a spinner replaced it, the question left is only which original
it had.  :func:`dense_decisions` applies these declined words with their best candidate
(pooled over the word's places, as the pass ranks them), at :data:`CONFIDENCE` (below
the pass's own bar: a user raising ``min_confidence`` drops them first).

The ranking adds one cue of the document itself (:func:`echoed`): a candidate that is
written elsewhere in the document (any inflection), and is not a form of the written word,
gains :data:`ECHO_BONUS` nats.  A spinner replaces some places of a word and leaves others
("a small pretrained latticework" beside "graph neural networks"; "the common protocol"
beside "a roiling mores").

Dev (``python benchmarks/spin_eval.py --spinner tortured --split dev``): of the 49 words
declined as ``weak_evidence`` or ``ambiguous`` in the dense spun abstracts, 15 have the
gold as the pass's best candidate, 21 the gold lower down, 13 no gold candidate; the
pass's probability does not separate them (right ones 0.08-0.54, wrong 0.17-0.49).  A
wrong original for a spun word leaves one wrong word where there was one; a clean word
changed is a new error, and these documents' declined words are almost all spun.

A declined word whose best candidate is a hub (:data:`MAX_LOG_DEGREE`) stays declined:
when no candidate is clearly right, the generic one most often is not.

Switch: :data:`DENSE_RELAX`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from repair.document import Document

D = TypeVar("D", bound=Any)

#: Apply declined words in a document dense with applied rare words (off: the pass alone).
DENSE_RELAX = True
#: Distinct written words the pass must have applied in the document.
MIN_APPLIED = 2
#: Or: distinct written words the pass found fitting (applied, or declined for
#: :data:`RELAX_REASONS`), in all and per 1,000 words (None: only :data:`MIN_APPLIED`).
MIN_FITTING: int | None = 4
MIN_FITTING_PER_1000 = 20.0
#: The :data:`MIN_FITTING` gate only in a document of scientific register
#: (:func:`repair.detect.science.is_scientific`).
FITTING_SCIENCE = True
#: With :data:`FITTING_SCIENCE`, the gate also opens in a document of impersonal
#: exposition outside scientific register: one that passes the register's style bars
#: (:func:`repair.detect.science.style`: no "I", few names, quotes or speech), as the sense
#: pass's plain-language gate reads them (:data:`repair.score.sense_words.OTHER_MIN_WORDS`).
#: A plain-language abstract ("similar fiends lubricated before") is spun as a scientific
#: one is; news, speeches and letters stay out (session 21: the gate in every register cost
#: rare-spun news dev 0.349 -> 0.341).  Session 29: tortured dev 0.422 -> 0.438, the inner
#: dev cells (``benchmarks/tortured_folds.py``) 0.361 -> 0.379, every other dev row and the
#: habit-spun abstracts unchanged; **off**: the one test read moved nothing (tortured test
#: 0.266 and habit-spun test abstracts identical with it and without: no test abstract in
#: plain language reaches the gate), so it does not pay on held-out data; and of the 5,199
#: clean calibration texts (1.91 M words, short pieces included) the one it reaches, an
#: inaugural address (1893-Cleveland#001: formal, impersonal, dense with rare words), gets 26
#: wrong words ("frugality" -> "economy", "enjoins" -> "taxes") (benchmarks/RESULTS.md,
#: session 29).  Do not switch it on without a bar that keeps formal speeches out.
FITTING_STYLE = False
#: The declined reasons that are applied (never ``lm_against``, ``phrasal_verb`` or the
#: later readings' refusals; ``sparse``: the pass's words that passed every bar).
RELAX_REASONS = frozenset({"weak_evidence", "ambiguous", "sparse"})
#: Nats added to a candidate written elsewhere in the document (:func:`echoed`); 0: off.
ECHO_BONUS = 3.0
#: Confidence of a restoration applied here (the pipeline's default bar is 0.5).
CONFIDENCE = 0.52
#: A declined word whose best candidate is a hub, listed as the original of more written
#: forms than ``e ** MAX_LOG_DEGREE - 1`` (``ln(1 + degree)``,
#: :func:`repair.candidates.tortured_rare.log_degree`: "give", "take", "work", "change",
#: "study", "line"), stays declined: a spinner writes any one word for such an original
#: with little probability, and these words were declined for weak evidence already
#: (dev: 11 wrong originals left, 2 right ones lost).  None: no such bar.
MAX_LOG_DEGREE: float | None = 4.9


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """``word`` (lower case) and its lemmas of every part of speech."""
    from repair.resources.lemmas import getAllLemmas

    out = {word}
    for found in getAllLemmas(word).values():
        out.update(x.lower() for x in found)
    return frozenset(out)


def doc_lemmas(doc: Document) -> dict[str, frozenset[str]]:
    """Lower-case written word -> its lemmas, for every word of ``doc``."""
    return {w: lemmas(w) for w in {t.text.lower() for t in doc.words}}


def echoed(candidate: str, written: str, words: dict[str, frozenset[str]]) -> bool:
    """Whether ``candidate`` is written in the document (``words``: :func:`doc_lemmas`)
    as some other word than ``written``, in any inflection, and is no form of ``written``."""
    mine = lemmas(candidate.lower())
    if mine & lemmas(written.lower()):
        return False
    return any(mine & ls for w, ls in words.items() if w != written.lower())


def ranked(
    places: Iterable[Any], written: str, words: dict[str, frozenset[str]] | None
) -> list[tuple[str, float]]:
    """The candidates of a written word with its places' (``RareWord``) scores pooled
    (summed: :func:`repair.score.rareword.pooled_options`), plus :data:`ECHO_BONUS` for an
    echoed candidate (``words`` None: no echo), highest first."""
    from repair.score.rareword import pooled_options

    scores = pooled_options(places, "score").get(written, {})
    if ECHO_BONUS and words is not None:
        for c in scores:
            if echoed(c, written, words):
                scores[c] += ECHO_BONUS
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _scientific(doc: Document) -> bool:
    from repair.detect.science import is_scientific

    if is_scientific(doc):
        return True
    if not FITTING_STYLE:
        return False
    from repair.detect.science import MIN_VOCABULARY, style

    return replace(style(doc), vocabulary=MIN_VOCABULARY).scientific


def dense(doc: Document, decisions: list[Any]) -> bool:
    """Whether the rare-word pass's ``decisions`` show ``doc`` densely spun: at least
    :data:`MIN_APPLIED` distinct written words applied, or (:data:`MIN_FITTING`) that many
    distinct words applied or declined for :data:`RELAX_REASONS`, and that many per 1,000
    words."""
    applied = {d.word.token.text.lower() for d in decisions if d.applied}
    if len(applied) >= MIN_APPLIED:
        return True
    if MIN_FITTING is None or (FITTING_SCIENCE and not _scientific(doc)):
        return False
    fitting = applied | {d.word.token.text.lower() for d in decisions if d.reason in RELAX_REASONS}
    n_words = len(doc.words)
    return (
        len(fitting) >= MIN_FITTING
        and n_words > 0
        and 1000.0 * len(fitting) / n_words >= MIN_FITTING_PER_1000
    )


def dense_decisions(doc: Document, decisions: list[D]) -> list[D]:
    """The rare-word pass's decisions (:class:`repair.score.rareword.Decision`) with the
    words declined for :data:`RELAX_REASONS` applied, where the pass applied at least
    :data:`MIN_APPLIED` distinct written words in ``doc`` (the module's docstring)."""
    if not DENSE_RELAX:
        return decisions
    if not dense(doc, decisions):
        return decisions
    todo = {d.word.token.text for d in decisions if not d.applied and d.reason in RELAX_REASONS}
    if not todo:
        return decisions
    words = doc_lemmas(doc) if ECHO_BONUS else None
    best = {
        w: ranked((d.word for d in decisions if d.word.token.text == w), w, words)[0][0]
        for w in todo
    }
    if MAX_LOG_DEGREE is not None:
        from repair.candidates.tortured_rare import log_degree

        best = {w: c for w, c in best.items() if log_degree(c.lower()) < MAX_LOG_DEGREE}
    out = []
    for d in decisions:
        w = d.word.token.text
        if d.applied or w not in best:
            out.append(d)
            continue
        out.append(replace(d, applied=True, reason="applied", confidence=CONFIDENCE,
                           original=best[w]))  # fmt: skip
    return out
