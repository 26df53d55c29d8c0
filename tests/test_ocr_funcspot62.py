"""Session 62 (ocrfunc): a slot word one damaged spot from the print (``ocr_funcspot``)."""

from __future__ import annotations

import math

import pytest

from repair.candidates import ocr_funcspot, ocr_slot


@pytest.fixture
def spot(monkeypatch: pytest.MonkeyPatch):
    """Set ``FUNC_SPOT`` for one test, the memos cleared before and after."""

    clear = ocr_funcspot.clear_memos

    def set_to(value: bool) -> None:
        clear()
        monkeypatch.setattr(ocr_funcspot, "FUNC_SPOT", value)

    yield set_to
    clear()


def test_one_spot_price() -> None:
    # one run of up to two glyphs a side, the rest as set: the flat spot price
    assert ocr_funcspot.spot_cost("mid", "and") == ocr_funcspot.SPOT_COST  # "mi" -> "an"
    assert ocr_funcspot.spot_cost("tin", "the") == ocr_funcspot.SPOT_COST  # "in" -> "he"
    assert ocr_funcspot.spot_cost("hu", "his") == ocr_funcspot.SPOT_COST  # "u" -> "is"
    # two spots, a print wholly replaced, the word itself, a rarer word: no price
    assert math.isinf(ocr_funcspot.spot_cost("linn", "him"))
    assert math.isinf(ocr_funcspot.spot_cost("ho", "be"))
    assert math.isinf(ocr_funcspot.spot_cost("the", "the"))
    assert math.isinf(ocr_funcspot.spot_cost("gaol", "game"))  # "game" is under SPOT_ZIPF


def test_shape_alike_spot_is_cheaper() -> None:
    # "tho" -> "the": "o" and "e" look alike in rendered type (0.907)
    assert ocr_funcspot.spot_cost("tho", "the") < ocr_funcspot.SPOT_COST


def test_slot_reader_reads_a_spot_only_with_the_flag(spot) -> None:
    left, right = ["end", "of"], ["week", "market"]
    spot(False)
    assert ocr_slot._slot_reading("tiu", left, right, [], None) is None
    spot(True)
    found = ocr_slot._slot_reading("tiu", left, right, [], None)
    assert found is not None and found[0] == "the"
    assert found[1] == ocr_funcspot.SPOT_COST


def test_learned_reading_is_kept(spot) -> None:
    # where the learned prices read the print, the spot prices are never asked
    spot(True)
    left, right = ["end", "of"], ["week", "market"]
    assert ocr_slot._slot_reading("til", left, right, [], None)[:2] == ("the", 9.5)


def test_spot_priced_empty_when_nothing_is_cheaper(spot) -> None:
    spot(True)
    assert ocr_funcspot.spot_priced("qxzv") == ()  # no slot word near
    # a word the learned table prices cheaper keeps its price ("tho" -> "the")
    assert (
        dict(ocr_funcspot.spot_priced("tho"))["the"]
        == dict(ocr_slot.priced_slot_words("tho"))["the"]
    )
    got = dict(ocr_funcspot.spot_priced("tiu"))
    assert got["the"] == ocr_funcspot.SPOT_COST
