"""Mixed-case tokens of heavily garbled pages: OCR's capitals read, real forms kept."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_mixed as mixed
from repair.candidates.ocr_mixed import mixed_applies, mixed_readings
from repair.pipeline import repair_text

PAGE = (
    "Judicial separation from Hubert Willinm RobinBon, on tho ground of alleged\n"
    "cruelty.  Tho potition was hoard by tho Court yestorday, whon tho husband\n"
    "and Mr. Donald McDonald, of tho Omnibus Company, wero callod as witnessos.\n"
)


def test_shape() -> None:
    assert mixed_applies("RobinBon", 1)
    assert not mixed_applies("RobinBon", 2)  # printed twice: a name's own spelling
    assert not mixed_applies("Robinson", 1) and not mixed_applies("IOT", 1)
    assert not mixed_applies("iPhone", 1)  # first letter lower: another path


def test_readings_change_letters_not_only_case() -> None:
    assert mixed_readings("RobinBon")[0][0] == "Robinson"
    for real in ("McDonald", "McKenzie", "YouTube", "PowerPoint"):
        assert mixed_readings(real) == []


def test_heavy_page_reads_the_capital(monkeypatch) -> None:
    out = repair_text(PAGE).text
    assert "Robinson" in out and "RobinBon" not in out
    assert "McDonald" in out
    monkeypatch.setattr(mixed, "MIXED", False)
    # the far searches read it too (:mod:`repair.candidates.ocr_casefar`)
    assert "Robinson" in repair_text(PAGE).text
    from repair.candidates import ocr_casefar

    monkeypatch.setattr(ocr_casefar, "CASE_FAR", False)
    assert "RobinBon" in repair_text(PAGE).text


# -- a mixed-case form the language writes stays (session 35) ------------------------------

SALT = "Water is H2O and table salt is NaCl, and the tbe men went hcme."


def test_a_known_mixed_case_form_is_never_read() -> None:
    from tests.ocr_page import GARBLED, OCR_ONLY

    out = repair_text(GARBLED + SALT, config=OCR_ONLY).text[len(GARBLED) :]
    assert "salt is NaCl," in out
    assert "the the men went home" in out  # the page's garble is still read


def test_a_known_mixed_case_form_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ocr_page import GARBLED, OCR_ONLY

    monkeypatch.setattr(mixed, "KNOWN_FORM_ZIPF", 0)
    out = repair_text(GARBLED + SALT, config=OCR_ONLY).text[len(GARBLED) :]
    assert "salt is NaCl," not in out


def test_known_form() -> None:
    assert mixed.known_form("NaCl") and mixed.known_form("YouTube")
    assert not mixed.known_form("RobinBon") and not mixed.known_form("WoiLa")
