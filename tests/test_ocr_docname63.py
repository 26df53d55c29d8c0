"""Session 63, ocrcaps: a capitalised print read as a name the page prints more often
(``ocr_docname.DOC_NAME``) and the slot guard of the page's capital pairs
(``ocr_capswap.PAGE_SLOT_GUARD``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_capswap, ocr_docname
from repair.tokenize import tokenize

PAGE = (
    "Mr John Smith and John Brown met Tohn Smith at noon. Later Mr Lawrence "
    "spoke and Lawrence left; Lawence had gone home."
)


def _readings(text: str) -> dict[str, str]:
    toks = tokenize(text)
    return {c.features["orig"][0]: c.replacement for c in ocr_docname.doc_name_candidates(toks)}


@pytest.mark.parametrize("on", [True, False])
def test_flag_reads_page_names(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(ocr_docname, "DOC_NAME", on)
    got = _readings(PAGE)
    if on:
        assert got == {"Tohn": "John", "Lawence": "Lawrence"}
    else:
        assert got == {}


def test_price_is_plain_edits_less_page_odds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_docname, "DOC_NAME", True)
    toks = tokenize(PAGE)
    cands = {c.features["orig"][0]: c for c in ocr_docname.doc_name_candidates(toks)}
    import math

    assert cands["Tohn"].features["cost"] == pytest.approx(
        ocr_docname.EDIT_COST - math.log(2), abs=1e-3
    )
    assert (
        cands["Tohn"].source == "OCR_DOC_WORD" and cands["Tohn"].features["finding"] == "doc_name"
    )
    # a reading another builder already prices as cheaply is not made again
    taken = {(cands["Tohn"].start, cands["Tohn"].end, "John"): 0.5}
    again = ocr_docname.doc_name_candidates(toks, taken=taken)
    assert [c.replacement for c in again] == ["Lawrence"]


def test_no_reading_without_page_support(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_docname, "DOC_NAME", True)
    # the name printed less often than the print: no evidence
    assert _readings("Tohn Brown met Tohn Smith and John at noon.") == {}
    # the name's own plural, and two edits in a short word, are no misprints
    assert _readings("Mr Goodhind and Mrs Goodhind met the Goodhinds.") == {}
    assert _readings("Then Thne left.") == {}
    # two words run together, and a doubled letter, are no misprints of a name
    assert _readings("Israel and Israel again; Isracl said.") == {"Isracl": "Israel"}
    assert _readings("Israel and Israel again; Israelof said.") == {}
    assert _readings("Sir Galahad and Sir Galahad; Sir Gallahad.") == {}
    # two names as near and as printed: no evidence for either
    assert _readings("Jane met Jake and Jane met Jake; Jare left.") == {}
    # a print that is a word is read only with REAL_WORDS, in a name's slot
    text = "Mr Jones came. Mr Jones went. Mr Jones sat. Later Mr Tones said so."
    assert _readings(text) == {}
    monkeypatch.setattr(ocr_docname, "REAL_WORDS", True)
    assert _readings(text) == {"Tones": "Jones"}
    assert _readings("Mr Jones came. Mr Jones went. Mr Jones sat. The Tones were low.") == {}


@pytest.mark.parametrize("guard", [True, False])
def test_page_slot_guard(monkeypatch: pytest.MonkeyPatch, guard: bool) -> None:
    monkeypatch.setattr(ocr_capswap, "PAGE_PAIRS", True)
    monkeypatch.setattr(ocr_capswap, "PAGE_MIN_PRINTS", 1)
    monkeypatch.setattr(ocr_capswap, "PAGE_SLOT_GUARD", guard)
    toks = tokenize("Then Qohn went to the Qohn Street office.")
    idx = [i for i, t in enumerate(toks) if t.text == "Qohn"]
    counts = {"Qohn": 1, "John": 3, "Then": 1}
    got = {
        toks[i].start: [c.replacement for c in ocr_capswap.capswap_candidates(toks, [i], counts)]
        for i in idx
    }
    first, second = (got[toks[i].start] for i in idx)
    assert "John" in first  # after a stop: a name's slot either way
    assert ("John" in second) is not guard  # after "the": the guard drops the page reading
