"""The learned second decision of word-model rows under the bar
(repair/score/spin_stack.py, lexicons/spin_stack.json and stages/spin._stack_reader)."""

from __future__ import annotations

import json
from collections import Counter
from types import SimpleNamespace

import pytest
from repair.lexicons import LexiconError, read_text

import repair.stages.spin as stage
from repair.document import Document
from repair.score import spin_stack as st
from repair.score.linear import Linear
from repair.score.spin_model import FEATURES as WORD_FEATURES
from repair.score.spin_open_policy import OpenPolicy
from repair.types import Candidate

TEXT = "They secured it. They purchased it. The firm secured a plant."
ZERO = [0.0] * len(WORD_FEATURES)


def _row(p: float = 0.2, sense_bin: str = "o0w0", ratio: float = 1.0, confirmed: int = 0):
    return st.StackRow(p, 0.4, sense_bin, ratio, confirmed, True, 0.0, 0.99, ZERO)


def test_features_follow_the_schema() -> None:
    x = st.features(_row())
    assert len(x) == len(st.FEATURES)
    assert x[st.FEATURES.index("first_sense")] == 1.0
    assert x[st.FEATURES.index("no_sense")] == 0.0
    assert st.features(_row(sense_bin="none"))[st.FEATURES.index("no_sense")] == 1.0
    # an unread bin's ratio is no evidence
    assert st.features(_row(ratio=3.0, confirmed=0))[st.FEATURES.index("log_ratio")] == 0.0


def _model(**change: object) -> str:
    d = json.loads(read_text(st.MODEL))
    d.update(change)
    return json.dumps(d)


@pytest.mark.parametrize(
    "change",
    [
        {"format": "repair-spin-stack/0"},
        {"features": list(st.FEATURES[:-1])},
        {"coef": [0.0]},
        {"threshold": 1.5},
        {"training": {}},
    ],
)
def test_a_broken_model_file_is_refused(change: dict) -> None:
    with pytest.raises(LexiconError):
        st.parse(_model(**change))


def test_the_shipped_model_states_its_training() -> None:
    stack = st.get_stack()
    assert stack.training["command"].startswith("python scripts/train_spin_stack.py")
    assert "dev documents" in stack.training["data"] and "test" not in stack.training["data"]
    assert 0.0 < stack.floor < stack.threshold < 1.0


def test_the_shipped_model_reads_the_evidence_the_right_way() -> None:
    stack = st.get_stack()
    # a likelier row, a sense bin the document's restorations favour, and the first
    # sense of the written word each raise the probability
    assert stack.probability(_row(p=0.35)) > stack.probability(_row(p=0.1))
    assert stack.probability(_row(ratio=4.0, confirmed=8)) > stack.probability(_row())
    assert stack.probability(_row(sense_bin="o0w0")) > stack.probability(_row(sense_bin="o2w1"))


def _cand(word: str, original: str, p: float, common: bool = False) -> Candidate:
    start = TEXT.index(word)
    f: dict = {"model_probability": p}
    if common:
        f["common"] = True
    return Candidate(start, start + len(word), original, "spin", "SPIN_SYNONYM", f)


@pytest.fixture
def reader(monkeypatch):  # type: ignore[no-untyped-def]
    """A reader over a toy regression that reads only ``logit_p`` (threshold 0.5: a row
    is kept from p = 0.25 up), the topic gain fixed."""
    coef = [1.0 if f == "logit_p" else 0.0 for f in st.FEATURES]
    n = len(st.FEATURES)
    toy = st.Stack(Linear((0.0,) * n, (1.0,) * n, tuple(coef), 1.0986), 0.5, 0.05, {})
    monkeypatch.setattr(st, "get_stack", lambda: toy)
    monkeypatch.setattr(stage, "topic_gain", lambda *a: 0.1)
    doc = Document(TEXT)
    words = [SimpleNamespace(start=TEXT.index(w), end=TEXT.index(w) + len(w)) for w in ("secured",)]
    det = SimpleNamespace(words=words, features=[ZERO], details={"model_score": 0.99})
    table = OpenPolicy({}, Counter())
    return stage._stack_reader(doc, det, 0.4, table)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("p", "common", "kept"),
    [
        (0.3, False, True),  # the regression keeps it
        (0.2, False, False),  # the regression declines it
        (0.3, True, False),  # a common word's row is the common model's
        (0.04, False, False),  # under the floor: not read
        (0.5, False, False),  # over the bar: the word model keeps it already
    ],
)
def test_the_stage_decides_rows_under_the_bar(reader, p: float, common: bool, kept: bool) -> None:
    c = _cand("secured", "guaranteed", p, common)
    assert reader(c) == kept
    if kept:
        assert c.features["word_bar"] == p
        assert c.features["stack_probability"] >= 0.5 and c.features["topic_gain"] == 0.1
    else:
        assert "word_bar" not in c.features


def test_a_row_without_the_word_models_features_is_not_read(reader) -> None:
    assert not reader(_cand("purchased", "bought", 0.3))


def test_no_reader_without_the_documents_sense_table() -> None:
    # fewer than 8 rows over the bar: the clean documents the gate opens
    det = SimpleNamespace(words=[], features=[], details={"model_score": 0.9})
    assert stage._stack_reader(Document(TEXT), det, 0.5, None) is None  # type: ignore[arg-type]


def test_clean_text_never_reads_the_stack(monkeypatch) -> None:
    from repair.pipeline import repair_text

    calls = []
    monkeypatch.setattr(stage, "_stack_reader", lambda *a: calls.append(a))
    text = "The council met on Monday. It agreed to repair the old bridge before winter. " * 5
    assert repair_text(text).text == text
    assert calls == []
