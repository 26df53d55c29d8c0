"""Session 50 review clean-ups of the technical-chunk code (issues 12 / 14): exact, the
outputs byte-identical.

* the OCR stage reads a page's technical chunks once, in ``detect``, and hands them to the
  stage-wide keep (:mod:`repair.score.ocr_techkeep`) instead of reading them again;
* the chunk memo (``_tech_chunk_cached``) is emptied when a flag its answers depend on
  changes (a flag flipped at run time read a stale answer);
* the glued-mark reader's address marks are the technical chunks' own.
"""

from __future__ import annotations

import pytest

import repair.detect.ocr as ocr
from repair import RepairConfig, repair_text
from repair.candidates import ocr_glued
from repair.document import Document
from repair.score import ocr_techkeep
from repair.stages import ocr as ocr_stage

PAGE = """Crash when opening "nsIPK11Token.h" from the source view of mapy.centrum.cz
tbe kingwas very glad hereof,and shaU appoint tlie men wbo bave come to tbe town.
"""


def test_flag_flip_is_not_read_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", True)
    on, _ = ocr.technical_spans(PAGE)
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", False)
    off, _ = ocr.technical_spans(PAGE)
    # the file name is technical by its tag alone: with the flag off it is not read so
    chunk = PAGE.index('"nsIPK11Token.h"')
    assert any(s == chunk for s, _ in on)
    assert not any(s == chunk for s, _ in off)
    monkeypatch.setattr(ocr, "TECH_FILE_TAGS", True)
    assert ocr.technical_spans(PAGE)[0] == on


def test_camel_flag_flip_is_not_read_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the onLoad handler of gkcontent.dll and http://x.org"
    monkeypatch.setattr(ocr, "CAMEL_FUNCTION_ZIPF", 6.0)
    assert (text.index("onLoad"), text.index("onLoad") + 6) not in ocr.technical_spans(text)[0]
    monkeypatch.setattr(ocr, "CAMEL_FUNCTION_ZIPF", 99.0)  # no hump is that common
    assert (text.index("onLoad"), text.index("onLoad") + 6) in ocr.technical_spans(text)[0]


def test_spans_read_once_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    detected: list[str] = []
    kept: list[str] = []
    real = ocr.technical_spans

    def in_detect(text: str) -> tuple[list[tuple[int, int]], bool]:
        detected.append(text)
        return real(text)

    def in_keep(text: str) -> tuple[list[tuple[int, int]], bool]:
        kept.append(text)
        return real(text)

    monkeypatch.setattr(ocr_stage, "technical_spans", in_detect)
    monkeypatch.setattr(ocr_techkeep, "technical_spans", in_keep)
    config = RepairConfig(mojibake=False, ocr=True, tortured=False, spin=False, collocation=False)
    result = repair_text(PAGE, config=config)
    assert "the" in result.text.split()  # the gate opened and the page was read
    assert detected and set(detected) == {PAGE}  # once a pass (a self-trained pass too)
    assert kept == []  # the stage-wide keep reads the detection's spans
    # the hand-over key is not left in the document's scores
    assert ocr_stage.TECH_SPANS not in result.scores.details.get("ocr", {})


def test_keep_with_and_without_spans() -> None:
    doc = Document(PAGE)
    det = ocr_stage.STAGE.detect(doc)
    spans = det.details[ocr_stage.TECH_SPANS]
    assert spans == ocr.technical_spans(PAGE)[0]
    edits = ocr_stage.STAGE.score(doc, det, ocr_stage.STAGE.candidates(doc, det))
    assert ocr_stage.TECH_SPANS not in det.details
    # the same edits, the spans handed over or read again
    raw = [e for e in edits]
    assert ocr_techkeep.keep(PAGE, raw, spans) == ocr_techkeep.keep(PAGE, raw)


def test_address_marks_shared() -> None:
    assert ocr_glued.real_chunk("ops-team@example.org,") and ocr_glued.real_chunk("(WWW.x.com)")
    assert ocr.technical_chunk("ops-team@example.org,") == 2
    assert ocr.ADDRESS_MARKS in ocr_glued._ADDRESS.pattern
    assert ocr.ADDRESS_MARKS in ocr._STRONG_MARKS.pattern
