"""Common written words: a second reading where the document is already spun.

The first reading (:func:`repair.stages.spin.synonym_evidence`) skips written words with
Zipf >= :data:`MIN_ZIPF`: an author writes "said", "large" or "chief" all the time, and
the LM's evidence against such a word is weak on clean text.  A spinner writes them too
("mentioned" for "said", "large" for "big"): about a sixth of the WordNet and seed-family
simulators' substitutions on dev (``python benchmarks/spin_oracle.py``, class ``common``).

Common words are therefore read only where the evidence is strong enough for them:

* only in a document whose spin score (from the first reading and the profile) is already
  at least the common model's :attr:`~repair.score.spin_model.CommonModel.gate`, and
  where the built-in profile does not fire (profile score < :data:`PROFILE_OFF`): there
  the known spinner's own habits cover its common forms, and on dev the common reading
  broke about as many words as it restored (seed family, out of fold: 40 restored, 4 wrong,
  38 broken at the chosen threshold);
* with the same candidate originals, LM evidence and ranker as the first reading
  (:func:`repair.score.spin_evidence.evidence`), and the same mapping proposed for every
  occurrence of a written word (:func:`repair.score.spin_evidence.consistent`);
* decided by their own learned model (:class:`~repair.score.spin_model.CommonModel`,
  trained on dev halves by ``scripts/train_spin_common.py``): the word features, among
  them the written word's Zipf (a more common written word needs more evidence), the
  unigram gain (is the original at least as common), the LM gain on each side and the
  recurrence of the mapping in the document, plus the document spin score; its threshold
  is chosen on dev at a clean-text budget.
"""

from __future__ import annotations

from collections.abc import Sequence

from repair.candidates.spin_synonyms import STOPWORDS
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score.spin_context import WordContext, context
from repair.score.spin_evidence import WordEvidence, consistent, drop_choices, evidence
from repair.score.spin_model import FEATURES, CommonModel, word_features

#: Written words from this Zipf up are common (the first reading's upper bound) ...
MIN_ZIPF = 5.0
#: ... and below this one they are read again.  Out of fold on dev (rows up to Zipf 6.5),
#: the model accepted 57 rows from 5.75 up, 30 of them right: no net gain for a quarter
#: of the LM cost.  Above: "time", "people", "year"; stopwords are never read.
MAX_ZIPF = 5.75
#: A word is not read on (no row) when no candidate's own word gains at least this much
#: over it given the left context: out of fold on dev the model accepted none of those
#: rows (22.6 % of them), and the right context is then not scored.
MIN_LEFT_GAIN = -2.0
#: Documents whose built-in profile score reaches this (the profile's own threshold,
#: :data:`repair.detect.spin.THRESHOLD`) are not read for common words (module doc).
PROFILE_OFF = 0.5


def wanted(doc_score: float, profile_score: float, gate: float) -> bool:
    """Whether a document is read for common words: spun (score >= ``gate``) and not
    explained by the built-in profile (profile score < :data:`PROFILE_OFF`)."""
    return doc_score >= gate and profile_score < PROFILE_OFF


def common_rows(doc: Document, covered: set[int]) -> list[WordEvidence]:
    """:class:`WordEvidence` of the common content words outside ``covered`` (the same
    filters as the first reading: no stopwords, short, non-alphabetic or capitalized
    words inside a sentence), the mapping made consistent across the document."""
    ctx = WordContext.of(doc)
    counts = doc.word_counts
    out: list[WordEvidence] = []
    for t in doc.tokens:
        if t.kind != "word" or t.start in covered:
            continue
        w = t.text
        lw = w.lower()
        if len(w) < 3 or lw in STOPWORDS or not w.isalpha():
            continue
        if not MIN_ZIPF <= zipf(lw) < MAX_ZIPF:
            continue
        left, right, initial = context(doc, ctx, t.start, t.end)
        if w[:1].isupper() and not initial:
            continue
        ev = evidence(t.start, t.end, w, left, right, counts, MIN_LEFT_GAIN, packed=True)
        if ev is not None:
            out.append(ev)
    return drop_choices(consistent(out))


def common_features(
    doc: Document,
    rows: Sequence[WordEvidence],
    first: Sequence[WordEvidence],
    profile_score: float,
    doc_score: float,
) -> list[list[float]]:
    """One :data:`~repair.score.spin_model.COMMON_FEATURES` vector per row (document
    statistics from the first reading's rows ``first``)."""
    # rounded: a tree split between two near-1 scores would differ in float32 (scikit-learn)
    score = round(doc_score, 3)
    # a word model that reads the document's policy appends it: the common model does not
    n = len(FEATURES)
    return [[*x[:n], score] for x in word_features(doc, rows, profile_score, doc_rows=first)]


def common_probabilities(model: CommonModel, feats: Sequence[Sequence[float]]) -> list[float]:
    """The calibrated restoration probability of each row (0 where the LM gain <= 0)."""
    return [model.probability(x) if x[0] > 0.0 else 0.0 for x in feats]
