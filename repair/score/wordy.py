"""Decide wordy-paraphrase restorations (:mod:`repair.detect.wordy`).

Each paraphrase is ordinary English, so the decision is made by the document first:

* ``sparse``: fewer than :data:`MIN_MATCHES` paraphrases in the document, or fewer
  than :data:`MIN_PER_1000` per 1,000 words: clean text of every register here has
  at most 4 per document and 4 per 1,000 words; a phrase-spun document 7-16 and
  8-17 (dev documents of ``benchmarks/spin_eval.py``);
* ``lm_against``: the plain form fits its context (two words before, two after)
  worse than the paraphrase by more than :data:`MAX_LOSS` nats (the LM's per-word
  costs favour the shorter form, so a loss means the paraphrase belongs there:
  "take a look at" in "take a look at this").

Among several plain forms ("regularly" / "often") the LM's best is kept.
``confidence = 0.55 + 0.3·clip((density − MIN_PER_1000) / 10) + 0.1·clip(gain / 5)``.
"""

from __future__ import annotations

from repair.detect.wordy import Match

#: Paraphrases a document needs before any is restored.
MIN_MATCHES = 5
#: ... and per 1,000 words.
MIN_PER_1000 = 6.0
#: Most LM loss (nats) of the plain form in context.
MAX_LOSS = 0.0


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


def _words(s: str) -> list[str]:
    return s.lower().split()


def lm_gain(text: str, m: Match, plain: str) -> float:
    """ln-prob of the plain form (and two words after) minus the paraphrase's, in context."""
    from repair.resources.lm import get_lm

    lm = get_lm()
    before = _words(text[max(0, m.start - 60) : m.start])[-2:]
    after = [w.strip(".,;:!?\"'()") for w in _words(text[m.end : m.end + 60])[:2]]
    after = [w for w in after if w]
    new = lm.sequence_logprob([*_words(plain), *after], before)
    old = lm.sequence_logprob([*_words(m.written), *after], before)
    return new - old


def decide(text: str, n_words: int, matches: list[Match]) -> list[tuple[Match, str, float, float]]:
    """``(match, plain, gain, confidence)`` for each paraphrase to restore."""
    if len(matches) < MIN_MATCHES or n_words == 0:
        return []
    density = 1000.0 * len(matches) / n_words
    if density < MIN_PER_1000:
        return []
    out = []
    for m in matches:
        gain, plain = max((lm_gain(text, m, p), p) for p in m.plains)
        if gain < -MAX_LOSS:
            continue
        conf = 0.55 + 0.3 * _clip((density - MIN_PER_1000) / 10) + 0.1 * _clip(gain / 5)
        out.append((m, plain, gain, round(conf, 4)))
    return out
