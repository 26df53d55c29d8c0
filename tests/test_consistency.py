"""One written form, one restoration per document (repair/score/consistency.py), and the
spin stage in scientific register: multi-word spans, rare words left to the rare-word pass
(repair/score/science.py)."""

from __future__ import annotations

import pytest

from repair.document import Document
from repair.pipeline import repair_text
from repair.score import consistency, science
from repair.stages import collocation as collocation_stage
from repair.stages import spin as spin_stage
from repair.types import Edit
from tests.test_tortured_explain import RARE_SPUN
from tests.test_tortured_mill import MILL

TEXT = (
    "Small sensors must save vitality to run for a long time. We rank each node by its "
    "remaining vitality and its distance to the base station."
)


def _places(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append((i, i + len(word)))
        i = text.find(word, i + 1)
    return out


def test_accepted_restoration_is_carried_to_the_other_place() -> None:
    (a, b), (c, d) = _places(TEXT, "vitality")
    got = consistency.carry(Document(TEXT), [(a, b, "energy", 0.8)])
    assert [(x.start, x.end, x.original, x.source) for x in got] == [(c, d, "energy", a)]
    assert got[0].gain >= consistency.MIN_GAIN


def test_weak_or_split_restorations_are_not_carried() -> None:
    (a, b), (c, d) = _places(TEXT, "vitality")
    doc = Document(TEXT)
    assert consistency.carry(doc, [(a, b, "energy", 0.4)]) == []
    # the same written word restored two ways: no one mapping to carry
    assert consistency.carry(doc, [(a, b, "energy", 0.8), (c, d, "life", 0.8)]) == []
    # a place another edit took is left to it
    assert consistency.carry(doc, [(a, b, "energy", 0.8)], [(c - 10, d)]) == []


def test_names_are_not_carried() -> None:
    text = "The vitality of cells fell. We thank Vitality Labs for the cells."
    (a, b) = _places(text, "vitality")[0]
    assert consistency.carry(Document(text), [(a, b, "energy", 0.9)]) == []


# MILL: the mill-spun abstract of tests/test_tortured_mill.py


def test_mill_abstract_restores_every_vitality(monkeypatch: pytest.MonkeyPatch) -> None:
    r = repair_text(MILL)
    vit = [e for e in r.edits if e.original == "vitality"]
    assert len(vit) == 2 and {e.replacement for e in vit} == {"energy"}
    carried = [e for e in vit if e.rule == consistency.RULE]
    assert carried and carried[0].evidence["restored_at"] == vit[0].offset
    assert carried[0].message
    monkeypatch.setattr(spin_stage, "CARRY", False)
    monkeypatch.setattr(collocation_stage, "CARRY", False)
    off = repair_text(MILL)
    assert "vitality" in off.text
    assert not any(e.rule == consistency.RULE for e in off.edits)


SCIENCE = (
    "We present a statistical model of linguistic communication for speech recognition. "
    "The model is trained on recorded dialogues and evaluated on three benchmark data sets. "
    "Its error rate is lower than that of a neural network baseline, and the training time "
    "is shorter. We discuss the limits of the method for rare words and noisy recordings."
)


def test_multiword_span_read_in_scientific_register(monkeypatch: pytest.MonkeyPatch) -> None:
    r = repair_text(SCIENCE)
    assert [(e.original, e.replacement) for e in r.edits] == [
        ("linguistic communication", "language")
    ]
    monkeypatch.setattr(science, "PHRASES", False)
    assert repair_text(SCIENCE).text == SCIENCE


def test_clean_abstract_keeps_its_words() -> None:
    clean = SCIENCE.replace("linguistic communication", "language")
    assert repair_text(clean).text == clean


def test_known_multiword_term_is_the_authors(monkeypatch: pytest.MonkeyPatch) -> None:
    # "false alarm" is a WordNet lemma of "failure", but the book counts know the pair
    text = SCIENCE.replace("Its error rate", "Its false alarm rate")
    assert science.unseen_span("linguistic communication")
    assert not science.unseen_span("false alarm")
    r = repair_text(text)
    assert not any(e.original == "false alarm" for e in r.edits)
    monkeypatch.setattr(spin_stage, "science_span", lambda written: True)
    assert any(e.original == "false alarm" for e in repair_text(text).edits)


DENSE = (
    "We measured the voltaic conductivity of thin films under load. The comportment of the "
    "films was stable, and the agglomerates of grains grew with the fussiness of the "
    "deposition. The searchers report the aftereffects of annealing on the films and proffer "
    "a model of the conductivity."
)


def test_rare_words_of_a_dense_scientific_text_are_the_rare_passes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = repair_text(DENSE)
    assert {"searchers", "fussiness"} <= {e.original for e in r.edits}
    assert not any(e.rule == "SPIN_SYNONYM" for e in r.edits)
    monkeypatch.setattr(science, "DEFER_RARE", False)
    assert any(e.rule == "SPIN_SYNONYM" for e in repair_text(DENSE).edits)


def test_defer_reads_the_rare_passes_own_pregate() -> None:
    assert science.RARE_PREGATE == collocation_stage.RARE_PREGATE
    assert science.RARE_PREGATE_PER_1000 == collocation_stage.RARE_PREGATE_PER_1000


# A rare-synonym-spun abstract (benchmarks/spin_sim/abstracts.py, abstract 00): a term
# window restores "a simple comportment" as "a simple method"; the rare-word pass, reading
# the other "comportment" alone, would take "air".
DESCANT = RARE_SPUN  # the rare-spun abstract of tests/test_tortured_explain.py


def test_rare_pass_agrees_with_the_term_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    def comportment() -> list[tuple[str, str]]:
        return [(e.replacement, e.rule) for e in repair_text(DESCANT).edits
                if e.original == "comportment"]  # fmt: skip

    got = comportment()
    assert [r for r, _ in got] == ["method", "method"]
    assert {rule for _, rule in got} == {"COLLOCATION_TERM", collocation_stage.RARE_RULE}
    monkeypatch.setattr(consistency, "AGREE", False)
    # the scientific register's readings (repair.score.science) off too: the pass alone
    monkeypatch.setattr(science, "REGISTER_PRIOR", False)
    monkeypatch.setattr(science, "REGISTER_RELAX", False)
    assert [r for r, _ in comportment()] == ["method", "air"]


def test_agree_declines_an_original_outside_the_candidates() -> None:
    from repair.detect.rareword import find
    from repair.score.rareword import decide

    doc = Document(DESCANT)
    decisions = [d for d in decide(find(doc), len(doc.words)) if d.word.token.text == "fussiness"]
    assert decisions and all(d.applied for d in decisions)
    kept = consistency.agree(decisions, {"fussiness": "accuracy"})
    assert [d.original for d in kept] == [d.original for d in decisions]
    moved = consistency.agree(decisions, {"fussiness": "zebra"})
    assert [(d.applied, d.reason) for d in moved] == [(False, consistency.RESTORED_OTHERWISE)]
    assert consistency.agree(decisions, {}) == decisions


SPLIT = (
    "Our forwardness was won in war. We keep a forwardness by work, and the "
    "forwardness of the press is the first of them."
)


def _split_edits(confidences: tuple[float, float, float]) -> list[Edit]:
    places = _places(SPLIT, "forwardness")
    originals = ("freedom", "life", "freedom")
    return [
        Edit(a, b - a, "forwardness", o, "spin", c, "SPIN_SYNONYM", "test", {})
        for (a, b), o, c in zip(places, originals, confidences, strict=True)
    ]


def test_one_mapping_keeps_the_original_with_more_evidence() -> None:
    doc = Document(SPLIT)
    edits = _split_edits((0.8, 0.9, 0.8))
    kept, declined = consistency.one_mapping(doc, edits)
    assert [e.replacement for e in kept] == ["freedom", "freedom"]
    assert [e.replacement for e in declined] == ["life"]
    # one very sure "life" outweighs two weak "freedom"s (summed log-odds)
    kept, declined = consistency.one_mapping(doc, _split_edits((0.55, 0.99, 0.55)))
    assert [e.replacement for e in kept] == ["life"]
    assert len(declined) == 2
    # an edit that re-agreed its article is read as its word ("a X" -> "an Y")
    (a, b) = _places(SPLIT, "forwardness")[1]
    article = Edit(a - 2, b - a + 2, "a forwardness", "an ease", "spin", 0.6, "SPIN_SYNONYM")
    kept, declined = consistency.one_mapping(doc, [edits[0], article, edits[2]])
    assert declined == [article]
    # one mapping already: nothing declined
    assert consistency.one_mapping(doc, [edits[0], edits[2]]) == ([edits[0], edits[2]], [])


def test_spin_stage_declines_the_other_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.types import Candidate, Detection

    doc = Document(SPLIT)
    edits = _split_edits((0.8, 0.8, 0.8))
    cands = [
        Candidate(e.offset, e.end, e.replacement, "spin", "SPIN_SYNONYM",
                  {"model_probability": 0.9, "gain0": 3.0})
        for e in edits
    ]  # fmt: skip
    monkeypatch.setattr(spin_stage, "score_spin", lambda *a, **k: list(edits))
    monkeypatch.setattr(spin_stage, "REREAD", False)
    monkeypatch.setattr(spin_stage, "MAPPING_BAR", None)
    monkeypatch.setattr(spin_stage, "ONE_MAPPING", True)  # off by default (see spin.py)
    detection = Detection((), 0.99, {"profile_score": 0.0, "model_score": 0.99})
    out = spin_stage.STAGE.score(doc, detection, cands)
    assert all(e.replacement.lower() == "freedom" for e in out)
    assert detection.details["decisions"].get("inconsistent_mapping") == 1
    monkeypatch.setattr(spin_stage, "ONE_MAPPING", False)
    detection = Detection((), 0.99, {"profile_score": 0.0, "model_score": 0.99})
    out = spin_stage.STAGE.score(doc, detection, cands)
    assert sorted(e.replacement for e in out) == ["freedom", "freedom", "life"]
