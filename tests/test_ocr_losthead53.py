"""Session 53 (ocrlost, issue 12): a name printed in two pieces read as the page's name."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_losthead
from repair.tokenize import tokenize
from repair.types import Edit


def _edit(text: str, word: str, reading: str, nth: int = 0) -> Edit:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    word = word.rstrip("-")
    return Edit(at, len(word), word, reading, "ocr", 0.9, "OCR_CONFUSION")


def _read(text: str, edits: list[Edit] | None = None) -> list[tuple[str, str]]:
    out = ocr_losthead.restore_heads(tokenize(text), list(edits or []))
    return [(e.original, e.replacement) for e in out if e.rule == ocr_losthead.RULE]


_GARBLED = (
    "Tho trio boarded a goods train at Taradale. Good-'\n"
    "hind got in ono part of tho train, and tho othors wero not seen. Goodhind thon\n"
    "visited tho police station and gavo himsolf up to tho constablo on duty thoro.\n"
)


@pytest.mark.parametrize("flag", [True, False])
def test_pipeline_joins_goodhind(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.config import RepairConfig
    from repair.pipeline import repair_text

    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", flag)
    out = repair_text(_GARBLED, config=RepairConfig()).text
    assert ("Goodhind got" in out) is flag
    assert out.count("Goodhind") == (2 if flag else 1)


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", True)
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", False)


def test_line_break_and_mark_joined(on: None) -> None:
    text = "at Taradale. Good-'\nhind got in. Goodhind then went"
    assert _read(text) == [("Good-'\nhind", "Goodhind")]


def test_stray_glyph_between(on: None) -> None:
    text = "the Cemetery at Sutton Forest. Buried at Sut\nI ton Forest."
    assert _read(text) == [("Sut\nI ton", "Sutton")]


def test_line_hyphen_kind(on: None) -> None:
    out = ocr_losthead.restore_heads(tokenize("for New-\ncastle, and Newcastle"), [])
    assert [(e.replacement, e.kind) for e in out] == [("Newcastle", "hyphenation")]


def test_misread_tail_needs_the_stage_reading(on: None) -> None:
    text = "Mr. David Morrice spoke. Mr. Mor.\nrico, who came"
    assert _read(text) == []  # "rico" is a word: no misread letter without the stage
    rice = _edit(text, "rico", "rice")
    assert _read(text, [rice]) == [("Mor.\nrico", "Morrice")]


def test_real_word_tail_not_misread(on: None) -> None:
    # "ness" is a word the stage left: "Bur" + "ness" is no misprint of "Burgess"
    assert _read("Gnr Burgess and Ptes Jas Bur\nness Cormack") == []


def test_head_must_match(on: None) -> None:
    assert _read("Mr. Grand came. Mr. and Mrs. Lewis") == []


def test_no_page_name(on: None) -> None:
    assert _read("surrendered to the Carl-\nton police") == []


def test_two_names_ambiguous(on: None) -> None:
    assert _read("Carlton and Carlson met. Carl-\ntom came") == []


def test_stage_reading_disagrees(on: None) -> None:
    text = "The Parkgrovo Club won. Park-\ngrovo, 1 goal"
    grove = _edit(text, "grovo", "grove", nth=1)
    assert _read(text, [grove]) == []


def test_stage_reads_stretch_already(on: None) -> None:
    text = "The Pyrmont Bridge. The Pyr-\nmont Bridge"
    at = text.index("Pyr-")
    whole = Edit(at, len("Pyr-\nmont"), "Pyr-\nmont", "Pyrmont", "hyphenation", 0.9, "OCR_HYPHEN")
    out = ocr_losthead.restore_heads(tokenize(text), [whole])
    assert out == [whole]


def test_inner_edits_give_way(on: None) -> None:
    text = "The Finance Committee. Coin-\nmittee report"
    head = _edit(text, "Coin", "Coin")
    assert _read(text, [head]) == []  # "Coin" + "mittee" spells no page name
    text = "The Finance Committee. Com-\nmittee report"
    head = _edit(text, "Com-", "Corn")
    out = ocr_losthead.restore_heads(tokenize(text), [head])
    assert [(e.original, e.replacement) for e in out] == [("Com-\nmittee", "Committee")]


def test_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", False)
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", False)
    assert _read("at Taradale. Good-'\nhind got in. Goodhind then went") == []


def test_lost_head_own_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_losthead, "SPLIT_HEAD", False)
    text = "Gnr Ewen Stewart, Pte Franklin. Gnr Gore ewart Pte Smith"
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", False)
    assert _read(text) == []
    monkeypatch.setattr(ocr_losthead, "LOST_HEAD", True)
    assert _read(text) == [("ewart", "Stewart")]
    assert _read("Gnr Ewen Stewart, Pte Franklin. the art of war") == []  # a word stays


def test_two_words_stay(on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # audit texts print merges ("Trumpsaid"): a plain space, or two common words at a line end
    assert _read("Trumpsaid on Friday. Trump said Thursday") == []
    assert _read("Trumpsaid on Friday. Trump\nsaid Thursday") == []
    # session 53's gate on two common words (session 54's MERGE_GUARD replaces it)
    monkeypatch.setattr(ocr_losthead, "MERGE_GUARD", False)
    assert _read("Trumpsaid on Friday. Trump\nsaid Thursday") == []
    assert _read("bound for Newtown. to New\ntown Bay") == []
    assert _read("bound for Newtown. to New-\ntown Bay") == [("New-\ntown", "Newtown")]
