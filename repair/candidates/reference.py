"""Candidates from the parallel source: clean reports of the same story (``--reference``).

* :func:`words_of` – the lower-case words of a text, as alignment compares them;
* :func:`align_sentences` – each input sentence with its most similar reference sentence;
* :func:`harvest_pairs` – substitution pairs read off near-matching sentence pairs
  ("a really profitable assembly" / "a very successful meeting" → really→very, ...).

The n-gram support these pairs get in context is a score signal:
:mod:`repair.score.reference`.

>>> harvest_pairs("Trump advised reporters he was positive.", ["Trump told reporters he was sure."])
[('advised', 'told', 1), ('positive', 'sure', 1)]
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from repair.tokenize import sentence_spans

_WORD_RE = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?", re.UNICODE)
#: A sentence pair is "near" when this share of the input sentence's words match.
MIN_SIMILARITY = 0.5
#: Sentence pairs below this similarity are not aligned at all.
MIN_ALIGN = 0.3
#: Longest replaced stretch (words) read as one substitution.
MAX_PHRASE = 3


def words_of(text: str) -> list[str]:
    """Lower-case words (numbers kept) in reading order; trailing dots dropped."""
    return [w.rstrip(".").lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def _sentences(text: str) -> list[list[str]]:
    return [words_of(text[a:b]) for a, b in sentence_spans(text)]


@lru_cache(maxsize=16)
def _ref_counters(references: tuple[str, ...]) -> tuple[Counter[str], ...]:
    return tuple(Counter(s) for s in _ref_sentences(references))


@lru_cache(maxsize=16)
def _ref_sentences(references: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(s) for r in references for s in _sentences(r) if s)


def align_sentences(
    text: str, references: Sequence[str]
) -> list[tuple[list[str], tuple[str, ...], float]]:
    """(input sentence words, best reference sentence words, similarity) per input sentence.

    Similarity is the share of the input sentence's words in matching blocks;
    sentences with no reference sentence above :data:`MIN_ALIGN` are left out.
    """
    refs = _ref_sentences(tuple(references))
    counts = _ref_counters(tuple(references))
    out = []
    for sent in _sentences(text):
        if len(sent) < 4:
            continue
        scount = Counter(sent)
        best, best_sim = (), 0.0
        for ref, rcount in zip(refs, counts, strict=True):
            # cheap bound first: matched words cannot exceed the shared multiset
            shared = sum((scount & rcount).values())
            if shared < 3 or shared / len(sent) <= max(best_sim, MIN_ALIGN):
                continue
            sm = difflib.SequenceMatcher(None, sent, ref, autojunk=False)
            sim = sum(b.size for b in sm.get_matching_blocks()) / len(sent)
            if sim > best_sim:
                best, best_sim = ref, sim
        if best:
            out.append((sent, best, best_sim))
    return out


def harvest_pairs(
    text: str, references: Sequence[str], min_similarity: float = MIN_SIMILARITY
) -> list[tuple[str, str, int]]:
    """Substitution pairs (spun, original, count) read off near-matching sentence pairs.

    A pair is a replaced stretch of at most :data:`MAX_PHRASE` words on each
    side, between matching words on both sides.  Equal-length stretches are
    split word by word.  Numbers-for-numbers and name-like differences are kept
    here; the caller filters.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for sent, ref, sim in align_sentences(text, references):
        if sim < min_similarity:
            continue
        sm = difflib.SequenceMatcher(None, sent, list(ref), autojunk=False)
        ops = sm.get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag != "replace" or i2 - i1 > MAX_PHRASE or j2 - j1 > MAX_PHRASE:
                continue
            a, b = sent[i1:i2], list(ref[j1:j2])
            if len(a) == len(b):
                for x, y in zip(a, b, strict=True):
                    if x != y:
                        counts[(x, y)] += 1
            else:
                counts[(" ".join(a), " ".join(b))] += 1
    counts.update(_anchored_pairs(words_of(text), tuple(references)))
    return [(s, o, c) for (s, o), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


@lru_cache(maxsize=16)
def _ref_index(references: tuple[str, ...]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    index: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for r, ref in enumerate(references):
        ws = words_of(ref)
        for i in range(len(ws) - 1):
            index.setdefault((ws[i], ws[i + 1]), []).append((r, i + 2))
    return index


def _anchored_pairs(ws: list[str], references: tuple[str, ...]) -> Counter[tuple[str, str]]:
    """Pairs X→Y where the input reads ``a b X c`` and a reference reads ``a b Y c``."""
    index = _ref_index(references)
    refs = [words_of(r) for r in references]
    found: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[int, str, str]] = set()
    for i in range(2, len(ws) - 1):
        hits = index.get((ws[i - 2], ws[i - 1]))
        if not hits:
            continue
        for r, j in hits:
            ref = refs[r]
            if j >= len(ref) or ws[i] == ref[j]:
                continue
            for n in range(1, MAX_PHRASE + 1):
                if i + n >= len(ws):
                    break
                for m in range(1, MAX_PHRASE + 1):
                    if j + m >= len(ref) or ref[j + m] != ws[i + n]:
                        continue
                    x, y = " ".join(ws[i : i + n]), " ".join(ref[j : j + m])
                    if x != y and (i, x, y) not in seen:
                        seen.add((i, x, y))
                        found[(x, y)] += 1
    return found
