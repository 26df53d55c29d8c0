"""The ``seedinfl`` simulator (benchmarks/spin_sim/seedinfl.py, session 61 spininfl): seed
000's spinner on a new article with its profile's families at their other inflections."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("spin_sim")
pytest.importorskip("wn")

from spin_sim import DENSE, HALF_SCORED  # noqa: E402
from spin_sim import seedinfl as si  # noqa: E402
from spin_sim import seedprof as sp  # noqa: E402
from spin_sim.text import GoldEdit  # noqa: E402


def test_a_row_at_one_form_is_spun_at_its_others() -> None:
    rows = {(o, s) for o, s, _c, _f in si.inflection_rows()}
    assert ("loses", "misplaces") in rows and ("losing", "misplacing") in rows
    profile = {w.lower() for o, s, *_ in sp.rows() for w in (o, s)}
    assert all(s not in profile for _o, s in rows)


def test_the_new_forms_are_spun_and_scored_apart() -> None:
    assert "seedinfl" in DENSE and "seedinfl" in HALF_SCORED
    text = "The firm loses cash each year. " * 20
    edits = si.spin(text, random.Random(1))
    spun = [e for e in edits if e.family.startswith("i:")]
    assert spun and {(e.original, e.replacement) for e in spun} == {("loses", "misplaces")}
    half = sp.family_half(spun[0].family[2:])
    assert si.in_half(spun[0], f"{half}-infl") and not si.in_half(spun[0], "rows")
    assert si.in_half(GoldEdit(0, 1, "a", "b", "x:f"), "extension")
