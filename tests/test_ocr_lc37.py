"""Session 37 (ocrlc37): evidence the trigram lacks for a garbled page's readings: the
page's own word pairs (on), book-register bigrams and both-sides agreement (off)."""

from __future__ import annotations

import pytest

from repair.candidates.ocr_rules import cand
from repair.score import ocr as score_ocr
from repair.score.ocr import Decision, DecisionMemo, _page_pairs, page_pair_counts
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page


def test_flags() -> None:
    assert score_ocr.PAGE_PAIRS is True
    assert score_ocr.PAGE_PAIRS_WEIGHT == 3.0
    assert score_ocr.PAGE_PAIRS_KNOWN is False
    assert score_ocr.BOOK_BIGRAMS is False
    assert score_ocr.BOTH_SIDES is False
    assert score_ocr.BOTH_SIDES_NONWORD is False


def test_page_pair_counts() -> None:
    got = page_pair_counts(["The", "decree", "nisi,", "was", "\u201cgranted\u201d", "12", "a"])
    assert got == {("the", "decree"): 1, ("decree", "nisi"): 1, ("nisi", "was"): 1,
                   ("was", "granted"): 1}  # fmt: skip


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [t for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]


def _setup(
    text: str,
    word: str,
    readings: list[tuple[str, float, bool]],
    known: bool = False,
    gain: float = 4.0,
) -> tuple:
    """The last ``word`` of ``text`` with ``readings`` (reading, margin, accepted)."""
    doc = _Doc(text)
    toks = doc.words
    i = max(k for k, t in enumerate(toks) if t.text == word)
    t = toks[i]
    prev = [x.text for x in toks[max(0, i - 2) : i]]
    nxt = [x.text for x in toks[i + 1 : i + 3]]
    memo = DecisionMemo()
    cands = []
    groups: dict = {}
    thr = 3.5 if known else 1.0
    for reading, margin, accepted in readings:
        c = cand(t.start, t.end, reading, "OCR_CONFUSION", finding="nonword", orig=[word],
                 alt=[reading], cost=1.0, orig_known=known)  # fmt: skip
        reason = "lm_gain" if accepted else "margin_below_threshold"
        d = Decision(accepted, reason, margin, 0.9 if accepted else 0.0, gain, 1.0, word, thr)
        memo.put(len(cands), (prev, nxt), d)
        cands.append(c)
        if accepted:
            groups.setdefault((t.start, t.end), []).append((margin, c, d.evidence))
    return doc, cands, memo, groups, (t.start, t.end)


def test_a_declined_reading_the_page_prints_beside_the_same_word() -> None:
    text = "his skill in the art. His skill ia the art"
    doc, cands, memo, groups, span = _setup(text, "ia", [("is", 2.0, True), ("in", 0.0, False)])
    _page_pairs(doc, cands, memo, groups)
    best = max(groups[span], key=lambda x: x[0])
    assert best[1].replacement == "in" and best[2]["page_pairs"] == round(3 * 1.0986, 2)


def test_a_known_print_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "as the ship. Two boats an the brig"
    rd = [("as", 2.0, False)]
    doc, cands, memo, groups, span = _setup(text, "an", rd, known=True)
    _page_pairs(doc, cands, memo, groups)
    assert groups == {}
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS_KNOWN", True)
    _page_pairs(doc, cands, memo, groups)
    assert groups[span][0][1].replacement == "as"


def test_book_bigrams_reorder_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS", False)
    text = "They came borne the house"
    rd = [("horne", 2.1, True), ("home", 2.0, True), ("from", 0.0, False)]
    doc, cands, memo, groups, span = _setup(text, "borne", rd)
    before = {k: list(v) for k, v in groups.items()}
    _page_pairs(doc, cands, memo, groups)
    assert groups == before
    monkeypatch.setattr(score_ocr, "BOOK_BIGRAMS", True)
    _page_pairs(doc, cands, memo, groups)
    assert [c.replacement for _m, c, _ev in groups[span]] == ["horne", "home"]  # no "from"
    assert all("book_bigrams" in ev for _m, _c, ev in groups[span])


def test_both_sides_lowers_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS", False)
    from repair.resources.lm import get_lm

    lm = get_lm()
    text = "He came tbe house was"
    ctx = ["He", "came"]
    gain = lm.sequence_logprob(("the", "house", "was"), ctx) - lm.sequence_logprob(
        ("tbe", "house", "was"), ctx
    )
    doc, cands, memo, groups, span = _setup(text, "tbe", [("the", 0.7, False)], gain=gain)
    _page_pairs(doc, cands, memo, groups)
    assert groups == {}
    monkeypatch.setattr(score_ocr, "BOTH_SIDES", True)
    _page_pairs(doc, cands, memo, groups)
    assert groups[span][0][1].replacement == "the" and "both_sides" in groups[span][0][2]


def test_end_to_end_the_pages_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "It was a matter of his skill in the art. His skill ia the art was known."
    assert "His skill in the art" in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(score_ocr, "PAGE_PAIRS", False)
    assert "His skill is the art" in repaired_after_page(text)[len(GARBLED) :]


def test_both_sides_spares_a_period_spelling(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.resources.lm import get_lm

    monkeypatch.setattr(score_ocr, "PAGE_PAIRS", False)
    monkeypatch.setattr(score_ocr, "BOTH_SIDES", True)
    lm = get_lm()
    text = "sent him to the warres of the holy land"
    ctx = ["to", "the"]
    gain = lm.sequence_logprob(("wages", "of", "the"), ctx) - lm.sequence_logprob(
        ("warres", "of", "the"), ctx
    )
    rd = [("wages", 0.7, False)]
    doc, cands, memo, groups, span = _setup(text, "warres", rd, gain=gain)
    _page_pairs(doc, cands, memo, groups)
    assert "both_sides" in groups[span][0][2]
    groups.clear()
    monkeypatch.setattr(score_ocr, "BOTH_SIDES_NONWORD", True)
    _page_pairs(doc, cands, memo, groups)
    assert groups == {}
