"""Capitalised non-words read as the one cheap listed name (session 30, ocrcap30):
four-letter tokens ("Mavo" -> "Mayo") and a garble the page repeats ("Frnest" x2)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_capname
from repair.candidates.ocr import _GENERATOR, _DocInfo
from repair.tokenize import tokenize


def _names(
    text: str, word: str, heavy: bool = True, reason: str = "capitalized_unknown"
) -> list[str]:
    """The OCR_NAME readings of ``word`` (its first occurrence, the detector's ``reason``)
    on a garbled page."""
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    i = next(k for k, t in enumerate(toks) if t.text == word)
    info = _DocInfo(counts, garbled=True, heavy=heavy)
    found = _GENERATOR._token(toks, i, reason, info)
    return [c.replacement for c in found if c.source == "OCR_NAME"]


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("English artist Eileen Mavo wore black velvet", "Mavo", "Mayo"),
        ("a divorce from Annie Emll Kennedy (formerly", "Emll", "Emil"),
        ("the yards of 1/9, Gili, Coolamon, and", "Gili", "Gill"),
    ],
)
def test_four_letter_token_reads_as_its_one_cheap_name(
    monkeypatch: pytest.MonkeyPatch, text: str, word: str, name: str
) -> None:
    monkeypatch.setattr(ocr_capname, "NAME_MIN_LEN", 4)
    # "Gili" is a word of clean English (Zipf 2.2; "Gill" 3.6): since session 35 the
    # attested print keeps it (ocr_capname.ATTESTED_PRINT), so the setting is shown alone
    monkeypatch.setattr(ocr_capname, "ATTESTED_PRINT", False)
    assert _names(text, word) == [name]


def test_four_letters_are_left_by_default() -> None:
    assert _names("English artist Eileen Mavo wore black velvet", "Mavo") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("apprehended a man named Thos. Robertson on a charge", "Thos"),
        ("A. Victor. Alfred Lubb, W. Guthridge, Mackay", "Lubb"),
    ],
)
def test_short_token_gets_no_wide_name_search(
    monkeypatch: pytest.MonkeyPatch, text: str, word: str
) -> None:
    monkeypatch.setattr(ocr_capname, "NAME_MIN_LEN", 4)
    assert _names(text, word) == []  # no cheap name; the wide search would find one
    monkeypatch.setattr(ocr_capname, "WIDE_MIN_LEN", 4)
    monkeypatch.setattr(ocr_capname, "ATTESTED_PRINT", False)  # "Thos": Zipf 2.6 (session 35)
    assert _names(text, word) != []


REPEATED = "Pte Franklin Thompson Frnest Wm Thureson, and Dvr Frnest Fsscrman, Ptes"


def test_repeated_garble_reads_as_its_one_cheap_name() -> None:
    assert _names(REPEATED, "Frnest") == ["Ernest"]


def test_repeated_garble_was_taken_for_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capname, "REPEAT_NAME", False)
    assert _names(REPEATED, "Frnest") == []


def test_repeated_token_is_not_read_on_a_clean_page() -> None:
    toks = tokenize(REPEATED)
    counts = Counter(t.text for t in toks if t.kind == "word")
    i = next(k for k, t in enumerate(toks) if t.text == "Frnest")
    info = _DocInfo(counts, garbled=False, heavy=False)
    assert _GENERATOR._token(toks, i, "capitalized_unknown", info) == []


@pytest.mark.parametrize(("count", "applies"), [(2, True), (3, True), (4, False)])
def test_repeat_applies_to_two_or_three_prints(count: int, applies: bool) -> None:
    assert ocr_capname.repeat_applies("Frnest", count) is applies
    assert ocr_capname.repeat_applies("Gili", count) is False  # below NAME_MIN_LEN


def test_listed_name_is_left() -> None:
    assert _names("Mr. John Gill of Coolamon, and", "Gill") == []


BOOK = "Going south, Brantz Mayer at Baltimore; an oyster tea at Brantz Mayer's, and"


def test_repeated_name_no_more_name_like_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _names(BOOK, "Brantz") == []  # "Braatz" is no more a name's shape than "Brantz"
    monkeypatch.setattr(ocr_capname, "REPEAT_SHAPE_GAIN", -99.0)
    monkeypatch.setattr(ocr_capname, "ATTESTED_PRINT", False)  # "Brantz": Zipf 1.1 (session 35)
    assert _names(BOOK, "Brantz") == ["Braatz"]


def test_shape_gain_is_net_of_the_channel_cost() -> None:
    assert ocr_capname.shape_gain("Frnest", "Ernest") > ocr_capname.REPEAT_SHAPE_GAIN
    assert ocr_capname.shape_gain("Brantz", "Braatz") < 0.0
