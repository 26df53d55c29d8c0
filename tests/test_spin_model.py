"""The learned spin model: file format checked on load, pure-Python evaluation,
features as the stage computes them, and the decision it drives (issue 11)."""

from __future__ import annotations

import json

import pytest
from repair.lexicons import LexiconError, read_text

from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.score.spin import _decide
from repair.score.spin_model import (
    DOC_FEATURES,
    FEATURES,
    MODEL_FILE,
    Linear,
    Trees,
    get_model,
    parse_model,
    probabilities,
    word_features,
)
from repair.stages.spin import STAGE
from repair.types import Candidate

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)


def _shipped() -> dict:
    return json.loads(read_text(MODEL_FILE))


def test_shipped_model_loads_with_schema_and_fingerprint() -> None:
    m = get_model()
    assert m.training["fingerprint"]
    assert 0.0 < m.word_threshold < 1.0
    assert isinstance(m.word, Trees | Linear)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="repair-spin-model/0"), "format"),
        (lambda d: d.update(features=d["features"][:-1]), "feature schema"),
        (lambda d: d["training"].pop("fingerprint"), "fingerprint"),
        (lambda d: d.update(word_threshold=1.5), "word_threshold"),
        (lambda d: d.update(calibration=[1.0]), "calibration"),
        (
            lambda d: (
                d["doc"].update(trees=[])
                if d["doc"].get("kind") == "trees"
                else d["doc"].update(coef=[0.0])
            ),
            "doc.(coef|trees)",
        ),
    ],
)
def test_malformed_model_is_refused(change, message: str) -> None:
    d = _shipped()
    change(d)
    with pytest.raises(LexiconError, match=message):
        parse_model(json.dumps(d))


def test_malformed_tree_is_refused() -> None:
    d = _shipped()
    if d["word"]["kind"] != "trees":
        pytest.skip("shipped model is linear")
    d["word"]["trees"][0]["left"][0] = 0  # a node pointing at itself
    with pytest.raises(LexiconError, match="bad split"):
        parse_model(json.dumps(d))


def test_trees_walk_and_contributions_add_up() -> None:
    t = Trees(
        0.5, 0.1, ((0, -1, -1),), ((2.0, 0.0, 0.0),), ((1, -1, -1),), ((2, -1, -1),),
        ((0.0, -1.0, 3.0),),
    )  # fmt: skip
    assert t.logit([1.0]) == pytest.approx(0.5 - 0.1)
    assert t.logit([5.0]) == pytest.approx(0.5 + 0.3)
    assert sum(t.contributions([5.0]).values()) == pytest.approx(0.3)


def _x(**kw: float) -> list[float]:
    base = dict.fromkeys(FEATURES, 0.0)
    base.update(zipf_written=3.0, zipf_original=5.0, n_candidates=6.0, written_count=1.0,
                same_mapping=1.0)  # fmt: skip
    base.update(kw)
    return [base[f] for f in FEATURES]


def test_probability_rises_with_evidence_and_is_zero_without_gain() -> None:
    strong = _x(gain=14, left_gain=7, right_gain=7, unigram=3, context=11, margin=6,
                doc_flag_density=0.25, doc_mean_gain=4, same_mapping=3, rank_score=2,
                rank_margin=3)  # fmt: skip
    weak = _x(gain=1, left_gain=0.5, right_gain=0.5, unigram=1, context=0, margin=0.5,
              doc_flag_density=0.02, doc_mean_gain=0.5)  # fmt: skip
    against = _x(gain=-3, left_gain=-1, right_gain=-2)
    p_strong, p_weak, p_against = probabilities([strong, weak, against])
    assert 0.0 <= p_weak < get_model().word_threshold <= p_strong <= 1.0
    assert p_against == 0.0


def test_features_count_the_same_mapping_in_the_document() -> None:
    text = (
        "The committee held an assembly on Monday. Members came to the assembly early, "
        "and the assembly voted on the budget before the assembly closed."
    )
    doc = Document(text, config=NO_PROFILE)
    det = STAGE.detect(doc)
    assert len(det.features) == len(det.words) == len(det.probs)
    col, wc = FEATURES.index("same_mapping"), FEATURES.index("written_count")
    for w, x in zip(det.words, det.features, strict=True):
        same = sum(
            1
            for v in det.words
            if (v.written.lower(), v.original) == (w.written.lower(), w.original)
        )
        assert x[col] == same
        if w.written.lower() == "assembly":
            assert x[wc] == 4
    again = word_features(doc, det.words, 0.0)
    assert again == list(det.features)


def _syn(p: float, gain: float) -> str:
    c = Candidate(4, 12, "meeting", "spin", "SPIN_SYNONYM", {"model_probability": p, "gain0": gain})
    return _decide(c, "assembly", False, "synonym", False, gain, gain, 0)


def test_decision_follows_the_model_with_reason_codes() -> None:
    t = get_model().word_threshold
    assert _syn(t + 0.01, 5.0) == ""
    assert _syn(t - 0.01, 5.0) == "weak_evidence"
    assert _syn(0.99, -0.5) == "lm_against"
    c = Candidate(0, 8, "meeting", "spin", "SPIN_SYNONYM", {"model_probability": 0.99})
    assert _decide(c, "Assembly", False, "synonym", False, 5.0, 5.0, 0) == "proper_noun"


def test_applied_synonym_edit_carries_probability_and_main_features() -> None:
    text = (
        "The administration stated on Tuesday that the new regulation would cut prices. "
        "Officials stated the plan would help families, and the minister stated that "
        "the regulation was fair. Critics stated it was too late."
    )
    r = repair_text(text, (), NO_PROFILE)
    for e in r.edits:
        if e.rule == "SPIN_SYNONYM":
            assert e.evidence["model_probability"] == pytest.approx(e.confidence, abs=0.01) or (
                e.confidence in (0.5, 0.99)
            )
            assert isinstance(e.evidence["main_features"], list)
    assert set(r.scores.details["spin"]["decisions"]) <= {
        "applied", "proper_noun", "lm_against", "weak_evidence", "below_threshold"
    }  # fmt: skip


def test_doc_features_schema() -> None:
    assert DOC_FEATURES == tuple(_shipped()["doc_features"])
