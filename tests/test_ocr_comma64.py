"""Session 64 (ocrcomma): the slot readers across a comma or a glued mark read one-sided
(``ocr_slotside.ONE_SIDED``): the reading must stand on the near side alone and not
lose on the far side; ``ocr_slot.CROSS_COMMA`` and ``ocr_slot.GLUED_MARK`` read through it."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_slot, ocr_slotside
from repair.tokenize import tokenize


def _at(toks: list, word: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == word)


def _slot(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    return [(text[c.start : c.end], c.replacement) for c in ocr_slot.slot_candidates(toks, [])]


def test_the_comma_reader_ships_on_through_the_guard() -> None:
    # GLUED_MARK stays off (session 64 lead: an SMH test loss through the guard).
    assert ocr_slotside.ONE_SIDED and ocr_slot.CROSS_COMMA and not ocr_slot.GLUED_MARK


def test_a_reading_the_near_side_does_not_give_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "dog _ by" across the comma prefers "up"; "small dog _" alone does not read it
    text = "they bought a small dog pup, by the name of Rex"
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", False)
    assert _slot(text) == [("pup", "up")]  # session 63's reader: a right word broken
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", True)
    assert _slot(text) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("the goods were all sold out, ami the others were left", ("ami", "and")),
        ("the constable said that while he wa? sitting in his car the man ran", ("wa", "was")),
    ],
)
def test_readings_that_stand_one_sided_are_kept(
    monkeypatch: pytest.MonkeyPatch, text: str, read: tuple[str, str]
) -> None:
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", True)
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", True)
    assert _slot(text) == [read]


def test_far_side_of_each_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_slot, "CROSS_COMMA", True)
    monkeypatch.setattr(ocr_slot, "GLUED_MARK", True)
    monkeypatch.setattr(ocr_slot, "BESIDE_NUMBER", True)
    cases = [
        ("all sold out, ami the others", "ami", "left"),  # after a comma
        ("a small dog pup, by the name", "pup", "right"),  # a comma glued after
        ("a small dog pup; by the name", "pup", "right"),
        ("while he wa? sitting in his", "wa", ""),  # a glyph's mark: read across whole
        ("rim tool lh( ball into the", "lh", ""),
        ("There aro in nil 858 publio houses", "nil", "right"),  # the number's side
        ("at the 85 dol at per", "dol", "left"),
        ("the man went to the shop", "went", ""),  # between words
    ]
    for text, word, far in cases:
        toks = tokenize(text)
        assert ocr_slot._far_side(toks, _at(toks, word)) == far, text


def test_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    left, right = ["waistcoat", "pocket"], ["watch", "to"]
    found = ocr_slot.slot_reading("ora", left, right)
    assert found is not None and found[0] == "or"
    gain = found[2]
    assert ocr_slotside.stands("ora", "or", gain, left, right, "left", [], None)
    # a cheap reading another reader built leads on the near side: refused
    rivals = [("era", 1.0)]
    assert not ocr_slotside.stands("ora", "or", gain, left, right, "left", rivals, None)
    # the far side takes back more than FAR_LOSS of the near side's gain: refused
    assert not ocr_slotside.stands("ora", "or", 1.0, left, right, "left", [], None)
    assert not ocr_slotside.stands("ora", "or", gain, left, right, "both", [], None)
    monkeypatch.setattr(ocr_slotside, "ONE_SIDED", False)
    assert ocr_slotside.stands("ora", "or", gain, left, right, "left", rivals, None)
    assert ocr_slotside.stands("ora", "or", 1.0, left, right, "both", [], None)
