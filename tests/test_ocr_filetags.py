"""File names and markup marks are technical text no OCR prints (session 49, issue 12).

On an opened bug-report page the stray-mark reader read them as specks:
``"nsIPK11Token.h"`` -> ``"nsIPK11Token.he``, ``<!DOCTYPE`` -> ``<DOCTYPE``.
"""

from __future__ import annotations

import pytest

import repair.detect.ocr as ocr
from repair import RepairConfig, repair_text

PAGE = """Crash when opening "nsIPK11Token.h" from the source view
Firefox unpacked the .gz file without asking me
Page with <!DOCTYPE html> renders in quirks mode
The "Options -> Advanced" tree opens only once
screenx parameters in localstore.rdf are ignored
tbe kingwas very glad hereof,and shaU appoint tlie men wbo bave come to tbe town.
"""
CHUNKS = ('"nsIPK11Token.h"', ".gz", "<!DOCTYPE", "->", "localstore.rdf")


def test_file_names_and_tags_are_strong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", True)
    for chunk in CHUNKS + ("allmakefiles.sh", 'Help->"About', "</a>"):
        assert ocr.technical_chunk(chunk) == 2, chunk
    # OCR's own shapes: a one-letter "extension" after a word, a name, arrows in words
    for garble in ("animalcul.c", "States.sh", "co->ts,", "P->", "tbe.man", "So-and.so"):
        assert ocr.technical_chunk(garble) < 2, garble


def test_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", False)
    assert ocr.technical_chunk('"nsIPK11Token.h"') == 0
    assert ocr.technical_chunk("->") == 0


@pytest.mark.parametrize("on", [True, False])
def test_kept_whole_on_a_garbled_page(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", on)
    config = RepairConfig(mojibake=True, ocr=True, tortured=False, spin=False, collocation=False)
    result = repair_text(PAGE, config=config)
    assert "the" in result.text.split()  # the garble is read: the gate is open
    kept = [c for c in CHUNKS if c in result.text]
    assert (kept == list(CHUNKS)) == on, kept
