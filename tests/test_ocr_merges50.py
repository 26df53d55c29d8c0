"""The merge back-off of the confusion build (session 50, ocrxrows:
``build_ocr_confusions.MERGE_BACKOFF`` / ``MERGE_CAPITALS``): two printed glyphs read as one
that no source counted ("il" -> "h", "tv" -> "w", "It" -> "R") get a row when they look
alike (rendered type) and the training folds disagree (the unseen class of
``UNSEEN_BACKOFF`` is priced within ``UNSEEN_MAX_COST``), at the dearer of the shape
price and the unseen class's learned cost."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402


def _shape_cost(sim: float) -> float:
    return build.SHAPE_COST + build.SHAPE_SLOPE * 10 * (1 - sim)


def test_merge_shapes_are_two_lower_case_glyphs_for_one() -> None:
    shapes = build.merge_shapes(0.75)
    assert ("il", "h") in shapes and ("tv", "w") in shapes and ("ui", "m") in shapes
    assert all(len(o) == 2 and len(g) == 1 for o, g in shapes)
    assert all((o + g).isalpha() and (o + g).islower() for o, g in shapes)
    assert all(s >= 0.75 for s in shapes.values())
    assert set(build.merge_shapes(0.85)) < set(shapes)


def test_capital_merge_shapes_read_two_glyphs_as_one_capital() -> None:
    shapes = build.capital_merge_shapes(0.75)
    assert ("It", "R") in shapes and ("II", "H") in shapes and ("Il", "H") in shapes
    assert all(len(o) == 2 and len(g) == 1 and g.isupper() for o, g in shapes)


def test_rows_for_missing_merges_only_when_the_folds_disagree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build, "MERGE_CAPITALS", False)
    monkeypatch.setattr(build, "MERGE_PER_TRUE", None)
    have = {("li", "h")}
    rows = build.merge_backoff_rows(have, {"unseen": 5.66})
    got = {(o, g): c for o, g, c, n in rows}
    assert ("il", "h") in got and ("li", "h") not in got  # the table has "li" -> "h"
    sim = build.merge_shapes(0.75)[("il", "h")]
    monkeypatch.setattr(build, "MERGE_PRICE", "max")
    assert got[("il", "h")] == pytest.approx(max(5.66, _shape_cost(sim)))
    assert all(c >= 5.66 for c in got.values())
    assert all(n == 0 for *_r, n in rows)
    # folds that agree (the shipped sources: unseen pairs stay unseen): no rows
    assert build.merge_backoff_rows(have, {"unseen": build.UNSEEN_MAX_COST + 0.1}) == []
    assert build.merge_backoff_rows(have, {}) == []


def test_per_true_glyph_limit_keeps_the_likeliest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "MERGE_CAPITALS", False)
    monkeypatch.setattr(build, "MERGE_PER_TRUE", 2)
    rows = build.merge_backoff_rows(set(), {"unseen": 5.66})
    per: dict[str, list[str]] = {}
    for o, g, _c, _n in rows:
        per.setdefault(g, []).append(o)
    assert all(len(v) <= 2 for v in per.values())
    shapes = build.merge_shapes(build.MERGE_MIN_SIM)
    best = sorted((s for (o, g), s in shapes.items() if g == "m"), reverse=True)[:2]
    assert sorted((shapes[(o, "m")] for o in per["m"]), reverse=True) == best


def _build(monkeypatch: pytest.MonkeyPatch, unseen: float) -> set[tuple[str, str]]:
    """The rows of a table built from no training lines (the prior alone) whose folds'
    unseen class costs ``unseen``."""
    monkeypatch.setattr(build, "unseen_class_costs", lambda smh, icdar: {"unseen": unseen})
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build.main([])
    return {
        tuple(line.split("\t")[:2])
        for line in out.getvalue().split("\n")
        if line and not line.startswith("#")
    }


def test_the_build_writes_merge_rows_for_a_source_whose_folds_disagree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert build.MERGE_BACKOFF and build.MERGE_CAPITALS
    rows = _build(monkeypatch, 5.66)
    assert ("il", "h") in rows and ("tv", "w") in rows and ("It", "R") in rows
    assert ("il", "h") not in _build(monkeypatch, 7.5)
    monkeypatch.setattr(build, "MERGE_BACKOFF", False)
    assert ("il", "h") not in _build(monkeypatch, 5.66)


def test_the_shipped_table_gets_no_merge_rows() -> None:
    """SMH + ICDAR folds agree: the shipped table is the same with the switch on."""
    from repair.lexicons import read_tsv

    rows = {(o, g) for o, g, *_ in read_tsv("ocr_confusions.tsv")}
    assert ("il", "h") in rows  # counted in SMH
    assert ("nl", "m") not in rows and ("It", "K") not in rows


def test_the_fold_account_reads_the_cross_archive_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """``ocr_fold_account.py --folds x``: SMH dev read with tables learned from ICDAR alone,
    the training counts from ICDAR's lines only."""
    import ocr_fold_account
    import ocr_xsource

    assert ocr_fold_account.FOLDS["x"] == ("dev", "icdar")
    seen = []
    monkeypatch.setattr(
        ocr_fold_account.build,
        "learn",
        lambda smh, icdar: seen.append((smh, icdar)) or (1, 2, 3, 4),
    )
    assert ocr_fold_account.train_counts("icdar") == 1
    assert seen == [(None, ocr_xsource.ICDAR)]
