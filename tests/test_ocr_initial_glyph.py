"""Misread initials and titles in name lists (repair.candidates.ocr_initial_glyph)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr as ocr
from repair.candidates.ocr_initial_glyph import (
    initial_glyph_candidates,
    initial_reading,
    title_glyph_candidates,
)
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import repaired_after_page


def _initials(text: str) -> list[tuple[str, str]]:
    return [
        (c.features["printed"], c.replacement) for c in initial_glyph_candidates(tokenize(text))
    ]


def _titles(text: str) -> list[tuple[str, str]]:
    return [(c.features["printed"], c.replacement) for c in title_glyph_candidates(tokenize(text))]


def test_learned_table_reads_the_initial() -> None:
    assert initial_reading("II") is not None and initial_reading("II")[0] == "H"
    assert initial_reading("It") is not None and initial_reading("It")[0] == "R"
    assert initial_reading("1") is None  # "I" is never proposed


def test_initial_needs_both_sides() -> None:
    assert _initials("Mrs. II. Wallace and F. It. Spark") == [("II", "H"), ("It", "R")]
    assert _initials("Charles II. was king") == []  # no initial or title before
    assert _initials("W. It. was late") == []  # no name after
    assert _initials("F. It Spark") == []  # no stop of its own
    assert _initials("Mr r. A Wilson") == []  # a lower-case letter after a title


def test_title_before_a_name() -> None:
    assert _titles("so. Mi J E Wilson spoke") == [("Mi", "Mr")]
    assert _titles("by MeBsrs. Addison and Buchanan") == [("MeBsrs", "Messrs")]
    assert _titles("Pte Arthur Rov Jones") == []  # a middle name
    assert _titles("the Mi was sung") == []  # no name after
    assert _titles("Legal Aid Commission") == []  # a common word needs an initial


def test_in_a_heavy_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mr. Collins, instructed by Mr. W. II. Drew, appeared for Mi J. E. Wilson."
    want = text.replace("II.", "H.").replace("Mi J", "Mr J")
    assert repaired_after_page(text).endswith(want)
    monkeypatch.setattr(ocr, "INITIAL_GLYPHS", False)
    monkeypatch.setattr(ocr, "TITLE_GLYPHS", False)
    assert "II." in repaired_after_page(text)


def test_clean_text_keeps_its_names() -> None:
    text = "Charles II. married; Mr. W. II. Drew was absent and Mi J E Wilson sang."
    assert repair_text(text, config=RepairConfig()).text == text
