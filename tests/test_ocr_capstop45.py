"""A lost full stop before a capital a reading wrote in lower case (session 45,
ocrpunct45; issue 12): :mod:`repair.candidates.ocr_capstop`.  The behaviour test fails
with the flag off."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_capstop
from repair.pipeline import repair_text
from tests.ocr_page import OCR_ONLY
from tests.test_ocr_context import COLUMN

_GARBLED = "the owners were unable to undertake tho duty lho following persons are appointed.\n"


@pytest.mark.parametrize(
    ("tail", "want"),
    [
        (_GARBLED, "the duty. The following persons"),
        ("evidence was tendered Ihe award was in favour of the men.\n", "tendered. The award was"),
    ],
)
def test_the_stop_and_the_capital_of_a_garbled_opener_are_read_together(
    monkeypatch: pytest.MonkeyPatch, tail: str, want: str
) -> None:
    monkeypatch.setattr(ocr_capstop, "CAP_STOP", False)
    off = repair_text(COLUMN + tail, config=OCR_ONLY).text
    assert want not in off and want.replace(". T", " t") in off  # the word read, no stop
    monkeypatch.setattr(ocr_capstop, "CAP_STOP", True)
    assert want in repair_text(COLUMN + tail, config=OCR_ONLY).text


def test_no_stop_inside_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capstop, "CAP_STOP", True)
    out = repair_text(COLUMN + "he went to the bank with lho money in his hand.\n", config=OCR_ONLY)
    assert "with the money" in out.text  # "with. The money": the model says no


def test_the_print_s_capital_evidence() -> None:
    assert ocr_capstop.capital_nats("lho", "the") > 1.0  # "l" reads as "T" before "t"
    assert ocr_capstop.capital_nats("In", "in") == 0.0  # the casing repair's word
    assert ocr_capstop.capital_nats("tho", "the") == 0.0  # a lower-case print
    assert ocr_capstop.capital_nats("0nly", "only") == 0.0  # a figure
