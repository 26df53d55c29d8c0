"""The reverse back-off of the confusion build (session 52, ocrshape:
``build_ocr_confusions.REVERSE_BACKOFF``): a one-glyph confusion whose reverse is counted
("t" printed "l" often, so "l" -> "t") gets a row priced from the reverse row when the
training folds disagree (the unseen class of ``UNSEEN_BACKOFF`` is in force), in place of
a dearer back-off row; the shipped table (SMH + ICDAR, folds agree) is unchanged."""

from __future__ import annotations

import contextlib
import io
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402


def _price(reverse_cost: float) -> float:
    return max(build.REVERSE_MIN_COST, reverse_cost + build.REVERSE_DELTA)


def test_a_counted_row_gives_its_reverse_a_row() -> None:
    rows = [("t", "l", 3.4, 23), ("e", "c", 0.3, 500), ("O", "0", 0.3, 12)]
    pairs = Counter({("t", "l"): 23, ("e", "c"): 500, ("O", "0"): 12})
    got = {(o, g): (c, n) for o, g, c, n in build.reverse_rows(rows, pairs, {"unseen": 5.66})}
    assert got[("l", "t")] == (_price(3.4), 0)
    assert got[("c", "e")] == (_price(0.3), 0)
    assert got[("0", "O")] == (_price(0.3), 0)  # a digit for a capital
    assert got[("t", "l")] == (3.4, 23)  # the counted rows stay


def test_only_when_the_folds_disagree() -> None:
    rows = [("t", "l", 3.4, 23)]
    pairs = Counter({("t", "l"): 23})
    assert build.reverse_rows(rows, pairs, {"unseen": build.UNSEEN_MAX_COST + 0.1}) == rows
    assert build.reverse_rows(rows, pairs, {}) == rows


def test_thin_evidence_accents_and_case_changes_give_no_row() -> None:
    rows = [("t", "l", 3.4, 2), ("à", "a", 0.3, 40), ("I", "l", 1.0, 30), ("s", "S", 1.0, 9)]
    pairs = Counter({("t", "l"): 2, ("à", "a"): 40, ("I", "l"): 30, ("s", "S"): 9})
    got = {(o, g) for o, g, _c, _n in build.reverse_rows(rows, pairs, {"unseen": 5.66})}
    assert ("l", "t") not in got  # the reverse is counted fewer than REVERSE_MIN_COUNT times
    assert ("a", "à") not in got  # not plain ASCII glyphs
    assert ("S", "s") not in got  # a case change
    assert ("l", "I") in got


def test_replaces_dearer_back_off_rows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = Counter({("t", "l"): 23, ("r", "n"): 40, ("b", "h"): 30, ("f", "i"): 12})
    rows = [
        ("t", "l", 3.4, 23),
        ("l", "t", 5.66, 0),  # the unseen back-off: replaced
        ("r", "n", 1.0, 40),
        ("n", "r", 4.5, 2),  # seen twice: replaced with REVERSE_REPLACE_COUNT 2
        ("b", "h", 1.0, 30),
        ("h", "b", 2.0, 5),  # counted: kept
        ("f", "i", 4.4, 12),
        ("i", "f", 4.2, 0),  # cheaper than the reverse price: kept
    ]
    monkeypatch.setattr(build, "REVERSE_MIN_COST", 4.0)
    monkeypatch.setattr(build, "REVERSE_DELTA", 0.5)
    monkeypatch.setattr(build, "REVERSE_REPLACE_COUNT", 2)
    got = {(o, g): (c, n) for o, g, c, n in build.reverse_rows(rows, pairs, {"unseen": 5.66})}
    assert got[("l", "t")] == (4.0, 0)
    assert got[("n", "r")] == (4.0, 0)
    assert got[("h", "b")] == (2.0, 5)
    assert got[("i", "f")] == (4.2, 0)
    assert len(got) == len(rows)
    monkeypatch.setattr(build, "REVERSE_REPLACE_COUNT", 0)
    got = {(o, g): (c, n) for o, g, c, n in build.reverse_rows(rows, pairs, {"unseen": 5.66})}
    assert got[("n", "r")] == (4.5, 2)


def test_too_dear_a_reverse_price_gives_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "REVERSE_DELTA", 1.0)
    rows = [("t", "f", 6.5, 3)]  # a segmented row at SEGMENTED_MIN_COST: 7.5 > UNSEEN_MAX_COST
    assert build.reverse_rows(rows, Counter({("t", "f"): 3}), {"unseen": 5.66}) == rows


def _build(monkeypatch: pytest.MonkeyPatch, unseen: float) -> dict[tuple[str, str], str]:
    """``{(printed, true): cost}`` of a table built from counts where "t" is printed "l"
    23 times and the folds' unseen class costs ``unseen``."""
    pairs = Counter({("t", "l"): 23})
    grams = Counter({"l": 1000, "t": 1000})
    spacing = {"split": 0, "merge": 0, "spaces": 100, "letters": 2000}
    monkeypatch.setattr(build, "learn", lambda smh, icdar: (pairs, grams, spacing, pairs))
    monkeypatch.setattr(build, "unseen_class_costs", lambda smh, icdar: {"unseen": unseen})
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build.main([])
    return {
        (f[0], f[1]): f[2]
        for f in (line.split("\t") for line in out.getvalue().split("\n"))
        if len(f) >= 3 and not f[0].startswith("#")
    }


def test_the_build_writes_the_reverse_row(monkeypatch: pytest.MonkeyPatch) -> None:
    assert build.REVERSE_BACKOFF
    monkeypatch.setattr(build, "GLYPH_BACKOFF", False)  # the flat unseen price (session 58)
    rows = _build(monkeypatch, 5.66)
    assert float(rows[("l", "t")]) == pytest.approx(_price(float(rows[("t", "l")])))
    assert float(rows[("l", "w")]) == pytest.approx(5.66)  # no reverse: the unseen row
    assert rows[("l", "t")] != _build(monkeypatch, 7.5).get(("l", "t"))
    monkeypatch.setattr(build, "REVERSE_BACKOFF", False)
    assert float(_build(monkeypatch, 5.66)[("l", "t")]) == pytest.approx(5.66)


def test_the_shipped_table_has_no_reverse_rows() -> None:
    """SMH + ICDAR folds agree: the shipped table is the same with the switch on (a rebuild
    is byte-identical, session 52): counted rows whose reverse has no row keep it so."""
    from repair.lexicons import read_tsv

    rows = {(o, g): (float(c), int(n)) for o, g, c, n in read_tsv("ocr_confusions.tsv")}
    for counted, reverse in ((("T", "Y"), ("Y", "T")), (("i", "1"), ("1", "i"))):
        assert rows[counted][1] >= build.REVERSE_MIN_COUNT
        assert reverse not in rows
    assert rows[("0", "O")][1] >= build.REVERSE_MIN_COUNT
    assert rows[("O", "0")] == (6.5, 1)  # seen once: not undercut
