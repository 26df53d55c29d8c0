"""Titles printed with a stray mark inside them (:mod:`repair.candidates.ocr_markabbrev`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_markabbrev
from repair.candidates.ocr_markabbrev import mark_abbrev_candidates
from repair.tokenize import tokenize

LIST = "Passengers: Mrs. Pillow, Mrs. Kelly, Mrs. Hort, Mrs. Jones, Mrs. Lane, "


def _readings(text: str) -> list[tuple[str, str]]:
    return [(c.features["printed"], c.replacement) for c in mark_abbrev_candidates(tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIST + "Mi's. Barnett, Miss Ross.", [("Mi's", "Mrs")]),
        (LIST + "Mi's.\nHort, Miss Ross.", [("Mi's", "Mrs")]),  # the name on the next line
    ],
)
def test_marked_title_before_a_name_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        LIST + "Mi's Barnett.",  # no stop of its own
        LIST + "Mi's. and so on.",  # no capitalised word after the stop
        LIST + "It was Smith's. Then he left.",  # a possessive is far from every title
        LIST + "O'Brien. Then",  # a name with its mark
        LIST + "'Mis. Barnett",  # a mark at the edge is no inner mark
    ],
)
def test_other_marked_words_stay(text: str) -> None:
    assert _readings(text) == []


def test_switch_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markabbrev, "MARK_ABBREV", False)
    assert _readings(LIST + "Mi's. Barnett") == []


def test_reading_keeps_its_evidence() -> None:
    (c,) = mark_abbrev_candidates(tokenize(LIST + "Mi's. Barnett"))
    assert c.source == "OCR_CONFUSION"
    assert c.features["finding"] == "abbrev"
    assert 0 < c.features["fixed"] < 1
    assert c.features["channel_cost"] <= 3.5
