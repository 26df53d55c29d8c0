"""Session 35 (ocrname35), issue 12: a garbled title read as the title the page prints
in the same slot (``repair.candidates.ocr_titlepage``), a print clean English attests
left as it is rather than read as a listed name one cheap confusion away
(``ocr_capname.ATTESTED_PRINT``), and the page's name must be its cluster's clean form
(``ocr_pagename.CLEAN_NAME``)."""

from __future__ import annotations

from collections import Counter

import pytest

from repair.candidates import ocr_capname, ocr_pagename, ocr_titlepage
from repair.candidates.ocr import _GENERATOR, _DocInfo
from repair.candidates.ocr_pagename import prefer_page_names
from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_titlepage import page_title_candidates
from repair.tokenize import tokenize

LIST = "Present: Mr. Addison, Mr. Buchanan, Mr. Hyman, Mr. Mugg, Mrs. Reid; and "


def _titles(text: str) -> list[tuple[str, str]]:
    return [
        (c.features["printed"], c.replacement)
        for c in page_title_candidates(tokenize(text), frozenset())
    ]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("Mv. Roberts spoke.", [("Mv", "Mr")]),  # a listed word, read by the page's Mr x4
        ("MeBsrs, Smith and Jones.", [("MeBsrs", "Messrs")]),  # a non-word before a comma
    ],
)
def test_garbled_title_reads_as_the_pages_title(tail: str, expected: list) -> None:
    assert _titles(LIST + tail) == expected


def test_two_edits_to_a_longer_title() -> None:
    page = "Guests: " + ", ".join(f"Mrs. {n}" for n in "Lee Cox Day Hay Roe Fox".split())
    assert _titles(page + ", Mw. Gilchrist.") == [("Mw", "Mrs")]


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_titlepage, "PAGE_TITLES", False)
    assert _titles(LIST + "Mv. Roberts spoke.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Addison and Mv. Roberts spoke.",  # one title on the page: no name list
        LIST + "My. Roberts spoke.",  # a common word, no initial after it
        LIST + "Hen. John Smith spoke.",  # a listed word: the page never prints "Hon"
        LIST + "Mv, Roberts spoke.",  # a listed word before a comma
        LIST + "John Mv. Roberts spoke.",  # after a capitalised word: a middle name
        LIST + "Mv. roberts spoke.",  # no capitalised word after it
        LIST + "Mv. Roberts, Mv. Lee, Mv. Cox.",  # printed as often as a third of the titles
    ],
)
def test_left(text: str) -> None:
    assert _titles(text) == []


def _names(text: str, word: str) -> list[str]:
    """The OCR_NAME readings of ``word`` on a heavily garbled page."""
    toks = tokenize(text)
    counts = Counter(t.text for t in toks if t.kind == "word")
    i = next(k for k, t in enumerate(toks) if t.text == word)
    info = _DocInfo(counts, garbled=True, heavy=True)
    found = _GENERATOR._token(toks, i, "capitalized_unknown", info)
    return [c.replacement for c in found if c.source == "OCR_NAME"]


ROOKWOOD = "in the Church of England portion of the Rookwood Cemetery yesterday"


def test_attested_print_is_not_read_as_a_listed_name() -> None:
    assert _names(ROOKWOOD, "Rookwood") == []


def test_attested_print_was_read_without_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_capname, "ATTESTED_PRINT", False)
    assert _names(ROOKWOOD, "Rookwood") == ["Rockwood"]


def test_unattested_garble_is_still_read() -> None:
    assert set(_names("Mrs. Ivy Chivcrs, Miss Roche, Major Helpman", "Chivcrs")) == {"Chivers"}


def _tames() -> list:
    return [
        cand(0, 5, "Tames", "OCR_DOC_WORD", orig=["Tamos"], alt=["Tames"], cost=1.0,
             threshold=0.0, subs=[["o", "e"]]),
        cand(0, 5, "James", "OCR_CONFUSION", orig=["Tamos"], alt=["James"], cost=3.0),
    ]  # fmt: skip


def test_page_name_must_be_its_clusters_clean_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_pagename, "PAGE_NAME", True)
    counts = Counter({"Tames": 2, "Tamos": 1})
    # "Tames" is one cheap confusion from the listed "James": no page name, both compete
    assert [c.replacement for c in prefer_page_names(_tames(), counts)] == ["Tames", "James"]
    monkeypatch.setattr(ocr_pagename, "CLEAN_NAME", False)
    assert [c.replacement for c in prefer_page_names(_tames(), counts)] == ["Tames"]


def test_short_print_before_a_comma_is_left() -> None:
    page = "Maj. Cox, Maj. Lee, Maj. Day, Maj. Roe; arrived 11th Mav, Griffith and Co."
    assert _titles(page) == []
    assert _titles(page.replace("Mav,", "Mav.")) == [("Mav", "Maj")]  # its own stop: a title
