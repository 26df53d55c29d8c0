"""Document consistency: a garbled form of a word the page prints cleanly more often.

A newspaper page names the same people, places and things several times; the OCR
reads most of them right and garbles a few ("Charles" x4, "Charlea" x2; "Pittwater" x3,
"Pittwator" x1; "Committee" x5, "Comrnitteo" x1).  The dictionary and the language
model know few of these names, so the usual reading in context has no evidence for
them.  The page itself has it: a token that is no known word and no listed name,
within the learned confusions of a word the page prints more often (a known word or a
listed name), is read as that word.  The channel cost is the learned one
(:func:`repair.score.ocr_channel.confusion_variants`); the page's own counts are the
prior: ``cost - ln(n(target) / n(token))``.

Only garbled pages (the gate is open) are read this way: in clean text a rare form
near a frequent one is the author's ("Carlile" beside "Carlisle").

>>> from repair.tokenize import tokenize
>>> text = "Mr Charles Darragh and Mr Charles Darragh met; Charlea Dirragh left."
>>> toks = tokenize(text)
>>> [(c.features["orig"][0], c.replacement) for c in doc_vocab_candidates(toks)]
[('Charlea', 'Charles'), ('Dirragh', 'Darragh')]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from repair.candidates.ocr_rules import cand
from repair.score.ocr_channel import (
    PrefixIndex,
    archaic_form,
    confusion_variants,
    is_known,
    prefixes_of,
)
from repair.score.ocr_search import MAX_SUBS as WIDE_MAX_SUBS
from repair.score.ocr_search import cost_bound
from repair.types import Candidate, Token

#: A target is printed at least this often on the page ...
MIN_TARGET_COUNT = 2
#: ... more often than the token itself, and the token has at least this many letters.
MIN_LEN = 4
#: Channel cost (nats) a reading may have at most.
MAX_COST = 5.0
#: Margin (nats) the reading needs in context; the page's counts lower its cost.
THRESHOLD = 0.0
#: Tokens with more letters than this get no search (garbage runs).
MAX_LEN = 20


def _is_name(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(word)


def _clean(word: str) -> bool:
    """A form the page may be trusted to print: a known word (of today or of the period
    vocabulary, "Time's") or a listed name."""
    from repair.score.ngrams import get_ngrams

    return (
        is_known(word) or get_ngrams().known(word) or (word[:1].isupper() and _is_name(word))
    )


def doc_vocab_candidates(
    toks: Sequence[Token],
    indices: Iterable[int] | None = None,
    counts: Mapping[str, int] | None = None,
) -> list[Candidate]:
    """Readings of garbled tokens as words the page prints more often (see module doc).

    ``indices``: the token indices to read (the detector's findings); every word token
    when ``None``.  ``counts``: how often the page prints each word (counted if ``None``).
    """
    if counts is None:
        counts = Counter(t.text for t in toks if t.kind == "word")
    targets = {
        w: n
        for w, n in counts.items()
        if n >= MIN_TARGET_COUNT and len(w) >= MIN_LEN and w.isalpha() and _clean(w)
    }
    if not targets:
        return []
    prefixes = prefixes_of(w.lower() for w in targets)
    out: list[Candidate] = []
    memo: dict[str, tuple[str, float, tuple] | None] = {}
    for i in range(len(toks)) if indices is None else indices:
        t = toks[i]
        text = t.text
        if t.kind != "word" or not (MIN_LEN <= len(text) <= MAX_LEN) or text in targets:
            continue
        if text not in memo:
            memo[text] = _best_target(text, counts, targets, prefixes)
        best = memo[text]
        if best is None or _next_to_hyphen(toks, i):
            continue
        target, cost, subs = best
        out.append(
            cand(
                t.start,
                t.end,
                target,
                "OCR_DOC_WORD",
                finding="doc_vocab",
                orig=[text],
                alt=[target],
                cost=cost,
                threshold=THRESHOLD,
                subs=[list(x) for x in subs],
            )
        )
    return out


def _best_target(
    text: str, counts: Mapping[str, int], targets: dict[str, int], prefixes: PrefixIndex
) -> tuple[str, float, tuple] | None:
    if not any(c.isalpha() for c in text) or _clean(text) or archaic_form(text):
        return None  # a word, or an old spelling ("profest" beside "protest")
    variants = confusion_variants(text, prefixes, min(MAX_COST, cost_bound(text)), WIDE_MAX_SUBS)
    best: tuple[str, float, tuple] | None = None
    for v, (cost, subs) in variants.items():
        n = targets.get(v)
        if n is None or n <= counts[text] or cost > MAX_COST:
            continue
        total = cost - math.log(n / counts[text])
        if best is None or total < best[1]:
            best = (v, total, subs)
    return best


def _next_to_hyphen(toks: Sequence[Token], i: int) -> bool:
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before == "-" or after == "-"
