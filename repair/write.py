"""Step 5: apply edits to the input, and compose edits of successive steps.

>>> from repair.types import Edit
>>> e = Edit(6, 9, "mentioned", "said", "spin", 0.9, "SPIN_PAIR")
>>> apply_edits("Trump mentioned it", [e])
'Trump said it'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from repair.types import Edit


class EditConflict(ValueError):
    """Edits overlap or do not match the text they claim to replace."""


def check_edits(text: str, edits: Sequence[Edit]) -> None:
    """Raise :class:`EditConflict` unless ``edits`` are sorted, disjoint and match ``text``."""
    pos = 0
    for e in edits:
        if e.offset < pos:
            raise EditConflict(f"edit at {e.offset} overlaps the previous one (ends at {pos})")
        if e.length < 0 or e.end > len(text):
            raise EditConflict(f"edit at {e.offset} (length {e.length}) is outside the text")
        if text[e.offset : e.end] != e.original:
            raise EditConflict(
                f"edit at {e.offset} says it replaces {e.original!r} "
                f"but the text has {text[e.offset : e.end]!r}"
            )
        pos = e.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply disjoint edits (any order) to ``text``; the inverse of nothing, exact by contract."""
    ordered = sorted(edits, key=lambda e: (e.offset, e.length))
    check_edits(text, ordered)
    out: list[str] = []
    pos = 0
    for e in ordered:
        out.append(text[pos : e.offset])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


#: A span of a step's text that an earlier step restored: (start, end, the text written
#: there before, the restoring edit's kind).
Restored = tuple[int, int, str, str]


def restored_spans(spans: Iterable[Restored], edits: Iterable[Edit]) -> tuple[Restored, ...]:
    """``spans`` (restorations on a text) and ``edits`` (disjoint edits on the same text)
    as spans on ``apply_edits(text, edits)``: each old span shifted by the edits before
    it (dropped where an edit overlaps it), each edit that writes something a span of its
    own (empty spans are not kept).  Cost: a sort and a binary search per span.

    >>> e = Edit(4, 3, "big", "large", "spin", 0.9, "R")
    >>> restored_spans([(0, 3, "The", "x"), (4, 7, "old", "y"), (8, 11, "cat", "z")], [e])
    ((0, 3, 'The', 'x'), (4, 9, 'big', 'spin'), (10, 13, 'cat', 'z'))
    """
    ordered = sorted(edits, key=lambda e: e.offset)
    ends = [e.end for e in ordered]  # non-decreasing: the edits are disjoint
    shift = [0]  # shift[k]: length change of the first k edits
    for e in ordered:
        shift.append(shift[-1] + len(e.replacement) - e.length)
    out: list[Restored] = []
    for a, b, written, kind in spans:
        k = bisect_right(ends, a)  # edits ending at or before the span
        if k < len(ordered) and ordered[k].offset < b:
            continue  # an edit overlaps the span: it takes its place
        out.append((a + shift[k], b + shift[k], written, kind))
    for k, e in enumerate(ordered):
        if e.replacement:
            start = e.offset + shift[k]
            out.append((start, start + len(e.replacement), e.original, e.kind))
    return tuple(sorted(out))


def select_disjoint(edits: Iterable[Edit]) -> list[Edit]:
    """Keep the most confident edits that do not overlap; return them sorted by offset.

    Greedy in order of confidence (ties: leftmost first).  An edit is refused when
    it overlaps a kept one, when it is an insertion (zero length) inside or at
    the start of a kept edit, or when a kept insertion lies strictly inside it.
    Cost: one sort plus, per edit, a scan of its own span in a coverage map over
    the distinct edit boundaries (compressed coordinates), so no all-pairs scan.
    """
    ordered = sorted(edits, key=lambda e: (-e.confidence, e.offset))
    if not ordered:
        return []
    bounds = sorted({p for e in ordered for p in (e.offset, e.end)})
    index = {p: i for i, p in enumerate(bounds)}
    covered = bytearray(len(bounds))  # slot i: [bounds[i], bounds[i+1]) is in a kept edit
    inserts = bytearray(len(bounds))  # slot i: a kept insertion at bounds[i]
    chosen: list[Edit] = []
    for e in ordered:
        a, b = index[e.offset], index[e.end]
        if a == b:
            if covered[a] or inserts[a]:
                continue
            inserts[a] = 1
        else:
            if covered.find(1, a, b) != -1 or inserts.find(1, a + 1, b) != -1:
                continue
            covered[a:b] = b"\x01" * (b - a)
        chosen.append(e)
    return sorted(chosen, key=lambda e: e.offset)


def _to_base(first: Sequence[Edit]) -> Callable[[int, bool], int]:
    """``mid_to_base(m, is_end)``: a position of ``apply_edits(base, first)`` (``first``
    sorted) as a position of ``base``; a position inside a replacement goes to the start
    (or, for an end, the end) of the edit's original span."""
    # The first edits' spans on ``mid`` are sorted, so each look-up is a bisection.
    mid_starts: list[int] = []
    mid_ends: list[int] = []
    shifts = [0]  # shifts[i]: total length change of first[:i]
    for e in first:
        start = e.offset + shifts[-1]
        mid_starts.append(start)
        mid_ends.append(start + len(e.replacement))
        shifts.append(shifts[-1] + len(e.replacement) - e.length)

    def mid_to_base(m: int, is_end: bool) -> int:
        j = bisect_left(mid_starts, m)  # first[:j] start before m on mid
        if j and m < mid_ends[j - 1]:  # m falls inside a replacement
            e = first[j - 1]
            return e.end if is_end else e.offset
        # Replacements that are empty on mid and start at m lie before m too;
        # a non-empty one starting at m (the last of those starting at m) does not.
        k = bisect_right(mid_starts, m)
        if k > j and mid_ends[k - 1] != m:
            k -= 1
        return m - shifts[k]

    return mid_to_base


def spans_to_base(first: Sequence[Edit], spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ``apply_edits(base, first)`` as spans of ``base`` (a span that touches a
    replacement widens to that edit's original span).

    >>> e = Edit(6, 9, "mentioned", "said", "spin", 0.9, "SPIN_PAIR")
    >>> spans_to_base([e], [(0, 5), (11, 13), (6, 10)])  # "Trump", "it", "said" on the output
    [(0, 5), (16, 18), (6, 15)]
    """
    to_base = _to_base(sorted(first, key=lambda e: (e.offset, e.length)))
    out = []
    for a, b in spans:
        lo = to_base(a, False)
        out.append((lo, max(lo, to_base(b, True))))
    return out


def compose(base: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    """Express ``second`` (edits on ``apply_edits(base, first)``) as edits on ``base``.

    Edits of ``second`` that touch edits of ``first`` are merged with them into
    one edit on ``base``: kind, rule and message of the later step, the lowest
    confidence, and the earlier edits recorded in the evidence.  By
    construction ``apply_edits(base, compose(base, f, s)) ==
    apply_edits(apply_edits(base, f), s)``.
    """
    first = sorted(first, key=lambda e: (e.offset, e.length))
    second = sorted(second, key=lambda e: (e.offset, e.length))
    if not second:
        return list(first)
    if not first:
        return list(second)
    mid = apply_edits(base, first)
    final = apply_edits(mid, second)

    mid_to_base = _to_base(first)

    # (base_start, base_end, step, edit): step 1 = first, 2 = second
    items: list[tuple[int, int, int, Edit]] = [(e.offset, e.end, 1, e) for e in first]
    for e in second:
        a = mid_to_base(e.offset, False)
        b = max(a, mid_to_base(e.end, True))
        items.append((a, b, 2, e))
    items.sort(key=lambda t: (t[0], t[1]))

    groups: list[list[tuple[int, int, int, Edit]]] = []
    lo = hi = -1
    last_insert = -1  # position of the current group's last insertion (zero-length item)
    for it in items:
        a, b = it[0], it[1]
        # Zero-length edits (insertions) at a group's edge join it: which side
        # of an insertion a later edit starts on is ambiguous in base offsets.
        touching = groups and (
            max(a, lo) < min(b, hi)
            or ((a == b or lo == hi) and max(a, lo) <= min(b, hi))
            or (a == hi and last_insert == hi)
        )
        if touching:
            groups[-1].append(it)
            hi = max(hi, b)
        else:
            groups.append([it])
            lo, hi = a, b
            last_insert = -1
        if a == b:
            last_insert = max(last_insert, a)

    result: list[Edit] = []
    delta_before = 0
    for group in groups:
        g_lo = min(t[0] for t in group)
        g_hi = max(t[1] for t in group)
        delta = sum(len(t[3].replacement) - t[3].length for t in group)
        s2 = g_lo + delta_before
        replacement = final[s2 : s2 + (g_hi - g_lo) + delta]
        delta_before += delta
        firsts = [t[3] for t in group if t[2] == 1]
        seconds = [t[3] for t in group if t[2] == 2]
        if len(group) == 1 and firsts:
            result.append(firsts[0])
            continue
        lead = seconds[0] if seconds else firsts[0]
        evidence = dict(lead.evidence)
        for other in group:
            if other[3] is lead:
                continue
            evidence.setdefault("merged", []).append(
                {
                    "kind": other[3].kind,
                    "rule": other[3].rule,
                    "original": other[3].original,
                    "replacement": other[3].replacement,
                }
            )
        result.append(
            replace(
                lead,
                offset=g_lo,
                length=g_hi - g_lo,
                original=base[g_lo:g_hi],
                replacement=replacement,
                confidence=min(t[3].confidence for t in group),
                evidence=evidence,
                alternatives=lead.alternatives if len(group) == 1 else (),
            )
        )
    return [e for e in result if not (e.length == 0 and e.replacement == "")]
