"""Marks in newspaper OCR (session 45, ocrpunct45; issue 12): the opener comma's verse
guard (:func:`repair.candidates.ocr_commastop._verse_near`) and a comma lost before "and"
and a subject (:mod:`repair.candidates.ocr_andcomma`).  Each behaviour test fails
without its change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_andcomma, ocr_commastop
from repair.tokenize import tokenize
from tests.test_ocr_punct43 import _apply

_FLAGS = (
    (ocr_commastop, "OPENER_COMMA"),
    (ocr_commastop, "VERSE_NEAR"),
    (ocr_andcomma, "AND_COMMA"),
)


@pytest.fixture
def flags() -> Iterator[None]:
    saved = [getattr(m, name) for m, name in _FLAGS]
    yield
    for (m, name), value in zip(_FLAGS, saved, strict=True):
        setattr(m, name, value)


def _commas(text: str) -> str:
    return _apply(text, ocr_commastop.comma_stop_candidates(tokenize(text)))


@pytest.mark.usefixtures("flags")
def test_no_opener_comma_in_a_poem_quoted_in_prose_or_set_in_lines() -> None:
    ocr_commastop.OPENER_COMMA = True
    prose = "The defendant pleaded not guilty, The case is part heard."
    assert _commas(prose) == "The defendant pleaded not guilty. The case is part heard."
    quoted = (
        "the old song proves it - Sometimes I meete them likea man, Sometimes an ox, "
        "sometimes a hound, And to a horse turn me I can. In fact he is the hero."
    )
    lines = (
        "Sing of the morning, when the day was young,\n"
        "When all the birds were in the tree,\n"
        "Singing of the river, Which runs down to the sea,\n"
        "Where all the waters of the hills are free.\n"
    )
    for verse in (quoted, lines):
        assert _commas(verse) == verse
    ocr_commastop.VERSE_NEAR = False
    assert _commas(quoted) != quoted  # the guard is what keeps the poem


@pytest.mark.usefixtures("flags")
def test_a_lost_comma_before_and_a_subject_on_a_page_that_lost_its_commas() -> None:
    ocr_andcomma.AND_COMMA = True
    page = "they had a chance in the round and it is likely that the face and arms were hurt " * 8
    out = _apply(page, ocr_andcomma.and_comma_candidates(tokenize(page)))
    assert out.count("round, and it is") == 8 and "face, and" not in out
    with_commas = page.replace("hurt", "hurt,")
    assert ocr_andcomma.and_comma_candidates(tokenize(with_commas)) == []
    ocr_andcomma.AND_COMMA = False
    assert ocr_andcomma.and_comma_candidates(tokenize(page)) == []
