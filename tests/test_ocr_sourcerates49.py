"""Confusion rates read from each training source's own counts (session 49, ocrfold49:
``build_ocr_confusions.SOURCE_RATES``, ``build_ocr_slot_confusions.SOURCE_RATES``) and the
cross-fit account (``benchmarks/ocr_fold_account.py``)."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402
import build_ocr_slot_confusions as slot  # noqa: E402
import ocr_fold_account as account  # noqa: E402


def _source(n: int, letters: int) -> tuple[Counter, Counter]:
    return Counter({("n", "a"): n}), Counter({"a": letters})


def _pooled(sources: list[tuple[Counter, Counter]]) -> float:
    return sum(p[("n", "a")] for p, _g in sources) / sum(g["a"] for _p, g in sources)


def test_a_source_rate_does_not_move_with_the_source_size() -> None:
    full = [_source(40, 4_000), _source(3, 12_000)]
    half = [_source(20, 2_000), _source(3, 12_000)]  # a table learned on half the newspaper
    for how in ("weighted", "mean", "max"):
        assert build.source_rate("n", "a", full, how) == pytest.approx(
            build.source_rate("n", "a", half, how)
        )
    # pooled, the half table prices the newspaper's row dearer
    assert -math.log(_pooled(half)) > -math.log(_pooled(full)) + 0.4


def test_the_weighted_mix_stays_near_the_pooled_rate_of_the_shipped_sizes() -> None:
    smh, icdar = build.SOURCE_WEIGHTS
    full = [_source(40, round(smh * 100_000)), _source(10, round(icdar * 100_000))]
    assert build.source_rate("n", "a", full, "weighted") == pytest.approx(_pooled(full), rel=1e-3)
    # the equal mean weighs the smaller source up: cheaper than pooled
    assert build.source_rate("n", "a", full, "mean") > 1.5 * _pooled(full)


def test_mix_rates_leaves_out_a_source_that_never_prints_the_true_side() -> None:
    assert build.mix_rates([0.01, None], "weighted") == pytest.approx(0.01)
    assert build.mix_rates([None, None], "mean") == 0.0
    assert build.mix_rates([0.01, 0.03], "max") == 0.03
    assert build.source_counts(None, ROOT) == []  # one source: pooled is its own rate


def test_slot_rows_are_never_dearer_with_source_rates(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = Counter({("n", "a"): 43, ("u", "a"): 2})
    grams = Counter({"a": 16_000, "n": 15_000, "u": 5_000})
    per_source = [
        (Counter({("n", "a"): 40, ("u", "a"): 1}), Counter({"a": 4_000, "n": 4_000, "u": 1_000})),
        (Counter({("n", "a"): 3, ("u", "a"): 1}), Counter({"a": 12_000, "n": 11_000, "u": 4_000})),
    ]
    monkeypatch.setattr(slot, "SOURCE_RATES", None)
    plain = {(o, g): c for o, g, c, _n in slot.rows(pairs, grams, per_source)}
    monkeypatch.setattr(slot, "SOURCE_RATES", "weighted")
    mixed = {(o, g): c for o, g, c, _n in slot.rows(pairs, grams, per_source)}
    assert set(plain) == set(mixed)
    assert all(mixed[k] <= plain[k] for k in plain)


def test_off_the_flags_leave_the_pooled_rate() -> None:
    """Shipped OFF (session 49): the tables are the pooled build's."""
    assert build.SOURCE_RATES is None and slot.SOURCE_RATES is None
    rows = account.table_rows((ROOT / "lexicons/ocr_confusions.tsv").read_text("utf-8"), "m")
    assert rows[("j", "y")] == (2.06, 53, "m")  # "weighted": 1.95


def test_the_account_reads_a_reading_into_table_rows() -> None:
    rows = {("rn", "m"): (1.0, 43, "main"), ("b", "h"): (2.0, 30, "main")}
    assert account.blocks_of("Tbe", "The") == [("b", "h")]
    assert account.segment_rows("b", "h", rows) == [("b", "h")]
    assert account.segment_rows("rnx", "mz", rows) == [("rn", "m"), ("x", "z")]  # generic
    assert account.shape_of("rn", "m") == "lower/split"
    assert account.bucket(1) == "1-2" and account.bucket(21) == "21+"
