"""Session 65, ocrnames: no own-line page-name reading of a print in a list of names
(``ocr_ownline.LIST_GUARD`` with ``LIST_BLIND``, ``LIST_TITLE``, ``LIST_COMMAS``,
``LIST_GIVEN``): "Marr" beside the page's "Mary" x3 is another person there."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_docname, ocr_namelist, ocr_ownline
from repair.tokenize import tokenize

PAGE = "Mary Hall, Mary Brown and Mary Smith spoke to the council on Monday about the plan.\n"
# a heavy casualty list: its garble is mostly lower-case non-words and misread capitals
LIST = (
    "Ptes Albcrt Hnrold Joncs Frcdk Wlliam Hcllis Thos Jamcs Kclly\n"
    "Ptes Wm llrlndlev Marr Gco Ilcnrj Hnllis Rcbt Jamcs Jnnes\n"
    "Ptes Pcrcy Jolin Frnst Arthnr Chns Brnwn Edwd Gco Whitc\n"
)
PROSE = "tho Marr tearn wa» nskod ihe mcetmg.\n"


def _readings(text: str) -> dict[str, str]:
    toks = tokenize(text)
    got = ocr_docname.doc_name_candidates(toks, force=True, heavy=False)
    return {c.features["orig"][0]: c.replacement for c in got}


@pytest.fixture(autouse=True)
def _real_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_ownline, "TWO_EDITS", False)
    monkeypatch.setattr(ocr_ownline, "REAL_WORDS", True)
    for name in ("LIST_GUARD", "LIST_BLIND", "LIST_TITLE", "LIST_COMMAS", "LIST_GIVEN"):
        monkeypatch.setattr(ocr_ownline, name, True)


@pytest.mark.parametrize("on", [True, False])
def test_no_reading_in_a_list_of_names(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_ownline, "LIST_GUARD", on)
    got = _readings(PAGE + LIST)
    assert ("Marr" in got) is not on  # "Marr" -> Mary only without the guard
    assert got.get("Brnwn") == "Brown"  # a garble no word: the one-edit reading stays
    # the same print in a garbled line of prose is read either way
    assert _readings(PAGE + PROSE) == {"Marr": "Mary"}


def test_list_shape_is_garble_blind() -> None:
    # "hnrold", "jamcs": the OCR's damage (a capital read small), no lower-case word of the
    # writer's; "Wm" an initial-like abbreviation, "Mr" a title
    heavy = (
        "Ptes Albcrt hnrold Joncs frcdk Wlliam hcllis Thos jamcs Kclly\n"
        "Ptes Wm llrlndlev Marr Mr hnllis Rcbt jamcs Jnnes\n"
        "Ptes Pcrcy jnlin Frnst arthnr Chns brnwn Edwd gco Whitc\n"
    )
    toks = tokenize(heavy)
    i = next(k for k, t in enumerate(toks) if t.text == "Marr")
    assert not ocr_namelist.name_list_at(toks, i, i)
    assert ocr_namelist.name_list_at(toks, i, i, blind=True)
    _words, caps, function = ocr_namelist.list_shape(toks, i, i, blind=True)
    assert caps == 1.0 and function == 0.0


@pytest.mark.parametrize(
    "flag,line",
    [
        ("LIST_TITLE", "tho mcetmg wa» Mr. Marr nskod ihe tlie.\n"),
        ("LIST_COMMAS", "tho mcetmg wa» Hollis, Marr, nskod ihe tlie.\n"),
        ("LIST_GIVEN", "tho mcetmg wa» Albert Marr nskod ihe tlie.\n"),
    ],
)
def test_short_list_slots(monkeypatch: pytest.MonkeyPatch, flag: str, line: str) -> None:
    monkeypatch.setattr(ocr_ownline, flag, False)
    assert _readings(PAGE + line) == {"Marr": "Mary"}
    monkeypatch.setattr(ocr_ownline, flag, True)
    assert _readings(PAGE + line) == {}
