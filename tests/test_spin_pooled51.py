"""The pooled reading of one recurring mapping, in a document the seed profile partly
explains and only where the original is never written (repair.stages.spin
POOLED_MAPPING, POOLED_ABSENT, POOLED_PROFILE_MIN; session 51, spinseed; issue 11)."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.stages import spin as stage
from repair.types import Candidate

ABSENT = "The chief spoke. Later the chief left the room; the chief waved."
PRINTED = "The chief spoke. Later the chief left the room; the leader waved."


def _word(start: int, original: str, p: float) -> Candidate:
    feats = {"strength": "synonym", "model_probability": p, "gain0": 3.0}
    return Candidate(start, start + 5, original, "spin", "SPIN_SYNONYM", feats)


def _rows(text: str) -> list[Candidate]:
    at = [i for i in range(len(text)) if text.startswith("chief", i)]
    return [_word(a, "leader", 0.12) for a in at]


def test_shipped_settings() -> None:
    """On since session 53 with the strongest place's probability (tests/
    test_spin_pooled_max53.py); session 51's mean reading stays a setting."""
    assert stage.POOLED_MAPPING == (2, 0.15)
    assert stage.POOLED_ABSENT is False
    assert stage.POOLED_PROFILE_MIN == 0.5
    assert stage.POOLED_SURE is True


def test_a_mapping_whose_original_the_document_writes_is_not_pooled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = RepairConfig(spin_profile=None)
    absent, printed = Document(ABSENT, config=config), Document(PRINTED, config=config)
    monkeypatch.setattr(stage, "POOLED_ABSENT", True)
    kept = stage.pooled_mapping(absent, _rows(ABSENT), [], 2, 0.1)
    assert [absent.text[c.start : c.end] for c in kept] == ["chief"] * 3
    assert stage.pooled_mapping(printed, _rows(PRINTED), [], 2, 0.1) == []
    monkeypatch.setattr(stage, "POOLED_ABSENT", False)  # the original printed is no bar
    assert len(stage.pooled_mapping(printed, _rows(PRINTED), [], 2, 0.1)) == 2


def test_the_pooled_reading_opens_where_the_profile_partly_explains_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stage, "POOLED_PROFILE_MIN", 0.4)
    monkeypatch.setattr(stage, "POOLED_SURE", False)
    assert stage.pooled_open({"prior_profile_score": 0.45, "profile_score": 0.2})
    assert not stage.pooled_open({"prior_profile_score": 0.3, "profile_score": 0.6})
    assert stage.pooled_open({"profile_score": 0.4})
    assert not stage.pooled_open({})
    # a sparse document of the family (its word model score under SURE_SCORE) stays shut
    monkeypatch.setattr(stage, "POOLED_SURE", True)
    assert not stage.pooled_open({"prior_profile_score": 0.45, "model_score": 0.9})
    assert stage.pooled_open({"prior_profile_score": 0.45, "model_score": 0.99})
    monkeypatch.setattr(stage, "POOLED_PROFILE_MIN", None)
    assert stage.pooled_open({})
