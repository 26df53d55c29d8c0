"""Session 36 (ocrrank36): the LM gain discounted where the context is garbled, and the
page's agreement among a span's readings (off)."""

from __future__ import annotations

import pytest

from repair.candidates.ocr_rules import cand
from repair.score import ocr as score_ocr
from repair.score.ocr import _Context, _garbled_context, _page_agree, context_unknown
from repair.tokenize import tokenize
from tests.ocr_page import GARBLED, repaired_after_page


def test_flags() -> None:
    assert score_ocr.GARBLED_CONTEXT is True
    assert score_ocr.GARBLED_CONTEXT_SHARE == 0.25
    assert score_ocr.PAGE_AGREE is False


def test_context_unknown_counts_the_four_places() -> None:
    assert context_unknown(["of", "the"], ["was", "held"]) == 0.0
    assert context_unknown(["Thos"], ["M'Donald", "Tiwi"]) == 0.75
    assert context_unknown(["Robert", "Burnett"], ["Ilarry", "Bush"]) == 0.25
    assert context_unknown([], [",", "the"]) == 0.0  # a page edge, a mark: known
    assert context_unknown(["of", "China\u2019s"], ["never", "striking"]) == 0.0


def _groups(text: str, word: str, *readings: tuple[str, float, float]) -> tuple:
    toks = tokenize(text)
    t = next(t for t in toks if t.text == word)
    items = []
    for reading, margin, gain in readings:
        c = cand(t.start, t.end, reading, "OCR_CONFUSION", finding="nonword", orig=[word],
                 alt=[reading], cost=1.0)  # fmt: skip
        ev = {"lm_logprob_gain": gain, "threshold": 1.0, "margin": margin}
        items.append((margin, c, ev))
    return _Context(toks), {(t.start, t.end): items}


def test_a_reading_carried_by_a_garbled_context_is_dropped() -> None:
    ctx, groups = _groups("Ptes Thos Hy M'Donald Tiwi went.", "Hy", ("fly", 1.5, 5.3))
    _garbled_context(groups, ctx)  # 1.5 - 0.25 * 5.3 * 0.75 < 1.0
    assert groups == {}
    # the same margin in a context the model knows stays
    ctx, groups = _groups("It was the Hy of the day.", "Hy", ("fly", 1.5, 5.3))
    before = {k: list(v) for k, v in groups.items()}
    _garbled_context(groups, ctx)
    assert groups == before


def test_readings_reordered_by_the_gain_they_lose() -> None:
    ctx, groups = _groups(
        "Mr Qzxv llevan Wkrp said.", "llevan", ("eleven", 9.0, 12.0), ("Bevan", 8.0, 2.0)
    )
    _garbled_context(groups, ctx)
    (span,) = groups
    best = max(groups[span], key=lambda x: x[0])
    assert best[1].replacement == "Bevan"
    assert all("garbled_context" in ev for _m, _c, ev in groups[span])


def test_end_to_end_a_name_in_a_list_of_names(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hhj Hermann llevan, lames Hill, Alfred Bishop went there."
    assert "Hermann Bevan," in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(score_ocr, "GARBLED_CONTEXT", False)
    assert "Hermann eleven," in repaired_after_page(text)[len(GARBLED) :]


def test_page_agree_prefers_the_pages_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score.ocr import Decision, DecisionMemo

    text = "He said bo it. We bo there."
    toks = tokenize(text)
    spans = [(t.start, t.end) for t in toks if t.text == "bo"]
    cands = []
    memo = DecisionMemo()
    groups: dict = {}
    for i, (s, e) in enumerate(spans):
        for reading, margin in (("be", 3.0 if i == 0 else 2.0), ("he", 2.5)):
            c = cand(s, e, reading, "OCR_CONFUSION", finding="nonword", orig=["bo"],
                     alt=[reading], cost=1.0)  # fmt: skip
            d = Decision(True, "lm_gain", margin, 0.9, 4.0, 1.0, "bo", 1.0)
            memo.put(len(cands), ([], []), d)
            cands.append(c)
            groups.setdefault((s, e), []).append((margin, c, {"threshold": 1.0}))
    # the second span alone would read "he"; the first reads "be" and votes for it
    _page_agree(cands, memo, groups)
    best = max(groups[spans[1]], key=lambda x: x[0])
    assert best[1].replacement == "be" and "page_agree" in best[2]
