"""Glyph non-words of a shut page read by the language model's margin over the print
(:mod:`repair.candidates.ocr_lightglyph`, issue 12, session 54)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_lightcap, ocr_lightglyph
from repair.candidates.ocr_lightglyph import glyph_token, near_code, quoted
from repair.candidates.ocr_rules import page_word_counts
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.tokenize import tokenize

CONFIG = RepairConfig(spin=False, tortured=False)
MARKET = "The company said the {} market for steel had grown by a third over the past two years."


@pytest.fixture(autouse=True)
def _flag_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightglyph, "GLYPH_MARGIN", True)


def _edits(text: str) -> list[tuple[str, str]]:
    out = repair_text(text, config=CONFIG)
    return [(text[e.offset : e.end], e.replacement) for e in out.edits]


def _at(text: str, word: str) -> tuple[list, int]:
    toks = tokenize(text)
    return toks, next(k for k, t in enumerate(toks) if t.text == word)


def test_a_web_typo_form_is_read_in_context() -> None:
    # "worid" (Zipf 1.5) and "senso" (1.8): forms the web prints, out of the light path's reach
    assert _edits(MARKET.format("worid")) == [("worid", "world")]
    text = "It is a matter of common senso that the roads should be kept clear in winter."
    assert _edits(text) == [("senso", "sense")]


def test_flag_off_leaves_the_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_lightglyph, "GLYPH_MARGIN", False)
    assert _edits(MARKET.format("worid")) == []
    toks, i = _at(MARKET.format("worid"), "worid")
    assert not glyph_token(toks[i], page_word_counts(toks), "nonword", toks, i)


def test_quoted_and_capitalised_tokens_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _edits(MARKET.format('"worid"')) == []
    # capitals are ocr_lightcap's (CAP_MARGIN, session 55: "the Worid market" -> "World")
    monkeypatch.setattr(ocr_lightcap, "CAP_MARGIN", False)
    assert _edits(MARKET.format("Worid")) == []
    toks, i = _at("a docstring's 'worid' here", "worid")
    assert quoted(toks, i)


def test_a_token_near_a_file_name_or_url_stays() -> None:
    assert _edits(MARKET.format("worid (see app.ini)")) == []
    toks, i = _at("the worid is at www.x.com now", "worid")
    assert near_code(toks, i)
    toks, i = _at("a worid of U.S. firms", "worid")
    assert not near_code(toks, i)  # an abbreviation is no file name


def test_a_writers_misspelt_vowel_is_too_dear() -> None:
    # "consistant" -> "consistent" costs 4.3 nats: a writer's spelling, not a glyph
    text = "The shortcut should be consistant with the other browsers on Windows and Mac."
    assert _edits(text) == []


def test_the_prior_grows_with_the_prints_web_frequency(monkeypatch: pytest.MonkeyPatch) -> None:
    toks, i = _at(MARKET.format("worid"), "worid")
    tok = toks[i]
    (low,) = ocr_lightglyph.glyph_candidates(tok)
    monkeypatch.setattr(ocr_lightglyph, "PRIOR_PER_ZIPF", 4.0)
    (high,) = ocr_lightglyph.glyph_candidates(tok)
    assert high.features["cost"] > low.features["cost"] + 2.0  # Zipf 1.5 x 2 more nats
    monkeypatch.setattr(ocr_lightglyph, "PRIOR_PER_ZIPF", 20.0)
    assert _edits(MARKET.format("worid")) == []


def test_a_page_that_prints_the_form_twice_keeps_it() -> None:
    text = MARKET.format("worid") + " The worid market, he said, was his."
    assert ("worid", "world") not in _edits(text)


def test_a_regular_form_of_a_known_word_stays() -> None:
    # "loather" (loathe + r) is one cheap confusion from "leather": a word, not garble
    assert ocr_lightglyph.regular_form("loather")
    assert not ocr_lightglyph.regular_form("worid")
    assert _edits("He was a loather of cigars and a lover of long walks.") == []
