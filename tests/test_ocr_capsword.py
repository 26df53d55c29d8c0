"""A short capitals word in running lower-case text of a heavy page (issue 12): read as
the lower-case word the sentence means; acronyms, known or repeated, stay."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_capsword
from repair.candidates.ocr_capsword import capsword_applies, capsword_readings
from repair.pipeline import repair_text

HEAVY = (
    "Tlie Mayor of Sydnoy said yestorday that tbe Council wonld moet on Mondav, and\n"
    "tlie potition of the rosidents was grantod, returnable in BIX months. Tho agent\n"
    "of tho FBI said tho DNA tests of the NASA men wero sent to tbe Govornment.\n"
)


def test_reads_the_case_folded_print_through_the_channel() -> None:
    assert capsword_readings("BIX")[:1] == [("six", pytest.approx(1.87, abs=0.2))]
    assert capsword_readings("TIIE")[:1][0][0] == "the"  # the print's capital rows


@pytest.mark.parametrize("word", ["FBI", "DNA", "NASA", "USD", "CPU", "IoT", "Bix", "BIXBYS"])
def test_known_acronyms_and_other_shapes_do_not_apply(word: str) -> None:
    assert not capsword_applies(word, 1)


def test_a_token_printed_often_does_not_apply() -> None:
    assert capsword_applies("BIX", 2) and not capsword_applies("BIX", 3)


def test_heavy_page_reads_the_word_and_keeps_acronyms() -> None:
    out = repair_text(HEAVY).text
    assert "in six months" in out
    for word in ("FBI", "DNA", "NASA"):
        assert word in out, word


def test_switch_off_leaves_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capsword, "CAPS_WORD", False)
    assert "BIX" in repair_text(HEAVY).text


def test_not_in_a_capitals_line_or_a_clean_page() -> None:
    clean = "The decree was granted, returnable in BIX months, the court said today."
    assert repair_text(clean).text == clean
    headline = HEAVY.replace("in BIX months", "in BIX MONTHS")
    assert "in six" not in repair_text(headline).text


def test_an_introduced_acronym_stays() -> None:
    text = HEAVY.replace("returnable in BIX", "the Bank Index (BIX) rose in BIX")
    assert "BIX) rose in BIX" in repair_text(text).text
