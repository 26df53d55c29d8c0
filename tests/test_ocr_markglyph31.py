"""A mark inside a word read as the one glyph it stands for (``repair.candidates.ocr_markglyph``,
session 31, issue 12)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_markglyph, ocr_markjoin
from repair.candidates.ocr_markglyph import mark_letters, mark_price
from repair.candidates.ocr_markjoin import applies, readings
from repair.pipeline import repair_text
from repair.score.ocr_price import channel_cost
from tests.test_ocr_wide import NEWSPAPER


@pytest.fixture(autouse=True)
def _fresh_readings() -> object:
    readings.cache_clear()
    yield
    readings.cache_clear()


@pytest.mark.parametrize(
    ("printed", "word", "read"),
    [
        ("v.eie", "were", "vweie"),  # the stop set against the "w", not dropped
        ("t-ourt", "court", "tcourt"),
        ("coa.it", "coast", "coasit"),
        ("w-as", "was", "w-as"),  # a mark the reading drops stays a mark
        ("e-mail", "email", "e-mail"),
    ],
)
def test_a_mark_is_set_against_the_letter_it_stands_for(printed: str, word: str, read: str) -> None:
    assert mark_letters(printed, word)[0] == read


def test_the_mark_price_is_flat_and_at_most_the_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", 2.0)
    assert mark_price("t-ourt", "court") < channel_cost("t-ourt", "court")
    assert mark_price("w-as", "was") == channel_cost("w-as", "was")  # nothing set against a letter
    for printed, word in (("v.eie", "were"), ("coa.it", "coast"), ("Ix-en", "been")):
        assert mark_price(printed, word) <= channel_cost(printed, word)
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", None)
    assert mark_price("t-ourt", "court") == channel_cost("t-ourt", "court")


def test_a_mark_for_a_letter_ranks_the_right_reading_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", ocr_markglyph.ON_PRICE)
    assert readings("t", "-", "ourt")[0][0] == "court"  # "t-ourt": the "-" is the "c"
    assert "very" in [w for w, _ in readings("v", "-", "rr")]
    assert "two" in [w for w, _ in readings("t", "-", "vo")]
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", None)
    readings.cache_clear()
    assert readings("t", "-", "ourt")[0][0] == "tours"  # the channel alone: a generic edit
    assert readings("v", "-", "rr") == ()
    assert readings("t", "-", "vo") == ()


def test_a_heavy_page_reads_a_word_whose_letter_is_a_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", ocr_markglyph.ON_PRICE)
    text = NEWSPAPER.replace("and ho was plcased", "and ho was plcased to see them rr->m the hall")
    assert "to see them from the hall" in repair_text(text).text  # "rr->m": the ">" is the "o"
    monkeypatch.setattr(ocr_markglyph, "MARK_GLYPH", None)
    readings.cache_clear()
    assert "to see them from the hall" not in repair_text(text).text


def test_garbled_left_piece_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not applies("ss", "-", "ere")  # a known right piece: read as a compound
    assert not applies("e", "-", "mail")
    monkeypatch.setattr(ocr_markjoin, "GARBLED_LEFT", True)
    assert applies("ss", "-", "ere")  # the left piece is no word: no compound
    assert not applies("e", "-", "mail")  # one letter: still a compound
    assert not applies("to", "-", "day")


def test_the_mark_price_ships_off() -> None:
    assert ocr_markglyph.MARK_GLYPH is None
    assert mark_price("t-ourt", "court") == channel_cost("t-ourt", "court")
    assert ocr_markjoin.CASE_BREAK and not ocr_markjoin.GARBLED_LEFT


@pytest.mark.parametrize(
    ("left", "sep", "right"),
    [("Z", "(", "Hart"), ("Olli", ".-", "D"), ("t", "?", "ML"), ("HE", ".", "TtA")],
)
def test_a_capital_after_the_mark_begins_the_next_word(
    monkeypatch: pytest.MonkeyPatch, left: str, sep: str, right: str
) -> None:
    assert not applies(left, sep, right)
    monkeypatch.setattr(ocr_markjoin, "CASE_BREAK", False)
    assert applies(left, sep, right)


def test_a_lower_case_or_all_capital_word_still_applies() -> None:
    assert applies("S", "-", "ervlce")
    assert applies("t", "-", "ourt")
    assert applies("SY", "^", "DNEY")
