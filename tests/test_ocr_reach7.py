"""Non-words no search reached (issue 12, session 15): long words garbled glyph by glyph,
kept when the channel prefers one word by a margin (:mod:`repair.candidates.ocr_farlong`),
and a garbled word glued to a function word (:mod:`repair.candidates.ocr_gluedfw`)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_context, ocr_farlong, ocr_gluedfw
from repair.candidates.ocr_far import bound, far_readings
from repair.candidates.ocr_farlong import long_reading, readings_over
from repair.candidates.ocr_gluedfw import function_words, gated_readings, glued_readings
from repair.pipeline import repair_text
from tests.test_ocr_wide import NEWSPAPER


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("attsudatica", "attendance"),  # 5 plain edits: beyond the far search
        ("rcsuiniitiou", "resumption"),  # two letters longer ("iu" for "m", "ii" for "n")
        ("thnranelves", "themselves"),
        ("evpcrlenic", "experience"),
    ],
)
def test_a_long_garbled_word_reads_as_the_one_cheap_word(token: str, word: str) -> None:
    assert not any(c.text == word for c in far_readings(token))
    got = long_reading(token)
    assert [c.text for c in got] == [word]
    assert got[0].cost > bound(token)  # the far search's bound would refuse it
    assert got[0].cost <= ocr_farlong.COST_PER_CHAR * len(token)
    (scored,) = readings_over(token, [])
    assert scored.text == word and scored.cost <= ocr_farlong.COST_CAP < got[0].cost


def test_no_long_reading_over_a_candidate_as_cheap() -> None:
    own = long_reading("attsudatica")[0].cost
    assert readings_over("attsudatica", [own + 5.0]) != ()
    assert readings_over("attsudatica", [own - 1.0]) == ()


@pytest.mark.parametrize(
    "token",
    [
        "htforward",  # a piece of "straightforward": "ht" dropped at the start
        "rocessionary",  # "recessionary": "ary" dropped is a suffix, not garble
        "tnterdependent",  # "ter" dropped inside: not "independent"
    ],
)
def test_no_reading_that_drops_a_run_of_printed_glyphs(token: str) -> None:
    assert long_reading(token) == ()


@pytest.mark.parametrize("token", ["wliclner", "cipcctcd", "abc", "attsu1atica", "x" * 20])
def test_no_long_reading_without_a_clear_winner(token: str) -> None:
    # "wliclner": whether, wiener, glider, slider within 1 nat; "cipcctcd": expected,
    # directed 2.2 nats apart
    assert long_reading(token) == ()


def test_the_margin_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    long_reading.cache_clear()
    monkeypatch.setattr(ocr_farlong, "MARGIN", 30.0)
    try:
        assert long_reading("attsudatica") == ()
    finally:
        long_reading.cache_clear()


def test_a_heavy_page_reads_a_long_garbled_word() -> None:
    text = NEWSPAPER.replace("the medita-", "the attsudatica of members at the medita-")
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("attsudatica", "attendance") in changed


def test_long_readings_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_farlong, "FAR_LONG", False)
    monkeypatch.setattr(ocr_context, "CONTEXT", False)  # the context reads it too
    text = NEWSPAPER.replace("the medita-", "the attsudatica of members at the medita-")
    assert "attsudatica" in repair_text(text).text


def test_function_words_come_from_frequency() -> None:
    words = function_words()
    assert {"the", "of", "for", "that"} <= set(words)
    assert all(2 <= len(w) <= ocr_gluedfw.FUNCTION_MAX_LEN for w in words)
    assert "a" not in words and "council" not in words


@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("thorosolutton", ("the", "resolution")),  # "tho" glued, the word garbled
        ("requostof", ("request", "of")),  # the function word after
        ("forthclr", ("for", "their")),
    ],
)
def test_a_garbled_word_glued_to_a_function_word(token: str, parts: tuple[str, str]) -> None:
    assert glued_readings(token)[0][0] == parts


@pytest.mark.parametrize("token", ["expecteda", "kingwas", "conllnuid", "thatcher", "abc"])
def test_no_glued_reading_for_plain_splits_words_or_lone_garble(token: str) -> None:
    # both sides as printed is the plain split's job; one garbled word is no glued pair
    assert all(cost > 0 for _parts, cost in glued_readings(token))
    if token in ("expecteda", "abc"):
        assert glued_readings(token) == ()


def test_a_cheap_one_word_reading_wins_over_a_glued_pair() -> None:
    assert gated_readings("requostof", []) == glued_readings("requostof")
    assert gated_readings("requostof", [2.5]) == ()  # a cheap one-word reading: no pair
    assert gated_readings("requostof", [glued_readings("requostof")[0][1] + 1.0]) == ()


def test_a_heavy_page_reads_a_glued_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace(
        "the medita-", "on sanitary grounds, thocounlrj which would be opened at the medita-"
    )
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("thocounlrj", "the country") in changed
    monkeypatch.setattr(ocr_gluedfw, "GLUED_FW", False)
    assert "thocounlrj" in repair_text(text).text


def test_an_old_spelling_shape_on_a_heavy_newspaper_page_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from repair.candidates import ocr as ocr_candidates

    # "loaving" undoes to "loving" (one "a" dropped), yet a garbled 19th-century
    # newspaper page is not early print: it is "leaving"
    text = NEWSPAPER.replace(
        "the medita-", "J. T. Murphy, previous to his loaving the district at the medita-"
    )
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("loaving", "leaving") in changed
    monkeypatch.setattr(ocr_candidates, "ARCHAIC_HEAVY_ZIPF", 5.5)
    assert "loaving" in repair_text(text).text


def test_old_spellings_in_clean_text_stay() -> None:
    text = "He did tooke the boke and went home to his house, and shee said nothing.\n"
    assert repair_text(text).text == text
