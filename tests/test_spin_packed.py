"""Packed choices (``evidence(..., packed=True)``) give the rows of the full choices."""

from __future__ import annotations

from dataclasses import astuple

from repair.score.spin_evidence import Packed, consistent, drop_choices, evidence

CASES = [
    (0, 8, "overseer", ["the", "local"], ["said", "on"]),
    (40, 48, "overseer", ["an", "experienced"], ["of", "the"]),
    (90, 98, "overseer", ["<s>"], ["was", "appointed"]),
    (120, 128, "imperative", ["it", "is"], ["that", "we"]),
    (150, 158, "imperative", ["was", "an"], ["task", "."]),
    (170, 178, "assemblage", [], ["met", "today"]),
]


def _fields(w):  # every field but the choices
    return astuple(w)[:-1]


def test_packed_rows_equal_full_rows() -> None:
    counts = {"manager": 2, "supervisor": 1}
    for start, end, word, left, right in CASES:
        full = evidence(start, end, word, left, right, counts)
        packed = evidence(start, end, word, left, right, counts, packed=True)
        assert full is not None and packed is not None
        assert isinstance(packed.choices, Packed)
        assert _fields(full) == _fields(packed)
        assert [c[:3] for c in full.choices] == [c[:3] for c in packed.choices]


def test_consistent_on_packed_rows_equals_full() -> None:
    full = [evidence(*c) for c in CASES]
    packed = [evidence(*c, packed=True) for c in CASES]
    a, b = consistent(full), consistent(packed)  # type: ignore[arg-type]
    assert [_fields(w) for w in a] == [_fields(w) for w in b]
    assert any(x is not y for x, y in zip(full, a, strict=True))  # something re-chosen


def test_drop_choices_keeps_the_rows() -> None:
    rows = consistent([evidence(*c, packed=True) for c in CASES])  # type: ignore[misc]
    before = [_fields(w) for w in rows]
    out = drop_choices(rows)
    assert out is rows and all(w.choices == () for w in rows)
    assert [_fields(w) for w in rows] == before
