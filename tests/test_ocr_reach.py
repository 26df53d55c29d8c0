"""The reach instrument of the SMH benchmark (benchmarks/ocr_reach.py): which errors it
counts and how it reads a repair over them (no shared data needed)."""

from __future__ import annotations

from benchmarks.ocr_reach import ErrorCase, _gives, _reading, errors_of
from benchmarks.smh_eval import Article

RAW = "Tbe meeting was conllnuid\nin tho hall, ace rding to the plan, and went tothe Mayor."
GOLD = "The meeting was continued\nin the hall, according to the plan, and went to the Mayor."


def test_errors_are_one_token_substitutions_splits_and_merges() -> None:
    errs = {(e.raw, e.gold, e.cls) for e in errors_of(Article("x", RAW, GOLD, GOLD))}
    assert ("Tbe", "The", "cap") in errs
    assert ("conllnuid", "continued", "lower") in errs
    assert ("tho", "the", "real") in errs  # "tho" is a (rare) word
    assert ("ace rding", "according", "merge") in errs
    assert ("tothe", "to the", "split") in errs
    assert all(e.op_fixed for e in errors_of(Article("x", RAW, GOLD, GOLD)))


def test_error_spans_point_into_the_raw_text() -> None:
    for e in errors_of(Article("x", RAW, GOLD, RAW)):
        assert RAW[e.start : e.end] == e.raw
        assert not e.op_fixed  # OverProof's column is the raw text here


def test_a_repair_gives_the_gold_reading_in_any_case() -> None:
    k = RAW.index("ace rding")
    err = ErrorCase(k, k + 9, "ace rding", "according", "merge", "word", True)
    assert _reading(RAW, k, k + 9, [(k, k + 9, "according")]) == "according"
    assert _gives(RAW, err, [(k, k + 9, "According")])
    assert not _gives(RAW, err, [(k + 4, k + 9, "ding")])
