"""The page's own specks: what a mark does on this page, counted from the page itself.

The marks table (``lexicons/ocr_marks.tsv``) is learned from other archives; a new
archive prints other specks (SMH 32 distinct marks, ICDAR's books 9).  On a garbled page
the page itself shows what a mark is: between letters of a chunk that is a word once the
mark is dropped ("gover»nment") or read as one letter ("v«ill") it is a speck; at a
word's end before a capital ("said» The") it is punctuation.  These counts, one per
distinct chunk, become extra rows of the marks table for this page
(:meth:`repair.candidates.ocr_glued.MarkModel.with_rows`); the language model
decides as before.

>>> rows = page_mark_rows(["gover»nment", "peo»ple", "wo»rk", "the"], ["said»"], min_chunks=2)
>>> sorted({(r[0], r[2]) for r in rows})
[('»', 'drop'), ('»', 'keep')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from string import ascii_lowercase

from repair.candidates.ocr_rules import letter_runs
from repair.score.ocr_channel import is_target

#: Marks real words carry (hyphens, apostrophes, typeset or not: "we\u2019ve" is no speck
#: even though "weave" is a word): left to the table and the join rules.
SKIP_MARKS = frozenset("-'\u2019\u2018\u02bc`\u2010\u2011")
#: A mark needs speck evidence from this many distinct chunks of the page (an SMH article
#: of ~2,000 characters has at most one or two: 2 finds none on the dev half).
MIN_CHUNKS = 1
#: Pseudo-count of each distinct chunk's evidence (3 = the marks model's MIN_MARK_COUNT,
#: so that a mark the table never saw is tried; 5 and 10 read the same on SMH dev).
WEIGHT = 3.0
#: Letters tried for a mark read as a letter.
_LETTERS = ascii_lowercase


def _speck_fate(chunk: str, k: int) -> list[str]:
    """The fates (``drop`` or ``=x``) that make the mark ``chunk[k]`` between two letters
    part of a word (the two pieces as printed are not both words); ``[]`` otherwise."""
    i, j = letter_runs(chunk, k)
    left, right = chunk[i:k], chunk[k + 1 : j]
    if is_target(left) and is_target(right):
        return []
    if len(left) + len(right) >= 3 and is_target(left + right):
        return ["drop"]
    low = (left + "a" + right).islower() or left[:1].isupper()
    letters = [x for x in _LETTERS if is_target(left + x + right)] if low else []
    if 1 <= len(letters) <= 2:
        return ["=" + x for x in letters]
    return []


def page_mark_rows(
    chunks: Iterable[str], trails: Iterable[str] = (), min_chunks: int | None = None
) -> list[tuple[str, str, str, str]]:
    """Rows (mark, context, fate, count) of the page's evidence.  ``chunks``: the page's
    chunks (runs of non-space characters); ``trails``: chunks that stand before a
    capitalised word (a trailing mark there is punctuation)."""
    from repair.candidates.ocr_glued import context_of

    need = MIN_CHUNKS if min_chunks is None else min_chunks
    speck: dict[str, Counter[tuple[str, str]]] = {}
    seen_chunks: dict[str, set[str]] = {}
    for chunk in sorted(set(chunks)):  # rows in one order whatever the hash seed
        marks = [k for k, ch in enumerate(chunk) if not ch.isalnum()]
        if len(marks) != 1:
            continue
        k = marks[0]
        m = chunk[k]
        if m in SKIP_MARKS or not (0 < k < len(chunk) - 1):
            continue
        if not (chunk[k - 1].isalpha() and chunk[k + 1].isalpha()):
            continue
        fates = _speck_fate(chunk, k)
        if not fates:
            continue
        seen_chunks.setdefault(m, set()).add(chunk)
        ctx = context_of(chunk, k)
        for f in fates:
            speck.setdefault(m, Counter())[(ctx, f)] += 1
    keep: Counter[tuple[str, str]] = Counter()
    for chunk in sorted(set(trails)):
        m = chunk[-1:]
        if len(chunk) > 1 and m in speck and chunk[:-1].isalpha() and is_target(chunk[:-1]):
            keep[(m, context_of(chunk, len(chunk) - 1))] += 1
    rows: list[tuple[str, str, str, str]] = []
    for m, counts in speck.items():
        if len(seen_chunks[m]) < need:
            continue
        for (ctx, fate), n in sorted(counts.items()):
            rows.append((m, ctx, fate, str(max(1, round(n * WEIGHT)))))
    for (m, ctx), n in sorted(keep.items()):
        if len(seen_chunks[m]) >= need:
            rows.append((m, ctx, "keep", str(n)))
    return rows
