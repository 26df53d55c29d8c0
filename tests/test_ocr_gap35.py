"""Session 35 (ocrgap35, issue 12): the slot reader judges a short real word between its
neighbours' first readings (:data:`repair.candidates.ocr_slot.REVISED_CONTEXT`), and a
garbled page's readings the trigram does not know are ranked by their period frequency
(:data:`repair.score.ocr.OOV_BACKOFF`); the SMH account groups gap tokens by cause."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_slot
from repair.candidates.ocr_context import neighbours, words_after
from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_slot import _context, first_readings, slot_candidates
from repair.score import ocr as score_ocr
from repair.score.ocr import _oov_backoff, oov_bonus
from repair.tokenize import tokenize
from tests.ocr_page import (
    GARBLED,
    clear_table_caches,
    repaired_after_page,
    without_backoff_rows,
)

SENTENCE = "He was appointed second licutouaiit ni the Liverpool regiment."


def _have(text: str, word: str, reading: str, cost: float = 1.0) -> list:
    toks = tokenize(text)
    t = next(t for t in toks if t.text == word)
    return [
        cand(t.start, t.end, reading, "OCR_CONFUSION", finding="nonword", orig=[word],
             alt=[reading], cost=cost)
    ]  # fmt: skip


def test_on_by_default() -> None:
    assert ocr_slot.REVISED_CONTEXT is True
    assert score_ocr.OOV_BACKOFF is True


def test_first_readings_take_the_cheapest_known_reading_of_a_non_word() -> None:
    toks = tokenize(SENTENCE)
    have = _have(SENTENCE, "licutouaiit", "lieutenant") + _have(
        SENTENCE, "licutouaiit", "lieutenants", cost=3.0
    )
    start = next(t.start for t in toks if t.text == "licutouaiit")
    assert first_readings(toks, have) == {start: "lieutenant"}
    # a known word is never read here, nor a reading above FIRST_COST
    assert first_readings(toks, _have(SENTENCE, "second", "secured")) == {}
    assert first_readings(toks, _have(SENTENCE, "licutouaiit", "lieutenant", 9.0)) == {}


def test_context_without_readings_is_the_printed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # the places that read across a comma (sessions 63-64) read more than the printed
    # neighbours: off here, the printed context of a word between words
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", False)
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", False)
    text = "bulk of tin new crop, and then, more\n\nwords ni the end"
    toks = tokenize(text)
    for i, t in enumerate(toks):
        if t.kind == "word":
            assert _context(toks, i, {}) == (neighbours(toks, i)[0], words_after(toks, i, 2))


def test_the_slot_reads_between_first_readings() -> None:
    toks = tokenize(SENTENCE)
    have = _have(SENTENCE, "licutouaiit", "lieutenant")
    got = {c.features["orig"][0]: c.replacement for c in slot_candidates(toks, have)}
    assert got == {"ni": "in"}


def test_without_revised_context_it_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "REVISED_CONTEXT", False)
    toks = tokenize(SENTENCE)
    assert slot_candidates(toks, _have(SENTENCE, "licutouaiit", "lieutenant")) == []


def test_oov_bonus() -> None:
    assert oov_bonus("offences") > 3.0  # a British spelling the trigram lacks
    assert oov_bonus("the") == 0.0  # known to the trigram
    assert oov_bonus("np") == 0.0  # not counted by the period table
    assert oov_bonus("two words") == 0.0


def test_oov_backoff_reorders_accepted_readings() -> None:
    a = cand(0, 8, "silences", "OCR_CONFUSION", finding="nonword", orig=["oileuces"],
             alt=["silences"], cost=3.3)  # fmt: skip
    b = cand(0, 8, "offences", "OCR_CONFUSION", finding="nonword", orig=["oileuces"],
             alt=["offences"], cost=4.6)  # fmt: skip
    groups = {(0, 8): [(-3.2, a, {}), (-4.6, b, {})]}
    _oov_backoff(groups)
    best = max(groups[(0, 8)], key=lambda x: x[0])
    assert best[1] is b and "oov_bonus" in best[2]
    one = {(0, 8): [(-4.6, b, {})]}  # a lone reading: nothing to rank
    _oov_backoff(one)
    assert one[(0, 8)][0][0] == -4.6


def test_end_to_end_offences(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_context

    # the context reading of a reached non-word proposes "offenses" here: the ranking alone
    monkeypatch.setattr(ocr_context, "OVER_READINGS", False)
    text = "A number of minor oileuces were dealt with at the court."
    assert "minor offences were" in repaired_after_page(text)[len(GARBLED) :]
    monkeypatch.setattr(score_ocr, "OOV_BACKOFF", False)
    # the British-spelling back-off (session 57) also rescues "offences": both off
    from repair.score import ocr_variantlm

    monkeypatch.setattr(ocr_variantlm, "VARIANT_BACKOFF", False)
    assert "minor offences were" not in repaired_after_page(text)[len(GARBLED) :]


def test_clean_text_untouched() -> None:
    from repair.pipeline import repair_text

    text = "The minor offences were dealt with by the second lieutenant in the regiment."
    assert repair_text(text).text == text


def test_account_causes() -> None:
    from benchmarks.smh_gap_account import cause_of

    assert cause_of("no candidate", "for", "foi", False) == ("lowercase non-word", "no candidate")
    assert cause_of("declined OCR_REALWORD near", "due", "duo", False) == (
        "lowercase real word (context)",
        "candidate present, declined",
    )
    assert cause_of("no candidate", "May", "Moy", False)[0] == "capitalised word / case"
    assert cause_of("punct", ",", ".", False) == ("punctuation / marks", "")
    assert cause_of("broke realword-d1", "land", "land", False) == (
        "a right raw token broken",
        "realword-d1",
    )


def test_context_reads_a_reached_non_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_context

    assert ocr_context.OVER_READINGS is False  # off for speed since the session-35 merge
    text = "The following resolution was passed at a nccting of the Aldermen for the City."
    without_backoff_rows(monkeypatch)  # session 47's two-fold rows reach "meeting" alone
    try:
        assert "passed at a meeting of the" not in repaired_after_page(text)[len(GARBLED) :]
        monkeypatch.setattr(ocr_context, "OVER_READINGS", True)
        assert "passed at a meeting of the" in repaired_after_page(text)[len(GARBLED) :]
    finally:
        monkeypatch.undo()
        clear_table_caches()


def test_context_over_readings_skips_a_word_already_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.candidates import ocr_context
    from repair.candidates.ocr_context import context_candidates

    monkeypatch.setattr(ocr_context, "OVER_READINGS", True)
    from repair.tokenize import tokenize as tok

    text = "passed at a nccting of the Aldermen"
    toks = tok(text)
    i = next(k for k, t in enumerate(toks) if t.text == "nccting")
    span = (toks[i].start, toks[i].end)
    args = (toks, [i], {}, frozenset([span]), lambda w: False, {})
    got = context_candidates(*args, {span: {"fleeting": 5.0}})
    assert [c.replacement for c in got] == ["meeting"]
    assert context_candidates(*args, {span: {"meeting": 5.0}}) == []
    assert context_candidates(*args) == []  # no readings given: a reached span is left


BAN = "However, the new rules apparently do not ban outriglit the transfer of specific items."


def test_a_shorter_reading_needs_the_printed_context_too(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize(BAN)
    have = _have(BAN, "outriglit", "outright")
    assert slot_candidates(toks, have) == []
    monkeypatch.setattr(ocr_slot, "SHORTER_PRINTED", False)
    monkeypatch.setattr(ocr_slot, "SHORTER_ZIPF", 5.0)  # 4.5 since session 36 keeps "ban" too
    got = {c.features["orig"][0]: c.replacement for c in slot_candidates(toks, have)}
    assert got == {"ban": "an"}


def test_context_over_readings_needs_a_dear_reading_and_another_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.candidates import ocr_context
    from repair.candidates.ocr_context import _variant, context_candidates
    from repair.tokenize import tokenize as tok

    monkeypatch.setattr(ocr_context, "OVER_READINGS", True)
    assert ocr_context.OVER_MIN_COST == 3.5
    assert _variant("criticized", "criticised") and not _variant("meeting", "fleeting")
    text = "passed at a nccting of the Aldermen"
    toks = tok(text)
    i = next(k for k, t in enumerate(toks) if t.text == "nccting")
    span = (toks[i].start, toks[i].end)
    args = (toks, [i], {}, frozenset([span]), lambda w: False, {})
    assert context_candidates(*args, {span: {"fleeting": 1.0}}) == []  # a cheap reading
    assert context_candidates(*args, {span: {"meetings": 5.0}}) == []  # a variant
