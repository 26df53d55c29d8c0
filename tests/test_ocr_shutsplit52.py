"""A shut page's capitalised merge in a name's place is a name (issue 12, session 52,
ocrprec): ``repair.candidates.ocr_shutsplit.NAME_GUARD``.  The flag tests fail with it off."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.candidates import ocr_shutsplit, ocr_surname
from repair.config import RepairConfig

CONFIG = RepairConfig(mojibake=True, ocr=True, tortured=False, spin=False, collocation=False)

#: A surname after a title or a given name, mid-sentence: no "For an".
NAMES = [
    "The letter was signed by Mr Foran and his wife, who have lived in the town for an age.\n",
    "Our neighbour Sean Foran said it was time for an answer from the council.\n",
]
#: A merge that opens a sentence is still split.
MERGES = [
    ("The three of them went home. Ofthe three, an aunt stayed.\n", "Of the three"),
    ("Ofthe three of them, an aunt went home.\n", "Of the three"),
]


@pytest.mark.parametrize("text", NAMES)
def test_name_kept(text: str) -> None:
    assert repair_text(text, config=CONFIG).text == text


@pytest.mark.parametrize("text", NAMES)
def test_name_split_without_guard(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(ocr_shutsplit, "NAME_GUARD", False)
    # the listed surname after a title is kept by the surname guard too (session 58)
    monkeypatch.setattr(ocr_surname, "SURNAME_KEEP", False)
    assert "For an" in repair_text(text, config=CONFIG).text


@pytest.mark.parametrize("text, split", MERGES)
def test_sentence_opening_merge_split(text: str, split: str) -> None:
    assert split in repair_text(text, config=CONFIG).text
