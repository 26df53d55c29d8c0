"""The web-bigram columns of ``benchmarks/ocr_realword_evidence.py`` (session 53, ocrweb)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _evidence() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import ocr_realword_evidence
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return ocr_realword_evidence


E = _evidence()
N = E.WEB_TOTAL


def _table() -> Any:
    uni = {"leading": 10**8, "lending": 10**7, "citizens": 10**7, "about": 10**9}
    bi = {("leading", "citizens"): 10**6, ("about", "leading"): 2 * 10**5}
    return E.WebBigrams(uni, bi)


def test_counted_pair_is_read_and_an_absent_one_is_estimated_below_the_prune() -> None:
    web = _table()
    assert web.pair("Leading", "CITIZENS") == 10**6  # case-folded
    assert web.has("leading", "citizens") and not web.has("lending", "citizens")
    # absent: independence, 1e7 * 1e7 / N
    assert web.pair("lending", "citizens") == pytest.approx(10**14 / N)
    # absent pair of two frequent words: capped below the table's prune count
    assert web.pair("about", "about") == E.WEB_PRUNE - 1
    # a word the unigrams lack gets the floor count
    assert web.count("zzxq") == E.WEB_FLOOR


def test_gains_each_side() -> None:
    web = _table()
    g_l, g_r = web.gain("about", "lending", "leading", "citizens")
    assert g_l == pytest.approx(math.log(2 * 10**5 / (10**16 / N)))
    want_r = math.log(10**6 / 10**8) - math.log((10**14 / N) / 10**7)
    assert g_r == pytest.approx(want_r)
    # no neighbour, no gain on that side
    assert web.gain(None, "lending", "leading", None) == (0.0, 0.0)


def test_right_gain_is_zero_when_neither_pair_is_counted() -> None:
    web = E.WebBigrams({"a": 10**6, "b": 10**5, "c": 10**6}, {})
    # independence on both sides: P(right | w) = P(right) whatever w is
    assert web.gain(None, "b", "a", "c")[1] == pytest.approx(0.0)


def test_table_is_none_without_wordsegment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wordsegment", None)
    assert E.WebBigrams.load() is None


@pytest.mark.skipif(importlib.util.find_spec("wordsegment") is None, reason="needs wordsegment")
def test_installed_table_sums_case_duplicates() -> None:
    web = E.WebBigrams.load()
    assert web is not None and len(web.uni) > 300_000
    # count_2w lists "part of" twice (two cases folded); the reader sums them
    assert web.bi[("part", "of")] > 124_514_243
