"""A page's own word counts as a prior on its readings: "rte" once on a page of "Pte" x18.

A garbled page misreads a word it prints correctly elsewhere: the casualty list with
"Pte" eighteen times and "rte" once, the court column of "fined" and one "Bued".  The
trigram model sees only the words around each token; the page sees all of them.  For a
one-word reading of a one-word token (real words and non-words alike;
:data:`REALWORD_ONLY` keeps real words only), when the page prints the reading at least
:data:`MIN_COUNT` times (and :data:`MIN_SHARE` of its words: a long book is no page)
and :data:`MIN_RATIO` times as often as the token, the
reading's channel cost is lowered by the log ratio of the two counts (at most
:data:`MAX_BONUS` nats); the two-sided language model still decides.  Readings as
common as "of" (:data:`MAX_READING_ZIPF`) get nothing.  No pairs are listed: the
evidence is the page's counts, the costs the learned table's.  Only on garbled pages
(the caller's gate).

>>> from repair.tokenize import tokenize
>>> from repair.candidates.ocr_rules import cand
>>> toks = tokenize("fined fined fined fined fined and lined")
>>> c = cand(34, 39, "fined", "OCR_REALWORD", orig=["lined"], alt=["fined"], cost=2.9,
...          orig_known=True)
>>> round(page_word_prior([c], toks)[0].features["cost"], 2)
1.29
"""

from __future__ import annotations

import math

from repair.candidates.ocr_rules import page_word_counts, with_features
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: The reading is printed on the page at least this often ...
MIN_COUNT = 5
#: ... and at least this share of the page's words (a book is no page: over 50 k words
#: "went" is printed often enough to pull every "wont" to it; ICDAR file 81: 0.001 for
#: the commonest readings, SMH pages 0.005-0.02 for "Pte", "picul", "fined").
MIN_SHARE = 0.004
#: ... and this many times as often as the token.
MIN_RATIO = 3.0
#: Largest cost taken off (nats).
MAX_BONUS = 2.0
#: Readings this common (Zipf) get no bonus: a page prints "of" and "the" often because
#: every page does, which the language model already knows.
MAX_READING_ZIPF = 6.0
#: Only readings of real words (non-words: :mod:`repair.candidates.ocr_docvocab`).
REALWORD_ONLY = False


def one_word_reading(f: dict, realword_only: bool) -> bool:
    """Whether the features ``f`` are a priced one-word reading of a one-word token not
    yet fixed (of a real word, ``orig_known``, when ``realword_only``)."""
    orig, alt = f.get("orig"), f.get("alt")
    return not (
        "fixed" in f
        or "cost" not in f
        or not orig
        or not alt
        or len(orig) != 1
        or len(alt) != 1
        or (realword_only and not f.get("orig_known"))
    )


def page_word_prior(cands: list[Candidate], toks: list[Token]) -> list[Candidate]:
    """``cands`` with the page-count bonus on the readings it prints often (module doc)."""
    counts = page_word_counts(toks)
    need = max(MIN_COUNT, MIN_SHARE * sum(counts.values()))
    out: list[Candidate] = []
    for c in cands:
        f = c.features
        if not one_word_reading(f, REALWORD_ONLY):
            out.append(c)
            continue
        orig, alt = f["orig"], f["alt"]
        # ``get``: a Counter's missing key calls ``__missing__`` in Python (issue 14)
        n_alt, n_orig = counts.get(alt[0], 0), max(1, counts.get(orig[0], 0))
        if n_alt < need or n_alt < MIN_RATIO * n_orig:
            out.append(c)
            continue
        if zipf(alt[0].lower()) >= MAX_READING_ZIPF:
            out.append(c)
            continue
        bonus = min(MAX_BONUS, math.log(n_alt / n_orig))
        out.append(with_features(c, {**f, "cost": float(f["cost"]) - bonus, "page_prior": bonus}))
    return out
