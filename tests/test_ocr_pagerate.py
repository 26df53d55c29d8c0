"""The page's garble rate prices its readings; glyph-shape rows in the table (issue 12)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from repair.lexicons import read_tsv

import repair.score.ocr_pagerate as pagerate
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.types import Candidate

ROOT = Path(__file__).resolve().parent.parent
OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)


def _cand(subs: list[list[str]] | None, cost: float = 2.0, **extra: object) -> Candidate:
    f: dict[str, object] = {"cost": cost, **extra}
    if subs is not None:
        f["subs"] = subs
    return Candidate(0, 3, "x", "ocr", "OCR_CONFUSION", f)


def test_a_light_page_makes_readings_dearer_a_heavy_one_leaves_them() -> None:
    light = pagerate.shift_of(2, 400)  # 0.5 % of the words read
    at_reference = pagerate.shift_of(round(pagerate.REFERENCE_RATE * 400), 400)
    heavy = pagerate.shift_of(120, 400)
    assert 0.0 < light <= pagerate.MAX_SHIFT
    assert abs(at_reference) < 1e-9
    expected = pagerate.SLOPE * math.log(pagerate.REFERENCE_RATE / 0.3)
    assert heavy == max(pagerate.MIN_SHIFT, expected)
    assert pagerate.shift_of(1, pagerate.MIN_WORDS - 1) == 0.0  # too short to tell


def test_reprice_adds_the_shift_per_substitution() -> None:
    cands = [
        _cand([["o", "e"]]),
        _cand([["o", "e"], ["rn", "m"]]),
        _cand(None),  # a split or join: no glyph substitution
        _cand([["o", "e"]], fixed=0.8),
    ]
    out, changed = pagerate.reprice(cands, 0.5)
    assert changed == {0, 1}
    assert [c.features["cost"] for c in out] == [2.5, 3.0, 2.0, 2.0]
    assert cands[0].features["cost"] == 2.0  # the originals are not changed
    assert pagerate.reprice(cands, 0.0) == (cands, set())


# a long, lightly garbled page: four misreadings in ~120 words (gate open, rate ~3 %)
LIGHT = (
    "The members of the council were present at their meeting on Monday, when tbe mayor "
    "spoke of the new bridge over the river and of the road that leads to the station. "
    "The aldermen said that the work was well advanced and that the contractor would soon "
    "be paid for the first part of it. Tlie town clerk read a letter from the minister, "
    "who wrote that the grant for the bridge would be paid in the spring. The mayor said "
    "that the council had done its part and that the people of the town would be glad "
    "to see the work finished before tbe winter. Several members spoke of the need for "
    "a new school in the north of the town, and it was agreed that a letter be sent to "
    "the department. The meeting then closed with a vote of thanks to tlie chair."
)


def _costs(text: str) -> dict[str, float]:
    res = repair_text(text, config=OCR_ONLY)
    return {
        e.original: e.evidence["confusion_cost"]
        for e in res.edits
        if "confusion_cost" in e.evidence
    }


def test_a_light_page_pays_more_for_each_substitution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagerate, "PAGE_RATE", False)
    before = _costs(LIGHT)
    monkeypatch.setattr(pagerate, "PAGE_RATE", True)
    after = _costs(LIGHT)
    assert before.get("tbe") is not None and after.get("tbe") is not None
    assert after["tbe"] > before["tbe"]
    assert repair_text(LIGHT, config=OCR_ONLY).text.count(" the winter") == 1


def test_clean_text_is_untouched_with_the_page_rate() -> None:
    clean = LIGHT.replace("tbe", "the").replace("Tlie", "The").replace("tlie", "the")
    assert pagerate.PAGE_RATE
    assert repair_text(clean, config=OCR_ONLY).text == clean


def _build():  # noqa: ANN202 - the build script, imported from scripts/
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_ocr_confusions

    return build_ocr_confusions


def test_shape_rows_read_one_engines_habits_the_sources_never_counted() -> None:
    build = _build()
    prior = build.PRIOR_PAIRS
    rows = {(r[0], r[1]): (float(r[2]), int(r[3])) for r in read_tsv("ocr_confusions.tsv")}
    shapes = {(o, g): float(s) for o, g, s in read_tsv("ocr_glyph_shapes.tsv")}
    # (a capital read as a capital is priced by its class: tests/test_ocr_capital_backoff31.py)
    capital = build._capital_pair if build.CAPITAL_BACKOFF else lambda o, g: False
    added = {
        k: v
        for k, v in rows.items()
        if v[1] == 0 and k in shapes and k not in prior and not capital(*k)
    }
    assert ("B", "ll") in added  # a capital printed for two lower-case letters
    assert ("g", "q") in added
    # a likelier look-alike costs less, and none is cheap enough to re-read a real word
    # unless its shape is very close
    by_sim = sorted(added, key=lambda k: shapes[k])
    assert rows[by_sim[0]][0] > rows[by_sim[-1]][0]
    assert all(c >= 5.0 for (o, g), (c, _n) in added.items() if shapes[(o, g)] <= 0.9)
    assert all(len(o) == 1 for o, _g in added)  # no two printed glyphs read as one


def test_mixed_shape_pairs_add_capitals_for_lower_case(monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build()
    monkeypatch.setattr(build, "SHAPE_MIXED", False)
    lower = build.shape_pairs(build.SHAPE_MIN_SIM)
    monkeypatch.setattr(build, "SHAPE_MIXED", True)
    mixed = build.shape_pairs(build.SHAPE_MIN_SIM)
    assert ("H", "ll") in mixed and ("H", "ll") not in lower
    assert set(lower) < set(mixed)
    assert all(g.islower() for _o, g in mixed)
