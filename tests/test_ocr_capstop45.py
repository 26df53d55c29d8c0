"""A lost full stop before a capital a reading wrote in lower case (session 45,
ocrpunct45; issue 12): :mod:`repair.candidates.ocr_capstop`.  The behaviour test fails
with the flag off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_capstop
from repair.pipeline import repair_text
from tests.ocr_page import OCR_ONLY
from tests.test_ocr_context import COLUMN


@pytest.fixture
def flag() -> Iterator[None]:
    saved = ocr_capstop.CAP_STOP
    yield
    ocr_capstop.CAP_STOP = saved


def _fix(tail: str, on: bool) -> str:
    ocr_capstop.CAP_STOP = on
    return repair_text(COLUMN + tail, config=OCR_ONLY).text


@pytest.mark.usefixtures("flag")
def test_the_stop_and_the_capital_of_a_garbled_opener_are_read_together() -> None:
    tails = {
        "the owners were unable to undertake tho duty lho following persons are appointed.\n": (
            "the duty. The following persons"
        ),
        "evidence was tendered Ihe award was in favour of the men.\n": "tendered. The award was",
    }
    for tail, want in tails.items():
        off = _fix(tail, False)
        assert want not in off and want.replace(". T", " t") in off  # the word read, no stop
        assert want in _fix(tail, True)


@pytest.mark.usefixtures("flag")
def test_no_stop_inside_a_sentence_or_before_a_casing_repair() -> None:
    tail = "he went to the bank with lho money in his hand.\n"
    assert _fix(tail, True) == _fix(tail, False)  # "with. The money": the model says no


def test_the_print_s_capital_evidence() -> None:
    assert ocr_capstop.capital_nats("lho", "the") > 1.0  # "l" reads as "T" before "t"
    assert ocr_capstop.capital_nats("In", "in") == 0.0  # the casing repair's word
    assert ocr_capstop.capital_nats("tho", "the") == 0.0  # a lower-case print
