"""Document consistency of the OCR channel: a page's own confusion habits (issue 12)."""

from __future__ import annotations

import pytest

import repair.score.ocr as ocr_score
from repair.candidates import ocr_pagehabit
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score.ocr_docchannel import adapt, document_substitutions
from repair.types import Candidate

OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)
# a page whose OCR reads "e" as "o" again and again
HABIT = (
    "Tho mombers of tho council woro prosont at thoir mooting on Monday, whon tho mayor "
    "spoke of tho now bridgo. Tho aldormen said that tho work was woll advancod and that "
    "tho contractor would soon bo paid. "
)


def _cand(subs: list[list[str]], cost: float = 3.0, **extra: object) -> Candidate:
    return Candidate(0, 3, "x", "ocr", "OCR_CONFUSION", {"subs": subs, "cost": cost, **extra})


def test_substitutions_of_the_winning_readings_are_counted() -> None:
    groups = {
        (0, 3): [(2.0, _cand([["o", "e"]]), {}), (1.0, _cand([["c", "e"]]), {})],
        (5, 8): [(1.5, _cand([["o", "e"], ["rn", "m"]]), {})],
        (9, 12): [(-100.0, _cand([["o", "e"]], fixed=0.8), {})],  # fixed: not counted
    }
    counts = document_substitutions(groups)
    assert counts == {("o", "e"): 2, ("rn", "m"): 1}


def test_habitual_substitutions_cost_less() -> None:
    cands = [_cand([["o", "e"]]), _cand([["c", "e"]]), _cand([["o", "e"], ["o", "e"]])]
    out, changed = adapt(cands, {("o", "e"): 5}, words=100)
    assert changed == {0, 2}
    assert [c.features["cost"] for c in out] == [2.0, 3.0, 1.0]
    # a long text needs the habit in proportion to its length
    _out, changed = adapt(cands, {("o", "e"): 5}, words=100_000)
    assert changed == set()


def test_a_page_habit_decides_a_borderline_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "The constable convoyed him to the lockup."
    assert "constable conveyed him" in repair_text(HABIT + sentence, config=OCR_ONLY).text
    monkeypatch.setattr(ocr_score, "DOC_CHANNEL", False)
    # the page habits of the candidates read it too ("o" for "e" reads many non-words)
    assert "constable conveyed him" in repair_text(HABIT + sentence, config=OCR_ONLY).text
    monkeypatch.setattr(ocr_pagehabit, "PAGE_HABITS", False)
    assert "constable convoyed him" in repair_text(HABIT + sentence, config=OCR_ONLY).text


def test_clean_text_is_untouched() -> None:
    text = "The constable conveyed him to the lockup, and the convoyed ships sailed at dawn."
    assert repair_text(text, config=OCR_ONLY).text == text


def test_habits_carry_the_adapted_cost() -> None:
    from repair.score.ocr_channel import confusions
    from repair.score.ocr_docchannel import BONUS, habits

    hab = habits({("o", "e"): 6, ("c", "e"): 1}, words=100)
    base = dict(confusions()["o"])["e"]
    assert hab == {("o", "e"): max(0.0, base - BONUS)}


def test_habit_search_reads_a_word_no_candidate_reached() -> None:
    from repair.score.ocr_docchannel import habit_candidates
    from repair.tokenize import tokenize

    words = [t for t in tokenize("at Sydnoy and at sonne") if t.kind == "word"]
    got = habit_candidates(words, set(), {("o", "e"): 0.5})
    # "sonne" is a period spelling: left alone
    assert [(c.features["orig"], c.replacement) for c in got] == [(["Sydnoy"], "Sydney")]
    assert habit_candidates(words, {(words[1].start, words[1].end)}, {("o", "e"): 0.5}) == []
    assert habit_candidates(words, set(), {}) == []


def test_habit_search_on_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "We shall doal with it."
    assert "We shall deal with it." in repair_text(HABIT + sentence, config=OCR_ONLY).text
    monkeypatch.setattr(ocr_score, "HABIT_SEARCH", False)
    assert "We shall doal with it." in repair_text(HABIT + sentence, config=OCR_ONLY).text


def test_expected_counts_weigh_each_reading_by_its_posterior() -> None:
    import math

    from repair.score.ocr_docchannel import expected_substitutions

    groups = {
        # a sure reading (margin 5 over its threshold) and a weak rival
        (0, 3): [
            (6.0, _cand([["o", "e"]]), {"threshold": 1.0}),
            (1.0, _cand([["c", "e"]]), {"threshold": 1.0}),
        ],
        (9, 12): [(9.0, _cand([["o", "e"]], fixed=0.8), {"threshold": 1.0})],  # fixed
    }
    got = expected_substitutions(groups)
    z = 1.0 + math.exp(5.0) + math.exp(0.0)
    assert got[("o", "e")] == pytest.approx(math.exp(5.0) / z)
    assert got[("c", "e")] == pytest.approx(1.0 / z)


def test_the_reestimate_shrinks_the_page_towards_the_table() -> None:
    from repair.score import ocr_docchannel as dc
    from repair.score.ocr_channel import confusions

    base = dict(confusions()["o"])["e"]
    text = "e" * 200
    few = dc.reestimate({("o", "e"): 3.0}, text)
    many = dc.reestimate({("o", "e"): 30.0}, text)
    # more uses on the same page: a cheaper confusion, never dearer than the table
    assert many[("o", "e")] < few.get(("o", "e"), 0.0) <= 0.0
    # a page rate at the table's own rate moves nothing
    p = __import__("math").exp(-(base + dc.OFFSET))
    n = p * 10_000
    assert dc.reestimate({("o", "e"): n}, "e" * 10_000).get(("o", "e"), 0.0) == pytest.approx(
        0.0, abs=1e-6
    )
    # too few expected uses, or a pair the table lacks: no change
    assert dc.reestimate({("o", "e"): 1.0}, text) == {}
    assert dc.reestimate({("\u2603", "e"): 30.0}, text) == {}


def test_adapt_em_caps_the_shift_of_a_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score import ocr_docchannel
    from repair.score.ocr_docchannel import adapt_em

    monkeypatch.setattr(ocr_docchannel, "EM_MAX_SHIFT", 2.0)
    cands = [_cand([["o", "e"], ["o", "e"]]), _cand([["c", "e"]]), _cand([["o", "e"]])]
    out, changed = adapt_em(cands, {("o", "e"): -1.5})
    assert changed == {0, 2}
    assert [c.features["cost"] for c in out] == [1.0, 3.0, 1.5]
