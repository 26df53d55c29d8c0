"""Decide rare-word restorations (:mod:`repair.detect.rareword`) in a densely spun document.

Honest prose has rare words too ("magnanimity" in an inaugural address), and a rare
word next to an ordinary synonym that the LM likes better is common in formal English.
What a paper-mill or "unique content" spinner leaves is *density*.  The stage
(:mod:`repair.stages.collocation`) looks only at documents with at least 60 distinct rare
words with candidate originals per 1,000 words (clean dev documents of seven registers
here: at most 45; rare-synonym-spun dev abstracts 72-139).  Then each written word is
decided with the evidence of all its places pooled (:func:`pooled`: a spinner writes the
same word for the same original every time), and each failure is a reason:

* ``lm_against``: the best candidate's context evidence (trigram LM gain plus half the
  book-register pair gain, :attr:`~repair.detect.rareword.Option.gain`) is below
  :data:`MIN_GAIN` nats;
* ``ambiguous``: the best candidate's noisy-channel score beats the second's by less
  than :data:`MIN_MARGIN` nats (several synonyms fit);
* ``weak_evidence``: a learned model (:func:`probability`, a logistic regression over
  :data:`FEATURES`, ``lexicons/rareword_model.json`` fitted by
  ``scripts/train_rareword.py`` on rare-synonym-spun *dev* news documents) gives the
  restoration less than :data:`MIN_PROBABILITY` of being right;
* ``phrasal_verb``: the word is the verb of a phrasal verb ("thresh out" for
  "investigate"): a spinner's multi-word synonym, where one word replaced alone is wrong
  (it still counts towards the document's density);
* ``sparse``: fewer than :data:`MIN_DOC_WORDS` distinct written words pass, or fewer
  than :data:`MIN_PER_1000` per 1,000 words (distinct: an honest technical text repeats
  its few rare terms, a spinner writes many).

The confidence of an applied restoration is the model's probability.  Thresholds were
set on dev rows (``benchmarks/spin_eval.py --split dev``) and the dev half of the clean
registers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from repair.detect.rareword import RareWord

#: The learned decision (``scripts/train_rareword.py``).
MODEL = "rareword_model.json"
#: Its inputs, in order (see :func:`features`).
FEATURES = (
    "gain_10", "margin_5", "log1p_margin", "lm_gain_10", "book_gain_10", "zipf_gain",
    "written_zipf",
)  # fmt: skip
#: Least probability (of the model) that the restoration is right.
MIN_PROBABILITY = 0.55

#: Least context evidence (nats) of the best candidate.
MIN_GAIN = 4.0
#: Least score margin (nats) of the best candidate over the second.
MIN_MARGIN = 0.5
#: Distinct words passing the bars a document needs, in all and per 1,000 words.
MIN_DOC_WORDS = 2
MIN_PER_1000 = 20.0


@dataclass(frozen=True)
class Decision:
    word: RareWord
    applied: bool
    reason: str
    confidence: float = 0.0
    #: the restored word (applied decisions)
    original: str = ""


def pooled_options(found: Iterable[RareWord], field: str) -> dict[str, dict[str, float]]:
    """Per written word: each candidate's ``field`` (``"score"`` or ``"gain"``) summed
    over the word's occurrences in ``found``."""
    out: dict[str, dict[str, float]] = {}
    for r in found:
        per = out.setdefault(r.token.text, {})
        for o in r.options:
            per[o.word] = per.get(o.word, 0.0) + getattr(o, field)
    return out


def pooled(found: list[RareWord]) -> dict[str, tuple[str, float, float]]:
    """Per written word: ``(best candidate, its gain, margin)`` with each candidate's
    gain and score summed over the word's occurrences (a spinner writes the same word for
    the same original every time, so the evidence of all places counts together)."""
    gains = pooled_options(found, "gain")
    scores = pooled_options(found, "score")
    out = {}
    for word, sc in scores.items():
        ranked = sorted(sc.items(), key=lambda kv: -kv[1])
        best = ranked[0][0]
        margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else gains[word][best]
        out[word] = (best, gains[word][best], margin)
    return out


def features(r: RareWord, best: str, gain: float, margin: float) -> list[float]:
    """The model's inputs (:data:`FEATURES`) for restoring ``best`` at ``r``."""
    o = next(o for o in r.options if o.word == best)
    return [
        gain / 10,
        min(margin, 10.0) / 5,
        math.log1p(max(margin, 0.0)),
        o.lm_gain / 10,
        o.book_gain / 10,
        o.zipf_gain,
        r.zipf,
    ]


@lru_cache(maxsize=1)
def _model() -> tuple[float, tuple[float, ...]]:
    from repair.lexicons import LexiconError, read_text

    m = json.loads(read_text(MODEL))
    if m.get("format") != "repair-rareword-model/1" or tuple(m["features"]) != FEATURES:
        raise LexiconError(f"{MODEL}: not a model of features {FEATURES}")
    return float(m["bias"]), tuple(float(w) for w in m["weights"])


def probability(r: RareWord, best: str, gain: float, margin: float) -> float:
    """The model's probability that restoring ``best`` at ``r`` is right."""
    bias, weights = _model()
    z = bias + sum(w * x for w, x in zip(weights, features(r, best, gain, margin), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _reason(gain: float, margin: float, p: float) -> str:
    if gain < MIN_GAIN:
        return "lm_against"
    if margin < MIN_MARGIN:
        return "ambiguous"
    if p < MIN_PROBABILITY:
        return "weak_evidence"
    return ""


def decide(found: list[RareWord], n_words: int) -> list[Decision]:
    """One decision per found word (applied ones carry a confidence, the model's
    probability, and the restoration, the same for every occurrence of a written word)."""
    pool = pooled(found)
    probs = {
        id(r): probability(r, *pool[r.token.text]) for r in found
    }  # per place: the written word's features differ by place only in its options
    reasons = {id(r): _reason(pool[r.token.text][1], pool[r.token.text][2], probs[id(r)])
               for r in found}  # fmt: skip
    n_pass = len({r.token.text for r in found if not reasons[id(r)]})  # distinct words
    for r in found:
        if r.phrasal and not reasons[id(r)]:
            reasons[id(r)] = "phrasal_verb"  # counts for the document, is not restored
    dense = n_pass >= MIN_DOC_WORDS and n_words and 1000.0 * n_pass / n_words >= MIN_PER_1000
    out = []
    for r in found:
        why = reasons[id(r)]
        if why or not dense:
            out.append(Decision(r, False, why or "sparse"))
            continue
        out.append(Decision(r, True, "applied", round(probs[id(r)], 4), pool[r.token.text][0]))
    return out
