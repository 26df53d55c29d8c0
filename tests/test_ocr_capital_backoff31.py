"""Capital glyphs read as other capitals, priced by class on two folds of the training
data (session 31, ocrcap31: ``build_ocr_confusions.CAPITAL_BACKOFF``)."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_ocr_confusions as build  # noqa: E402


def test_capital_pair_shape() -> None:
    assert build._capital_pair("R", "E")
    assert not build._capital_pair("R", "R")
    assert not build._capital_pair("R", "e")  # a capital read as a lower-case glyph
    assert not build._capital_pair("B", "fl")
    assert not build._capital_pair("1", "I")


def test_capital_classes() -> None:
    shapes = build._capital_shapes()
    assert shapes[("F", "E")] > build.SHAPE_MIN_SIM  # alike in shape
    pairs = Counter({("R", "E"): 1, ("B", "R"): 9, ("k", "w"): 5})
    assert build._capital_class("R", "E", pairs, shapes) == "sparse"  # seen once
    assert build._capital_class("B", "R", pairs, shapes) is None  # counted: its own row
    assert build._capital_class("F", "E", pairs, shapes) == "shape"  # never seen, alike
    assert build._capital_class("K", "W", pairs, shapes) == "lower"  # k -> w counted
    assert build._capital_class("Z", "Q", pairs, shapes) is None  # no evidence


def _fold(pairs: dict[tuple[str, str], int], letters: int = 1_000) -> tuple[Counter, Counter]:
    return Counter(pairs), Counter({chr(c): letters for c in range(ord("A"), ord("Z") + 1)})


def test_class_cost_is_the_held_out_rate() -> None:
    # R -> E seen once in each fold: the "sparse" class recurs at 1 in 1,000 E's each way
    folds = [_fold({("R", "E"): 1, ("K", "E"): 2}), _fold({("R", "E"): 1, ("K", "E"): 2})]
    costs = build.class_costs(folds)
    # held out: R -> E once, K -> E twice, both ways: 6 in 4,000 E's
    assert costs["sparse"] == pytest.approx(-math.log(6 / 4_000) - build.OFFSET)
    assert "shape" not in costs  # no held-out evidence: no cost


def test_class_needs_held_out_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    folds = [_fold({("R", "E"): 1}), _fold({("R", "E"): 1})]
    assert "sparse" not in build.class_costs(folds)  # 2 held-out events < 5
    monkeypatch.setattr(build, "CAPITAL_MIN_HELDOUT", 2)
    assert "sparse" in build.class_costs(folds)


def test_class_cost_has_a_floor() -> None:
    folds = [_fold({("R", "E"): 2}, 10), _fold({("R", "E"): 200}, 10)]
    assert build.class_costs(folds)["sparse"] == build.CAPITAL_MIN_COST


def test_backoff_rows_only_for_unseen_pairs_with_evidence() -> None:
    pairs = Counter({("B", "R"): 9, ("k", "w"): 5})
    rows = build.capital_backoff_rows({("B", "R")}, pairs, {"shape": 3.5, "lower": 5.0})
    got = {(o, g): c for o, g, c, n in rows}
    assert got[("F", "E")] == 3.5 and got[("K", "W")] == 5.0
    assert ("B", "R") not in got  # the table has its row
    assert ("Z", "Q") not in got
    assert ("I", "J") not in got and ("J", "I") not in got  # a spelling convention
    assert all(n == 0 for *_x, n in rows)
    assert build.capital_backoff_rows(set(), pairs, {}) == []  # no learned cost: no rows


def test_capital_read_as_capital_keeps_its_case(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capname

    subs = (("M", "H"), ("v", "v"))
    assert ocr_capname.CAPITAL_KEEPS_CASE  # shipped on
    monkeypatch.setattr(ocr_capname, "CAPITAL_KEEPS_CASE", False)
    assert not ocr_capname.capital_row_lowered("Mavo", "Have", subs)  # off: lowered as before
    monkeypatch.setattr(ocr_capname, "CAPITAL_KEEPS_CASE", True)
    assert ocr_capname.capital_row_lowered("Mavo", "Have", subs)  # no row reads "M" as "h"
    # the table reads a printed "B" as "s": "was Baved" is "saved", one error
    assert not ocr_capname.capital_row_lowered("Baved", "Saved", (("B", "S"),))
    assert not ocr_capname.capital_row_lowered("Mavo", "Mayo", (("v", "y"),))  # same capital


def test_realword_capital_reading_of_a_plain_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capname
    from repair.candidates.ocr_realword import _plain_mid
    from repair.tokenize import tokenize

    monkeypatch.setattr(ocr_capname, "CAPITAL_KEEPS_CASE", True)
    # a caller that keeps the capital ("rent Mas tj" -> "Was"): whatever the table reads
    assert ocr_capname.capital_row_lowered("Mas", "Was", (("M", "W"),), False)
    toks = tokenize("the rent Mas to be paid. Mas it?")
    first, second = (k for k, t in enumerate(toks) if t.text == "Mas")
    assert _plain_mid(toks, first, "Was")  # "was" inside a sentence
    assert not _plain_mid(toks, second, "Was")  # a sentence opens
    assert not _plain_mid(toks, first, "Gordon")  # written with a capital


def test_class_priced_capital_rows_read_no_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capname

    monkeypatch.setattr(ocr_capname, "CAPITAL_KEEPS_CASE", False)
    assert ocr_capname.name_row("R", "E")  # off: every row, as before
    monkeypatch.setattr(ocr_capname, "CAPITAL_KEEPS_CASE", True)
    assert not ocr_capname.name_row("R", "E")  # counted once in the shipped table
    assert ocr_capname.name_row("B", "R")  # counted 19 times: its own evidence
    assert ocr_capname.name_row("v", "y")


def test_shipped_table_has_the_class_priced_capital_rows() -> None:
    from repair.score.ocr_channel import confusions

    assert build.CAPITAL_BACKOFF
    rows = {(src, dst): cost for src, found in confusions().items() for dst, cost in found}
    # "Rxpedition", "Knmore": seen once or twice, priced by their class, not at SPARSE_COST
    assert rows[("R", "E")] < build.SPARSE_COST and rows[("K", "E")] < build.SPARSE_COST
    assert rows[("R", "E")] >= build.CAPITAL_MIN_COST
    assert ("D", "O") in rows  # never counted, alike in shape
