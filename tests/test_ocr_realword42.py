"""A real word beside a garbled word is read further (issue 12, session 42):
:data:`repair.candidates.ocr_realword.GARBLED_REACH`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.candidates import ocr_firstpass, ocr_realword
from repair.tokenize import tokenize


@pytest.fixture
def reach(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_realword, "GARBLED_REACH", True)
    ocr_realword._readings.cache_clear()
    ocr_realword._garbled_readings.cache_clear()
    yield
    ocr_realword._readings.cache_clear()
    ocr_realword._garbled_readings.cache_clear()


def _read(text: str, word: str, heavy: bool = True) -> dict[str, float]:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return {
        c.replacement: float(c.features["threshold"])
        for c in ocr_realword.realword_candidates(toks, i, frozenset(), heavy)
    }


def _beside(text: str, word: str) -> bool:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return ocr_realword.garbled_beside(toks, i)


def test_a_garbled_neighbour(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr_realword.GARBLED_SIDES == 2
    assert _beside("the corner of Victona anti Monash roads", "anti")
    assert not _beside("account should lie luiuiediutely paid", "lie")  # one side only
    monkeypatch.setattr(ocr_realword, "GARBLED_SIDES", 1)
    assert _beside("account should lie luiuiediutely paid", "lie")
    assert not _beside("fragile amid intensifying pressure", "amid")
    assert not _beside("the corner of Victoria anti George streets", "anti")
    # a number, a short piece or a mark is no garbled word
    assert not _beside("it was 16 anti 17 ft", "anti")
    assert not _beside("the xq anti zz roads", "anti")


def test_off_by_default() -> None:
    assert ocr_realword.GARBLED_REACH is False
    ocr_realword._readings.cache_clear()
    assert "and" not in _read("the corner of Victona anti Monash roads", "anti")
    assert "be" not in _read("That the Comrnitteo he instructed", "he")


def test_beside_a_garbled_word_a_longer_print_reaches_the_commonest_words(reach: None) -> None:
    got = _read("the corner of Victona anti Monash roads", "anti")
    assert got.get("and") == ocr_realword.GARBLED_THRESHOLD
    assert "be" in _read("the account sbould lie luiuiediutely paid", "lie")


def test_a_common_print_is_read_beside_a_garbled_word_only(reach: None) -> None:
    assert "be" in _read("That the Comrnitteo he instrncted", "he")
    assert "be" not in _read("That the Committee he instructed", "he")
    assert "be" not in _read("That the Comrnitteo he instructed", "he")  # one side
    assert not ocr_firstpass.reads_nothing("he", True)


def test_a_clean_neighbourhood_or_a_light_page_is_never_read_so(reach: None) -> None:
    assert "and" not in _read("fragile amid intensifying pressure", "amid")
    assert "and" not in _read("the corner of Victona anti Monash roads", "anti", heavy=False)
    # a capitalised print keeps its own search
    assert "and" not in _read("the corner of Victona Anti Monash roads", "Anti")


def test_the_reader_own_readings_keep_their_margin(
    reach: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every reading the reader builds (the learned filter, session 59, skips "ants" here:
    # a reading that cannot win)
    monkeypatch.setattr(ocr_realword, "LEARNED_SKIP", False)
    got = _read("the corner of Victona anti Monash roads", "anti")
    assert got["ants"] == ocr_realword.THRESHOLD


def test_a_heavy_page_reads_it_in_context(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.pipeline import repair_text
    from tests.test_ocr_wide import NEWSPAPER

    text = NEWSPAPER.replace("hall.", "hall, at tho coinei of Victona anti Monash roads.")
    clean = NEWSPAPER.replace("hall.", "hall, at the corner of Elizabeth anti Market streets.")
    for on in (False, True):
        monkeypatch.setattr(ocr_realword, "GARBLED_REACH", on)
        ocr_realword._readings.cache_clear()
        ocr_realword._garbled_readings.cache_clear()
        try:
            got = {(e.original, e.replacement) for e in repair_text(text).edits}
            assert (("anti", "and") in got) is on
            kept = {(e.original, e.replacement) for e in repair_text(clean).edits}
            assert ("anti", "and") not in kept
        finally:
            ocr_realword._readings.cache_clear()
            ocr_realword._garbled_readings.cache_clear()


def _short(text: str, word: str, heavy: bool) -> dict[str, float | None]:
    from repair.candidates.ocr import _Generator

    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    got = _Generator()._realword(toks[i], toks, i, frozenset(), heavy)
    return {c.replacement: c.features.get("threshold") for c in got}


def test_short_words_of_a_lightly_garbled_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_shortword

    text = "a recurrence of pleurisy, is fn bed again"
    assert ocr_shortword.GARBLED_PAGES is True
    monkeypatch.setattr(ocr_shortword, "GARBLED_PAGES", False)
    assert "in" not in _short(text, "fn", heavy=False)
    assert ocr_firstpass.reads_nothing("fn", False)
    monkeypatch.setattr(ocr_shortword, "GARBLED_PAGES", True)
    got = _short(text, "fn", heavy=False)
    assert got.get("in") == ocr_shortword.GARBLED_THRESHOLD
    assert not ocr_firstpass.reads_nothing("fn", False)
    # a heavy page keeps the scorer's real-word margin
    assert _short(text, "fn", heavy=True).get("in", 0.0) is None
    # a common two-letter word is never read so ("it", "no", "Dr")
    assert _short("and it is bed again", "it", heavy=False) == {}


def test_a_light_page_reads_a_rare_two_letter_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_shortword
    from repair.pipeline import repair_text
    from tests.test_ocr_realslot39 import LIGHT_PAGE

    pairs = {(e.original, e.replacement) for e in repair_text(LIGHT_PAGE).edits}
    assert ("fn", "in") in pairs
    monkeypatch.setattr(ocr_shortword, "GARBLED_PAGES", False)
    pairs = {(e.original, e.replacement) for e in repair_text(LIGHT_PAGE).edits}
    assert ("fn", "in") not in pairs
