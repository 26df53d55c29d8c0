"""Merged words of a page the garble gate keeps shut, split where the page prints the pieces
("theaerosols" on a page of "the" and "aerosols": issue 12, session 51)."""

from __future__ import annotations

import pytest

import repair.candidates.ocr_shutsplit as shutsplit
from repair.config import RepairConfig
from repair.detect.ocr import detect_ocr, document_garbled
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CFG = RepairConfig(spin=False, tortured=False)

#: A clean-looking page (the gate stays shut) with two merges whose pieces it prints.
PAGE = (
    "The government said the report on the economy would be released next week. "
    "Officials in the capital expect growth to slow as exports fall and the cost "
    "ofthe new roads rises, but the minister said ourcountry remained strong.\n"
    "The report will also look at the state of the farms of our country and the price of "
    "the grain they sell abroad."
)


@pytest.fixture
def split_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutsplit, "PAGE_SPLIT", True)


def _counts(text: str) -> dict[str, int]:
    from repair.candidates.ocr_rules import page_word_counts

    return page_word_counts(tokenize(text))


def test_shut_page_splits_merges_of_printed_pieces(split_on: None) -> None:
    assert not document_garbled(detect_ocr(PAGE))
    out = repair_text(PAGE, config=CFG).text
    assert "the cost of the new roads" in out
    assert "said our country remained" in out


def test_flag_off_keeps_the_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.candidates.ocr_lightmerge as lightmerge

    monkeypatch.setattr(shutsplit, "PAGE_SPLIT", False)
    # the model's margin splits "ofthe" too (session 54): off here, this flag's own effect
    monkeypatch.setattr(lightmerge, "MERGE_MARGIN", False)
    # "ourcountry" is the light path's glued function word already; "ofthe", a form the
    # n-gram table knows (the web's own typo), is not
    assert "the cost ofthe new roads" in repair_text(PAGE, config=CFG).text


def test_candidates_need_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize(PAGE)
    monkeypatch.setattr(shutsplit, "PAGE_SPLIT", False)
    assert shutsplit.page_split_candidates(toks, _counts(PAGE)) == []
    monkeypatch.setattr(shutsplit, "PAGE_SPLIT", True)
    got = {c.replacement for c in shutsplit.page_split_candidates(toks, _counts(PAGE))}
    assert got == {"of the", "our country"}


@pytest.mark.parametrize(
    "text",
    [
        # a form the web prints closed up (a compound of its own), a dropped g of speech
        "Farm output set an alltime record this year, and all the time the price held.",
        "I am not playin around, said the coach, and we will play in the final game.",
        # two content words: a compound the source may close
        "More decisionmaking goes to the states; each decision needs making by them.",
        # code and markup glued to the token
        "Call obj.toString on the object; to convert it to a String is easy.",
        'Set img.src="someimage" for some image and it fails.',
        # one cheap learned confusion reads it as a common word ("without")
        "Firefox crashes withour error info; with our files it does not.",
        # the merged form printed twice is the page's spelling
        "The ofthe tag and the ofthe mark of the old file format are kept.",
    ],
)
def test_compounds_speech_code_and_repeats_get_no_split(split_on: None, text: str) -> None:
    assert shutsplit.page_split_candidates(tokenize(text), _counts(text)) == []


def test_inner_capital_cut_at_the_capital_only(split_on: None) -> None:
    text = "Troops in Iraq and troops inIraq, north; the PowerPoint and McDonald files."
    got = [c.replacement for c in shutsplit.page_split_candidates(tokenize(text), _counts(text))]
    assert got == ["in Iraq"]
