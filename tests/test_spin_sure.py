"""The spin stage's word bar in documents the model is very sure of (SURE_SCORE / SURE_BAR)
and the profile's spans read by the spinner-agnostic evidence where the profile's own gate
is closed (OPEN_PROFILE_ONLY); issue 11."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.detect.spin import THRESHOLD, profile_score
from repair.document import Document
from repair.score.spin import _decide
from repair.score.spin_model import get_model
from repair.stages import spin as stage
from repair.types import Candidate


def test_word_bar_follows_the_document_model_score(monkeypatch) -> None:
    m = get_model()
    monkeypatch.setattr(stage, "SURE_SCORE", 0.97)
    monkeypatch.setattr(stage, "SURE_BAR", 0.3)
    assert stage.word_bar({"model_score": m.doc_gate - 0.01}) == 2.0  # gate closed: never
    assert stage.word_bar({}) == 2.0
    mid = (m.doc_gate + 0.97) / 2
    assert stage.word_bar({"model_score": mid}) == m.word_threshold
    assert stage.word_bar({"model_score": 0.97}) == 0.3
    assert stage.word_bar({"model_score": 0.999}) == 0.3
    monkeypatch.setattr(stage, "SURE_SCORE", None)
    assert stage.word_bar({"model_score": 0.999}) == m.word_threshold
    monkeypatch.setattr(stage, "SURE_SCORE", 0.97)
    monkeypatch.setattr(stage, "SURE_BAR", 0.9)  # never above the model's own threshold
    assert stage.word_bar({"model_score": 0.99}) == m.word_threshold


def _synonym(p: float, **extra: float) -> Candidate:
    feats = {"strength": "synonym", "model_probability": p, "gain0": 3.0, **extra}
    return Candidate(0, 6, "leader", "spin", "SPIN_SYNONYM", feats)


def test_decision_reads_the_candidates_bar() -> None:
    thr = get_model().word_threshold
    p = thr - 0.1
    args = ("chief", True, "synonym", False, 3.0, 3.0, 0)
    assert _decide(_synonym(p), *args) == "weak_evidence"  # the model's threshold
    assert _decide(_synonym(p, word_bar=p - 0.05), *args) == ""  # a sure document's bar
    assert _decide(_synonym(p, word_bar=p + 0.05), *args) == "weak_evidence"
    # the LM in this round's context must still not be against it
    lm_against = ("chief", True, "synonym", False, -0.5, 3.0, 0)
    assert _decide(_synonym(p, word_bar=0.1), *lm_against) == "lm_against"


def test_candidates_carry_the_documents_bar(monkeypatch) -> None:
    """Every word candidate of a document carries word_bar(details) for the decision."""
    monkeypatch.setattr(stage, "SURE_SCORE", 0.0)  # any open document counts as sure
    monkeypatch.setattr(stage, "SURE_BAR", 0.2)
    text = (
        "The chief executive mentioned that the firm would quickly enlarge its manufacturing "
        "facility and recruit extra staff to satisfy increasing call for its merchandise."
    )
    doc = Document(text, config=RepairConfig(spin_profile=None))
    det = stage.STAGE.detect(doc)
    det.details["model_score"] = 0.99
    cands = [c for c in stage.STAGE.candidates(doc, det) if c.source == "SPIN_SYNONYM"]
    assert cands, "no word evidence on a spun-looking sentence"
    assert all(c.features["word_bar"] == 0.2 for c in cands if not c.features.get("common"))
    det.details["model_score"] = 0.0
    cands = [c for c in stage.STAGE.candidates(doc, det) if c.source == "SPIN_SYNONYM"]
    assert all(c.features["word_bar"] == 2.0 for c in cands if not c.features.get("common"))


#: Clean English with one seed-profile form ("mentioned"): the profile's gate stays closed.
CLOSED = (
    "The council mentioned the new library would open next spring after a long delay. "
    "Residents welcomed the plan, and the mayor thanked the volunteers who raised the money "
    "for the building, which will also hold a small museum of local history."
)


def _profile_forms(doc: Document) -> list:
    return [o for o in stage.STAGE.occurrences(doc) if o.rule in ("SPIN_PAIR", "SPIN_PHRASE")]


def test_profile_spans_are_read_where_the_profile_gate_is_closed(monkeypatch) -> None:
    doc = Document(CLOSED, config=RepairConfig())
    occ = stage.STAGE.occurrences(doc)
    forms = _profile_forms(doc)
    if not forms:
        pytest.skip("the seed profile has no form in this text")
    prior, _ = profile_score(doc, occ)
    assert prior < THRESHOLD
    monkeypatch.setattr(stage, "OPEN_PROFILE_ONLY", False)
    hidden = stage._hidden_spans(occ, prior)
    assert all(o.start in hidden for o in forms)
    monkeypatch.setattr(stage, "OPEN_PROFILE_ONLY", True)
    read = stage._hidden_spans(occ, prior)
    assert not any(o.start in read for o in forms)  # closed gate: the words are read
    det = stage.STAGE.detect(doc)
    assert {o.start for o in forms} & {w.start for w in det.words}


def test_profile_spans_stay_hidden_where_the_profile_fires(spun_seed) -> None:
    doc = Document(spun_seed, config=RepairConfig())
    occ = stage.STAGE.occurrences(doc)
    forms = _profile_forms(doc)
    assert forms
    prior, _ = profile_score(doc, occ)
    assert prior >= THRESHOLD
    assert stage._hidden_spans(occ, prior) == stage._profile_spans(occ)


def test_profile_rows_are_decided_but_do_not_move_the_document_score(monkeypatch) -> None:
    """PROFILE_ROWS_NARROW: the words under a closed profile's occurrences get rows (and
    probabilities) but the document model reads the other rows only."""
    doc = Document(CLOSED, config=RepairConfig())
    forms = {o.start for o in _profile_forms(doc)}
    if not forms:
        pytest.skip("the seed profile has no form in this text")
    monkeypatch.setattr(stage, "OPEN_PROFILE_ONLY", False)
    hidden = stage.STAGE.detect(doc)
    monkeypatch.setattr(stage, "OPEN_PROFILE_ONLY", True)
    monkeypatch.setattr(stage, "PROFILE_ROWS_NARROW", True)
    narrow = stage.STAGE.detect(doc)
    assert narrow.details["model_score"] == hidden.details["model_score"]
    # the rows the document detection read
    assert narrow.details["synonym_examined"] == hidden.details["synonym_examined"]
    assert forms & {w.start for w in narrow.words}
    assert not forms & {w.start for w in hidden.words}
    assert len(narrow.words) == len(narrow.probs) == len(narrow.features)
    monkeypatch.setattr(stage, "PROFILE_ROWS_NARROW", False)
    wide = stage.STAGE.detect(doc)  # the rows count in the document statistics
    assert {w.start for w in wide.words} == {w.start for w in narrow.words}
    assert wide.details["synonym_examined"] > narrow.details["synonym_examined"]
