"""The per-document gate of ``LEARNED_OPEN`` (session 37, spinopen37): weak learned pairs
apply where the document's own gates stay shut only if the document holds several learned
written forms, more than wordfreq says a text this long holds by chance."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.stages.spin as spin_stage
from repair.config import RepairConfig
from repair.pipeline import repair_text

_ONE_FORM = (
    "The prime vicar said on Monday that taxes in Leeds will rise next year. "
    "Farmers near Leeds asked for help with the harvest and the roads. "
    "Later the prime minister met teachers and nurses at a school. "
    "The foreign vicar is expected to visit Leeds in the spring. "
    "Officials said the plan would cost more than expected."
)
#: The same story where the spinner's other learned forms turn up too.
_MANY_FORMS = _ONE_FORM + (
    " The vicar met the chancellor and the growers in Leeds. "
    "The growers want lower taxes next year, the vicar said."
)


def _profile(tmp_path: Path) -> RepairConfig:
    out = tmp_path / "pairs.tsv"
    out.write_text(
        "spun\toriginal\tweight\n"
        "vicar\tminister\t0.4900\n"
        "growers\tfarmers\t0.4900\n"
        "chancellor\tpresident\t0.4900\n",
        encoding="utf-8",
    )
    return RepairConfig(spin_profile=None, lexicons=(out,))


def test_one_learned_form_by_chance_keeps_the_gate_shut(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = _profile(tmp_path)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", True)
    assert spin_stage.LEARNED_OPEN_MIN_FORMS >= 2  # shipped on
    assert repair_text(_ONE_FORM, (), config).text == _ONE_FORM
    # without the per-document gate (spinlearn37) the one form is rewritten
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_FORMS", 0)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_EXCESS", None)
    assert "prime minister said" in repair_text(_ONE_FORM, (), config).text


def test_several_learned_forms_open_the_gate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = _profile(tmp_path)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", True)
    fixed = repair_text(_MANY_FORMS, (), config).text
    assert "prime minister said" in fixed and "foreign minister" in fixed
    # a stricter gate (more forms than the document holds) keeps it shut
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_MIN_FORMS", 10)
    assert repair_text(_MANY_FORMS, (), config).text == _MANY_FORMS


def test_learned_open_evidence_counts_forms_against_chance() -> None:
    text = "the vicar and the bishop " * 40
    n, surprise, expected = spin_stage.learned_open_evidence(text, {"vicar", "bishop"})
    assert n == 2 and surprise > 0 and expected == 0.0
    # common forms are expected by chance in a long text; made-up ones are not
    _n, _s, common = spin_stage.learned_open_evidence(text, set(), ["said", "people", "time"])
    _n, _s, rare = spin_stage.learned_open_evidence(text, set(), ["zorbles", "quimbats"])
    assert common > 0.5 and rare < 0.01
    _n, short_s, _e = spin_stage.learned_open_evidence("a vicar", {"vicar"})
    assert short_s > surprise / 2  # one form in a short text is more surprising
