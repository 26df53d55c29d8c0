"""Gold edits of a text spun twice: the second spinner's edits mapped back to the clean text."""

from __future__ import annotations

from collections.abc import Sequence

from .text import GoldEdit, apply_edits


def compose(clean: str, first: Sequence[GoldEdit], second: Sequence[GoldEdit]) -> list[GoldEdit]:
    """Edits on ``clean`` equal to applying ``first``, then ``second`` (on the result).

    A second edit overlapping a first one merges with it (the family stays the
    first's: the clean word's); one that restores the clean wording is dropped.
    """
    first = sorted(first, key=lambda e: e.start)
    mid = apply_edits(clean, first)
    # each first edit's range in the middle text
    spans, shift = [], 0
    for e in first:
        a = e.start + shift
        spans.append((a, a + len(e.replacement), "A", e))
        shift += len(e.replacement) - (e.end - e.start)
    spans += [(e.start, e.end, "B", e) for e in second]
    spans.sort(key=lambda s: (s[0], s[1]))
    groups: list[list[tuple[int, int, str, GoldEdit]]] = []
    for s in spans:
        if groups and s[0] < max(x[1] for x in groups[-1]):
            groups[-1].append(s)
        else:
            groups.append([s])

    def to_clean(pos: int) -> int:
        """Clean offset of a middle-text position outside (or at the edge of) first edits."""
        d = 0
        for _a, b, tag, e in spans:
            if tag == "A" and b <= pos:
                d += len(e.replacement) - (e.end - e.start)
        return pos - d

    out: list[GoldEdit] = []
    for g in groups:
        firsts = [e for _a, _b, tag, e in g if tag == "A"]
        seconds = [e for _a, _b, tag, e in g if tag == "B"]
        if not seconds:
            out.extend(firsts)
            continue
        lo, hi = min(s[0] for s in g), max(s[1] for s in g)
        c_lo = min([to_clean(lo)] + [e.start for e in firsts])
        c_hi = max([to_clean(hi)] + [e.end for e in firsts])
        piece = apply_edits(
            mid[lo:hi],
            [GoldEdit(e.start - lo, e.end - lo, e.original, e.replacement, e.family)
             for e in seconds],
        )  # fmt: skip
        original = clean[c_lo:c_hi]
        if piece != original:
            family = (firsts or seconds)[0].family
            out.append(GoldEdit(c_lo, c_hi, original, piece, family))
    if apply_edits(clean, out) != apply_edits(mid, second):
        raise AssertionError("composition does not reproduce the twice-spun text")
    return out
