"""Decide tortured phrases found from the paper mills' habits (detect.tortured_habits).

A window is restored when all of these hold (each failure is a reason):

* ``rare_habit``: every habit used is shown by at least :data:`MIN_FAMILIES` phrase
  families of the tortured list (one family is an anecdote);
* ``weak_term``: the restored words are a WordNet multi-word lemma or an expected term
  of the tortured list (an associated book bigram alone is not enough);
* ``book_against``: the book-register counts prefer the term by at least
  :data:`MIN_BOOK_GAIN` nats over the written words;
* ``lm_against``: the trigram LM prefers it in context by at least :data:`MIN_LM_GAIN`;
* ``isolated``: the document has at least :data:`MIN_DOC_WINDOWS` distinct windows that
  pass, or one and a phrase of the exact list, and these are at least
  :data:`MIN_PER_1000` per 1,000 words (a paper mill spins a whole text densely; honest
  prose has the odd "monetary growth", and a long formal speech a few: "economic
  machine", "sound framework" in one 1,000-word State of the Union excerpt).

The bars were set on the ``dev`` half of the list's families
(``benchmarks/tortured_general_eval.py``: habits learned from the other half only) and
on 600 clean dev documents of ``benchmarks/spin_sim`` (no edit); the rate bar after
``benchmarks/spin_calibrate.py`` showed two long speeches with two windows each.
"""

from __future__ import annotations

from dataclasses import dataclass

from repair.detect.tortured_habits import MIN_FAMILIES, HabitTerm

MIN_BOOK_GAIN = 2.0
MIN_LM_GAIN = 3.0
MIN_DOC_WINDOWS = 2
#: ... and at least this many (with the list's phrases) per 1,000 words.
MIN_PER_1000 = 5.0
STRONG = frozenset({"wordnet", "pps"})


@dataclass(frozen=True)
class Decision:
    term: HabitTerm
    applied: bool
    reasons: tuple[str, ...]
    confidence: float = 0.0


def _reasons(h: HabitTerm) -> tuple[str, ...]:
    out = []
    if h.families < MIN_FAMILIES:
        out.append("rare_habit")
    if not h.sources & STRONG:
        out.append("weak_term")
    if h.book_gain < MIN_BOOK_GAIN:
        out.append("book_against")
    if h.lm_gain < MIN_LM_GAIN:
        out.append("lm_against")
    return tuple(out)


def _span(h: HabitTerm) -> tuple[int, int]:
    changed = h.changed
    return h.tokens[changed[0]].start, h.tokens[changed[-1]].end


def decide(found: list[HabitTerm], list_matches: int = 0, n_words: int = 0) -> list[Decision]:
    """One decision per window; applied windows do not overlap (longer, then better
    book gain, first).  ``list_matches``: the document's exact-list phrases; ``n_words``
    its words (0: the rate is not checked)."""
    first = [(h, _reasons(h)) for h in found]
    passing = {h.written for h, r in first if not r}
    evidence = len(passing) + list_matches
    rate_ok = not n_words or 1000.0 * evidence / n_words >= MIN_PER_1000
    dense = rate_ok and (len(passing) >= MIN_DOC_WINDOWS or (passing and list_matches > 0))
    taken: list[tuple[int, int]] = []
    out = []
    for h, r in sorted(first, key=lambda hr: (-len(hr[0].written), -hr[0].book_gain)):
        if not r and not dense:
            r = ("isolated",)
        a, b = _span(h)
        if not r and any(a < y and x < b for x, y in taken):
            r = ("overlap",)
        if r:
            out.append(Decision(h, False, r))
            continue
        taken.append((a, b))
        conf = min(0.95, 0.7 + 0.02 * min(h.families, 10) + 0.01 * min(h.lm_gain, 5.0))
        out.append(Decision(h, True, (), round(conf, 4)))
    return sorted(out, key=lambda d: d.term.tokens[0].start)
