"""Short words of a heavily garbled page read as the commonest words (issue 12, session 17):
:mod:`repair.candidates.ocr_shortreal`."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_shortreal, ocr_slot
from repair.candidates.ocr_shortreal import (
    short_nonword_candidates,
    short_real_candidates,
    short_real_readings,
)
from repair.pipeline import repair_text
from repair.tokenize import tokenize
from tests.test_ocr_wide import NEWSPAPER


def _words(readings: tuple[tuple[str, float], ...]) -> list[str]:
    return [w for w, _c in readings]


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("tie", "the"),
        ("tue", "the"),
        ("hal", "had"),
        ("oil", "all"),
        ("ace", "are"),
        ("nth", "with"),
    ],
)
def test_a_short_word_reaches_the_commonest_word_near_it(token: str, word: str) -> None:
    assert word in _words(short_real_readings(token))


def test_readings_are_priced_by_the_channel_cheapest_first() -> None:
    costs = [c for _w, c in short_real_readings("tbe")]
    assert costs == sorted(costs)
    assert short_real_readings("tbe")[0][0] == "the"


@pytest.mark.parametrize("token", ["the", "and", "was", "ab", "The", "TIE", "t1e", "times"])
def test_common_words_capitals_two_letters_and_long_words_are_not_read(token: str) -> None:
    assert short_real_readings(token) == ()


def test_no_reading_drops_a_printed_glyph() -> None:
    # "won" -> "on", "mis" -> "is": the print is read whole, never cut to a shorter word
    for token in ("won", "mis", "pin", "ars"):
        assert all(len(w) >= len(token) for w in _words(short_real_readings(token)))


def _at(text: str, word: str) -> tuple[list, int]:
    toks = tokenize(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


def test_a_short_word_between_words_gets_readings_on_a_heavy_page_only() -> None:
    toks, i = _at("for tie use of the hall", "tie")
    got = short_real_candidates(toks, i, [], heavy=True)
    assert "the" in [c.replacement for c in got]
    assert all(c.features["orig_known"] for c in got)
    assert short_real_candidates(toks, i, [], heavy=False) == []


def test_no_reading_next_to_an_initial_or_at_an_edge() -> None:
    toks, i = _at("of the J ant Stock Banking", "ant")
    assert short_real_candidates(toks, i, [], heavy=True) == []
    toks, i = _at("tie use of the hall", "tie")
    assert short_real_candidates(toks, i, [], heavy=True) == []


def test_readings_already_found_are_not_repeated() -> None:
    toks, i = _at("for tie use of the hall", "tie")
    first = short_real_candidates(toks, i, [], heavy=True)
    again = short_real_candidates(toks, i, first[:1], heavy=True)
    assert first[0].replacement not in [c.replacement for c in again]


def test_a_short_non_word_is_read_as_a_common_word() -> None:
    toks, i = _at("and onb of the best", "onb")
    got = short_nonword_candidates(toks, i, [], {"finding": "nonword", "orig": ["onb"]})
    assert "one" in [c.replacement for c in got]
    assert all(c.source == "OCR_CONFUSION" and not c.features.get("orig_known") for c in got)


def test_a_heavy_page_reads_a_short_word_in_context(monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEWSPAPER.replace("hall.", "hall, for tie use of tho children of tho town.")
    changed = {(e.original, e.replacement) for e in repair_text(text).edits}
    assert ("tie", "the") in changed
    monkeypatch.setattr(ocr_shortreal, "SHORT_REAL", False)
    monkeypatch.setattr(ocr_slot, "SLOT", False)  # the slot reads "tie" as "the" too
    assert ("tie", "the") not in {(e.original, e.replacement) for e in repair_text(text).edits}


def test_the_context_keeps_a_right_short_word() -> None:
    # "tie" means tie here: the language model does not want "the"
    text = NEWSPAPER.replace("hall.", "hall, and he wore a silk tie to tho meeting.")
    assert "silk tie" in repair_text(text).text


def test_clean_text_keeps_its_short_words() -> None:
    text = "He wore a silk tie and ate a ripe fig, then the hal of fame oil was sold."
    assert repair_text(text).text == text


def test_a_title_case_print_is_compared_lowered_and_priced_as_printed() -> None:
    assert "with" in _words(short_real_readings("Rith"))
    assert "for" in _words(short_real_readings("Cor"))
    assert short_real_readings("tHe") == ()  # a capital inside is not a title-case print


def _capital_cands(text: str, word: str) -> list:
    toks, i = _at(text, word)
    return short_real_candidates(toks, i, [], heavy=True)


def test_a_title_case_print_is_read_only_inside_a_sentence() -> None:
    got = _capital_cands("in completo disdain Cor the covci", "Cor")
    assert "for" in [c.replacement for c in got]
    # a real word, as a lower-case real word: the real-word margin
    assert all(c.features["threshold"] == ocr_shortreal.THRESHOLD for c in got)
    # after a capitalised word, before one, or at a sentence start: a name or a heading
    assert _capital_cands("in completo Disdain Cor the covci", "Cor") == []
    assert _capital_cands("in completo disdain Cor The covci", "Cor") == []
    assert _capital_cands("in completo. Cor the covci", "Cor") == []


def test_a_repeated_or_usually_capitalised_print_is_a_name() -> None:
    assert _capital_cands("disdain Cor the covci and Cor was", "Cor") == []
    # "Dan" is written with a capital in period text; "Ann" is a listed name that period
    # text never prints in lower case: names, not "can", "and"
    assert short_real_readings("Dan") and short_real_readings("Ann")
    assert _capital_cands("when old Dan was there", "Dan") == []
    assert _capital_cands("said that Ann was there", "Ann") == []


def test_a_title_case_margin_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortreal, "CAPITALS_THRESHOLD", 4.0)
    got = _capital_cands("in completo disdain Cor the covci", "Cor")
    assert got and all(c.features["threshold"] == 4.0 for c in got)
    toks, i = _at("for tie use of the hall", "tie")  # lower-case prints keep theirs
    assert short_real_candidates(toks, i, [], heavy=True)[0].features["threshold"] == 6.0


def test_capitals_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortreal, "CAPITALS", False)
    assert _capital_cands("in completo disdain Cor the covci", "Cor") == []
    toks, i = _at("for the and Cor the covci", "Cor")
    feats = {"finding": "capitalized_unknown", "orig": ["Cor"]}
    assert short_nonword_candidates(toks, i, [], feats) == []
