"""A document whose rows read as any-rank spin, kept with the shipped spin model only because
that model's document score is under its gate, is read again with the any-rank model where
the family gate opens its word decisions anyway (issue 11, session 52, spinbot:
repair/score/spin_route.py ``FAMILY_OPEN``; benchmarks/RESULTS.md "Session 52, spinbot")."""

from __future__ import annotations

from typing import Any

import pytest

import repair.stages.spin as stage
from repair.config import RepairConfig
from repair.document import Document
from repair.score import spin_model, spin_route

#: As shipped (read before any test patches it).
SHIPPED = spin_route.FAMILY_OPEN
TEXT = (
    "The company slings financial services to its customers. Its financial services "
    "include loans and savings accounts for small firms in the region."
)


def test_shipped_setting() -> None:
    assert SHIPPED is True


@pytest.mark.parametrize(
    ("verdict", "details", "want"),
    [
        ({"route": False, "every_place": 0}, {"family_gate": True}, True),
        ({"route": False, "every_place": 2}, {"family_gate": True}, True),
        # refused by open-only, but the family gate is shut: no second reading
        ({"route": False, "every_place": 0}, {"family_gate": False}, False),
        ({"route": False, "every_place": 0}, {}, False),
        # refused before open-only (cue, rows, profile, first-sense): no every-place count
        ({"route": False, "cue": 0.1}, {"family_gate": True}, False),
        # already routed
        ({"route": True, "every_place": 3}, {"family_gate": True}, False),
        (None, {"family_gate": True}, False),
    ],
)
def test_family_reroute(
    monkeypatch: pytest.MonkeyPatch, verdict: Any, details: dict, want: bool
) -> None:
    monkeypatch.setattr(spin_route, "FAMILY_OPEN", True)
    assert spin_route.family_reroute(verdict, details) is want
    monkeypatch.setattr(spin_route, "FAMILY_OPEN", False)
    assert spin_route.family_reroute(verdict, details) is False


class _Det:
    def __init__(self, details: dict) -> None:
        self.details = details


@pytest.mark.parametrize("family_open", [True, False])
def test_detect_reads_a_family_opened_document_again_under_the_any_rank_model(
    monkeypatch: pytest.MonkeyPatch, family_open: bool
) -> None:
    """The first reading (shipped model) opens the family gate; with the flag the stage
    reads the same rows again under the any-rank model, their ranked choices restored
    (the first reading drops them)."""
    monkeypatch.setattr(spin_route, "FAMILY_OPEN", family_open)
    monkeypatch.setattr(spin_route, "ANY_RANK_ROUTE", 0.4)
    monkeypatch.setattr(
        spin_route, "route", lambda *a: {"route": False, "cue": 0.6, "every_place": 1}
    )
    reads: list[tuple[Any, bool, int]] = []

    def read(self, doc, occ, weak, prof, prior, words, extra, wprof, verdict):  # type: ignore[no-untyped-def]
        with_choices = sum(1 for w in words if w.choices)
        reads.append((spin_model.get_model(), bool(verdict.get("route")), with_choices))
        stage.drop_choices(words)
        return _Det({"family_gate": True, "verdict": verdict})

    monkeypatch.setattr(stage._Stage, "_read", read)
    doc = Document(TEXT, (), RepairConfig(spin_profile=None))
    det = stage._Stage().detect(doc)
    shipped = spin_model.get_model()
    any_rank = spin_route.model_for({spin_route.KEY: {"route": True}})
    assert any_rank is not None and any_rank is not shipped
    assert reads[0][0] is shipped and reads[0][1] is False and reads[0][2] > 0
    if not family_open:
        assert len(reads) == 1 and det.details["verdict"]["route"] is False
        return
    assert len(reads) == 2
    model, route, with_choices = reads[1]
    assert model is any_rank and route is True
    assert with_choices == reads[0][2]  # the rows as the first reading got them
    assert det.details["verdict"]["family_open"] is True
    assert spin_route.model_for({spin_route.KEY: det.details["verdict"]}) is any_rank
