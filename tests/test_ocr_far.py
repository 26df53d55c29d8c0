"""Far readings of heavily garbled non-words (issue 12, ocrreach): retrieval by edit
distance, pricing by the learned channel (:mod:`repair.candidates.ocr_far`,
:mod:`repair.score.ocr_price`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr as ocr_candidates
from repair.candidates import ocr_context
from repair.candidates.ocr_far import bound, far_applies, far_readings
from repair.pipeline import repair_text
from repair.score.ocr_price import GENERIC_SUB, channel_cost
from tests.test_ocr_wide import NEWSPAPER

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")


def test_learned_confusions_are_cheaper_than_generic_edits() -> None:
    assert channel_cost("the", "the") == 0.0
    assert channel_cost("tbe", "the") < GENERIC_SUB  # b -> h is a learned confusion
    assert channel_cost("cornmon", "common") < 2 * GENERIC_SUB  # rn -> m, one row
    assert channel_cost("Ijondon", "london") < channel_cost("Ijondon", "condor")


def test_far_readings_reach_words_the_confusion_search_does_not() -> None:
    assert "continued" in [c.text for c in far_readings("conllnuid")]
    assert "yesterday" in [c.text for c in far_readings("ycsteidas")]
    assert all(c.cost <= bound("ycsteidas") for c in far_readings("ycsteidas"))


@pytest.mark.parametrize("token", ["abc", "x" * 25, "t3st", "Jinping", "IOWA", "McLeod"])
def test_no_far_readings_for_short_capitalised_or_mixed_tokens(token: str) -> None:
    assert not far_applies(token, {}, False)


def test_far_readings_only_for_a_lone_unknown_lower_case_token() -> None:
    assert far_applies("conllnuid", {}, False)
    assert not far_applies("conllnuid", {"conllnuid": 2}, False)  # the page repeats it
    assert not far_applies("conllnuid", {}, True)  # a period word
    assert not far_applies("conllnuid", {"Conllnuid": 1}, False)  # printed as a name
    assert not far_applies("expecteda", {}, False)  # merged words: "expected a"
    assert not far_applies("continued", {}, False)  # a word


def test_heavy_page_reads_a_far_word_and_keeps_real_forms() -> None:
    text = NEWSPAPER.replace("the medita-", "the meeting was conllnuid till the medita-")
    res = repair_text(text)
    changed = {(e.original, e.replacement) for e in res.edits}
    assert ("conllnuid", "continued") in changed
    for form in ("IoT", "iPhone", "pH", "mRNA", "Kholer said Kholer"):
        assert form in res.text


def test_far_readings_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.score import ocr_deep, ocr_sole
    from repair.score.ocr_search import wide_candidates

    monkeypatch.setattr(ocr_candidates, "FAR", False)
    monkeypatch.setattr(ocr_deep, "DEEP", False)  # the deep search reads it too (10.1 nats)
    monkeypatch.setattr(ocr_context, "CONTEXT", False)  # and the context ("was ___ till")
    monkeypatch.setattr(ocr_sole, "SOLE", False)  # and the sole near reading (session 41)
    wide_candidates.cache_clear()
    text = NEWSPAPER.replace("the medita-", "the meeting was conllnuid till the medita-")
    try:
        assert "conllnuid" in repair_text(text).text
    finally:
        wide_candidates.cache_clear()


def test_clean_text_with_a_rare_unknown_word_is_unchanged() -> None:
    text = "The committee met on Tuesday and discussed the zarbonite deposits near the river.\n"
    assert repair_text(text).text == text


def test_heavy_page_joins_a_garbled_split_word_by_far_reading() -> None:
    text = NEWSPAPER.replace(
        "the medita-", "the dispute was dctci mined by tho lato judge at the medita-"
    )
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("dctci mined", "determined") in changed
    # two garbled words of their own are not joined ("tho lato" is not "tomato")
    assert not any("lato" in original and " " in original for original, _ in changed)
    assert ("lato", "late") in changed


def test_far_joins_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_garbled_join, ocr_heavyjoin

    monkeypatch.setattr(ocr_garbled_join, "FAR", False)
    # since session 61 the heavy page's same-line reading joins it too (ocrsplit)
    monkeypatch.setattr(ocr_heavyjoin, "SAME_LINE_PRIOR", False)
    text = NEWSPAPER.replace("the medita-", "the dispute was dctci mined by the medita-")
    assert "determined" not in repair_text(text).text


def test_a_piece_that_reads_as_a_common_word_is_a_word_of_its_own() -> None:
    from repair.candidates.ocr_garbled_join import _word_alone

    assert _word_alone("tho") and _word_alone("the") and _word_alone("wo")
    assert not _word_alone("dctci") and not _word_alone("onient")


def test_a_lower_case_word_with_capitals_inside_is_searched_when_flagged() -> None:
    assert far_applies("strvOt", {}, False, inner=True)
    assert not far_applies("strvOt", {}, False)  # not an inner_capital finding
    assert not far_applies("eBay", {}, False, inner=True)  # short: a brand, not garble
    assert not far_applies("McLeod", {}, False, inner=True)  # capitalised: a name
    text = NEWSPAPER.replace("the medita-", "the sale in the strvOt and on eBay at the medita-")
    res = repair_text(text)
    assert ("strvOt", "street") in {(e.original, e.replacement) for e in res.edits}
    assert "eBay" in res.text
