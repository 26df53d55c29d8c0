"""The document-level gate of the inflected profile rows (candidates/spin_inflect_gate,
session 62 spinfam; issue 11): a row the profile holds at another inflection only is read
where the shipped profile's own rows show the spinner plainly."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.candidates.spin as cand
from repair.candidates import spin_inflect_gate as gate
from repair.pipeline import repair_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SPUN = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
CLEAN = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
TAIL = "\nThe firm misplaces cash each year, and its new boss ponders why.\n"


def _inflected(text: str) -> dict[str, object]:
    result = repair_text(text)
    return {e.original: e for e in result.edits if e.evidence.get("pair_source") == "inflected"}


@pytest.mark.parametrize("flag", [False, True])
def test_a_lightly_spun_document_keeps_its_inflections_only_without_the_gate(
    monkeypatch: pytest.MonkeyPatch, flag: bool
) -> None:
    # a little of the spun seed in a clean text: the profile opens (score ~0.66), but the
    # document is not plainly spun, so "misplaces" / "ponders" (forms the profile holds
    # at "misplaced" / "pondering" only) stay where the gate is on
    monkeypatch.setattr(cand, "INFLECT_ROWS", True)
    monkeypatch.setattr(gate, "INFLECT_GATE", flag)
    got = _inflected(SPUN[:900] + "\n" + CLEAN[:3000] + TAIL)
    if flag:
        assert got == {}
    else:
        assert got["misplaces"].replacement == "loses"  # type: ignore[attr-defined]


def test_a_plainly_spun_document_opens_them_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cand, "INFLECT_ROWS", True)
    monkeypatch.setattr(gate, "INFLECT_GATE", True)
    got = _inflected(SPUN + TAIL)
    edit = got["misplaces"]
    assert edit.replacement == "loses"  # type: ignore[attr-defined]
    (opened,) = edit.evidence["inflect_opened_by"]  # type: ignore[attr-defined]
    kind, score, forms = opened.split(":")
    assert kind == "profile" and float(score) >= gate.PROFILE_BAR and forms.count(",") == 2


def test_the_family_route_names_the_family_form(monkeypatch: pytest.MonkeyPatch) -> None:
    # with the profile route off, a row opens only where its own family's profile form
    # shows with evidence ("misplaced" for "misplaces")
    monkeypatch.setattr(cand, "INFLECT_ROWS", True)
    monkeypatch.setattr(gate, "PROFILE_BAR", None)
    monkeypatch.setattr(gate, "FAMILY_LLR", 0.0)
    assert _inflected(SPUN + TAIL) == {}  # neither family's profile form is written
    got = _inflected(SPUN + "\nHe misplaced the keys again and misplaced his wallet.\n" + TAIL)
    assert "ponders" not in got  # "pondering" is not in the text
    (opened,) = got["misplaces"].evidence["inflect_opened_by"]  # type: ignore[attr-defined]
    assert opened.startswith("family:misplaced:")
