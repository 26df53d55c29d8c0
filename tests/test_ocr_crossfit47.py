"""Cross-fit of the OCR tables on the SMH dev halves and the lower-case back-off of the
confusion build (session 47, ocrchan47: ``smh_eval.in_split``, ``ocr_xsource --train
deva|devb``, ``build_ocr_confusions.LOWER_BACKOFF``)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_ocr_confusions as build  # noqa: E402
import ocr_xsource  # noqa: E402
import smh_eval  # noqa: E402

IDENTS = [str(n) for n in range(12_900_000, 12_900_400)]


def test_dev_halves_split_dev() -> None:
    dev = {i for i in IDENTS if smh_eval.in_split(i, "dev")}
    a = {i for i in IDENTS if smh_eval.in_split(i, "dev-a")}
    b = {i for i in IDENTS if smh_eval.in_split(i, "dev-b")}
    assert a and b and not a & b
    assert a | b == dev
    assert not dev & {i for i in IDENTS if smh_eval.in_split(i, "test")}
    assert all(smh_eval.in_split(i, "all") for i in IDENTS)


def test_a_dev_half_build_sees_only_that_half_as_dev() -> None:
    real = smh_eval.split_of
    with ocr_xsource.dev_half_only("deva"):
        seen = {i for i in IDENTS if smh_eval.split_of(i) == "dev"}
    assert smh_eval.split_of is real  # restored
    assert seen == {i for i in IDENTS if smh_eval.in_split(i, "dev-a")}
    with ocr_xsource.dev_half_only("both"):
        assert smh_eval.split_of is real  # the other choices leave the split alone
    assert ocr_xsource.sources("devb") == (ocr_xsource.SMH, ocr_xsource.ICDAR)


def _fold(pairs: dict[tuple[str, str], int], letters: int = 1_000) -> tuple[Counter, Counter]:
    return Counter(pairs), Counter({ch: letters for ch in "abcdefghijklmnopqrstuvwxyz"})


def test_lower_class_is_a_pair_seen_once_or_twice() -> None:
    pairs = Counter({("l", "t"): 1, ("n", "a"): 2, ("o", "e"): 40})
    assert build._lower_class("l", "t", pairs) == "lower_sparse"
    assert build._lower_class("n", "a", pairs) == "lower_sparse"
    assert build._lower_class("o", "e", pairs) is None  # counted: its own row
    assert build._lower_class("x", "q", pairs) is None  # never seen: no evidence
    assert build.lower_sparse("l", "t")
    assert not build.lower_sparse("L", "t")  # a capital: CAPITAL_BACKOFF's
    assert not build.lower_sparse("rn", "m")  # a glyph split: kept as before
    assert not build.lower_sparse("é", "e")
    assert not build.lower_sparse("!", "c") and not build.lower_sparse("a", "2")  # marks, digits


def test_held_out_rate_of_the_sparse_lower_class() -> None:
    folds = [_fold({("l", "t"): 1, ("i", "a"): 2}), _fold({("l", "t"): 2, ("i", "a"): 1})]
    rates = build.held_out_rates(folds, build._LOWER_GLYPHS, build._lower_class)
    # each way, both pairs are sparse in one fold and recur 3 times in the other's 2,000
    assert rates == {"lower_sparse": (6, 4_000)}


def test_sparse_lower_rows_only_with_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "_fold_counts", lambda smh, icdar: [_fold({}), _fold({})])
    assert build.lower_class_costs(None, None) == {}  # no held-out evidence: no cost
    folds = [_fold({("l", "t"): 2}, 10), _fold({("l", "t"): 200}, 10)]
    monkeypatch.setattr(build, "_fold_counts", lambda smh, icdar: folds)
    assert build.lower_class_costs(None, None) == {"lower_sparse": build.LOWER_MIN_COST}


def test_only_pairs_printed_in_both_folds(monkeypatch: pytest.MonkeyPatch) -> None:
    folds = [_fold({("c", "r"): 1, ("l", "k"): 2}), _fold({("c", "r"): 1})]
    monkeypatch.setattr(build, "_fold_counts", lambda smh, icdar: folds)
    assert build.seen_in_both_folds(None, None) == {("c", "r")}  # "l" -> "k": one fold only


def test_shipped_table_has_the_sparse_lower_rows_at_the_learned_cost() -> None:
    from repair.lexicons import read_tsv

    assert build.LOWER_BACKOFF and build.LOWER_BOTH_FOLDS  # shipped on
    rows = {(o, g): (float(c), int(n)) for o, g, c, n in read_tsv("ocr_confusions.tsv")}
    cost, count = rows[("c", "r")]  # printed twice, once in each fold
    assert count == 2 and cost >= build.LOWER_MIN_COST
    assert cost > 5.0  # dearer than the real-word search's bound: only non-words reach it
    assert ("u", "r") not in rows  # printed twice, in one fold only: no row
