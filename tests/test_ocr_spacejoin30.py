"""Words cut by a stray space (issue 12, session 30): the guards of
:mod:`repair.candidates.ocr_spacejoin` found on the 1 M-word OCR speed text, and the
known-pieces setting."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_spacejoin
from repair.candidates.ocr_spacejoin import space_join_candidates
from repair.tokenize import tokenize


def _joins(text: str, flagged: str) -> list[str]:
    toks = tokenize(text)
    starts = {t.start for t in toks if t.text in flagged.split()}
    return [c.replacement for c in space_join_candidates(toks, starts)]


@pytest.mark.parametrize(
    ("text", "flagged", "wrong"),
    [
        ("the soya bean crop", "soya bean", "soybean"),
        ("the ph yllids were", "ph yllids", "phyllis"),
        ("the sup portas of", "sup portas", "supports"),
    ],
)
def test_a_reading_keeps_the_pieces_letters(
    monkeypatch: pytest.MonkeyPatch, text: str, flagged: str, wrong: str
) -> None:
    assert wrong not in _joins(text, flagged)
    monkeypatch.setattr(ocr_spacejoin, "KEEP_LETTERS", False)
    assert wrong in _joins(text, flagged)


@pytest.mark.parametrize(
    ("text", "flagged", "wrong"),
    [("Yas ser Arafat called", "Yas ser", "Passer"), ("Mal Br ough said", "Br ough", "Brought")],
)
def test_a_joined_string_listed_as_a_word_is_not_read(
    monkeypatch: pytest.MonkeyPatch, text: str, flagged: str, wrong: str
) -> None:
    monkeypatch.setattr(ocr_spacejoin, "KEEP_CAPITAL", False)  # ("Passer": a new initial too)
    assert _joins(text, flagged) == []
    monkeypatch.setattr(ocr_spacejoin, "JOINED_ZIPF", None)
    assert wrong in _joins(text, flagged)


def test_the_guards_keep_the_right_joins() -> None:
    assert _joins("wasps and hoi nets were", "hoi") == ["hornets"]
    assert _joins("the Foros t Road", "Foros") == ["Forest"]
    assert "Evening" in _joins("the E venin News", "venin")
    assert "Major" in _joins("the M ijor said", "ijor")


def test_a_capitalised_first_piece_keeps_its_initial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_spacejoin, "KNOWN_PAIRS", True)
    got = _joins("the Joint Stock B inking Company", "B inking")
    assert "Banking" in got and "Sinking" not in got
    monkeypatch.setattr(ocr_spacejoin, "KEEP_CAPITAL", False)
    assert "Sinking" in _joins("the Joint Stock B inking Company", "B inking")


def test_the_join_is_shipped_on() -> None:
    assert ocr_spacejoin.SPACE_JOIN
    assert ocr_spacejoin.KEEP_LETTERS and ocr_spacejoin.KEEP_CAPITAL
    assert ocr_spacejoin.JOINED_ZIPF is not None


def test_known_pieces_are_joined_only_with_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not ocr_spacejoin.KNOWN_PAIRS
    assert _joins("to intro luce a bill", "intro luce") == []
    monkeypatch.setattr(ocr_spacejoin, "KNOWN_PAIRS", True)
    assert _joins("to intro luce a bill", "intro luce") == ["introduce"]  # not "luce a"


@pytest.mark.parametrize(
    ("text", "flagged", "wrong"),
    [("and heis a good man", "heis", "heist"), ("read a pers on it", "pers", "papers")],
)
def test_a_one_letter_word_is_no_piece(
    monkeypatch: pytest.MonkeyPatch, text: str, flagged: str, wrong: str
) -> None:
    assert _joins(text, flagged) == []
    monkeypatch.setattr(ocr_spacejoin, "LETTER_WORDS", False)
    assert wrong in _joins(text, flagged)


def test_a_one_letter_word_is_no_piece_of_a_known_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_spacejoin, "KNOWN_PAIRS", True)
    assert _joins("the luce a bill", "luce") == []
    monkeypatch.setattr(ocr_spacejoin, "LETTER_WORDS", False)
    assert _joins("the luce a bill", "luce") != []


@pytest.mark.parametrize(
    ("text", "flagged", "wrong"),
    [
        ("my substitute for pist0l andball. With", "l andball", "handball"),
        ("the pist0l andball was", "l andball", "handball"),
    ],
)
def test_a_piece_glued_to_a_longer_printed_string_is_not_joined(
    monkeypatch: pytest.MonkeyPatch, text: str, flagged: str, wrong: str
) -> None:
    # the lead's 1 M-word check of session 30: a digit splits "pist0l" into tokens, and
    # "l" + "andball" read "handball" ("pist0handball" in the output)
    assert wrong not in _joins(text, flagged)
    monkeypatch.setattr(ocr_spacejoin, "WHOLE_PIECES", False)
    assert wrong in _joins(text, flagged)
