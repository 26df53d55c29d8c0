"""A restored mapping repeats at the written word's other occurrences
(repair.stages.spin.same_mapping, MAPPING_BAR); issue 11."""

from __future__ import annotations

from repair.config import RepairConfig
from repair.document import Document
from repair.stages import spin as stage
from repair.types import Candidate, Edit

TEXT = "The chief spoke. Later the chief left, and a chief of staff came; the chief waved."


def _word(start: int, original: str, p: float, **extra: object) -> Candidate:
    feats = {"strength": "synonym", "model_probability": p, "gain0": 3.0, **extra}
    return Candidate(start, start + 5, original, "spin", "SPIN_SYNONYM", feats)


def _restored(start: int, original: str) -> Edit:
    return Edit(start, 5, "chief", original, "spin", 0.9, "SPIN_SYNONYM", "test", {})


def test_other_occurrences_of_a_restored_mapping_are_kept_at_the_lower_bar() -> None:
    doc = Document(TEXT, config=RepairConfig(spin_profile=None))
    at = [i for i in range(len(TEXT)) if TEXT.startswith("chief", i)]
    assert len(at) == 4
    cands = [
        _word(at[0], "leader", 0.8),  # the restored one
        _word(at[1], "leader", 0.25),  # same mapping, over the bar: kept
        _word(at[2], "head", 0.6),  # another original: not this mapping
        _word(at[3], "leader", 0.1),  # same mapping, under the bar
        _word(at[1], "leader", 0.9, common=True),  # common-word rows are not repeated
    ]
    edits = [_restored(at[0], "leader")]
    kept = stage.same_mapping(doc, cands, edits, 0.2)
    assert [(c.start, c.replacement) for c in kept] == [(at[1], "leader")]
    assert kept[0].features["word_bar"] == 0.2 and kept[0].features["same_mapping"]
    assert stage.same_mapping(doc, cands, edits, 0.3) == []
    assert stage.same_mapping(doc, cands, [], 0.2) == []  # nothing restored
    # a span already under an edit is not proposed again
    assert stage.same_mapping(doc, cands, [*edits, _restored(at[1], "boss")], 0.2) == []


def test_repeated_candidates_pass_the_decision_at_their_bar() -> None:
    from repair.score.spin import score_spin

    doc = Document(TEXT, config=RepairConfig(spin_profile=None))
    at = [i for i in range(len(TEXT)) if TEXT.startswith("chief", i)]
    low = _word(at[1], "head", 0.25, word_bar=0.5)
    assert score_spin(doc, 1.0, [low], gate=False) == []  # under the word bar: declined
    # the LM favours "head" here; the restored mapping lowers the bar to 0.2
    (again,) = stage.same_mapping(doc, [low], [_restored(at[0], "head")], 0.2)
    out = score_spin(doc, 1.0, [again], gate=False)
    assert [(e.offset, e.replacement) for e in out] == [(at[1], "head")]


def test_pooled_mapping_keeps_every_occurrence_of_one_recurring_mapping() -> None:
    """POOLED_MAPPING (off by default): no occurrence clears the bar, but every occurrence
    of the written word proposes one original with a mean probability over the floor."""
    doc = Document(TEXT, config=RepairConfig(spin_profile=None))
    at = [i for i in range(len(TEXT)) if TEXT.startswith("chief", i)]
    cands = [_word(a, "leader", p) for a, p in zip(at, (0.15, 0.05, 0.1, 0.12), strict=True)]
    kept = stage.pooled_mapping(doc, cands, [], 4, 0.1)
    assert [c.start for c in kept] == at
    assert all(c.features["word_bar"] == 0.0 and c.features["pooled_mapping"] for c in kept)
    assert stage.pooled_mapping(doc, cands, [], 5, 0.1) == []  # too few occurrences
    assert stage.pooled_mapping(doc, cands, [], 4, 0.2) == []  # too little evidence
    # one occurrence proposes another original: the word is left to the first reading
    other = [*cands[:3], _word(at[3], "head", 0.12)]
    assert stage.pooled_mapping(doc, other, [], 2, 0.1) == []
    # a span under an edit and a row the LM is against are not proposed
    against = [*cands[:3], _word(at[3], "leader", 0.12, gain0=-1.0)]
    kept = stage.pooled_mapping(doc, against, [_restored(at[0], "boss")], 4, 0.1)
    assert [c.start for c in kept] == at[1:3]
    # common-word rows are neither counted nor proposed
    common = [_word(a, "leader", 0.5, common=True) for a in at]
    assert stage.pooled_mapping(doc, common, [], 2, 0.1) == []
