"""Session 57 (spinspan): in a document routed to the any-rank spin model, a written span's
candidate original that the document prints elsewhere gives way to one it does not print
(repair/score/spin_span_printed.py ``PRINTED_SPAN``; benchmarks/RESULTS.md "Session 57,
spinspan")."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence, span_readings
from repair.document import Document
from repair.score import spin_span_printed as sp
from repair.score.spin_model import get_model
from repair.score.spin_route import KEY
from repair.types import Candidate

#: As shipped (read before any test patches it).
SHIPPED = sp.PRINTED_SPAN
#: "near" is printed in the first sentence; "bordering on" (almost) reads best as "near".
TEXT = "The house stood near the river. Their mood was bordering on panic."
#: The same span where the document prints neither original.
UNPRINTED = "The house stood by the river. Their mood was bordering on panic."
ROUTED = {KEY: {"route": True, "cue": 0.6}}
SHIPPED_MODEL = {KEY: {"route": False, "cue": 0.6, "every_place": 0}}


def _gains(text: str) -> dict[str, float]:
    a = text.index("bordering on")
    return {r.original: r.gain for r in span_readings(Document(text), a, a + 12)}


def _span(text: str, mark: bool = True, **over: object) -> Candidate:
    """The span "bordering on" with its best original by LM gain ("near")."""
    a = text.index("bordering on")
    g = _gains(text)
    feats: dict[str, object] = {
        "strength": "phrase",
        "gain0": g["near"],
        "margin": g["near"] - g["almost"],
        "wordnet": False,
        "recurring": False,
    }
    feats.update(over)
    if mark:
        feats[sp.FEATURE] = True
    return Candidate(a, a + 12, "near", "spin", stage.PHRASE_RULE, feats)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sp, "PRINTED_SPAN", -2.0)


def test_shipped_setting() -> None:
    assert SHIPPED == -2.0


def test_the_case_reads_as_documented() -> None:
    """The LM prefers "near" by less than 2 nats: only the cue can turn the choice."""
    g = _gains(TEXT)
    assert 0.0 < g["near"] - g["almost"] < 2.0


def test_printed_reads_outside_the_span() -> None:
    doc = Document(TEXT)
    a = TEXT.index("bordering on")
    assert sp.printed(doc, a, a + 12, "near") and sp.printed(doc, a, a + 12, "NEAR")
    assert not sp.printed(doc, a, a + 12, "almost")
    assert not sp.printed(doc, a, a + 12, "bordering")  # the span's own word


@pytest.mark.usefixtures("on")
def test_a_printed_original_gives_way() -> None:
    c = sp.reprinted(Document(TEXT), _span(TEXT))
    g = _gains(TEXT)
    assert c.replacement == "almost"
    assert c.features["gain0"] == g["almost"] and c.features["printed_pick"]
    # its lead: its gain over the printed original's gain plus the cue
    assert c.features["margin"] == pytest.approx(g["almost"] - (g["near"] - 2.0), abs=1e-3)
    assert c.features[sp.FEATURE]


@pytest.mark.usefixtures("on")
def test_unprinted_choice_stands() -> None:
    c = _span(UNPRINTED)
    assert sp.reprinted(Document(UNPRINTED), c) is c


@pytest.mark.usefixtures("on")
@pytest.mark.parametrize(
    "over", [{"recurring": True}, {"span_tight": True}, {"self_gated": True},
             {"fair_recurring": True}],
)  # fmt: skip
def test_own_evidence_keeps_its_original(over: dict[str, object]) -> None:
    c = _span(TEXT, **over)
    assert sp.reprinted(Document(TEXT), c) is c


@pytest.mark.usefixtures("on")
def test_a_wide_gap_is_not_crossed() -> None:
    """An unprinted original more than the cue behind stays behind."""
    text = "They camped near the lake. The town was bordering on collapse."
    g = _gains(text)
    assert g["near"] - g["almost"] > 2.0
    c = _span(text)
    assert sp.reprinted(Document(text), c) is c


def test_off_and_unmarked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sp, "PRINTED_SPAN", -2.0)
    c = _span(TEXT, mark=False)
    assert sp.reprinted(Document(TEXT), c) is c
    assert sp.printed_nats(Document(TEXT), c, "near") == 0.0
    assert sp.printed_nats(Document(TEXT), _span(TEXT), "near") == -2.0
    assert sp.printed_nats(Document(TEXT), _span(TEXT), "almost") == 0.0
    monkeypatch.setattr(sp, "PRINTED_SPAN", None)
    c = _span(TEXT)
    assert sp.reprinted(Document(TEXT), c) is c
    assert sp.printed_nats(Document(TEXT), c, "near") == 0.0


def _detection(details: dict[str, object], doc: Document) -> stage.SpinDetection:
    a = doc.text.index("bordering on")
    g = _gains(doc.text)
    ph = PhraseEvidence(a, a + 12, "bordering on", "near", g["near"], g["near"] - g["almost"],
                        0.3, 5.0, 2.9, 3.0, wordnet=False)  # fmt: skip
    gate = {"model_score": max(0.99, get_model().doc_gate), "profile_score": 0.0}
    return stage.SpinDetection((), 0.99, {**gate, **details}, phrases=(ph,))


@pytest.mark.parametrize("value", [-2.0, None])
def test_candidates_rechosen_in_routed_documents_only(
    monkeypatch: pytest.MonkeyPatch, value: float | None
) -> None:
    monkeypatch.setattr(sp, "PRINTED_SPAN", value)
    doc = Document(TEXT)
    for details, is_routed in ((ROUTED, True), (SHIPPED_MODEL, False), ({}, False)):
        cands = stage.STAGE.candidates(doc, _detection(dict(details), doc))
        spans = [c for c in cands if c.source == stage.PHRASE_RULE]
        assert len(spans) == 1
        on = is_routed and value is not None
        assert spans[0].replacement == ("almost" if on else "near")
        assert bool(spans[0].features.get(sp.FEATURE)) is on
