"""Edit selection and composition cost linear work in the number of edits (issue 14).

Work is counted, not timed: every Python function call, generator step and
C-function call made while the function runs (``sys.setprofile`` events).  An
all-pairs scan makes about 100x the work for 10x the edits; these must stay
near 10x.  The old quadratic versions are kept here as reference
implementations, and the new ones must agree with them on random inputs.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from repair.types import Edit
from repair.write import apply_edits, compose, select_disjoint


def _work(fn: Callable[[], object]) -> int:
    count = 0

    def hook(frame, event, arg):  # noqa: ANN001, ARG001
        nonlocal count
        count += 1

    sys.setprofile(hook)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def _candidates(n: int, seed: int = 1) -> tuple[str, list[Edit]]:
    """A synthetic document with ``n`` candidate edits, overlapping in clusters."""
    rng = random.Random(seed)
    words = [rng.choice(["alpha", "beta", "gamma", "delta", "epsilon"]) for _ in range(n)]
    text = " ".join(words)
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    edits = []
    for _ in range(n):
        j = rng.randrange(len(words))
        span = rng.choice([1, 1, 1, 2])
        a = starts[j]
        k = min(j + span, len(words)) - 1
        b = starts[k] + len(words[k])
        if rng.random() < 0.05:
            b = a  # an insertion
        edits.append(Edit(a, b - a, text[a:b], "x", "ocr", rng.random(), "R"))
    return text, edits


def _old_select_disjoint(edits: Iterable[Edit]) -> list[Edit]:
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for e in sorted(edits, key=lambda e: (-e.confidence, e.offset)):
        a, b = e.offset, e.end
        if any(a < y and x < b or (a == b == x) for x, y in taken):
            continue
        chosen.append(e)
        taken.append((a, b))
    return sorted(chosen, key=lambda e: e.offset)


def _old_compose(base: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    first = sorted(first, key=lambda e: (e.offset, e.length))
    second = sorted(second, key=lambda e: (e.offset, e.length))
    if not second:
        return list(first)
    if not first:
        return list(second)
    mid = apply_edits(base, first)
    final = apply_edits(mid, second)
    mid_bounds = []
    shift = 0
    for e in first:
        mid_bounds.append((e.offset + shift, e.offset + shift + len(e.replacement), e))
        shift += len(e.replacement) - e.length

    def mid_to_base(m: int, is_end: bool) -> int:
        shift = 0
        for ms, me, e in mid_bounds:
            if m < ms or (m == ms and ms != me):
                break
            if ms < m < me:
                return e.end if is_end else e.offset
            shift += len(e.replacement) - e.length
        return m - shift

    items = [(e.offset, e.end, 1, e) for e in first]
    for e in second:
        a = mid_to_base(e.offset, False)
        b = max(a, mid_to_base(e.end, True))
        items.append((a, b, 2, e))
    items.sort(key=lambda t: (t[0], t[1]))
    groups: list[list] = []
    lo = hi = -1
    for it in items:
        a, b = it[0], it[1]
        touching = groups and (
            max(a, lo) < min(b, hi)
            or ((a == b or lo == hi) and max(a, lo) <= min(b, hi))
            or (a == hi and any(t[0] == t[1] == hi for t in groups[-1]))
        )
        if touching:
            groups[-1].append(it)
            hi = max(hi, b)
        else:
            groups.append([it])
            lo, hi = a, b
    result = []
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


def _random_edits(rng: random.Random, text: str, n: int) -> list[Edit]:
    edits = []
    for _ in range(n):
        a = rng.randrange(len(text) + 1)
        b = min(len(text), a + rng.choice([0, 0, 1, 2, 3, 5]))
        rep = rng.choice(["", "x", "yz", "wxyz", text[a:b]])
        edits.append(Edit(a, b - a, text[a:b], rep, "ocr", round(rng.random(), 1), "R"))
    return edits


def test_select_disjoint_agrees_with_the_all_pairs_version() -> None:
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice("ab ") for _ in range(rng.randrange(1, 40)))
        edits = _random_edits(rng, text, rng.randrange(0, 25))
        assert select_disjoint(edits) == _old_select_disjoint(edits)


def test_compose_agrees_with_the_linear_scan_version() -> None:
    rng = random.Random(11)
    for _ in range(400):
        base = "".join(rng.choice("ab ") for _ in range(rng.randrange(1, 40)))
        first = select_disjoint(_random_edits(rng, base, rng.randrange(0, 12)))
        mid = apply_edits(base, first)
        if not mid:
            continue
        second = select_disjoint(_random_edits(rng, mid, rng.randrange(0, 12)))
        got = compose(base, first, second)
        assert got == _old_compose(base, first, second)
        assert apply_edits(base, got) == apply_edits(mid, second)


def test_select_disjoint_work_is_linear_in_the_number_of_edits() -> None:
    _, small = _candidates(5_000)
    _, large = _candidates(50_000)
    w_small = _work(lambda: select_disjoint(small))
    w_large = _work(lambda: select_disjoint(large))
    # linear: ~10x (a little more for the sort's log factor); all-pairs: ~100x
    assert w_large / w_small < 15, (w_small, w_large)
    # and the reference all-pairs scan is indeed super-linear on the same input
    w_old_small = _work(lambda: _old_select_disjoint(small[:500]))
    w_old_large = _work(lambda: _old_select_disjoint(small[:5_000]))
    assert w_old_large / w_old_small > 30


def test_compose_work_is_linear_in_the_number_of_edits() -> None:
    def case(n: int) -> tuple[str, list[Edit], list[Edit]]:
        base, cands = _candidates(n, seed=3)
        first = select_disjoint(cands)
        mid = apply_edits(base, first)
        _, more = _candidates(n, seed=4)
        second = select_disjoint(
            [replace(e, original=mid[e.offset : e.end]) for e in more if e.end <= len(mid)]
        )
        return base, first, second

    small, large = case(5_000), case(50_000)
    assert len(large[1]) > 10_000 and len(large[2]) > 10_000
    w_small = _work(lambda: compose(*small))
    w_large = _work(lambda: compose(*large))
    assert w_large / w_small < 15, (w_small, w_large)
