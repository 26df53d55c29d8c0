"""Merged words of a shut page split by the language model's margin over the print
(:mod:`repair.candidates.ocr_lightmerge`, issue 12, session 54)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_lightmerge
from repair.candidates.ocr_lightmerge import cuts, glued_to_code, merge_candidates
from repair.candidates.ocr_rules import page_word_counts
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CONFIG = RepairConfig(spin=False, tortured=False)


@pytest.fixture(autouse=True)
def _flags_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN", True)
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN_CAPITALS", True)
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN_TRAILING_I", True)


def _edits(text: str) -> list[tuple[str, str]]:
    out = repair_text(text, config=CONFIG)
    return [(text[e.offset : e.end], e.replacement) for e in out.edits]


def _built(text: str) -> list[str]:
    toks = tokenize(text)
    return [c.replacement for c in merge_candidates(toks, page_word_counts(toks))]


def test_cuts_need_one_commonest_word() -> None:
    assert cuts("thatinvestor") == [("that", "investor")]
    assert cuts("searchbox") == []  # two content words: a compound the web writes both ways
    assert ("with", "a") in cuts("witha")  # "a" last only after a common word
    assert _built("an America witha clean life") == ["with a"]
    assert cuts("Inoticed") == [("I", "noticed")]


def test_a_function_word_glued_to_a_word_is_split() -> None:
    text = (
        "The judges have a duty tofaithfully interpret the law, not to legislate from the "
        "bench, the senator told the committee on Monday."
    )
    assert _edits(text) == [("tofaithfully", "to faithfully")]


def test_flag_off_leaves_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN", False)
    text = (
        "The judges have a duty tofaithfully interpret the law, not to legislate from the "
        "bench, the senator told the committee on Monday."
    )
    assert _edits(text) == []
    assert _built("a duty tofaithfully interpret") == []


def test_a_capital_opening_a_sentence_and_a_glued_i() -> None:
    text = (
        "Prices fell last year. Forexample, deregulation of the airlines brought fares "
        "down for most of the travelling public."
    )
    assert _edits(text) == [("Forexample", "For example")]
    text = (
        "We sat down to lunch and Inoticed that there were fossils in the rock beside the "
        "old road to the coast."
    )
    assert _edits(text) == [("Inoticed", "I noticed")]


def test_capitals_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN_CAPITALS", False)
    assert _built("We sat down and Inoticed the rock.") == []
    assert _built("Our hopes were high. Itis a fine day.") == []


def test_a_lower_case_i_is_no_word() -> None:
    assert _built("We sat down and Inoticed the rock.") == ["I noticed"]
    assert _built("We sat down and inoticed the rock.") == []


def test_a_capitalised_name_mid_sentence_or_after_a_title_stays() -> None:
    assert _built("The wine was poured by Mr. Itis and his wife.") == []
    assert _built("The crew of the Goodhind sailed from port.") == []
    assert _built("Our hopes were high. Itis a fine day.") == ["It is"]


def test_words_compounds_and_code_stay() -> None:
    # real words, a compound the web prints closed, a dropped g, code, a form printed twice
    for text in (
        "nowhere another inform",
        "an alltime record",
        "I be readin that",
        'src="someimage" alt',
        "the thatinvestor and thatinvestor",
        "to fight withall.",  # an old spelling ("withal")
        "Nota bene: the office closes",  # an article needs a known word after it
    ):
        assert _built(text) == [], text
    text = (
        "Click the searchbox of the page and type the name of the town. Then press the "
        "button to continue with the search."
    )
    assert _edits(text) == []


def test_a_full_stop_after_the_token_is_no_code() -> None:
    toks = tokenize("an undertone ofcaution. There")
    k = next(i for i, t in enumerate(toks) if t.text == "ofcaution")
    assert not glued_to_code(toks, k)
    toks = tokenize("call ofcaution.toString now")
    k = next(i for i, t in enumerate(toks) if t.text == "ofcaution")
    assert glued_to_code(toks, k)
    toks = tokenize("a note (ofcaution) here")
    k = next(i for i, t in enumerate(toks) if t.text == "ofcaution")
    assert not glued_to_code(toks, k)


def test_a_word_glued_to_a_following_i() -> None:
    assert _built("we talked about our cats, andI was like that") == ["and I"]
    assert _built("across our country. TonightI propose to train them") == ["Tonight I"]
    assert _built("the WooI industry and Part II of it") == []  # mid-sentence capital; numeral


def test_trailing_i_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightmerge, "MERGE_MARGIN_TRAILING_I", False)
    assert _built("we talked about our cats, andI was like that") == []
