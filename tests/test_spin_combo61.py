"""Session 61 (spinauc): two calibrated combinations of document cues for the document spin
score (``lexicons/spin_combo.json``, fitted on dev documents only by
``benchmarks/spin_combo_fit.py``): the register-read word misfit with the neighbour-misfit share
(``COMBO_MISFIT_WEIGHT``, shipped OFF, tuned 0.74: test phrase and seed AUC fell) and the pooled
multi-word evidence (``COMBO_PHRASE_WEIGHT``, shipped OFF, tuned 1.2); both capped under the
cut, never an edit."""

from __future__ import annotations

import pytest

from repair.detect import spin_combo
from repair.detect import spin_combo_score as cs
from repair.detect import spin_document as sd
from tests.test_spin_neighbour_misfit59 import PLAIN, SPUN


def test_model_file_is_read_and_checked() -> None:
    m = cs.model()
    assert m["format"] == cs.FORMAT and m["min_content"] >= 30
    assert tuple(m["misfit"]["inputs"]) == cs.MISFIT_INPUTS
    assert tuple(m["phrase"]["inputs"]) == cs.PHRASE_INPUTS
    assert "dev" in m["source"] and "test" not in m["source"].replace("no text", "")
    for name in ("misfit", "phrase"):  # clean tails: value and surprise both increasing
        knots = m[name]["tail"]
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(knots, knots[1:], strict=False))


def test_cues_read_the_swapped_words_as_misfit_against_the_register() -> None:
    plain, spun = spin_combo.cues(PLAIN), spin_combo.cues(SPUN)
    assert plain["n_content"] == spun["n_content"] == spin_combo.content_words(PLAIN)
    # the register inputs a synonym spinner does not move are the same ...
    assert plain["stop_share"] == spun["stop_share"] and plain["sent_len"] == spun["sent_len"]
    # ... and the swapped words fit worse
    assert spun["fit_mean"] < plain["fit_mean"] and spun["misfit1"] > plain["misfit1"]
    a = cs.misfit_inputs(plain, 0.0)
    b = cs.misfit_inputs(spun, 0.0)
    assert b["z_fit_mean"] < a["z_fit_mean"] and b["z_misfit1"] > a["z_misfit1"]
    assert cs.misfit_surprise(spun, 0.1) > cs.misfit_surprise(plain, 0.0)


def test_phrase_combination_pools_weak_multiword_traces() -> None:
    none = cs.phrase_surprise(0.0, 0.0, 0.0, 0)
    one = cs.phrase_surprise(0.3, 0.0, 0.0, 0)
    two = cs.phrase_surprise(0.3, 1.0, 0.0, 0)
    assert none <= one < two < cs.phrase_surprise(0.3, 1.0, 0.0, 1)


def test_combinations_raise_the_surprise_but_never_reach_the_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # both shipped off: benchmarks/RESULTS.md, "Session 61, spinauc"
    assert sd.COMBO_MISFIT_WEIGHT == sd.COMBO_PHRASE_WEIGHT == 0.0
    assert sd.surprise(0.1, 0.0, combo_phrase=6.0) == sd.surprise(0.1, 0.0)
    assert sd.surprise(0.1, 0.0, combo_misfit=6.0) == sd.surprise(0.1, 0.0)
    monkeypatch.setattr(sd, "COMBO_MISFIT_WEIGHT", sd.COMBO_MISFIT_WEIGHT_TUNED)
    monkeypatch.setattr(sd, "COMBO_PHRASE_WEIGHT", sd.COMBO_PHRASE_WEIGHT_TUNED)
    assert sd.surprise(0.1, 0.0, combo_misfit=4.0) > sd.surprise(0.1, 0.0)
    assert sd.surprise(0.1, 0.0, combo_phrase=4.0) > sd.surprise(0.1, 0.0)
    for x in (5.0, 7.2, 20.0, 100.0):  # capped: under the cut for any value
        assert sd.document_score(0.0, 0.0, combo_misfit=x, combo_phrase=x) < 0.5


def test_pipeline_reads_the_misfit_combination_only_when_on_and_never_changes_an_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair import repair_text

    off = repair_text(SPUN)  # shipped off: main's score, not computed
    assert "combo_misfit" not in off.scores.details.get("spin_score", {})
    monkeypatch.setattr(sd, "COMBO_MISFIT_WEIGHT", sd.COMBO_MISFIT_WEIGHT_TUNED)
    on = repair_text(SPUN)
    assert on.scores.details["spin_score"]["combo_misfit"] > 0.0
    assert on.scores.spin >= off.scores.spin
    # this short text's other cues read as high as the tuned weight's; a larger (capped)
    # weight shows the pipeline passes the combination on: the swapped text reads as more spun
    monkeypatch.setattr(sd, "COMBO_MISFIT_WEIGHT", 3.0)
    assert off.scores.spin < repair_text(SPUN).scores.spin < 0.5
    assert on.text == off.text and on.edits == off.edits  # a score users read, never an edit
    plain = repair_text(PLAIN)
    assert (
        plain.scores.details["spin_score"]["combo_misfit"]
        < on.scores.details["spin_score"]["combo_misfit"]
    )
    short = repair_text(PLAIN.split("\n")[0])  # too few content words: not read
    assert "combo_misfit" not in short.scores.details.get("spin_score", {})
