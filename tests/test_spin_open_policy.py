"""An unknown spinner's sense policy read off its own document
(repair/score/spin_open_policy.py and stages/spin._open_policy, _open_kept)."""

from __future__ import annotations

import pytest

import repair.stages.spin as stage
from repair.candidates import spin_doc_channel as dc
from repair.document import Document
from repair.score import spin_open_policy as op
from repair.types import Candidate

TEXT = "They secured it. They purchased it. The firm secured a plant."


def _cand(
    word: str, original: str, p: float, last: bool = False, common: bool = False
) -> Candidate:
    start = TEXT.rindex(word) if last else TEXT.index(word)
    f: dict = {"model_probability": p}
    if common:
        f["common"] = True
    return Candidate(start, start + len(word), original, "spin", "SPIN_SYNONYM", f)


def _rows(n_over: int, n_base: int = 12) -> list[Candidate]:
    # the word model's restorations over the bar are "secured" -> "guaranteed" (bin o1w1);
    # its rows far under the bar (the author's words) "purchased" -> "bought" (o0w0)
    return [_cand("secured", "guaranteed", 0.9)] * n_over + [
        _cand("purchased", "bought", 0.01)
    ] * n_base


def test_bins_of_the_rows() -> None:
    assert dc.policy_bin("secured", "guaranteed") == "o1w1"
    assert dc.policy_bin("purchased", "bought") == "o0w0"


@pytest.mark.parametrize(
    ("n_over", "read"),
    [(dc.MIN_CONFIRMED - 1, False), (dc.MIN_CONFIRMED, True), (20, True)],
)
def test_the_table_needs_enough_confirmed_rows(n_over: int, read: bool) -> None:
    table = stage._open_policy(Document(TEXT), _rows(n_over), 0.4)
    assert (table is not None) == read
    if table is not None:
        assert table.confirmed["o1w1"] == n_over
        assert table.ratio("secured", "guaranteed")[1] >= op.MIN_RATIO
        assert table.ratios["o0w0"] < 1.0  # the author's bin ...
        assert table.ratio("purchased", "bought")[1] == 1.0  # ... holds no confirmed row


def test_common_rows_do_not_count() -> None:
    rows = [_cand("secured", "guaranteed", 0.9, common=True)] * 20 + _rows(0)
    assert stage._open_policy(Document(TEXT), rows, 0.4) is None


@pytest.mark.parametrize(
    ("p", "original", "kept"),
    [
        (0.2, "guaranteed", True),  # the document's favoured bin lifts it over the bar
        (0.2, "bought", False),  # the unspun words' bin: no relief
        (op.FLOOR / 2, "guaranteed", False),  # under the floor
        (0.5, "guaranteed", False),  # over the bar already (the model keeps it)
    ],
)
def test_relief(p: float, original: str, kept: bool) -> None:
    table = op.open_policy(
        [("secured", "guaranteed", 0.9)] * 10 + [("purchased", "bought", 0.0)] * 12, 0.4
    )
    assert table is not None
    written = "secured" if original == "guaranteed" else "purchased"
    assert (table.relieved(p, 0.4, written, original) is not None) == kept


def test_a_thin_bin_relieves_nothing() -> None:
    # 8 confirmed rows, but only 2 in the row's bin: a ratio of add-one smoothing alone
    rows = [("secured", "guaranteed", 0.9)] * (op.MIN_BIN - 3) + [("purchased", "bought", 0.9)] * 6
    table = op.open_policy(rows + [("purchased", "bought", 0.0)] * 2, 0.4)
    assert table is not None and table.confirmed["o1w1"] < op.MIN_BIN
    assert table.ratio("secured", "guaranteed")[1] == 1.0
    assert table.relieved(0.3, 0.4, "secured", "guaranteed") is None


def test_stage_keeps_a_row_where_the_topic_agrees(monkeypatch) -> None:
    doc = Document(TEXT)
    table = stage._open_policy(doc, _rows(10), 0.4)
    monkeypatch.setattr(stage, "topic_gain", lambda *a: 0.2)
    under = _cand("secured", "guaranteed", 0.2, last=True)
    assert stage._open_kept(doc, under, 0.4, table)
    assert under.features["word_bar"] == 0.2 and under.features["open_policy"] >= op.MIN_RATIO
    # the unspun words' bin, a common word's row, or no table: not kept
    assert not stage._open_kept(doc, _cand("purchased", "bought", 0.2), 0.4, table)
    assert not stage._open_kept(doc, _cand("secured", "guaranteed", 0.2, common=True), 0.4, table)
    assert not stage._open_kept(doc, _cand("secured", "guaranteed", 0.2), 0.4, None)


def test_stage_declines_where_the_topic_does_not_agree(monkeypatch) -> None:
    doc = Document(TEXT)
    table = stage._open_policy(doc, _rows(10), 0.4)
    monkeypatch.setattr(stage, "topic_gain", lambda *a: -0.1)
    under = _cand("secured", "guaranteed", 0.2, last=True)
    assert not stage._open_kept(doc, under, 0.4, table)
    assert "word_bar" not in under.features and under.features["topic_gain"] == -0.1
    # the policy alone (OPEN_TOPIC_MIN None) keeps it
    monkeypatch.setattr(stage, "OPEN_TOPIC_MIN", None)
    assert stage._open_kept(doc, under, 0.4, table)


def test_clean_text_never_reads_the_open_policy(monkeypatch) -> None:
    from repair.pipeline import repair_text

    calls = []
    monkeypatch.setattr(stage, "_open_policy", lambda *a: calls.append(a))
    text = "The council met on Monday. It agreed to repair the old bridge before winter. " * 5
    assert repair_text(text).text == text
    assert calls == []
