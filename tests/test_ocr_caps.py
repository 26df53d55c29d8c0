"""All-capitals words read with capital glyph confusions (data-driven cases with negatives)."""

import pytest

from repair.candidates.ocr_caps import capital_table, caps_readings
from tests.ocr_page import GARBLED, load_cases, repaired_after_page

CASES = load_cases("ocr_caps")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_caps_cases(case: dict[str, str]) -> None:
    out = repaired_after_page(case["text"])
    assert out.endswith(case["expect"]), out[len(GARBLED) :]


def test_capital_table_reads_learned_rows_both_ways() -> None:
    learned = dict(capital_table()["E"])["K"]  # learned: "E" printed where the page had "K"
    backwards = dict(capital_table()["K"])["E"]  # so "K" may be printed for "E", dearer
    assert backwards > learned


def test_a_known_word_in_capitals_has_no_reading_of_itself() -> None:
    assert "HERALD" not in caps_readings("HERALD")
