"""Session 64 (spinauc): under the cut, the document spin score's word-level cues (the spin
stage's score, the collocation score, the expected spun words and the profile's evidence per
100 words) are scaled by how ordinarily the document's content words fit their context (the
register-read misfit surprise of ``lexicons/spin_combo.json``): a clean text whose word cues
are a register effect drops under them, a spun one keeps them
(``spin_document.ORDINARY_FIT_DAMPEN``, shipped OFF: dev AUC up for every spinner it moves,
but the test half's seed 0.956 -> 0.936 and phrase 0.753 -> 0.746); a flagged document and
every edit are unchanged."""

from __future__ import annotations

import pytest

from repair.detect import spin_document as sd
from tests.test_spin_neighbour_misfit59 import PLAIN, SPUN

SHIPPED = sd.ORDINARY_FIT_DAMPEN  # read at import, before any test flips it


def readings66_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 66's three readings under the scaling switched off (restored documents
    spared, the cue gate, the fit lift)."""
    monkeypatch.setattr(sd, "DAMPEN_SPARES_RESTORED", False)
    monkeypatch.setattr(sd, "DAMPEN_GATE", None)
    monkeypatch.setattr(sd, "FIT_LIFT_WEIGHT", 0.0)


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flag switched on for each test (shipped off: main's score)."""
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", True)
    readings66_off(monkeypatch)  # this file checks the scaling as session 64 shaped it


def test_factor_bounds() -> None:
    assert SHIPPED is False  # shipped off: benchmarks/RESULTS.md, "Session 64, spinauc" (and 66)
    assert sd.dampen_factor(0.0) == pytest.approx(sd.DAMPEN_FLOOR)
    assert sd.dampen_factor(-1.0) == pytest.approx(sd.DAMPEN_FLOOR)
    assert sd.dampen_factor(sd.DAMPEN_FULL) == sd.dampen_factor(50.0) == 1.0
    assert sd.dampen_factor(0.5) < sd.dampen_factor(1.5) < 1.0


def test_word_cues_scaled_under_the_cut_only(monkeypatch: pytest.MonkeyPatch) -> None:
    base = sd.surprise(0.6, 0.3, 2.0, 1.0)
    assert 0.0 < base < sd.SPUN_AT
    ordinary = sd.surprise(0.6, 0.3, 2.0, 1.0, fit_surprise=0.0)
    odd = sd.surprise(0.6, 0.3, 2.0, 1.0, fit_surprise=sd.DAMPEN_FULL)
    assert ordinary < base and odd == pytest.approx(base)
    assert sd.surprise(0.6, 0.3, 2.0, 1.0, fit_surprise=None) == base
    # the multi-word evidence is never scaled
    span_only = sd.surprise(0.0, 0.0, span=0.8)
    assert sd.surprise(0.0, 0.0, span=0.8, fit_surprise=0.0) == pytest.approx(span_only, abs=1e-2)
    # a document at or over the cut is never read
    high = sd.surprise(0.9999, 0.0)
    assert high >= sd.SPUN_AT and sd.surprise(0.9999, 0.0, fit_surprise=0.0) == high
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", False)  # off: main's score
    assert sd.surprise(0.6, 0.3, 2.0, 1.0, fit_surprise=0.0) == base


def test_pipeline_lowers_the_clean_text_more_than_the_swapped_one_never_an_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair import repair_text

    plain_on, spun_on = repair_text(PLAIN), repair_text(SPUN)
    fit_plain = plain_on.scores.details["spin_score"]["fit_surprise"]
    fit_spun = spun_on.scores.details["spin_score"]["fit_surprise"]
    assert fit_spun > fit_plain  # the swapped words fit worse
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", False)
    plain_off, spun_off = repair_text(PLAIN), repair_text(SPUN)
    assert "fit_surprise" not in plain_off.scores.details.get("spin_score", {})
    assert plain_on.scores.spin < plain_off.scores.spin  # the clean text drops
    # ... the swapped text drops less: the pair reads further apart
    assert spun_on.scores.spin - plain_on.scores.spin > spun_off.scores.spin - plain_off.scores.spin
    for on, off in ((plain_on, plain_off), (spun_on, spun_off)):
        assert on.text == off.text and on.edits == off.edits
    monkeypatch.setattr(sd, "ORDINARY_FIT_DAMPEN", True)
    short = repair_text(PLAIN.split("\n")[0])  # too few content words: not read
    assert "fit_surprise" not in short.scores.details.get("spin_score", {})
