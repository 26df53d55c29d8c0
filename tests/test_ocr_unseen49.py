"""The unseen-pair back-off of the confusion build (session 49, ocrxarch49:
``build_ocr_confusions.UNSEEN_BACKOFF``): a lower-case pair no fold counted gets a row at
the class's held-out cost, only when the training folds disagree enough to price it
within ``UNSEEN_MAX_COST``."""

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


def _fold(pairs: dict[tuple[str, str], int], letters: int = 1_000) -> tuple[Counter, Counter]:
    return Counter(pairs), Counter({ch: letters for ch in "abcdefghijklmnopqrstuvwxyz"})


def test_unseen_class_is_a_lower_case_pair_never_counted() -> None:
    pairs = Counter({("l", "t"): 1, ("o", "e"): 40})
    assert build._unseen_class("j", "y", pairs) == "unseen"
    assert build._unseen_class("l", "t", pairs) is None  # counted once: LOWER_BACKOFF's
    assert build._unseen_class("o", "e", pairs) is None  # counted: its own row
    assert build._unseen_class("u", "v", pairs) is None  # a spelling convention of old print
    assert build._unseen_class("J", "y", pairs) is None  # capitals: CAPITAL_BACKOFF's
    assert build._unseen_class("rn", "m", pairs) is None  # a glyph split
    assert build._unseen_class("!", "l", pairs) is None  # marks and digits
    assert build._unseen_class("a", "a", pairs) is None


def test_the_unseen_cost_is_the_held_out_rate_of_pairs_one_fold_never_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "j" -> "y" never counted in fold A, 5 times in fold B's 1,000 "y": and back, "l" -> "t"
    folds = [_fold({("l", "t"): 5}), _fold({("j", "y"): 5})]
    monkeypatch.setattr(build, "_fold_counts", lambda smh, icdar: folds)
    rates = build.held_out_rates(folds, build._LOWER_GLYPHS, build._unseen_class)
    assert rates["unseen"][0] == 10  # the events of each way's unseen pairs, pooled
    cost = build.unseen_class_costs(None, None)["unseen"]
    want = -math.log(10 / rates["unseen"][1]) - build.OFFSET
    assert cost == pytest.approx(max(build.UNSEEN_MIN_COST, want))
    monkeypatch.setattr(build, "_fold_counts", lambda smh, icdar: [_fold({}), _fold({})])
    assert build.unseen_class_costs(None, None) == {}  # no held-out events: no cost


def test_rows_only_for_missing_pairs_and_only_within_the_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build, "UNSEEN_PRINTED", "jl")
    have = {("l", "t"), ("j", "i")}
    rows = build.unseen_backoff_rows(have, {"unseen": 5.7})
    got = {(o, g) for o, g, _c, _n in rows}
    assert ("j", "y") in got and ("l", "f") in got
    assert ("l", "t") not in got  # the table has it
    assert ("j", "i") not in got and ("i", "j") not in got  # convention; "i" not printed
    assert all(c == 5.7 and n == 0 for _o, _g, c, n in rows)
    assert len(got) == 2 * 25 - 2
    # folds that agree (unseen pairs stay unseen): no rows
    assert build.unseen_backoff_rows(have, {"unseen": build.UNSEEN_MAX_COST + 0.1}) == []
    assert build.unseen_backoff_rows(have, {}) == []


def test_the_shipped_table_gets_no_unseen_rows() -> None:
    """SMH + ICDAR folds agree (an unseen pair recurs at ~7.5 nats held out): the shipped
    table is the same with the switch on, and still lacks a pair no source counted."""
    from repair.lexicons import read_tsv

    assert build.UNSEEN_BACKOFF
    rows = {(o, g) for o, g, *_ in read_tsv("ocr_confusions.tsv")}
    assert ("j", "q") not in rows


def test_by_source_the_folds_are_the_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    smh, icdar = Path("smh"), Path("icdar")
    by_args = {
        # each source alone: its pairs split over two folds
        (smh, None): [_fold({("j", "y"): 3}), _fold({("j", "y"): 2})],
        (None, icdar): [_fold({("l", "t"): 3}), _fold({("l", "t"): 2})],
        # folds that mix the sources: every pair in both, nothing unseen held out
        (smh, icdar): [
            _fold({("j", "y"): 3, ("l", "t"): 3}),
            _fold({("j", "y"): 2, ("l", "t"): 2}),
        ],
    }
    monkeypatch.setattr(build, "_fold_counts", lambda s, i: by_args[(s, i)])
    assert build._pooled(by_args[(smh, None)])[0] == Counter({("j", "y"): 5})
    monkeypatch.setattr(build, "UNSEEN_BY_SOURCE", False)
    assert build.unseen_class_costs(smh, icdar) == {}
    monkeypatch.setattr(build, "UNSEEN_BY_SOURCE", True)
    # by source: "j" -> "y" (SMH's 5) is unseen in ICDAR, "l" -> "t" (ICDAR's 5) in SMH
    assert "unseen" in build.unseen_class_costs(smh, icdar)
    assert build.unseen_class_costs(None, icdar) == {}  # one source: its own folds
