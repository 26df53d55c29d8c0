"""A paper spun from a known source: read the substitutions off the source (``--reference``).

A paper mill takes a published paper and runs it through a thesaurus; when that paper
is given as a reference, the spun text is a near copy of it: the same words in the same
order except the substituted ones (a spun abstract keeps 81-90 % of its words in order
with its source; two honest reports of one event share at most 17 %, seeds 000-004).
So the evidence is the alignment itself:

* the document is word-aligned (difflib, lower case) with each reference; the one
  sharing the largest share of the document's words in order is *the source* when that
  share (``copy_ratio``) is at least :data:`MIN_COPY`; otherwise nothing is found
  (different texts about the same subject are the spin stage's ``--reference`` job);
* every stretch of at most :data:`MAX_WORDS` written words that the source replaces by
  at most :data:`MAX_WORDS` other words, between aligned words, is a substitution
  (:class:`SourceSpan`): "nervous webs" → "neural networks", "talk about" → "discuss";
* left alone: stretches with a number, a name (a capital inside a sentence), or no
  letters; insertions and deletions (a paper mill also adds and drops words: those are
  not substitutions);
* direction: when the source's side of the substitutions is on average rarer (wordfreq
  Zipf) than the text's by more than :data:`MAX_PLAINER`, the text is the plainer one and
  the reference the spun copy: nothing is found.  (A rare-synonym spinner's copies are
  1.6-3.2 Zipf rarer than their source, dev abstracts; a WordNet spinner's between -0.3
  and +0.9, so its direction is not told by frequency.)

``related`` records whether a synonym source knows the pair (reverse synonyms, the
paper mills' learned habits, the reverse Moby listing): the scorer's confidence, not a
filter, since a near copy's differences are substitutions whatever thesaurus made them.

>>> from repair.document import Document
>>> src = "In this paper we propose a simple method for image classification."
>>> doc = Document("In this descant we proffer a simple comportment for image classification.",
...                references=(src,))
>>> spans, ratio = find(doc)
>>> [(s.written, s.source) for s in spans], round(ratio, 2)
([('descant', 'paper'), ('proffer', 'propose'), ('comportment', 'method')], 0.73)
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from repair.document import Document
from repair.types import Edit, Token

#: Least share of the document's words aligned in order with a reference for it to be
#: the source (spun abstracts at 25 % of content words: 0.81-0.90; honest reports of
#: the same event: at most 0.17).
MIN_COPY = 0.6
#: Most Zipf by which the text's substituted words may be more ordinary than the source's.
MAX_PLAINER = 0.5
#: Document words aligned at a time (:func:`align`).
BLOCK = 400
#: Longest written or source stretch (words) read as one substitution.  4 since session 48
#: (3 before): a mill's two-word synonym beside another substitution ("ocular aperture comes
#: forth" for "optical gap becomes"); ``spin_eval.py --split dev --references`` mill 0.977 ->
#: 0.992, seeddense 0.869 -> 0.893 (its half rows fall, dev-unseen 0.310 -> 0.252: a merged
#: edit crosses both halves' gold spans, which the half scorer cannot split).
MAX_WORDS = 4


@dataclass(frozen=True)
class SourceSpan:
    """``doc.text[start:end]`` (``written``) stands where the source has ``source``."""

    start: int
    end: int
    written: str
    source: str
    related: bool


def _norm(t: Token) -> str:
    return t.text.lower().replace("’", "'")


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind in ("word", "number")]


def _sentence_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and (text[j].isspace() or text[j] in "\"'“‘([«"):
        j -= 1
    return j < 0 or text[j] in ".!?:;"


def _plain(text: str, toks: list[Token]) -> bool:
    """Words of letters only, no name (capital inside a sentence)."""
    for t in toks:
        if t.kind != "word":
            return False
        if t.text[:1].isupper() and not _sentence_initial(text, t.start):
            return False
    return True


def _related(written: str, source: str) -> bool:
    from repair.candidates.spin import thesaurus_related
    from repair.candidates.spin_synonyms import originals_of, phrase_originals
    from repair.candidates.tortured_words import learned

    w, s = written.lower(), source.lower()
    parts = w.split()
    if len(parts) == 1 and " " not in s:
        return s in originals_of(w) or s in learned(w) or thesaurus_related(w, s)
    if len(parts) == 2 and " " not in s:
        return s in phrase_originals(*parts)
    return False


#: One replaced stretch: (doc word range, reference word range).
Op = tuple[int, int, int, int]


def _shared_share(doc_words: list[str], ref_words: list[str]) -> float:
    """Share of the document's words the reference has at all (a bound on the copy ratio)."""
    if not doc_words:
        return 0.0
    return sum((Counter(doc_words) & Counter(ref_words)).values()) / len(doc_words)


def align(
    doc_words: list[str], ref_words: list[str], matched: list[int] | None = None
) -> tuple[float, list[Op]]:
    """The copy ratio of ``doc_words`` against ``ref_words`` and the replaced stretches
    (``replace`` opcodes, in document and reference word indexes); the indexes of the
    document words aligned equal are appended to ``matched`` when it is given.

    Block by block (:data:`BLOCK` words of the document against a window of the
    reference after the previous block's last match), so a long text costs linear time:
    a spun copy keeps the source's order.  The first block is aligned against the whole
    reference (the text may be an excerpt of it).  Replaced stretches at a block's edge
    are dropped unless at both texts' edges.
    """
    n_matched, ops, pos = 0, [], 0
    n, m = len(doc_words), len(ref_words)
    for k in range(0, n, BLOCK):
        blk = doc_words[k : k + BLOCK]
        hi = m if k == 0 else min(m, pos + 2 * len(blk) + 50)
        window = ref_words[pos:hi]
        sm = difflib.SequenceMatcher(None, blk, window, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        n_matched += sum(b.size for b in blocks)
        if matched is not None:
            matched.extend(k + b.a + i for b in blocks for i in range(b.size))
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag != "replace":
                continue
            if (i1 == 0 and k > 0) or (i2 == len(blk) and k + i2 < n):
                continue  # at a block's edge: not anchored inside this block
            a, b, c, d = k + i1, k + i2, pos + j1, pos + j2
            if (a == 0) != (c == 0) or (b == n) != (d == m):
                continue  # not between aligned words (or both texts' edges)
            ops.append((a, b, c, d))
        if blocks:
            pos += blocks[-1].b + blocks[-1].size
    return (n_matched / n if n else 0.0), ops


def _source(doc: Document) -> tuple[float, str, list[Token], list[Op], list[Token], list[int]]:
    """The reference sharing the most of ``doc``'s words in order: (copy ratio, its text,
    its word tokens, the replaced stretches, ``doc``'s word tokens, the indexes of ``doc``'s
    words aligned equal); remembered for the last document asked about (the tortured stage
    and :func:`off_source` read the same alignment)."""
    global _last
    key = (doc.text, doc.references)
    if _last is not None and _last[0] == key:
        return _last[1]
    from repair.tokenize import tokenize

    dtoks = _words(doc.tokens)
    dwords = [_norm(t) for t in dtoks]
    best: tuple[float, str, list[Token], list[Op], list[int]] = (0.0, "", [], [], [])
    for ref in doc.references:
        rtoks = _words(tokenize(ref))
        rwords = [_norm(t) for t in rtoks]
        bound = _shared_share(dwords, rwords)
        if bound < MIN_COPY:  # cheap bound before aligning
            if bound > best[0]:
                best = (bound, ref, rtoks, [], [])
            continue
        matched: list[int] = []
        ratio, ops = align(dwords, rwords, matched)
        if ratio > best[0]:
            best = (ratio, ref, rtoks, ops, matched)
    ratio, ref, rtoks, ops, matched = best
    got = (ratio, ref, rtoks, ops, dtoks, matched)
    _last = (key, got)
    return got


#: (document text, references) -> :func:`_source`'s answer, for the last document.
_last: tuple[tuple[str, tuple[str, ...]], tuple] | None = None


def find(doc: Document) -> tuple[list[SourceSpan], float]:
    """The substitutions read off the source among ``doc.references``, and the copy ratio
    of that source (``([], best ratio)`` when no reference is a source)."""
    if not doc.references:
        return [], 0.0
    ratio, ref, rtoks, ops, dtoks, _matched = _source(doc)
    if ratio < MIN_COPY:
        return [], ratio
    out: list[SourceSpan] = []
    for i1, i2, j1, j2 in ops:
        if i2 - i1 > MAX_WORDS or j2 - j1 > MAX_WORDS:
            continue
        wt, rt = dtoks[i1:i2], rtoks[j1:j2]
        if not _plain(doc.text, wt) or not _plain(ref, rt):
            continue
        start, end = wt[0].start, wt[-1].end
        written = doc.text[start:end]
        source = ref[rt[0].start : rt[-1].end]
        if "\n" in source or written.lower() == source.lower():
            continue
        out.append(SourceSpan(start, end, written, source, _related(written, source)))
    plainer = _ordinariness(s.written for s in out) - _ordinariness(s.source for s in out)
    if out and plainer > MAX_PLAINER:
        return [], ratio  # the text is the plainer one: the reference is the spun copy
    return out, ratio


#: With a known source (a reference the text copies: copy ratio at least :data:`MIN_COPY`,
#: either direction), an edit of a spin reader whose every word the source prints the same
#: at the aligned place is dropped (:func:`off_source`): the source has the author's word
#: there, so no thesaurus wrote it.  The paper-mill screening use (the spun paper checked
#: against the paper it copies).  ON (session 48, spintort48; ``python
#: benchmarks/spin_eval.py --all --split dev --references``): with the source reading over
#: list matches (:data:`repair.detect.tortured.SOURCE_OVER_LIST`) and :data:`MAX_WORDS` 4,
#: mill dev 0.958 -> 0.992 (precision 0.980 -> 1.000, broken 0.0029 -> 0: "require" ->
#: "need", "code" -> "software" from the mill-word pass where the source prints "require",
#: "code"), tortured 0.996 -> 1.000, every other spinner's whole-document row better
#: (seed 0.894 -> 0.949, spinbot 0.936 -> 0.971, phrase 0.596 -> 0.624); this rule alone
#: (the other two on): seeddense 0.883 -> 0.893, mill the same.  Test (read once): tortured
#: 0.995 -> 1.000, mill 1.000 -> 1.000.  Without references nothing changes.
SOURCE_PRINTED = True


def off_source(doc: Document, edits: list[Edit]) -> list[Edit]:
    """``edits`` without those lying wholly on words the source prints the same at the
    aligned place (:data:`SOURCE_PRINTED`); ``edits`` itself without a source.

    >>> from repair.types import Edit
    >>> src = "Our code is available to other researchers and the data is public."
    >>> doc = Document("Our code is available to other searchers and the data is public.",
    ...                references=(src,))
    >>> kept = off_source(doc, [Edit(4, 4, "code", "software", "spin", 0.8, "TORTURED_WORD"),
    ...                         Edit(31, 9, "searchers", "researchers", "spin", 0.9, "RARE_WORD")])
    >>> [e.replacement for e in kept]
    ['researchers']
    """
    if not SOURCE_PRINTED or not edits or not doc.references:
        return edits
    ratio, _ref, _rtoks, _ops, dtoks, matched = _source(doc)
    if ratio < MIN_COPY:
        return edits
    same = {dtoks[i].start for i in matched}
    starts = [t.start for t in dtoks]
    out = []
    for e in edits:
        k = bisect_left(starts, e.offset)
        inside = []
        while k < len(dtoks) and dtoks[k].start < e.end:
            inside.append(dtoks[k].start)
            k += 1
        if not inside or not all(a in same for a in inside):
            out.append(e)
    return out


def _ordinariness(phrases: Iterable[str]) -> float:
    """Mean Zipf frequency of the words of ``phrases`` (a spinner writes rarer words)."""
    from repair.resources.frequency import zipf

    zs = [zipf(w) for p in phrases for w in p.lower().split()]
    return sum(zs) / len(zs) if zs else 0.0
