"""All-capitals words read with capital glyph confusions (data-driven cases with negatives)."""

import json
from pathlib import Path

import pytest

from repair.candidates.ocr_caps import capital_table, caps_readings
from repair.config import RepairConfig
from repair.pipeline import repair_text

CASES = json.loads((Path(__file__).parent / "cases" / "ocr_caps.json").read_text())["cases"]
GARBLED = (
    "Tbe meeting of tbe council was bold yesterday, wben tbe Mayor presided. Tbe\n"
    "sbare of tbe cost was voted, aud tbe matter was tben referred to tbe\n"
    "committee, wbich will report. "
)
OCR_ONLY = RepairConfig(spin=False, tortured=False, mojibake=False)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_caps_cases(case: dict[str, str]) -> None:
    out = repair_text(GARBLED + case["text"], config=OCR_ONLY).text
    assert out.endswith(case["expect"]), out[len(GARBLED) :]


def test_capital_table_reads_learned_rows_both_ways() -> None:
    learned = dict(capital_table()["E"])["K"]  # learned: "E" printed where the page had "K"
    backwards = dict(capital_table()["K"])["E"]  # so "K" may be printed for "E", dearer
    assert backwards > learned


def test_a_known_word_in_capitals_has_no_reading_of_itself() -> None:
    assert "HERALD" not in caps_readings("HERALD")
