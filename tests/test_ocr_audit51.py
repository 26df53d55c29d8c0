"""Session 51 (ocraudit): the OCR'd modern text audit's dev breaks, by mechanism.

Each test fails with its flag off: a piece of a dashed name pair read as a listed name,
pieces of a word the garble cut at a digit read as words of their own ("Phi1lip Island",
"s0uthward", "uni0n.", "70sto"), a lost stop before a split word ("We stern"), half a
line-broken word read as a page word ("homolo-⏎gues").
"""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import (
    ocr_case,
    ocr_docvocab,
    ocr_garbled_join,
    ocr_namepair,
    ocr_possessive,
    ocr_stops,
)
from repair.tokenize import tokenize


def _index(toks, text: str) -> int:
    return next(k for k, t in enumerate(toks) if t.text == text)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("We compare Kneser–Ney smoothing", "Kneser", True),
        ("We compare Kneser–Ney smoothing", "Ney", True),
        ("Terje Roed-Larsen said", "Roed", True),
        ("the Kneser – Ney model", "Kneser", False),  # spaced: no pair
        ("the Kneser-smoothing model", "Kneser", False),  # lower-case partner
        ("We compare Kneser smoothing", "Kneser", False),
        ("The management of the Polaw-Main Colliery", "Polaw", False),  # "Main": no name
    ],
)
def test_name_pair_piece(text: str, word: str, expected: bool) -> None:
    toks = tokenize(text)
    assert ocr_namepair.name_pair_piece(toks, _index(toks, word)) is expected


def test_name_pair_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize("We compare Kneser–Ney smoothing")
    monkeypatch.setattr(ocr_namepair, "NAME_PAIRS", False)
    assert not ocr_namepair.name_pair_piece(toks, _index(toks, "Kneser"))


@pytest.mark.parametrize("on", [True, False])
def test_name_head_chunk(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """ "at Phi1lip Island": the name before "Island" is cut at a digit ("Phi", "1", "lip")."""
    monkeypatch.setattr(ocr_case, "NAME_HEAD_CHUNK", on)
    toks = tokenize("Workers tried to clean up the last of the oil at Phi1lip Island today.")
    i = _index(toks, "Island")
    found = ocr_case.case_candidates(toks, i, frozenset({"island"}), Counter(), garbled=True)
    assert [c.replacement for c in found] == ([] if on else ["island"])


def test_name_head_chunk_keeps_plain_words() -> None:
    """A lower-case word before keeps the casing repair ("the oil at lip Island")."""
    toks = tokenize("Workers tried to clean up the last of the oil at lip Island today.")
    i = _index(toks, "Island")
    found = ocr_case.case_candidates(toks, i, frozenset({"island"}), Counter(), garbled=True)
    assert [c.replacement for c in found] == ["island"]


@pytest.mark.parametrize("on", [True, False])
def test_glued_s(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_possessive, "GLUED_S", on)
    toks = tokenize("the HudsonRiver flowing s0uthward to the Atlantic")
    found = [c.replacement for c in ocr_possessive.possessive_candidates(toks)]
    assert found == ([] if on else ["flowing's"])
    # a lone "s" keeps its reading either way
    toks = tokenize("the river s flow was strong")
    assert [c.replacement for c in ocr_possessive.possessive_candidates(toks)] == ["river's"]


@pytest.mark.parametrize("on", [True, False])
def test_whole_initials(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """ "uni0n." ends a sentence: "n" is no initial, "17th century" is a heading."""
    monkeypatch.setattr(ocr_stops, "WHOLE_INITIALS", on)
    text = (
        "Then it became the eleventh state of the uni0n. 17th century During the 17th "
        "century, trading posts were set up along the river by the company."
    )
    toks = tokenize(text)
    found = [c.start for c in ocr_stops.lost_stop_candidates(toks, frozenset())]
    gap = text.index(" During")
    assert (gap in found) is not on
    # a true initial is still one: "J. 17th century During" is no sentence's end
    assert ocr_stops._abbreviation(tokenize("Mr J. Smith"), 3)


@pytest.mark.parametrize("on", [True, False])
def test_whole_pieces(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_garbled_join, "WHOLE_PIECES", on)
    toks = tokenize("from the upper 70sto mid 80s F")
    found = ocr_garbled_join.garbled_joins(toks, _index(toks, "sto"), "nonword", True)
    assert bool([c for c in found if c.replacement == "stood"]) is not on


@pytest.mark.parametrize("on", [True, False])
def test_joined_opener(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_stops, "JOINED_OPENER", on)
    text = (
        'drivers demonstrated "an unhealthy fixation" with symbols of We stern military '
        "and industrial strength, unlike Western Europe."
    )
    toks = tokenize(text)
    found = [c.start for c in ocr_stops.lost_stop_candidates(toks, frozenset())]
    assert (text.index(" We stern") in found) is not on


def test_joined_opener_keeps_openers() -> None:
    """ "The se" joins into "These", a sentence opener: the stop is still read."""
    text = "They counted the costs of the long war The se men were all tired and went home."
    toks = tokenize(text)
    found = [c.start for c in ocr_stops.lost_stop_candidates(toks, frozenset())]
    assert text.index(" The se") in found


@pytest.mark.parametrize("on", [True, False])
def test_broken_pieces(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_docvocab, "BROKEN_PIECES", on)
    text = (
        "The gases rose. More gases fell. Other gases stayed. its higher homolo-\ngues are chiral."
    )
    toks = tokenize(text)
    found = [c.start for c in ocr_docvocab.doc_vocab_candidates(toks, old_print=False)]
    assert (text.index("gues") in found) is not on
