"""The second decision refitted with the topic pick on (repair/score/spin_stack.py
TOPIC_FEATURES / TOPIC_MODEL, lexicons/spin_stack_topic.json, stages/spin.STACK_TOPIC)."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

import repair.stages.spin as stage
from repair.document import Document
from repair.score import spin_stack as st
from repair.score.linear import Linear
from repair.score.spin_model import FEATURES as WORD_FEATURES
from repair.score.spin_open_policy import OpenPolicy
from repair.types import Candidate

TEXT = "They secured it. They purchased it. The firm secured a plant."
ZERO = [0.0] * len(WORD_FEATURES)


def _row(picked: float | None) -> st.StackRow:
    return st.StackRow(0.2, 0.4, "o0w0", 1.0, 0, True, 0.05, 0.99, ZERO, picked)


def test_the_topic_schema_adds_the_pick_and_its_gain() -> None:
    assert st.TOPIC_FEATURES[: len(st.FEATURES)] == st.FEATURES
    assert st.features(_row(0.3)) == st.features(_row(None))  # the plain schema ignores it
    x = st.features(_row(0.3), topic=True)
    assert len(x) == len(st.TOPIC_FEATURES)
    assert x[-2:] == [1.0, 0.3]
    assert st.features(_row(None), topic=True)[-2:] == [0.0, 0.0]


def test_the_shipped_topic_model_loads_with_its_schema() -> None:
    stack = st.get_stack(True)
    assert stack.topic and not st.get_stack().topic
    assert "--topic" in stack.training["command"]
    assert "dev documents" in stack.training["data"] and "test" not in stack.training["data"]
    assert "topic pick on" in stack.training["data"]
    assert stack.probability(_row(0.3)) != stack.probability(_row(None))


def test_the_flag_is_off_by_default() -> None:
    assert stage.STACK_TOPIC is False


def _cand(picked: float | None) -> Candidate:
    start = TEXT.index("secured")
    f: dict = {"model_probability": 0.2}
    if picked is not None:
        f["topic_pick"] = picked
    return Candidate(start, start + len("secured"), "guaranteed", "spin", "SPIN_SYNONYM", f)


@pytest.mark.parametrize(("flag", "picked", "kept"), [(True, 0.2, True), (True, None, False),
                                                      (False, 0.2, False)])  # fmt: skip
def test_the_stage_passes_the_topic_pick_to_the_topic_model(
    monkeypatch, flag: bool, picked: float | None, kept: bool
) -> None:
    # a toy topic model that reads only "picked": a re-chosen row is kept, another not;
    # with the flag off the plain model (reading only logit_p, p = 0.2: declined) decides
    n = len(st.TOPIC_FEATURES)
    coef = tuple(4.0 if f == "picked" else 0.0 for f in st.TOPIC_FEATURES)
    topic = st.Stack(Linear((0.0,) * n, (1.0,) * n, coef, -2.0), 0.5, 0.05, {}, True)
    m = len(st.FEATURES)
    plain_coef = tuple(1.0 if f == "logit_p" else 0.0 for f in st.FEATURES)
    plain = st.Stack(Linear((0.0,) * m, (1.0,) * m, plain_coef, 0.0), 0.5, 0.05, {})
    monkeypatch.setattr(st, "get_stack", lambda t=False: topic if t else plain)
    monkeypatch.setattr(stage, "topic_gain", lambda *a: 0.1)
    monkeypatch.setattr(stage, "STACK_TOPIC", flag)
    words = [SimpleNamespace(start=TEXT.index("secured"), end=TEXT.index("secured") + 7)]
    det = SimpleNamespace(words=words, features=[ZERO], details={"model_score": 0.99})
    reader = stage._stack_reader(Document(TEXT), det, 0.4, OpenPolicy({}, Counter()))  # type: ignore[arg-type]
    assert reader is not None
    assert reader(_cand(picked)) == kept
