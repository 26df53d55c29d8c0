"""Marks in newspaper OCR (session 45, ocrpunct45; issue 12): the opener comma's verse
guard (:func:`repair.candidates.ocr_commastop._verse_near`) and a comma lost before "and"
and a subject (:mod:`repair.candidates.ocr_andcomma`).  Each behaviour test fails
without its change."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_andcomma, ocr_commastop
from repair.tokenize import tokenize
from tests.test_ocr_punct43 import _apply
from tests.test_ocr_punct44 import _commas

_QUOTED = (
    "the old song proves it - Sometimes I meete them likea man, Sometimes an ox, "
    "sometimes a hound, And to a horse turn me I can. In fact he is the hero."
)
_LINES = (
    "Sing of the morning, when the day was young,\n"
    "When all the birds were in the tree,\n"
    "Singing of the river, Which runs down to the sea,\n"
    "Where all the waters of the hills are free.\n"
)


def test_no_opener_comma_in_a_poem_quoted_in_prose_or_set_in_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_commastop, "OPENER_COMMA", True)
    prose = "The defendant pleaded not guilty, The case is part heard."
    assert _commas(prose) == "The defendant pleaded not guilty. The case is part heard."
    assert _commas(_QUOTED) == _QUOTED and _commas(_LINES) == _LINES
    monkeypatch.setattr(ocr_commastop, "VERSE_NEAR", False)
    assert _commas(_QUOTED) != _QUOTED  # the guard is what keeps the poem


def test_a_lost_comma_before_and_a_subject_on_a_page_that_lost_its_commas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_andcomma, "AND_COMMA", True)
    page = "they had a chance in the round and it is likely that the face and arms were hurt " * 8
    out = _apply(page, ocr_andcomma.and_comma_candidates(tokenize(page)))
    assert out.count("round, and it is") == 8 and "face, and" not in out
    with_commas = page.replace("hurt", "hurt,")
    assert ocr_andcomma.and_comma_candidates(tokenize(with_commas)) == []
    monkeypatch.setattr(ocr_andcomma, "AND_COMMA", False)
    assert ocr_andcomma.and_comma_candidates(tokenize(page)) == []
