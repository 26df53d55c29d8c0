"""Sparse rows of the OCR confusion table: glyph splits and merges seen once or twice.

A pair seen fewer than ``MIN_COUNT`` times is kept only when it reads plain letters as
more or fewer plain letters ("yv" -> "w", "d" -> "th") or a printed capital as other
glyphs ("S" -> "p", ``SPARSE_CAPITALS``), at a cost above the real-word search's bound,
so it widens the reach of non-words and never re-reads a real word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from repair.candidates import ocr_realword
from repair.score.ocr_channel import confusions, correction_candidates

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_ocr_confusions as build  # noqa: E402


def test_glyph_split_shape() -> None:
    assert build.glyph_split("yv", "w") and build.glyph_split("d", "th")
    assert not build.glyph_split("u", "r")  # one glyph for another: same length
    assert not build.glyph_split("nu", "ma")
    assert not build.glyph_split("roo", "me")  # no single glyph on either side
    assert not build.glyph_split("1", "ll")  # a digit
    assert not build.glyph_split("é", "ee")  # an accent
    assert not build.glyph_split("'", "ll")  # a mark


def test_sparse_rows_are_dear_glyph_splits() -> None:
    rows = [
        line.rstrip("\n").split("\t")
        for line in (ROOT / "lexicons" / "ocr_confusions.tsv").read_text("utf-8").splitlines()
        if line and not line.startswith(("#", "<"))
    ]
    # rows of glyph shape (count 0, SHAPE_PRIOR) are no counts: see tests/test_ocr_pagerate.py
    shape = build.shape_pairs(build.SHAPE_MIN_SIM) if build.SHAPE_PRIOR else {}
    sparse = [
        r
        for r in rows
        if int(r[3]) < build.MIN_COUNT
        and (r[0], r[1]) not in build.PRIOR_PAIRS
        and not (int(r[3]) == 0 and (r[0], r[1]) in shape)
    ]
    assert sparse, "the table has sparse rows"
    for ocr, true, cost, _n in sparse:
        if build.LOWER_BACKOFF and build.lower_sparse(ocr, true):
            assert float(cost) >= build.LOWER_MIN_COST  # priced by its class (LOWER_BACKOFF)
            continue
        wanted = build.glyph_split(ocr, true) or (
            build.SPARSE_CAPITALS and build.capital_printed(ocr, true)
        )
        assert wanted, (ocr, true)
        if build.CAPITAL_BACKOFF and build._capital_pair(ocr, true):
            continue  # a capital read as a capital: priced by its class (CAPITAL_BACKOFF)
        assert float(cost) >= build.SPARSE_COST
    assert dict(confusions()["m"])["wa"] >= build.SPARSE_COST


def test_capital_printed_shape() -> None:
    assert build.capital_printed("S", "p") and build.capital_printed("UB", "us")
    assert build.capital_printed("V", "N")  # a capital read as another capital
    assert not build.capital_printed("B", "b")  # a pure case change: decided in context
    assert not build.capital_printed("ND", "nd")
    assert not build.capital_printed("oc", "e")  # no printed capital


def test_sparse_capital_rows_are_dear_and_case_changes_stay_out() -> None:
    table = confusions()
    assert dict(table["S"])["p"] >= build.SPARSE_COST  # seen twice: sparse
    assert "b" not in dict(table.get("B", ()))  # case changes are no rows
    assert "I" not in dict(table.get("J", ()))  # J / I: an old print convention


def test_sparse_capital_row_reaches_a_mixed_case_non_word() -> None:
    # "WalPS": "PS" printed for "es" (seen in the training lines once or twice); no other
    # reading is cheaper, and the reading is dear (only non-words reach it)
    best = correction_candidates("WalPS")[0]
    assert best.text == "Wales" and best.subs == (("PS", "es"),)
    assert best.cost >= build.SPARSE_COST


def test_sparse_rows_never_reach_real_word_readings() -> None:
    # the real-word search stops below a sparse row's cost: a known word is re-read only
    # through confusions seen at least MIN_COUNT times
    assert ocr_realword.MAX_COST < build.SPARSE_COST
    for cost, _variant, subs in ocr_realword._readings("were", True):
        assert cost <= ocr_realword.MAX_COST
        assert all(dict(confusions()[o])[g] < build.SPARSE_COST for o, g in subs)


def test_sparse_row_reaches_a_non_word() -> None:
    # "yvere": "yv" for "w", a glyph split (seen twice as a run of its own, and twice
    # more inside longer runs: build_ocr_confusions.decompose); no other confusion reads it
    best = correction_candidates("yvere")[0]
    assert best.text == "were" and best.subs == (("yv", "w"),)
