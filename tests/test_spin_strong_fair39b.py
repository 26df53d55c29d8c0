"""The strong-gain floor's length-fair commonness test (session 39, phrase39b; issue 11).

``repair.stages.spin.PHRASE_STRONG_MIN_FAIR``: the relaxed floors of a loose span with a
strong whole-span gain apply only where the original's unconditioned log-probability minus
the span's per written word (``PhraseEvidence.fair``) reaches it.  An author's compound
("wage freeze", about as likely per word as "salary") keeps the usual floors; a spinner's
rarer multiword form keeps the relaxed ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.stages.spin import _phrase_candidate, _phrase_kept

SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_same"


def _loose(fair: float, right: float = -0.75, context: float = 7.8) -> PhraseEvidence:
    """A Moby-only span with the features of "wage freeze" -> "salary" (leebg195)."""
    return PhraseEvidence(
        0, 11, "wage freeze", "salary", 13.06, 2.1, 0.08, 13.81, right, context, True, 2, False,
        fair=fair,
    )  # fmt: skip


def _kept(ph: PhraseEvidence) -> bool:
    return _phrase_kept(_phrase_candidate(ph))


def test_fair_test_is_a_flag_and_on_by_default() -> None:
    assert stage.PHRASE_STRONG_MIN_FAIR == -2.0  # shipped on (session 39 lead)


def test_compound_keeps_the_usual_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "PHRASE_STRONG_GAIN", 13.0)
    monkeypatch.setattr(stage, "PHRASE_STRONG_RIGHT", -1.0)
    compound = _loose(-2.65)
    monkeypatch.setattr(stage, "PHRASE_STRONG_MIN_FAIR", None)
    assert _kept(compound)  # the false edit of session 39's lead
    monkeypatch.setattr(stage, "PHRASE_STRONG_MIN_FAIR", -2.0)
    assert not _kept(compound)
    # a rare multiword form keeps the relaxed right side ...
    assert _kept(_loose(1.9))
    # ... and a compound whose right side favours the original is judged as before
    assert _kept(_loose(-2.65, right=0.5))


def test_the_feature_reaches_the_candidate() -> None:
    assert _phrase_candidate(_loose(-2.65)).features["fair"] == -2.65


@pytest.mark.slow
def test_wage_freeze_is_kept_with_the_fair_test(monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = SUITE / "all_leebg195.damaged.txt"
    if not damaged.exists():
        pytest.skip("spin_same suite absent")
    text = damaged.read_text("utf-8")
    config = RepairConfig(mojibake=False, ocr=False, tortured=False)
    monkeypatch.setattr(stage, "PHRASE_STRONG_MIN_FAIR", -2.0)
    out = repair_text(text, (), config).text
    assert "impose a wage freeze due to" in out
    assert "impose a salary" not in out
