"""Session 36 (ocrcap36), issue 12: a heavy page's name-shape reading that no list and
no clean English knows ("Soutilwick") is a step towards a name; the listed name the wide
name search reaches is read instead ("Southwick"), unless the names' own noisy channel
rates it well below the reading (``ocr_nameshape.LISTED_NAME``)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_capname, ocr_nameshape
from repair.candidates.ocr import _GENERATOR, _DocInfo
from repair.candidates.ocr_nameshape import channel_gain, listed_name, name_shape_reading
from repair.tokenize import tokenize
from tests.test_ocr_capname30 import _names  # the OCR_NAME readings of a token

SOUTHWICK = "Broken Hill, E. Phillips, Tamworth; W. H. Soutiiwiok, Forbes; B. C. Bowler."
WINNIFRED = "Decree nisi was granted to Thomas Jackson for a divorce from Agnes Wlnntfred Jackson."
HARRY = "Pts. James Burnett, Ilarrj Bush, Jeffrey Butchard; Ptes. Ilarrj Vincent Hall."


def test_shape_reading_is_a_step_towards_a_listed_name() -> None:
    assert name_shape_reading("Soutiiwiok")[0] == "Soutilwick"
    assert listed_name("Soutiiwiok", "Soutilwick")[0] == "Southwick"
    assert _names(SOUTHWICK, "Soutiiwiok") == ["Southwick"]
    assert _names(WINNIFRED, "Wlnntfred") == ["Winnifred"]


def test_repeated_garble_reads_the_listed_name() -> None:
    assert _names(HARRY, "Ilarrj") == ["Harry"]


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameshape, "LISTED_NAME", False)
    monkeypatch.setattr(ocr_capname, "FAR_NAME", False)  # it reads "Southwick" too (session 44)
    assert listed_name("Soutiiwiok", "Soutilwick") is None
    assert _names(SOUTHWICK, "Soutiiwiok") == ["Soutilwick"]
    assert _names(HARRY, "Ilarrj") == ["Ilarry"]


def test_light_page_keeps_the_shape_reading() -> None:
    assert _names(SOUTHWICK, "Soutiiwiok", heavy=False) == ["Soutilwick"]


def test_listed_reading_stays() -> None:
    assert listed_name("Chivcrs", "Chivers") is None  # the shape reading is the name


def test_right_unlisted_reading_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Cathrcn": "Cathren" (no list holds it) is 6.3 nats likelier than "Cothren"
    assert channel_gain("Cathrcn", "Cathren", "Cothren") < -ocr_nameshape.LISTED_BONUS
    assert listed_name("Cathrcn", "Cathren") is None
    monkeypatch.setattr(ocr_nameshape, "LISTED_BONUS", 99.0)
    assert listed_name("Cathrcn", "Cathren")[0] == "Cothren"


def test_reading_clean_english_knows_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_nameshape, "LISTED_BONUS", 99.0)
    assert listed_name("Zealnnd", "Zealand") is None  # "zealand": a word, though no name
    monkeypatch.setattr(ocr_nameshape, "LISTED_MAX_ZIPF", 99.0)
    assert listed_name("Zealnnd", "Zealand")[0] == "Zeeland"


def test_far_name_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Hnvvkosburj" -> "Hawkesbury" costs 7.96 nats
    assert listed_name("Hnvvkosburj", "Hawkosbury")[0] == "Hawkesbury"
    monkeypatch.setattr(ocr_nameshape, "LISTED_MAX_COST", 7.0)
    assert listed_name("Hnvvkosburj", "Hawkosbury") is None


MANGROVE = (
    "donated by the Central Mnngrovo Citrus Packing Company to the growers of Gosford, "
    "Central Mnngrovo, and Wyong."
)


def test_repeated_garble_reads_a_wide_listed_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Mnngrovo" x2: two confusions from "Mangrove", beyond the one cheap confusion
    monkeypatch.setattr(ocr_capname, "REPEAT_WIDE", True)
    assert _names(MANGROVE, "Mnngrovo") == ["Mangrove"]
    assert _names(MANGROVE, "Mnngrovo", heavy=False) == []  # the wide search is a heavy page's
    monkeypatch.setattr(ocr_capname, "REPEAT_WIDE", False)
    assert _names(MANGROVE, "Mnngrovo") == []


def _readings(text: str, word: str) -> list[str]:
    """Every whole-token reading of ``word`` on a heavily garbled page."""
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    i = next(k for k, t in enumerate(toks) if t.text == word)
    found = _GENERATOR._token(
        toks, i, "capitalized_unknown", _DocInfo(counts, garbled=True, heavy=True)
    )
    return [c.replacement for c in found if (c.start, c.end) == (toks[i].start, toks[i].end)]


EXPEDITION = "were members of the New Guinea Rxpedition under the command of Captain Strachan."


def test_capital_row_reading_keeps_its_capital_after_a_capitalised_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # R -> E is a capital row priced by its class: lowered to "expedition" it is dropped
    monkeypatch.setattr(ocr_capname, "CAPITAL_PHRASE", True)
    assert "Expedition" in _readings(EXPEDITION, "Rxpedition")
    monkeypatch.setattr(ocr_capname, "CAPITAL_PHRASE", False)
    assert not {"Expedition", "expedition"} & set(_readings(EXPEDITION, "Rxpedition"))


def test_capital_row_reading_in_a_run_of_names_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capname, "CAPITAL_PHRASE", True)
    text = "were members of the New Rxpedition Guinea under the command of Captain Strachan."
    assert not {"Expedition", "expedition"} & set(_readings(text, "Rxpedition"))


def test_far_common_word_in_a_names_place_is_not_the_listed_name() -> None:
    # "Secretary" is listed (a surname) and the wide name search reaches it, but after a
    # title the caller refuses far common-word readings ("Captain Sccrctaiy")
    assert listed_name("Sccrctaiy", "Sccrctaly")[0] == "Secretary"
    assert listed_name("Sccrctaiy", "Sccrctaly", frozenset({"Secretary"})) is None
