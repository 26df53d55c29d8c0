"""Nested OCR edits: a speck removed around a word *and* the word read, as one edit.

The ocr stage decides each span on its own, so one printed token can carry two accepted
edits that overlap: a mark edit that deletes or spaces out stray marks ("thoro_" ->
"thoro", ",dofoiiccs" -> "dofoiiccs", "ravcnous.infant." -> "ravcnous infant.") and a
reading of the word inside it ("thoro" -> "there", "dofoiiccs" -> "defences").  The
pipeline keeps only the more confident of two overlapping edits
(:func:`repair.write.select_disjoint`), so one of the two repairs was lost (234 such
pairs on SMH dev).  Both were accepted on their own evidence; when they touch different
characters they compose: the mark edit with the word's reading applied inside it.

Only when the outer edit changes marks alone (letters and digits kept in order, no
space deleted: a join such as "of fal" -> "offal" is not one), the inner edit's printed
text is kept verbatim by it, and the inner text is a whole token of the outer edit's
result.  The composed edit carries the lower confidence of the two.

>>> from repair.types import Edit
>>> outer = Edit(0, 6, "thoro_", "thoro", "ocr", 0.95, "OCR_STRAY_MARK")
>>> inner = Edit(0, 5, "thoro", "there", "ocr", 0.99, "OCR_CONFUSION")
>>> [(e.original, e.replacement, e.confidence) for e in compose_nested([outer, inner])]
[('thoro_', 'there', 0.95)]
>>> join = Edit(0, 6, "of fal", "offal", "spacing", 0.99, "OCR_JOIN_SPLIT")
>>> inner = Edit(3, 3, "fal", "fat", "ocr", 0.6, "OCR_CONFUSION")
>>> len(compose_nested([join, inner]))
2
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from difflib import SequenceMatcher

from repair.types import Edit

#: Compose a mark edit with the readings of the words inside it (see the module doc).
NESTED = True
#: A nested reading must be this confident on its own (the stage's floor is 0.5: a
#: reading at the floor had a runner-up close to it or a margin near its threshold) ...
MIN_INNER_CONFIDENCE = 0.55


def _kept_map(original: str, replacement: str) -> dict[int, int] | None:
    """Position in ``replacement`` of each character of ``original`` the edit keeps, or
    ``None`` when the edit is not a mark edit (changes a letter or digit, deletes a space)."""
    sm = SequenceMatcher(None, original, replacement, autojunk=False)
    kept: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                kept[i1 + k] = j1 + k
            continue
        gone, new = original[i1:i2], replacement[j1:j2]
        if any(ch.isalnum() for ch in gone + new) or any(ch.isspace() for ch in gone):
            return None
    return kept


def _inside(outer: Edit, inner: Edit, kept: dict[int, int]) -> tuple[int, int] | None:
    """Span of ``inner``'s printed text in ``outer``'s replacement, when kept whole."""
    a, b = inner.offset - outer.offset, inner.end - outer.offset
    if a < 0 or b > outer.length or a >= b:
        return None
    if any(k not in kept for k in range(a, b)):
        return None
    lo, hi = kept[a], kept[b - 1] + 1
    repl = outer.replacement
    if hi - lo != b - a or repl[lo:hi] != inner.original:
        return None
    if (lo > 0 and repl[lo - 1].isalnum()) or (hi < len(repl) and repl[hi].isalnum()):
        return None  # a piece of a longer word in the result
    return lo, hi


def compose_nested(edits: list[Edit]) -> list[Edit]:
    """``edits`` with each mark edit merged with the word readings nested inside it."""
    if not NESTED or len(edits) < 2:
        return edits
    # the stage's own order is kept: the pipeline breaks ties of confidence by it
    by_start = list(edits)
    # edits by offset, for the ones starting inside an outer edit: a sorted sweep, not
    # an all-pairs scan (issue 14: cost linear in the edits)
    order = sorted(range(len(by_start)), key=lambda m: by_start[m].offset)
    starts = [by_start[m].offset for m in order]
    used: set[int] = set()
    merged: dict[int, Edit] = {}
    for n, outer in enumerate(by_start):
        if n in used or outer.length < 2:
            continue
        lo, hi = bisect_left(starts, outer.offset), bisect_right(starts, outer.end)
        inners = [
            (m, by_start[m])
            for m in sorted(order[lo:hi])
            if m != n and m not in used and by_start[m].offset >= outer.offset
            and by_start[m].end <= outer.end and by_start[m].length < outer.length
        ]  # fmt: skip
        if not inners:
            continue
        kept = _kept_map(outer.original, outer.replacement)
        if kept is None:
            continue
        spans = []
        taken: list[tuple[int, int]] = []
        for m, e in sorted(inners, key=lambda x: -x[1].confidence):
            if _kept_map(e.original, e.replacement) is not None:
                continue  # another mark edit: the outer one decides the marks
            if e.confidence < MIN_INNER_CONFIDENCE or e.evidence.get("fallback"):
                continue  # ... and no fallback (a name's shape, the page's words)
            where = _inside(outer, e, kept)
            if where is None or any(where[0] < y and x < where[1] for x, y in taken):
                continue
            taken.append(where)
            spans.append((where, m, e))
        if not spans:
            continue
        repl = outer.replacement
        for (lo, hi), _m, e in sorted(spans, key=lambda x: -x[0][0]):
            repl = repl[:lo] + e.replacement + repl[hi:]
        first = max(spans, key=lambda x: x[2].confidence)[2]
        used.add(n)
        used.update(m for _w, m, _e in spans)
        merged[n] = replace(
            first,
            offset=outer.offset,
            length=outer.length,
            original=outer.original,
            replacement=repl,
            confidence=min([outer.confidence, *(e.confidence for _w, _m, e in spans)]),
            message=f"OCR: {outer.original!r} -> {repl!r}",
            evidence={
                **first.evidence,
                "nested_in": outer.rule,
                "outer_confidence": outer.confidence,
                "inner_confidence": first.confidence,
            },
        )
    return [merged.get(m, e) for m, e in enumerate(by_start) if m in merged or m not in used]
