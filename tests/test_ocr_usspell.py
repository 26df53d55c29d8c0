"""American spellings as OCR correction targets (issue 12, session 23)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_variety
from repair.resources.frequency import zipf
from repair.score import ocr_channel, ocr_usspell
from repair.score.ocr_channel import is_known, is_target
from repair.score.ocr_usspell import american_spellings
from tests.ocr_page import GARBLED, repaired_after_page


def test_american_spellings_are_derived_by_rule_and_listed_by_wordfreq() -> None:
    vocab = {"labour": 9, "theatre": 5, "travelled": 4, "analyse": 3, "pour": 7, "hours": 8}
    assert american_spellings(vocab, zipf, 2.0) == {
        "labor": 9,
        "theater": 5,
        "traveled": 4,
        "analyze": 3,
    }


def test_a_spelling_the_dictionary_holds_or_wordfreq_lacks_is_not_added() -> None:
    assert american_spellings({"colour": 5, "color": 9}, zipf, 2.0) == {}
    assert american_spellings({"humour": 5}, lambda w: 1.0, 2.0) == {}  # not listed


def test_the_american_spellings_are_targets() -> None:
    for word in ("labor", "neighbors", "theater", "traveled", "analyzed", "harbor"):
        assert is_target(word), word
    assert is_target("labour") and is_target("theatre")  # the British ones stay


def test_the_switch_off_reads_the_dictionary_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_usspell, "US_SPELLINGS", False)
    plain = ocr_channel._read_vocabulary()
    assert "labor" not in plain and "labour" in plain
    assert is_known("labor")  # known all along: nothing is flagged anew


def test_a_us_page_gets_american_readings_and_a_british_page_british_ones() -> None:
    us = "The lahor unions and their neighhors went to the theatcr on Main Street."
    gb = "The lahour unions and their neighhours went to the theatrc in George Street."
    out = repaired_after_page(us)[len(GARBLED) :]
    assert out == "The labor unions and their neighbors went to the theater on Main Street.", out
    out = repaired_after_page(gb)[len(GARBLED) :]
    assert out == "The labour unions and their neighbours went to the theatre in George Street."


def test_clean_text_is_left() -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    text = "The labour party and the labor unions met at the theatre, then the theater."
    assert repair_text(text, config=RepairConfig(spin=False, tortured=False)).text == text


GB_PAGE = "The colour of the hall and the honour of the lahor party were the favour of the day."


def test_a_page_that_keeps_british_spellings_reads_no_added_american_one() -> None:
    out = repaired_after_page(GB_PAGE)[len(GARBLED) :]
    assert "labor" not in out, out
    us_page = (
        GB_PAGE.replace("colour", "color").replace("honour", "honor").replace("favour", "favor")
    )
    assert "the labor party" in repaired_after_page(us_page)[len(GARBLED) :]


def test_the_page_guard_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_usspell, "PAGE_GUARD", False)
    monkeypatch.setattr(ocr_variety, "VARIETY_MOVE", False)  # it would move "labor" too
    assert "the labor party" in repaired_after_page(GB_PAGE)[len(GARBLED) :]


def test_the_page_count_of_spellings() -> None:
    assert ocr_usspell.page_keeps_british("the colour and centre of labour".split())
    assert not ocr_usspell.page_keeps_british("the color of labour and the center".split())
    assert not ocr_usspell.page_keeps_british("no pair at all".split())


def test_the_titles_ship_off_and_are_added_when_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # off: "intoMr" read "in to Mr" on the 1 M-word speed text (session 23 lead)
    assert ocr_usspell.TITLES_ON is False
    assert not is_target("mr") and not is_target("messrs")
    vocab = {"mrs": 7, "labour": 9}
    assert "mr" not in american_spellings(vocab, zipf, 2.0)
    monkeypatch.setattr(ocr_usspell, "TITLES_ON", True)
    added = american_spellings(vocab, zipf, 2.0)
    assert added["mr"] == added["messrs"] == added["dr"] == 7
