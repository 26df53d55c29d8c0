"""Clean technical text passes the OCR stage untouched (session 49, issue 12).

A bug report's identifiers, file names, URLs and closed compounds ("dropdown",
"statusbar") opened the garble gate, and the stage then "repaired" them
("gkcontent.dll" -> "gkcontent dll", "MOZ_PHOENIX" -> "MOZ PHOENIX").
"""

from __future__ import annotations

import pytest

import repair.detect.ocr as ocr
from repair import RepairConfig, repair_text
from repair.score import ocr_techkeep

REPORT = """Autocomplete dropdown doesn't close when the textbox loses focus
Tooltips in the statusbar are cut off in fullscreen mode
Whitespace in the stylesheet breaks the checkmark next to "Block Popups"
Crash in gkcontent.dll when typing a URL, see http://bugzilla.mozilla.org/
$MOZILLA_FIVE_HOME is ignored; MOZ_PHOENIX builds read localstore.rdf
browser.urlbar.autofill pref has no effect after textbox.focus() in onLoad
Popup whitelisting for mailto links and the mouseover handler
Bookmarks toolbar loses its menubar entries after restart
Spacebar scrolls the page instead of the listbox in the sidebar
"""
GARBLE = "\ntbe kingwas very glad hereof,and shaU appoint tlie men wbo bave come to tbe town.\n"
CHUNKS = ("gkcontent.dll", "MOZ_PHOENIX", "$MOZILLA_FIVE_HOME", "browser.urlbar.autofill")


def _ocr_only() -> RepairConfig:
    return RepairConfig(mojibake=True, ocr=True, tortured=False, spin=False, collocation=False)


def _all(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    """Every guard of this work on or off (each alone does part of it)."""
    monkeypatch.setattr(ocr, "TECH_CHUNKS", on)
    monkeypatch.setattr(ocr, "WEB_COMPOUNDS", on)
    monkeypatch.setattr(ocr_techkeep, "TECH_KEEP", on)


def test_chunk_kinds() -> None:
    kinds = {c: ocr.technical_chunk(c) for c in ("http://x.org", "focus()", "$HOME", "0x1f")}
    assert set(kinds.values()) == {2}
    for shape in ("gkcontent.dlx", "MOZ_PHOENIX", "cookieBehavior", "mapy.centrum.cz", "GTK1"):
        assert ocr.technical_chunk(shape) == 1, shape
    # OCR's stray stops, capitals and dashes are no technical text
    for garble in ("tbe.man", "as.can", "muBio", "theCroiwi", "-where", "Z(Hart"):
        assert ocr.technical_chunk(garble) == 0, garble


def test_ocr_shapes_alone_are_no_register() -> None:
    # without a mark no OCR prints, underscores and dots count as before
    spans, technical = ocr.technical_spans("during_ioyear the pfank.ond was TO_THB town")
    assert spans == [] and not technical


def test_bug_report_shuts_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    _all(monkeypatch, True)
    assert not ocr.is_garbled(ocr.detect_ocr(REPORT))
    assert repair_text(REPORT, config=_ocr_only()).text == REPORT


def test_bug_report_opened_the_gate_without(monkeypatch: pytest.MonkeyPatch) -> None:
    _all(monkeypatch, False)
    assert ocr.is_garbled(ocr.detect_ocr(REPORT))
    assert repair_text(REPORT, config=_ocr_only()).text != REPORT


def test_web_compounds_need_a_register(monkeypatch: pytest.MonkeyPatch) -> None:
    _all(monkeypatch, True)
    assert ocr.web_compound("dropdown", ("drop", "down"))
    assert not ocr.web_compound("iton", ("it", "on"))  # a function word: an OCR merge
    assert not ocr.web_compound("lastend", ("last", "end"))  # the web does not write it


@pytest.mark.parametrize("keep", [True, False])
def test_chunks_kept_on_a_garbled_page(monkeypatch: pytest.MonkeyPatch, keep: bool) -> None:
    _all(monkeypatch, True)
    monkeypatch.setattr(ocr_techkeep, "TECH_KEEP", keep)
    text = REPORT + GARBLE
    result = repair_text(text, config=_ocr_only())
    assert "the" in result.text.split()  # the garble is read: the gate is open
    touched = {e.original for e in result.edits}
    assert touched.isdisjoint(CHUNKS) == keep
