"""Confusion runs segmented into units before counting (scripts/build_ocr_confusions.py)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_ocr_confusions as build  # noqa: E402


def test_a_run_of_two_seen_confusions_is_read_as_both() -> None:
    counts = Counter({("n", "m"): 5, ("u", "a"): 5})
    grams = Counter({"m": 100, "a": 100, "ma": 10})
    assert build.segment("nu", "ma", counts, grams, 1000) == [("n", "m"), ("u", "a")]


def test_a_seen_glyph_merge_stays_one_unit() -> None:
    counts = Counter({("rn", "m"): 10, ("r", "m"): 1})
    grams = Counter({"m": 100})
    assert build.segment("rn", "m", counts, grams, 1000) == [("rn", "m")]


def test_equal_glyphs_inside_a_run_are_free() -> None:
    counts = Counter({("c", "e"): 20})
    grams = Counter({"e": 100})
    assert build.segment("cxc", "exe", counts, grams, 1000) == [("c", "e"), ("c", "e")]


def test_decompose_counts_units_of_long_runs() -> None:
    # a run longer than MAX_RUN glyphs was dropped; segmented, it gives its units
    runs = Counter({("n", "m"): 3, ("cnncc", "ermee"): 1})
    pairs = Counter({("n", "m"): 3, ("c", "e"): 4})
    grams = Counter({"m": 50, "e": 50, "r": 50})
    counts = build.decompose(runs, pairs, grams, 1000)
    assert counts == Counter({("n", "m"): 4, ("c", "e"): 3, ("n", "r"): 1})


def test_a_short_run_seen_as_a_unit_stays_one() -> None:
    # "nu" -> "ma" printed once is likelier as one unit than as two rare confusions
    counts = Counter({("nu", "ma"): 1, ("n", "m"): 3, ("u", "a"): 3})
    grams = Counter({"m": 3000, "a": 3000, "ma": 300})
    assert build.segment("nu", "ma", counts, grams, 10_000) == [("nu", "ma")]
