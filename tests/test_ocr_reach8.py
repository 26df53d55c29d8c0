"""Case-garbled capitalised words and words broken by stray marks (issue 12, session 16):
:mod:`repair.candidates.ocr_casefar` and :mod:`repair.candidates.ocr_glyphjoin`."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_casefar, ocr_glyphjoin
from repair.candidates.ocr_casefar import casefar_applies, casefar_case, casefar_readings
from repair.candidates.ocr_glyphjoin import glyph_join_candidates, glyph_join_reading
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.ocr_page import clear_table_caches, without_backoff_rows
from tests.test_ocr_wide import NEWSPAPER


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("JJeeember", "December"),  # capitals inside: the far search reads the folded print
        ("AWATiD", "AWARD"),  # mostly capitals: the reading in capitals
        ("AnEAD", "AHEAD"),
        ("BALFOUIt", "BALFOUR"),
    ],
)
def test_a_case_garbled_token_reads_in_its_casing(token: str, word: str) -> None:
    assert casefar_applies(token, 1)
    assert casefar_readings(token)[0][0] == word


@pytest.mark.parametrize(
    "token",
    ["McLeod", "McGrath", "MacArthur", "iPhone", "mRNA", "pH", "IoT", "NASA", "Sydney", "AWATiD"],
)
def test_real_mixed_case_forms_and_plain_shapes_are_not_read(token: str) -> None:
    # known when folded (McLeod), a lower-case opener (iPhone), all capitals, a capital
    # initial only; "AWATiD" printed twice on the page is the page's own form
    assert not casefar_applies(token, 2 if token == "AWATiD" else 1)


def test_casing_follows_the_print() -> None:
    assert casefar_case("december", "JJeeember") == "December"
    assert casefar_case("award", "AWATiD") == "AWARD"
    assert casefar_case("mcleod", "McLood") == "McLeod"  # a capital on its own letter stays
    assert casefar_case("robinson", "RobinBon") == "Robinson"  # B printed for s: not kept


@pytest.mark.parametrize("token", ["InAsia", "DrAnna", "MyHome"])
def test_two_words_run_together_are_left_to_the_splits(token: str) -> None:
    assert not casefar_applies(token, 1)


def test_a_heavy_page_reads_a_case_garbled_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace("the medita-", "the meeting of JJeeember 1 at the medita-")
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("JJeeember", "December") in changed
    monkeypatch.setattr(ocr_casefar, "CASE_FAR", False)
    assert "JJeeember" in repair_text(text).text


@pytest.mark.parametrize(
    ("left", "sep", "right", "word"),
    [
        ("Com", "-", "nittee", "committee"),
        ("diffi", "-.", "uit", "difficult"),
        ("trou", "-", "ors", "trousers"),
        ("obtaiti", "-", "blc", "obtainable"),
    ],
)
def test_a_word_broken_by_a_stray_mark_reads_as_one(
    left: str, sep: str, right: str, word: str
) -> None:
    got = glyph_join_reading(left, sep, right)
    assert got is not None and got[0] == word


@pytest.mark.parametrize(
    "text",
    [
        "a co-respondent",  # a compound: the right piece is a word
        "the so-called",
        "Botany-road",  # the left piece is a known word of four letters
        "O'Brien and don't",  # apostrophes
        "the well-known",
        "wo-rk",  # too short
    ],
)
def test_compounds_and_elisions_are_not_joined(text: str) -> None:
    assert glyph_join_candidates(tokenize(text)) == []


def test_no_join_without_a_clear_winner(monkeypatch: pytest.MonkeyPatch) -> None:
    glyph_join_reading.cache_clear()
    monkeypatch.setattr(ocr_glyphjoin, "MARGIN", 30.0)
    try:
        assert glyph_join_reading("Com", "-", "nittee") is None
    finally:
        glyph_join_reading.cache_clear()


def test_a_heavy_page_joins_a_broken_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace("the medita-", "tho Com-nittee had met at the medita-")
    res = repair_text(text)
    assert "Committee" in res.text
    monkeypatch.setattr(ocr_glyphjoin, "GLYPH_JOIN", False)
    without_backoff_rows(monkeypatch)  # session 47's n -> m row reads "nittee" alone
    try:
        assert "Committee" not in repair_text(text).text  # one piece at a time: no word
    finally:
        monkeypatch.undo()
        clear_table_caches()


def test_a_common_words_place_is_after_a_lower_case_word() -> None:
    from repair.candidates.ocr_capfar import common_word_place

    toks = tokenize("the Distict, Miss Tasma. W. Woolcott said. Wtiy not, Eileen Mavo")
    placed = [t.text for i, t in enumerate(toks) if t.kind == "word" and common_word_place(toks, i)]
    assert placed == ["Distict", "Wtiy"]  # never after a title, an initial or a name


def test_capital_far_readings_need_a_clear_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capfar
    from repair.score.ocr_channel import Correction

    a, b = Correction("district", 4.0, (), False), Correction("distinct", 5.0, (), False)
    assert ocr_capfar.clear_reading([a, b]) == ()  # 1 nat apart: a name near two words
    assert ocr_capfar.clear_reading([a]) == (a,)
    monkeypatch.setattr(ocr_capfar, "MARGIN", 0.5)
    assert ocr_capfar.clear_reading([a, b]) == (a,)


def test_capital_far_readings_are_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capfar

    text = NEWSPAPER.replace("the medita-", "tributes to the Vustrulluiis at the medita-")
    assert "Vustrulluiis" in repair_text(text).text  # off: the archive suite's names broke
    monkeypatch.setattr(ocr_capfar, "CAPITAL_FAR", True)
    assert "Australians" in repair_text(text).text
