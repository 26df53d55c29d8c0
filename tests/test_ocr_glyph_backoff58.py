"""The per-glyph price of unseen pairs (session 58, ocrfloor:
``build_ocr_confusions.GLYPH_BACKOFF``, ``scripts/ocr_glyph_backoff.py``): a lower-case
pair no source counted is priced by how often its true glyph is misread and how often its
printed glyph is what a misreading prints, not by one flat class cost."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402
import ocr_glyph_backoff as glyph  # noqa: E402

LOWER = "abcdefghijklmnopqrstuvwxyz"


def _counts() -> tuple[Counter, Counter]:
    # "e" is misread often (as "c" and "o"), "i" prints for many letters; "z" never in either
    pairs = Counter(
        {("c", "e"): 40, ("o", "e"): 30, ("i", "l"): 20, ("i", "t"): 20, ("i", "r"): 10}
    )
    letters = Counter(dict.fromkeys(LOWER, 2_000))
    return pairs, letters


def test_rates_follow_the_counts() -> None:
    r, q = glyph.glyph_rates(*_counts(), LOWER)
    assert r["e"] > r["t"] > r["z"]  # e misread 70 times, t 20, z never
    assert q["i"] > q["c"] > q["z"]  # i printed 50 times for others, c 40, z never
    assert sum(q.values()) == pytest.approx(1.0)
    assert all(0 < v < 1 for v in r.values())


def test_prices_keep_the_class_mean_and_order_by_the_rates() -> None:
    rates = glyph.glyph_rates(*_counts(), LOWER)
    keys = [("i", "e"), ("z", "q"), ("i", "q"), ("z", "e")]
    prices = glyph.pair_prices(keys, rates, 5.7, 0.5)
    assert sum(prices.values()) / len(prices) == pytest.approx(5.7)
    assert prices[("i", "e")] < prices[("i", "q")] < prices[("z", "q")]
    assert prices[("i", "e")] < prices[("z", "e")] < prices[("z", "q")]
    flat = glyph.pair_prices(keys, rates, 5.7, 0.0)
    assert set(flat.values()) == {5.7}
    assert glyph.pair_prices([], rates, 5.7, 0.5) == {}


def test_unseen_rows_are_priced_by_glyph_with_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "UNSEEN_PRINTED", "iz")
    counts = _counts()
    have = {("i", "l"), ("i", "t"), ("i", "r")}
    monkeypatch.setattr(build, "GLYPH_BACKOFF", False)
    flat = build.unseen_backoff_rows(have, {"unseen": 5.7}, counts)
    assert {c for _o, _g, c, _n in flat} == {5.7}
    monkeypatch.setattr(build, "GLYPH_BACKOFF", True)
    monkeypatch.setattr(build, "GLYPH_ONLY_CHEAPER", False)
    monkeypatch.setattr(build, "GLYPH_SLOPE", 0.3)
    rows = {(o, g): c for o, g, c, n in build.unseen_backoff_rows(have, {"unseen": 5.7}, counts)}
    assert len(set(rows.values())) > 2  # no longer one flat price
    assert rows[("i", "e")] < rows[("i", "q")] < rows[("z", "q")]
    assert rows[("i", "e")] < rows[("z", "e")] < rows[("z", "q")]
    monkeypatch.setattr(build, "GLYPH_SLOPE", 1.0)
    rows = {(o, g): c for o, g, c, n in build.unseen_backoff_rows(have, {"unseen": 5.7}, counts)}
    assert rows[("i", "e")] == build.GLYPH_MIN_COST  # likely: at the floor
    assert ("z", "q") not in rows  # unlikely: above UNSEEN_MAX_COST, no row
    assert all(build.GLYPH_MIN_COST <= c <= build.UNSEEN_MAX_COST for c in rows.values())
    monkeypatch.setattr(build, "GLYPH_ONLY_CHEAPER", True)
    cheaper = {(o, g): c for o, g, c, n in build.unseen_backoff_rows(have, {"unseen": 5.7}, counts)}
    assert set(cheaper) == {(o, g) for o, g, _c, _n in flat}  # every flat row kept
    assert max(cheaper.values()) == 5.7 and cheaper[("i", "e")] == build.GLYPH_MIN_COST
    # folds that agree: no rows either way
    assert build.unseen_backoff_rows(have, {"unseen": build.UNSEEN_MAX_COST + 0.1}, counts) == []
    # without the training counts: the flat class cost
    assert {c for *_k, c, _n in build.unseen_backoff_rows(have, {"unseen": 5.7})} == {5.7}


def test_the_measured_setting_only_makes_rows_cheaper() -> None:
    assert not build.GLYPH_BACKOFF  # results only: batch self-training lost with it
    assert build.GLYPH_ONLY_CHEAPER and build.GLYPH_SLOPE == 0.25
    assert build.GLYPH_MIN_COST >= build.UNSEEN_MIN_COST  # out of the real-word bound
