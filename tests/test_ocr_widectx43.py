"""Session 43 (issue 12): a declined real-word reading accepted on wider evidence
(:mod:`repair.score.ocr_widectx`: the period n-grams and the trigram on both sides, the
document topic)."""

from __future__ import annotations

import pytest

from repair.candidates.ocr_realword import LIGHT_PRIOR_PER_ZIPF, PRIOR_PER_ZIPF
from repair.candidates.ocr_rules import cand
from repair.resources.lm import get_lm
from repair.score import ocr_widectx
from repair.score.ocr import Decision, DecisionMemo
from repair.tokenize import tokenize

SECRETARY = (
    "The Governor opened Parliament. The Treasurer, the colony secretory and the Premier "
    "attended the Cabinet meeting of Ministers."
)


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [t for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]


def _setup(
    text: str, word: str, readings: list[tuple[str, float, bool]], prior: float = PRIOR_PER_ZIPF
) -> tuple:
    """The last ``word`` of ``text`` with real-word ``readings`` (reading, margin,
    accepted) at a 2.5-nat threshold, each with the trigram's own gain."""
    doc = _Doc(text)
    toks = doc.words
    i = max(k for k, t in enumerate(toks) if t.text == word)
    t = toks[i]
    prev = [x.text for x in toks[max(0, i - 2) : i]]
    nxt = [x.text for x in toks[i + 1 : i + 3]]
    lm = get_lm()
    memo = DecisionMemo()
    cands = []
    groups: dict = {}
    for reading, margin, accepted in readings:
        gain = lm.sequence_logprob((reading, *nxt), prev) - lm.sequence_logprob((word, *nxt), prev)
        c = cand(t.start, t.end, reading, "OCR_REALWORD", finding="realword", orig=[word],
                 alt=[reading], cost=1.0, orig_known=True, prior_per_zipf=prior)  # fmt: skip
        reason = "lm_gain" if accepted else "margin_below_threshold"
        d = Decision(accepted, reason, margin, 0.9 if accepted else 0.0, gain, 1.0, word, 2.5)
        memo.put(len(cands), (prev, nxt), d)
        cands.append(c)
        if accepted:
            groups.setdefault((t.start, t.end), []).append((margin, c, d.evidence))
    return doc, cands, memo, groups, (t.start, t.end)


def test_flags() -> None:
    assert ocr_widectx.WIDE_ACCEPT is False
    assert (ocr_widectx.REACH, ocr_widectx.PERIOD_MIN, ocr_widectx.RIGHT_MIN) == (2.5, 4.0, -0.5)
    assert (ocr_widectx.TOPIC_MIN, ocr_widectx.TRIGRAM_RIGHT_MIN) == (0.0, -0.5)


def test_a_declined_reading_the_topic_and_both_sides_carry() -> None:
    doc, cands, memo, groups, span = _setup(SECRETARY, "secretory", [("secretary", 0.5, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1
    _m, c, ev = groups[span][0]
    assert c.replacement == "secretary" and ev["wide_period"] >= ocr_widectx.PERIOD_MIN
    assert ev["wide_topic"] > 0.0


def test_too_far_below_its_threshold() -> None:
    doc, cands, memo, groups, _span = _setup(SECRETARY, "secretory", [("secretary", -0.1, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0 and groups == {}


def test_a_light_pages_reading_is_not_read() -> None:
    rd = [("secretary", 0.5, False)]
    doc, cands, memo, groups, _span = _setup(SECRETARY, "secretory", rd, LIGHT_PRIOR_PER_ZIPF)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0


def test_a_span_with_an_accepted_reading_is_left_alone() -> None:
    rd = [("secretaries", 2.6, True), ("secretary", 0.5, False)]
    doc, cands, memo, groups, span = _setup(SECRETARY, "secretory", rd)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
    assert [c.replacement for _m, c, _ev in groups[span]] == ["secretaries"]


def test_the_best_margin_of_a_span(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PERIOD_MIN", "RIGHT_MIN", "TOPIC_MIN", "TRIGRAM_RIGHT_MIN"):
        monkeypatch.setattr(ocr_widectx, name, -99.0)
    text = "The claim was paid to the extent of tome also for the costs."
    rd = [("home", 1.0, False), ("some", 1.4, False), ("time", 0.8, False)]
    doc, cands, memo, groups, span = _setup(text, "tome", rd)
    ocr_widectx.wide_accept(doc, cands, memo, groups)
    assert [c.replacement for _m, c, _ev in groups[span]] == ["some"]


def test_no_topic_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The claim was paid to the extent of tome also for the costs."
    doc, cands, memo, groups, _span = _setup(text, "tome", [("some", 1.4, False)])
    monkeypatch.setattr(ocr_widectx, "TRIGRAM_RIGHT_MIN", -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0  # the topic says nothing
    monkeypatch.setattr(ocr_widectx, "TOPIC_MIN", -1.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1


def test_the_document_topic_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Cheese mites infest cheese. The cheese makers fear mites, insects, larvae and mould "
        "in the cheese store. A case of mites in cheese."
    )
    doc, cands, memo, groups, _span = _setup(text, "mites", [("miles", 1.5, False)])
    for name in ("PERIOD_MIN", "TRIGRAM_RIGHT_MIN"):
        monkeypatch.setattr(ocr_widectx, name, -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
    monkeypatch.setattr(ocr_widectx, "TOPIC_MIN", -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1


def test_the_trigram_after_the_word_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The computer, the printer and the telephone line were in the study. She listened "
        "to the rain. The modem in the study was older than the children."
    )
    doc, cands, memo, groups, _span = _setup(text, "modem", [("modern", 1.5, False)])
    for name in ("PERIOD_MIN", "TOPIC_MIN", "RIGHT_MIN"):
        monkeypatch.setattr(ocr_widectx, name, -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
    monkeypatch.setattr(ocr_widectx, "TRIGRAM_RIGHT_MIN", -99.0)
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 1


def test_a_capitalised_print_is_not_read() -> None:
    text = SECRETARY.replace("colony secretory", "colony Secretory")
    doc, cands, memo, groups, _span = _setup(text, "Secretory", [("secretary", 0.5, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0


def test_between_two_capitals_is_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PERIOD_MIN", "TOPIC_MIN", "RIGHT_MIN", "TRIGRAM_RIGHT_MIN"):
        monkeypatch.setattr(ocr_widectx, name, -99.0)
    text = "Sir Dudley de Chair will give an address."
    doc, cands, memo, groups, _span = _setup(text, "de", [("the", 1.5, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0


def test_in_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ocr_page import GARBLED, repaired_after_page

    text = SECRETARY
    out = repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(ocr_widectx, "WIDE_ACCEPT", True)
    on = repaired_after_page(text)[len(GARBLED) :]
    assert "secretory" in out and "colony secretary" in on


def test_a_piece_of_a_split_word_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PERIOD_MIN", "TOPIC_MIN", "RIGHT_MIN", "TRIGRAM_RIGHT_MIN"):
        monkeypatch.setattr(ocr_widectx, name, -99.0)
    text = "He is not cal ling on the Governor to resign."
    doc, cands, memo, groups, _span = _setup(text, "ling", [("ring", 1.5, False)])
    assert ocr_widectx.wide_accept(doc, cands, memo, groups) == 0
