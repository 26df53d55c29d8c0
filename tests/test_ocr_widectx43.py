"""Session 43 (issue 12): a declined real-word reading accepted on wider evidence
(:mod:`repair.score.ocr_widectx`: the period n-grams on both sides, the document topic)."""

from __future__ import annotations

import pytest

from repair.candidates.ocr_rules import cand
from repair.score import ocr_widectx
from repair.score.ocr import Decision, DecisionMemo
from repair.tokenize import tokenize


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [t for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]


def _setup(text: str, word: str, readings: list[tuple[str, float, bool]]) -> tuple:
    """The last ``word`` of ``text`` with real-word ``readings`` (reading, margin, accepted)
    at a 2.5-nat threshold."""
    doc = _Doc(text)
    toks = doc.words
    i = max(k for k, t in enumerate(toks) if t.text == word)
    t = toks[i]
    prev = [x.text for x in toks[max(0, i - 2) : i]]
    nxt = [x.text for x in toks[i + 1 : i + 3]]
    memo = DecisionMemo()
    cands = []
    groups: dict = {}
    for reading, margin, accepted in readings:
        c = cand(t.start, t.end, reading, "OCR_REALWORD", finding="realword", orig=[word],
                 alt=[reading], cost=1.0, orig_known=True)  # fmt: skip
        reason = "lm_gain" if accepted else "margin_below_threshold"
        d = Decision(accepted, reason, margin, 0.9 if accepted else 0.0, 3.0, 1.0, word, 2.5)
        memo.put(len(cands), (prev, nxt), d)
        cands.append(c)
        if accepted:
            groups.setdefault((t.start, t.end), []).append((margin, c, d.evidence))
    return doc, cands, memo, groups, (t.start, t.end)


def test_flags() -> None:
    assert ocr_widectx.WIDE_ACCEPT is False
    assert (ocr_widectx.REACH, ocr_widectx.PERIOD_MIN) == (2.0, 4.0)
    assert (ocr_widectx.RIGHT_MIN, ocr_widectx.TOPIC_MIN) == (-0.5, 0.0)


def test_a_declined_reading_the_period_bigrams_carry() -> None:
    text = "The claim was paid to the extent of tome also for the costs."
    doc, cands, memo, groups, span = _setup(text, "tome", [("some", 1.4, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1
    _m, c, ev = groups[span][0]
    assert c.replacement == "some" and ev["wide_period"] >= ocr_widectx.PERIOD_MIN


def test_too_far_below_its_threshold() -> None:
    text = "The claim was paid to the extent of tome also for the costs."
    doc, cands, memo, groups, _span = _setup(text, "tome", [("some", 0.2, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0 and groups == {}


def test_a_span_with_an_accepted_reading_is_left_alone() -> None:
    text = "The claim was paid to the extent of tome also for the costs."
    rd = [("home", 2.6, True), ("some", 1.4, False)]
    doc, cands, memo, groups, span = _setup(text, "tome", rd)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
    assert [c.replacement for _m, c, _ev in groups[span]] == ["home"]


def test_the_best_margin_of_a_span(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_widectx, "PERIOD_MIN", -99.0)
    monkeypatch.setattr(ocr_widectx, "RIGHT_MIN", -99.0)
    monkeypatch.setattr(ocr_widectx, "TOPIC_MIN", -99.0)
    text = "The claim was paid to the extent of tome also for the costs."
    rd = [("home", 1.0, False), ("some", 1.4, False), ("time", 0.8, False)]
    doc, cands, memo, groups, span = _setup(text, "tome", rd)
    ocr_widectx.wide_accept(doc, cands, memo, groups)
    assert [c.replacement for _m, c, _ev in groups[span]] == ["some"]


def test_the_document_topic_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Cheese mites infest cheese. The cheese makers fear mites, insects, larvae and mould "
        "in the cheese store. A case of mites in cheese."
    )
    doc, cands, memo, groups, _span = _setup(text, "mites", [("miles", 1.5, False)])
    monkeypatch.setattr(ocr_widectx, "PERIOD_MIN", -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
    monkeypatch.setattr(ocr_widectx, "TOPIC_MIN", -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1


def test_a_capitalised_print_is_not_read() -> None:
    text = "The claim was paid to the extent of Tome also for the costs."
    doc, cands, memo, groups, _span = _setup(text, "Tome", [("some", 1.4, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0


def test_in_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ocr_page import GARBLED, repaired_after_page

    text = "a decree nisi ty Mr. Justice Long"
    assert repaired_after_page(text)[len(GARBLED) :] == text
    monkeypatch.setattr(ocr_widectx, "WIDE_ACCEPT", True)
    assert repaired_after_page(text)[len(GARBLED) :] == "a decree nisi by Mr. Justice Long"


def test_between_two_capitals_is_a_name() -> None:
    text = "Sir Dudley de Chair will give an address."
    doc, cands, memo, groups, _span = _setup(text, "de", [("the", 1.5, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
