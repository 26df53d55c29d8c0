"""Session 55, ocrjoin: a word cut by a space and a stray mark read as the page's word
(:mod:`repair.candidates.ocr_cutjoin`), and page targets that are garbles the page repeats
refused (:mod:`repair.candidates.ocr_garbletarget`)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_cutjoin, ocr_garbletarget
from repair.candidates.ocr_docvocab import page_targets
from repair.candidates.ocr_pagefar import _targets as pagefar_targets
from repair.candidates.ocr_shortname import page_reading
from repair.tokenize import tokenize


def _joins(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    got = ocr_cutjoin.cut_join_candidates(toks, counts)
    return [(text[c.start : c.end], c.replacement) for c in got]


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The shipped defaults (both flags ON); tests that switch one off do it here."""
    return monkeypatch


def test_hyphen_and_speck_cut_read_as_page_word(flags: pytest.MonkeyPatch) -> None:
    text = "The Committee met. By-Laws Coin- |\nmittee. The Committee rose."
    assert _joins(text) == [("Coin- |\nmittee", "Committee")]


def test_glued_speck_cut_read_as_page_word(flags: pytest.MonkeyPatch) -> None:
    text = "At Newcastle on Monday; to play against Nea« castle: the Newcastle team."
    got = _joins(text)
    assert got == [("Nea« castle", "Newcastle")]
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    (c,) = ocr_cutjoin.cut_join_candidates(toks, counts)
    assert c.source == "OCR_JOIN_SPLIT" and c.features["finding"] == "cut_join"


def test_flag_off_proposes_nothing(flags: pytest.MonkeyPatch) -> None:
    flags.setattr(ocr_cutjoin, "CUT_JOIN", False)
    assert _joins("The Committee met. By-Laws Coin- |\nmittee. The Committee rose.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Newcastle team. Against Nea castle: the Newcastle side.",  # no mark: page join's
        "The Newcastle team. Against Nea, castle: the Newcastle side.",  # a comma is no speck
        "The Newcastle team. Against Nea «\n\ncastle: the Newcastle side.",  # two breaks
        "The Newcastle team. Against Nea « | » castle: the Newcastle side.",  # three marks
        "The Newcastle team. Against Nea « Castle: the Newcastle side.",  # capital right piece
        "The Newcastle team. Against Nea « castle: no second print.".replace("Newcastle", "Derby"),
    ],
)
def test_no_join(flags: pytest.MonkeyPatch, text: str) -> None:
    assert _joins(text) == []


def test_printed_join_left_to_speck_join(flags: pytest.MonkeyPatch) -> None:
    """The printed letters already make the page's word: the speck join reads it."""
    assert _joins("The Commission sat. The Housing Com\n| mission. The Commission rose.") == []


def test_shorter_word_refused_after_common_right_piece(flags: pytest.MonkeyPatch) -> None:
    assert _joins("Rivers and Rivers. The River « as it ran.") == []


def test_garble_of_a_name_the_page_prints(flags: pytest.MonkeyPatch) -> None:
    page = Counter({"Fdward": 2, "Edward": 2, "Coveny": 2, "Covony": 1})
    assert ocr_garbletarget.garble_of("Fdward", page) == "Edward"
    assert ocr_garbletarget.garble_of("Coveny", page) is None  # a rare name, no neighbour printed
    assert ocr_garbletarget.garble_of("Edward", page) is None  # listed
    assert ocr_garbletarget.garble_of("Fdward", Counter({"Fdward": 2})) is None  # page lacks Edward
    flags.setattr(ocr_garbletarget, "GARBLE_TARGETS", False)
    assert ocr_garbletarget.garble_of("Fdward", page) is None


@pytest.mark.parametrize("on", [True, False])
def test_readers_refuse_garble_targets(flags: pytest.MonkeyPatch, on: bool) -> None:
    if not on:
        flags.setattr(ocr_garbletarget, "GARBLE_TARGETS", False)
    page = Counter({"Fdward": 2, "Edward": 2, "fdward": 1})
    short = page_reading("fdward", page, Counter({"Fdward": 2}))
    assert (short is None) == on
    assert ("fdward" in pagefar_targets(page)) == (not on)
    assert ("Fdward" in page_targets(page)) == (not on)
    assert "Edward" in page_targets(page)
