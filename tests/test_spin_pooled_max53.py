"""A recurring mapping pooled by its strongest place (repair.stages.spin POOLED_STAT
"max", POOLED_FLOOR; session 53, spinseed; issue 11): a spinner that maps a written word
one way throughout a document is shown by the place whose context reads the original
best, so every place proposing that original (each at least POOLED_FLOOR) is kept."""

from __future__ import annotations

import pytest

from repair.config import RepairConfig
from repair.document import Document
from repair.stages import spin as stage
from repair.types import Candidate

TEXT = "The chief spoke. Later the chief left the room; the chief waved."


def _rows(probs: list[float], original: str = "leader") -> list[Candidate]:
    at = [i for i in range(len(TEXT)) if TEXT.startswith("chief", i)]
    return [
        Candidate(
            a,
            a + 5,
            original,
            "spin",
            "SPIN_SYNONYM",
            {"strength": "synonym", "model_probability": p, "gain0": 3.0},
        )  # fmt: skip
        for a, p in zip(at, probs, strict=True)
    ]


@pytest.fixture
def doc() -> Document:
    return Document(TEXT, config=RepairConfig(spin_profile=None))


def test_shipped_setting() -> None:
    """On: the strongest place, each place at least 0.02, in dense documents the seed
    profile partly explains (score >= 0.5, word model score >= SURE_SCORE)."""
    assert stage.POOLED_MAPPING == (2, 0.15)
    assert stage.POOLED_STAT == "max"
    assert stage.POOLED_FLOOR == 0.02
    assert stage.POOLED_ABSENT is False
    assert stage.POOLED_PROFILE_MIN == 0.5
    assert stage.POOLED_SURE is True


def test_one_strong_place_carries_the_mapping(
    doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stage, "POOLED_ABSENT", False)
    monkeypatch.setattr(stage, "POOLED_FLOOR", 0.02)
    rows = _rows([0.3, 0.05, 0.03])  # mean 0.127: under 0.15
    monkeypatch.setattr(stage, "POOLED_STAT", "mean")
    assert stage.pooled_mapping(doc, rows, [], 2, 0.15) == []
    monkeypatch.setattr(stage, "POOLED_STAT", "max")
    kept = stage.pooled_mapping(doc, rows, [], 2, 0.15)
    assert [c.start for c in kept] == [c.start for c in rows]
    assert all(c.features["pooled_mapping"] == 0.3 for c in kept)
    assert all(c.features["word_bar"] == 0.0 for c in kept)


def test_a_place_under_the_floor_is_not_pooled(
    doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stage, "POOLED_ABSENT", False)
    monkeypatch.setattr(stage, "POOLED_STAT", "max")
    monkeypatch.setattr(stage, "POOLED_FLOOR", 0.02)
    rows = _rows([0.3, 0.01, 0.03])
    kept = stage.pooled_mapping(doc, rows, [], 2, 0.15)
    assert [c.start for c in kept] == [rows[0].start, rows[2].start]
    # no place strong enough, or places proposing different originals: nothing pooled
    assert stage.pooled_mapping(doc, _rows([0.12, 0.1, 0.05]), [], 2, 0.15) == []
    mixed = _rows([0.3, 0.2, 0.2])[:2] + _rows([0.3, 0.2, 0.2], "boss")[2:]
    assert stage.pooled_mapping(doc, mixed, [], 2, 0.15) == []


def test_the_strongest_place_does_not_grow_with_repeats(
    doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text read in paragraph windows keeps the figure: more places of the same
    probabilities do not make a weak mapping strong (the mean reading neither)."""
    monkeypatch.setattr(stage, "POOLED_ABSENT", False)
    monkeypatch.setattr(stage, "POOLED_STAT", "max")
    weak = _rows([0.12, 0.1, 0.05])
    assert stage.pooled_mapping(doc, weak + weak, [], 2, 0.15) == []
    strong = _rows([0.3, 0.05, 0.03])
    assert len(stage.pooled_mapping(doc, strong + strong, [], 2, 0.15)) == 6
