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
beyond the unconditioned LM), when, before any LM read in context:

* its places stand in at least :data:`MIN_ECHO` different contexts (the word before,
  the word after): a passage copied twice, or a text repeated, is one writer's choice;
* that many distinct places are surprising for a text of this length
  (:func:`surprise`, at least :data:`MIN_SURPRISE` nats): a long text writes "ahead of"
  in several places, a 600-word one does not write "by this time" twice.

Spans written once are not read at all (clean text pays a dictionary look-up per word
pair).

The decision is :mod:`repair.score.span_echo`'s.

>>> from repair.document import Document
>>> text = ("We spoke with regard to the plan. They asked with regard to costs, "
...         "and we wrote with regard to the law.")
>>> sorted({(e.written.lower(), e.original) for e in find(Document(text), set())})
[('with regard to', 'about')]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache

from repair.candidates.spin_phrase import (
    PhraseEvidence,
    _evidence,
    _next_word,
    _opens_span,
    phrase_lines,
)
from repair.document import Document
from repair.resources.lm import get_lm
from repair.score.spin_context import WordContext

#: Least places, in different contexts, of a span before it is read.
MIN_ECHO = 2
#: Least surprise (nats, :func:`surprise`) of the span's distinct places in the text.
MIN_SURPRISE = 12.0

Place = tuple[int, int, tuple[str, ...]]


#: The closed-class one-word originals of the paraphrase table
#: (``scripts/build_closed_class.py``, from lemminflect: read once at build time).
CLOSED_CLASS_FILE = "closed_class.txt"


@lru_cache(maxsize=1)
def closed_words() -> frozenset[str]:
    """:data:`CLOSED_CLASS_FILE` as a set."""
    from repair.lexicons import read_text

    lines = read_text(CLOSED_CLASS_FILE).splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def closed_class(word: str) -> bool:
    """Whether ``word`` is a function word or an adverb-like word: no verb or auxiliary
    reading in lemminflect, and either in
    :data:`~repair.candidates.spin_synonyms.STOPWORDS` or known with no noun reading ("go
    on" is no wordy "be", "jerk off" no wordy "play"); read from :data:`CLOSED_CLASS_FILE`
    (the table's originals only).

    >>> closed_class("about"), closed_class("already"), closed_class("than")
    (True, True, True)
    >>> closed_class("play"), closed_class("be"), closed_class("must")
    (False, False, False)
    """
    return word in closed_words()


def surprise(words: tuple[str, ...], places: int, n_words: int) -> float:
    """-ln P(K >= ``places``) for K Poisson with the span's expected count in ``n_words``
    words (the unconditioned LM's probability of the span at a position).

    >>> surprise(("by", "this", "time"), 2, 600) > 10 > surprise(("ahead", "of"), 2, 100_000)
    True
    """
    lam = max(n_words, 1) * math.exp(get_lm().sequence_logprob(list(words)))
    term = math.exp(-lam)
    below = 0.0
    for k in range(places):
        below += term
        term *= lam / (k + 1)
    tail = max(1.0 - below, term)  # 1 - below loses all digits for a small lam
    return -math.log(tail) if tail > 0 else 700.0


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The lower-case word before ``text[start:end]`` and the word after it."""
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    return (before[-1].lower() if before else "", after[0].lower() if after else "")


def _worth_reading(doc: Document, places: list[Place]) -> bool:
    distinct = len({context_of(doc.text, a, b) for a, b, _ in places})
    if distinct < MIN_ECHO:
        return False
    words = places[0][2]
    return surprise(words, distinct, len(doc.words)) >= MIN_SURPRISE


def spans(doc: Document, covered: set[int]) -> dict[str, list[Place]]:
    """Lower-case written span -> its ``(start, end, words)`` places, for every two- or
    three-word span of the paraphrase table written at least :data:`MIN_ECHO` times
    (lower-case alphabetic words one space apart, a sentence-initial capital allowed by
    :func:`_evidence` later; none touching ``covered``).

    Word pairs are counted first (a pass in C), and only the places of a pair written
    twice are read word by word: clean text repeats few pairs of the table.
    """
    toks = [t for t in doc.tokens if t.kind in ("word", "number")]
    lows = [t.text.lower() for t in toks]
    pairs = Counter(zip(lows, lows[1:], strict=False))
    get = phrase_lines().get
    repeated = {
        p for p, n in pairs.items() if n >= MIN_ECHO and _opens_span(p[0]) and _pair_opens(p)
    }
    if not repeated:
        return {}
    text = doc.text
    out: dict[str, list[Place]] = defaultdict(list)
    for i in range(len(toks) - 1):
        if (lows[i], lows[i + 1]) not in repeated:
            continue
        a = toks[i]
        if a.kind != "word" or not a.text.isalpha() or a.start in covered:
            continue
        low, prev = [lows[i]], a
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
    return {k: v for k, v in out.items() if len(v) >= MIN_ECHO}


@lru_cache(maxsize=32768)
def _pair_opens(pair: tuple[str, str]) -> bool:
    """Whether the table holds the two words as a span or as the start of a longer one."""
    key = f"{pair[0]} {pair[1]}"
    lines = phrase_lines()
    return lines.get(key) is not None or lines.has_prefix(key + " ")


def find(doc: Document, covered: set[int]) -> list[PhraseEvidence]:
    """:class:`PhraseEvidence` of every place of every table span the document writes at
    least :data:`MIN_ECHO` times in different contexts, surprisingly often (spans
    touching ``covered`` are skipped)."""
    ctx: WordContext | None = None
    out: list[PhraseEvidence] = []
    for places in spans(doc, covered).values():
        if len(places) < MIN_ECHO or not _worth_reading(doc, places):
            continue
        for start, end, low in places:
            ctx = ctx or WordContext.of(doc)
            ev = _evidence(doc, ctx, start, end, low)
            if ev is not None:
                out.append(ev)
    return out
