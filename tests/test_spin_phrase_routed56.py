"""Session 56 (spinmulti): in a document routed to the any-rank spin model, a loose
multi-word span is kept on length-fair evidence below the general bar
(repair/score/spin_phrase_routed.py ``ROUTED_GAIN``; benchmarks/RESULTS.md "Session 56,
spinmulti")."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_phrase import PhraseEvidence
from repair.document import Document
from repair.score import spin_phrase_routed as routed
from repair.score.spin_model import get_model
from repair.score.spin_route import KEY
from repair.types import Candidate

#: As shipped (read before any test patches it).
SHIPPED = routed.ROUTED_GAIN
TEXT = "The soldiers were hemmed in by the river, bordering on despair after the long march."
ROUTED = {KEY: {"route": True, "cue": 0.6}}
SHIPPED_MODEL = {KEY: {"route": False, "cue": 0.6, "every_place": 0}}


def _span(mark: bool | None = True, **over: float) -> Candidate:
    """The span "bordering on" -> almost: a loose span under the general gain (10) and lead (2)."""
    feats: dict[str, object] = {
        "strength": "phrase",
        "caps": False,
        "pair_source": "synonym",
        "gain0": 9.4,
        "margin": 1.3,
        "zipf_gain": -0.2,
        "left_gain": 7.1,
        "right_gain": 2.3,
        "context": 2.6,
        "has_right": True,
        "wordnet": False,
        "binomial": False,
        "recurring": False,
        "fair": -1.4,
    }
    feats.update(over)
    if mark is not None:
        feats[routed.FEATURE] = mark
    return Candidate(0, 12, "almost", "spin", stage.PHRASE_RULE, feats)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routed, "ROUTED_GAIN", 9.0)
    monkeypatch.setattr(routed, "ROUTED_MARGIN", 1.0)
    monkeypatch.setattr(routed, "ROUTED_CONTEXT", 1.0)
    monkeypatch.setattr(routed, "ROUTED_LEFT", 1.0)


def test_shipped_setting() -> None:
    assert SHIPPED == 9.0


@pytest.mark.usefixtures("on")
def test_routed_span_kept_under_the_general_bar() -> None:
    assert stage._phrase_kept(_span(), tie=True)
    # the general bar alone declines it (gain under 10, lead under 2)
    assert not stage._phrase_kept(_span(mark=None), tie=True)
    assert not stage._phrase_kept(_span(mark=False), tie=True)


@pytest.mark.usefixtures("on")
def test_not_for_the_document_marks() -> None:
    """The family marks and the document score read ``_phrase_kept`` without ``tie``."""
    assert not stage._phrase_kept(_span(), tie=False)


@pytest.mark.usefixtures("on")
@pytest.mark.parametrize(
    "over",
    [
        {"gain0": 8.9},  # under the routed gain
        {"margin": 0.8},  # a near-tied runner-up
        {"context": 0.4},  # the gain is the span's rarity alone
        {"left_gain": 0.5},  # the left side does not favour the original
        {"binomial": True},  # a fixed pair
    ],
)
def test_each_floor(over: dict[str, float]) -> None:
    assert not stage._phrase_kept(_span(**over), tie=True)


def test_off_keeps_the_general_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routed, "ROUTED_GAIN", None)
    assert not stage._phrase_kept(_span(), tie=True)


def _detection(details: dict[str, object], doc: Document) -> stage.SpinDetection:
    a = doc.text.index("bordering on")
    ph = PhraseEvidence(a, a + 12, "bordering on", "almost", 9.4, 1.3, -0.2, 7.1, 2.3, 2.6,
                        wordnet=False)  # fmt: skip
    gate = {"model_score": max(0.99, get_model().doc_gate), "profile_score": 0.0}
    return stage.SpinDetection((), 0.99, {**gate, **details}, phrases=(ph,))


@pytest.mark.parametrize("gain", [9.0, None])
def test_candidates_marked_in_routed_documents_only(
    monkeypatch: pytest.MonkeyPatch, gain: float | None
) -> None:
    monkeypatch.setattr(routed, "ROUTED_GAIN", gain)
    doc = Document(TEXT)
    for details, is_routed in ((ROUTED, True), (SHIPPED_MODEL, False), ({}, False)):
        cands = stage.STAGE.candidates(doc, _detection(dict(details), doc))
        spans = [c for c in cands if c.source == stage.PHRASE_RULE]
        assert len(spans) == 1
        assert bool(spans[0].features.get(routed.FEATURE)) is (is_routed and gain is not None)


def test_three_word_spans_keep_the_general_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    """An author's idiom of three words ("sounded the alarm" -> warned) is not marked."""
    monkeypatch.setattr(routed, "ROUTED_GAIN", 9.0)
    assert routed.marked("bordering on")
    assert not routed.marked("sounded the alarm")
    monkeypatch.setattr(routed, "ROUTED_MAX_WORDS", 3)
    assert routed.marked("sounded the alarm")
    monkeypatch.setattr(routed, "ROUTED_GAIN", None)
    assert not routed.marked("bordering on")


def test_candidates_leave_a_three_word_span_unmarked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routed, "ROUTED_GAIN", 9.0)
    text = "The census has already sounded the alarm in the appalling figures."
    doc = Document(text)
    a = text.index("sounded the alarm")
    ph = PhraseEvidence(a, a + 17, "sounded the alarm", "warned", 9.5, 1.5, 0.3, 6.0, 3.5, 2.0,
                        words=3, wordnet=False)  # fmt: skip
    gate = {"model_score": max(0.99, get_model().doc_gate), "profile_score": 0.0}
    det = stage.SpinDetection((), 0.99, {**gate, **ROUTED}, phrases=(ph,))
    spans = [c for c in stage.STAGE.candidates(doc, det) if c.source == stage.PHRASE_RULE]
    assert len(spans) == 1 and routed.FEATURE not in spans[0].features
