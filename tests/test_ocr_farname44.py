"""Garbled names far from every listed name but one, and capitals headings the far searches
price at full cost (session 44, ocrcaps44): ``ocr_capname.far_name`` (``FAR_NAME``,
``FAR_NAME_START``) and ``ocr_capsfar.OVER_READINGS``."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_capname, ocr_capsfar
from repair.candidates.ocr import _GENERATOR, _DocInfo
from repair.pipeline import repair_text
from repair.score.ocr_channel import Correction
from repair.tokenize import tokenize
from tests.test_ocr_capname30 import _names  # the OCR_NAME readings of a token
from tests.test_ocr_wide import NEWSPAPER


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("brought by Constable Alfred Guotge Winter, who", "Guotge", "George"),
        ("Regiment; Mr J. Nuwinan to be second lieutenant", "Nuwinan", "Newman"),
        ("the eight gullies in Ixiwor George-street were", "Ixiwor", "Lower"),
    ],
)
def test_a_name_far_from_every_other_is_read(
    text: str, word: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _names(text, word) == [name]
    monkeypatch.setattr(ocr_capname, "FAR_NAME", False)
    assert _names(text, word) == []


def test_a_sentence_first_name_is_read_only_with_the_start_switch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Burns, Marlow. Itarvov, Smith and Jones were fined."
    assert _names(text, "Itarvov", reason="nonword") == ["Harvey"]
    monkeypatch.setattr(ocr_capname, "FAR_NAME_START", False)
    assert _names(text, "Itarvov", reason="nonword") == []


@pytest.mark.parametrize(
    ("token", "names"),
    [
        ("Tozer", [Correction("Yazor", 8.7, (("T", "Y"), ("o", "a"), ("e", "o")), True)]),
        ("Kelety", [Correction("Kelsey", 7.9, (("et", "s"),), True)]),  # no more name-like
        ("Guotge", [Correction("George", 9.5, (("u", "e"), ("t", "r")), True)]),  # too far
    ],
)
def test_a_name_printed_right_or_too_far_stays(token: str, names: list[Correction]) -> None:
    """An attested print (Zipf >= 1: "Tozer"), a reading no more name-like than the print
    net of its cost, a reading past the cost bound: no far name."""
    assert ocr_capname.far_name(token, names) == []


def test_the_commoner_of_two_far_names_needs_a_clear_lead() -> None:
    harvey = Correction("Harvey", 8.74, (("It", "H"), ("o", "e"), ("v", "y")), True)
    garvey = Correction("Garvey", 7.9, (("It", "G"), ("o", "e"), ("v", "y")), True)  # 3.0
    newman = Correction("Newman", 7.67, (("u", "e"), ("in", "m")), True)
    rarer = Correction("Newmann", 7.6, (("u", "e"), ("in", "m"), ("", "n")), True)  # Zipf 1.2
    assert [c.text for c in ocr_capname.far_name("Nuwinan", [rarer, newman])] == ["Newman"]
    assert ocr_capname.far_name("Itarvov", [garvey, harvey]) == []  # within the margin


def test_a_capital_priced_by_its_class_is_no_name_evidence() -> None:
    eustace = [Correction("Eustace", 6.5, (("P", "E"), ("cc", "ce")), True)]
    assert ocr_capname.far_name("Pustacc", eustace) == []  # P -> E: a class-priced row


def test_a_heading_word_the_far_search_prices_high_is_read() -> None:
    """The far searches' own reading of "TIIKATHE" (6.5 nats, declined) no longer hides the
    capitals reading at its capped cost."""
    toks = tokenize("PRINCE OF WALES TIIKATHE.-On")
    i = next(k for k, t in enumerate(toks) if t.text == "TIIKATHE")
    info = _DocInfo(Counter(t.text for t in toks if t.kind == "word"), garbled=True, heavy=True)
    found = _GENERATOR._token(toks, i, "nonword", info)
    capped = [c for c in found if c.features.get("cost") == ocr_capsfar.COST_CAP]
    assert ocr_capsfar.OVER_READINGS and [c.replacement for c in capped] == ["THEATRE"]


def test_a_common_word_is_no_far_name_in_a_surnames_place() -> None:
    """ "Secretary" is a listed place, but after a title it is no surname (Zipf 4.95)."""
    assert "Secretary" not in _names(
        "The vessel left with Captain Sccrctaiy on board.", "Sccrctaiy"
    )
    assert "Secretary" in _names("The vessel left with the Sccrctaiy on board.", "Sccrctaiy")


def test_shipped_switches() -> None:
    assert ocr_capname.FAR_NAME and ocr_capname.FAR_NAME_START
    assert not ocr_capname.FAR_NAME_LIGHT and not ocr_capname.FAR_NAME_TIES
    assert not ocr_capname.FAR_NAME_CLASS_ROWS
    assert ocr_capsfar.OVER_READINGS


def test_a_clean_page_keeps_its_unlisted_names() -> None:
    text = "Mr. Clinnick and Captain Amova met Mr. Goessling at Kelety.\n"
    assert repair_text(text).text == text
    assert "Clinnick" in repair_text("Constable Clinnick, of " + NEWSPAPER).text
